/// How the columns of one kind of export map onto canonical fields: a built-in profile or
/// a firm's own mapping file (which may start from a profile).
public struct ExportMapping: Sendable, Equatable {
    /// A source column, or several joined with a space (Harvest's "First Name" + "Last Name").
    public typealias Columns = [String]

    public var name: String
    public var kind: LedgerKind?
    /// Per field, alternatives in order of preference; the first one the file has is used.
    public var columns: [String: [Columns]]
    /// Values for fields the export lacks or leaves empty (e.g. activity for Toggl entries).
    public var defaults: [String: String]
    /// Per field, source value → canonical value, before the built-in synonyms.
    public var values: [String: [String: String]]
    public var dialect: DialectOverrides
    /// For tools that write US dates: an all-ambiguous date column is read month first.
    public var prefersMonthFirst: Bool
    /// Normalised headers that together identify the export, for detection.
    var signature: [String]
    /// Fields a mapping file names: their column must exist. A profile's columns are only
    /// tried; when none is there, the synonyms take over.
    var explicitFields: Set<String> = []

    public init(name: String, kind: LedgerKind?, columns: [String: [Columns]] = [:], defaults: [String: String] = [:],
                values: [String: [String: String]] = [:], dialect: DialectOverrides = .init(),
                prefersMonthFirst: Bool = false, signature: [String] = []) {
        self.name = name; self.kind = kind; self.columns = columns; self.defaults = defaults; self.values = values
        self.dialect = dialect; self.prefersMonthFirst = prefersMonthFirst
        self.signature = signature.map(HeaderSynonyms.normalise)
    }

    /// Whether a header (normalised names) carries this profile's signature.
    func matches(_ header: Set<String>) -> Bool { !signature.isEmpty && signature.allSatisfy(header.contains) }
}

/// Profiles for common Dutch and Belgian exports. They are modelled on the public export
/// formats of these tools as we know them; column names vary with language and version,
/// which is why each field lists alternatives and synonyms still apply behind them. A firm
/// whose export differs writes a mapping file (see README, "Importing exports").
public enum ExportProfiles {
    public static let all: [ExportMapping] = [exactReceivables, moneybirdInvoices, snelstartRelations, toggl, clockify, harvest]

    public static func named(_ name: String) -> ExportMapping? {
        all.first { $0.name == name.lowercased() }
    }

    public static let exactReceivables = ExportMapping(
        name: "exact-receivables", kind: .invoices,
        columns: ["invoice_id": [["Factuurnummer"], ["Factuur"], ["Ons ref."]],
                  "customer_id": [["Relatiecode"], ["Code"]],
                  "customer_name": [["Relatie"], ["Naam"], ["Debiteur"]],
                  "issue_date": [["Factuurdatum"], ["Boekdatum"]],
                  "due_date": [["Vervaldatum"]],
                  "amount": [["Bedrag excl. btw"], ["Bedrag"]],
                  "vat": [["Btw-bedrag"], ["Btw"]],
                  "reference": [["Betalingskenmerk"], ["Uw ref."]]],
        signature: ["Relatiecode", "Factuurnummer", "Vervaldatum", "Openstaand"])

    public static let moneybirdInvoices = ExportMapping(
        name: "moneybird-invoices", kind: .invoices,
        columns: ["invoice_id": [["Factuurnummer"], ["Invoice ID"]],
                  "customer_id": [["Klantnummer"], ["Customer ID"]],
                  "customer_name": [["Contact"], ["Bedrijfsnaam"]],
                  "issue_date": [["Factuurdatum"], ["Invoice date"]],
                  "due_date": [["Vervaldatum"], ["Due date"]],
                  "amount": [["Totaal excl. btw"], ["Total price excl. tax"]],
                  "vat": [["Btw"], ["Total tax"]],
                  "reference": [["Referentie"], ["Reference"]]],
        signature: ["Factuurnummer", "Contact", "Totaal excl. btw"])

    public static let snelstartRelations = ExportMapping(
        name: "snelstart-relations", kind: .customers,
        columns: ["customer_id": [["Relatiecode"]], "name": [["Naam"]]],
        signature: ["Relatiecode", "Naam", "Relatiesoort"])

    public static let toggl = ExportMapping(
        name: "toggl", kind: .timeEntries,
        columns: ["customer_name": [["Client"]], "date": [["Start date"]], "hours": [["Duration"]],
                  "activity": [["Tags"], ["Task"]], "billable": [["Billable"]], "employee": [["User"], ["Member"]]],
        defaults: ["activity": "delivery"],
        signature: ["User", "Client", "Start date", "Duration"])

    public static let clockify = ExportMapping(
        name: "clockify", kind: .timeEntries,
        columns: ["customer_name": [["Client"]], "date": [["Start Date"]],
                  "hours": [["Duration (decimal)"], ["Duration (h)"]],
                  "activity": [["Tags"], ["Task"]], "billable": [["Billable"]], "employee": [["User"]]],
        defaults: ["activity": "delivery"], prefersMonthFirst: true,
        signature: ["Client", "Start Date", "Duration (h)", "Duration (decimal)"])

    public static let harvest = ExportMapping(
        name: "harvest", kind: .timeEntries,
        columns: ["customer_name": [["Client"]], "date": [["Date"]], "hours": [["Hours"]], "activity": [["Task"]],
                  "billable": [["Billable?"]], "employee": [["First Name", "Last Name"]]],
        defaults: ["activity": "delivery"],
        signature: ["Client", "Hours", "Billable?", "First Name", "Last Name"])
}
