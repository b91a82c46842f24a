import Foundation

/// Message catalogue: every sentence and label Snoei generates, in Dutch and English.
///
/// Keys are stable (`reason.late_payment`, `recommendation.fix`, …); templates name the
/// figures they show as `{figure_name}`. Wording states facts and proposals, never labels
/// about people: the decision stays with a person (GDPR art. 22).
public enum Catalogue {
    public static func text(_ key: String, _ language: Language) -> String {
        (language == .nl ? nl[key] : en[key]) ?? en[key] ?? key
    }

    public static func has(_ key: String) -> Bool { en[key] != nil }

    static let en: [String: String] = [
        "reason.red_line": "On {date} an incident of the kind “{kind}” (severity {severity} of 5) was logged. The policy treats this as a red line: it outweighs the figures.",
        "reason.profitable": "Contribution over the last 12 months is {contribution}: revenue {revenue}, minus {cogs} cost of goods and {cost_to_serve} cost to serve.",
        "reason.unprofitable": "Contribution over the last 12 months is {contribution}, below the boundary of {boundary}: revenue {revenue}, minus {cogs} cost of goods and {cost_to_serve} cost to serve.",
        "reason.friction_low": "Friction score {friction} of 100, below the boundary of {boundary}.",
        "reason.friction_high": "Friction score {friction} of 100, at or above the boundary of {boundary}; largest parts: {parts}.",
        "reason.let_go_friction": "With a contribution of {contribution}, friction {friction} is at or above the let-go boundary of {boundary}.",
        "reason.late_payment": "Pays on average {avg_days_late} days late (weighted by amount); {late_share} of the invoices due in the last 12 months were paid late. Boundary: {boundary} days. Overdue now: {overdue}.",
        "reason.short_pay": "{short_pays} invoice(s) partly paid, then no payment for more than 30 days; {open} is still open.",
        "reason.overdue_90": "{d90_plus} has been overdue for more than 90 days (boundary {boundary}).",
        "reason.self_caused": "{self_caused_share} of {contacts} contacts in the last 12 months concerned problems that started on the customer's side.",
        "reason.deviations": "{deviations} deviation(s) from the sales standards in the last 12 months, costing {deviation_cost}.",
        "reason.incidents": "{incidents} incident(s) logged; the most serious: “{kind}” on {date}, severity {max_severity} of 5, below the red line.",
        "reason.dependency": "Revenue share is {revenue_share}, at or above the dependency boundary of {boundary}. Letting go would remove {revenue} of revenue, about {replacement_months} months of revenue from new customers at last year's rate, while staff and fixed costs largely remain. Proposed: fix the relationship first.",
        "reason.dependency_risk": "Revenue share is {revenue_share} (dependency boundary {boundary}): an exit removes {revenue} of revenue, about {replacement_months} months of revenue from new customers. Plan how to fill the gap.",
        "reason.ambassador": "Referred {referrals} new customer(s), who brought {referred_revenue} of revenue in the last 12 months.",
        "reason.values_fit_low": "Values fit is {values_fit}, below the policy's minimum of {boundary}.",
        "reason.no_revenue": "No revenue and no recorded cost to serve in the last 12 months.",
        "reason.future_value": "Expected lifetime value is {clv} over the coming {horizon_weeks} weeks ({expected_purchases} expected purchases; {p_alive} chance the customer is still active), at or above the boundary of {boundary}: the relationship can still become profitable. Proposed: fix it first.",
        "reason.contract_value": "Expected contract value is {clv} over the coming {horizon_weeks} weeks ({monthly_revenue} a month over the last 12 months; the contract binds until {committed_until}; {renewal_chance} chance of the next renewal), at or above the boundary of {boundary}: the relationship can still become profitable. Proposed: fix it first.",

        "recommendation.nurture": "Nurture",
        "recommendation.keep": "Keep",
        "recommendation.fix": "Fix",
        "recommendation.let_go": "Let go",

        "quadrant.profitable_easy": "Profitable, low friction",
        "quadrant.profitable_demanding": "Profitable, demanding",
        "quadrant.unprofitable_easy": "Unprofitable, low friction",
        "quadrant.unprofitable_demanding": "Unprofitable, high friction",

        "action.ask_for_referrals": "Invest in the relationship and ask for referrals",
        "action.set_boundaries": "Agree on boundaries and tell the customer",
        "action.fixed_contact": "Give a fixed contact person",
        "action.standard_tier": "Serve through the standard service tier",
        "action.price_change": "Bring the price in line with the cost to serve",
        "action.scope_agreement": "Agree on scope: change requests only with a budget",
        "action.prepayment": "Ask for prepayment",
        "action.stricter_terms": "Shorter payment terms and a fixed reminder schedule",
        "action.front_door_exit": "Prepare an exit through the front door: a conversation, a referral, help with switching",

        "friction.contacts_per_k": "contacts per €1,000",
        "friction.self_caused_share": "self-caused contacts",
        "friction.complaints": "complaints",
        "friction.change_requests": "change requests",
        "friction.deviations": "deviations",
        "friction.incidents": "incidents",
        "friction.avg_days_late": "late payment",
        "friction.short_pays": "short payments",
        "friction.points": "{points} points",

        "term.intimidation": "intimidation",
        "term.review_threat": "threat of a bad review",
        "term.coercion": "coercion",
        "term.broken_agreement": "broken agreement",
        "term.legal_threat": "legal threat",
        "term.smear": "smear",
        "term.abuse_of_staff": "abuse of staff",
        "term.other": "other",
    ]

    static let nl: [String: String] = [
        "reason.red_line": "Op {date} is een incident van het type “{kind}” (ernst {severity} van 5) vastgelegd. Het beleid behandelt dit als een harde grens: die weegt zwaarder dan de cijfers.",
        "reason.profitable": "De bijdrage over de afgelopen 12 maanden is {contribution}: omzet {revenue}, min {cogs} inkoopkosten en {cost_to_serve} kosten van bediening.",
        "reason.unprofitable": "De bijdrage over de afgelopen 12 maanden is {contribution}, onder de grens van {boundary}: omzet {revenue}, min {cogs} inkoopkosten en {cost_to_serve} kosten van bediening.",
        "reason.friction_low": "Frictiescore {friction} van 100, onder de grens van {boundary}.",
        "reason.friction_high": "Frictiescore {friction} van 100, op of boven de grens van {boundary}; grootste onderdelen: {parts}.",
        "reason.let_go_friction": "Bij een bijdrage van {contribution} is de frictie {friction}, op of boven de grens voor afscheid van {boundary}.",
        "reason.late_payment": "Betaalt gemiddeld {avg_days_late} dagen te laat (gewogen naar bedrag); {late_share} van de facturen die de afgelopen 12 maanden vervielen, is te laat betaald. Grens: {boundary} dagen. Nu achterstallig: {overdue}.",
        "reason.short_pay": "{short_pays} factuur/facturen deels betaald, daarna meer dan 30 dagen geen betaling; {open} staat nog open.",
        "reason.overdue_90": "{d90_plus} staat langer dan 90 dagen open na de vervaldatum (grens {boundary}).",
        "reason.self_caused": "{self_caused_share} van de {contacts} contacten in de afgelopen 12 maanden ging over problemen die aan de kant van de klant ontstonden.",
        "reason.deviations": "{deviations} afwijking(en) van de verkoopstandaarden in de afgelopen 12 maanden, samen {deviation_cost}.",
        "reason.incidents": "{incidents} incident(en) vastgelegd; het ernstigste: “{kind}” op {date}, ernst {max_severity} van 5, onder de harde grens.",
        "reason.dependency": "Het omzetaandeel is {revenue_share}, op of boven de afhankelijkheidsgrens van {boundary}. Afscheid zou {revenue} omzet kosten, ongeveer {replacement_months} maanden omzet van nieuwe klanten in het tempo van vorig jaar, terwijl personeels- en vaste kosten grotendeels blijven. Voorstel: eerst de relatie verbeteren.",
        "reason.dependency_risk": "Het omzetaandeel is {revenue_share} (afhankelijkheidsgrens {boundary}): afscheid kost {revenue} omzet, ongeveer {replacement_months} maanden omzet van nieuwe klanten. Plan hoe dat gat gevuld wordt.",
        "reason.ambassador": "Bracht {referrals} nieuwe klant(en) aan, samen goed voor {referred_revenue} omzet in de afgelopen 12 maanden.",
        "reason.values_fit_low": "De aansluiting bij onze waarden is {values_fit}, onder het minimum van {boundary}.",
        "reason.no_revenue": "Geen omzet en geen vastgelegde kosten van bediening in de afgelopen 12 maanden.",
        "reason.future_value": "De verwachte klantwaarde is {clv} over de komende {horizon_weeks} weken ({expected_purchases} verwachte aankopen; kans {p_alive} dat de klant nog actief is), op of boven de grens van {boundary}: de relatie kan nog winstgevend worden. Voorstel: eerst verbeteren.",
        "reason.contract_value": "De verwachte contractwaarde is {clv} over de komende {horizon_weeks} weken ({monthly_revenue} per maand over de laatste 12 maanden; het contract loopt vast tot {committed_until}; kans {renewal_chance} op de volgende verlenging), op of boven de grens van {boundary}: de relatie kan nog winstgevend worden. Voorstel: eerst verbeteren.",

        "recommendation.nurture": "Koesteren",
        "recommendation.keep": "Behouden",
        "recommendation.fix": "Verbeteren",
        "recommendation.let_go": "Afscheid nemen",

        "quadrant.profitable_easy": "Winstgevend, weinig frictie",
        "quadrant.profitable_demanding": "Winstgevend, veeleisend",
        "quadrant.unprofitable_easy": "Verliesgevend, weinig frictie",
        "quadrant.unprofitable_demanding": "Verliesgevend, veel frictie",

        "action.ask_for_referrals": "Investeer in de relatie en vraag om aanbevelingen",
        "action.set_boundaries": "Spreek grenzen af en laat ze de klant weten",
        "action.fixed_contact": "Geef een vast contactpersoon",
        "action.standard_tier": "Bedien via het standaard serviceniveau",
        "action.price_change": "Breng de prijs in lijn met de kosten van bediening",
        "action.scope_agreement": "Maak scope-afspraken: wijzigingen alleen met budget",
        "action.prepayment": "Vraag om vooruitbetaling",
        "action.stricter_terms": "Kortere betaaltermijn en een vast herinneringsschema",
        "action.front_door_exit": "Bereid een afscheid via de voordeur voor: een gesprek, een doorverwijzing, hulp bij overstappen",

        "friction.contacts_per_k": "contacten per € 1.000",
        "friction.self_caused_share": "zelf veroorzaakte contacten",
        "friction.complaints": "klachten",
        "friction.change_requests": "wijzigingsverzoeken",
        "friction.deviations": "afwijkingen",
        "friction.incidents": "incidenten",
        "friction.avg_days_late": "te laat betalen",
        "friction.short_pays": "deelbetalingen",
        "friction.points": "{points} punten",

        "term.intimidation": "intimidatie",
        "term.review_threat": "dreigen met een slechte review",
        "term.coercion": "dwang",
        "term.broken_agreement": "verbroken afspraak",
        "term.legal_threat": "juridisch dreigement",
        "term.smear": "zwartmaken",
        "term.abuse_of_staff": "grensoverschrijdend gedrag naar medewerkers",
        "term.other": "overig",
    ]
}

/// Renders catalogue templates with figures formatted for the language.
public struct TextRenderer: Sendable {
    public let language: Language
    public let format: Formatter

    public init(_ language: Language) { self.language = language; self.format = Formatter(language) }

    public func label(_ r: Recommendation) -> String { Catalogue.text("recommendation.\(r.rawValue)", language) }
    public func label(_ q: Quadrant) -> String { Catalogue.text("quadrant.\(q.rawValue)", language) }
    public func label(_ a: SuggestedAction) -> String { Catalogue.text("action.\(a.rawValue)", language) }
    public func label(_ c: FrictionComponent) -> String { Catalogue.text("friction.\(c.rawValue)", language) }
    public func term(_ raw: String) -> String { Catalogue.has("term.\(raw)") ? Catalogue.text("term.\(raw)", language) : raw }

    public func text(_ reason: Reason) -> String {
        fill(Catalogue.text("reason.\(reason.code.rawValue)", language), reason.figures)
    }

    /// Replaces `{name}` with the formatted figure; `{parts}` lists friction components.
    public func fill(_ template: String, _ figures: [Figure]) -> String {
        var out = template
        for figure in figures {
            let value: String
            if case .text(let raw) = figure.value { value = term(raw) } else { value = format.figure(figure.value) }
            out = out.replacingOccurrences(of: "{\(figure.name)}", with: value)
        }
        if out.contains("{parts}") {
            let parts = figures.compactMap { f -> String? in
                guard let c = FrictionComponent(rawValue: f.name), case .number(let points) = f.value else { return nil }
                let p = Catalogue.text("friction.points", language).replacingOccurrences(of: "{points}", with: format.number(points))
                return "\(label(c)) (\(p))"
            }
            out = out.replacingOccurrences(of: "{parts}", with: parts.joined(separator: ", "))
        }
        return out
    }
}
