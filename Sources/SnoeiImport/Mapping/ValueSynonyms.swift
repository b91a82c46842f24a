/// Dutch and English words exports use for the canonical vocabularies (FORMAT.md).
/// A mapping file's `[values.<field>]` table comes first, so a firm's own task names
/// ("Ontwerp", "Projectleiding") map where it wants them.
enum ValueSynonyms {
    static let activity: [String: String] = [
        "support": "support", "ondersteuning": "support", "helpdesk": "support", "service": "support", "storing": "support",
        "rework": "rework", "herstel": "rework", "herstelwerk": "rework", "correctie": "rework", "bug": "rework", "bugfix": "rework",
        "meeting": "meeting", "vergadering": "meeting", "overleg": "meeting", "afspraak": "meeting", "call": "meeting",
        "sales": "sales", "verkoop": "sales", "acquisitie": "sales", "offerte": "sales",
        "delivery": "delivery", "levering": "delivery", "uitvoering": "delivery", "productie": "delivery", "development": "delivery",
        "ontwikkeling": "delivery", "design": "delivery", "ontwerp": "delivery", "consultancy": "delivery", "advies": "delivery",
        "admin": "admin", "administratie": "admin", "administration": "admin", "project management": "admin",
        "projectmanagement": "admin", "projectleiding": "admin", "facturatie": "admin",
    ]

    static let boolean: [String: String] = [
        "true": "true", "yes": "true", "y": "true", "ja": "true", "j": "true", "1": "true", "waar": "true", "x": "true",
        "false": "false", "no": "false", "n": "false", "nee": "false", "0": "false", "onwaar": "false",
    ]

    /// The canonical value of `text` for `field`, through `custom` first; nil when unknown.
    static func canonical(_ text: String, field: String, custom: [String: String]) -> String? {
        let key = HeaderSynonyms.normalise(text)
        if let v = custom[text] ?? custom[key] { return v }
        switch CanonicalField.kind(field) {
        case .activity: return activity[key]
        case .boolean: return boolean[key]
        default: return text
        }
    }
}
