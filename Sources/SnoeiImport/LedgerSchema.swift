/// The files and columns of FORMAT.md ("Files"), plus the optional `values_fit.csv`.
/// Column order here is the order the writer uses; the reader accepts any order.
struct FileSchema: Sendable {
    struct Column: Sendable {
        var name: String
        var required: Bool
    }

    var file: String
    var columns: [Column]

    init(_ file: String, required: [String], optional: [String] = []) {
        self.file = file
        columns = required.map { Column(name: $0, required: true) } + optional.map { Column(name: $0, required: false) }
    }

    var header: [String] { columns.map(\.name) }
}

enum LedgerSchema {
    static let customers = FileSchema(
        "customers.csv", required: ["customer_id", "name"],
        optional: ["segment", "account_manager", "since", "tier", "contract_end", "notice_days", "cancel_channel"])
    static let invoices = FileSchema(
        "invoices.csv", required: ["invoice_id", "customer_id", "issue_date", "due_date", "amount"],
        optional: ["vat", "cost", "reference"])
    static let payments = FileSchema(
        "payments.csv", required: ["payment_id", "date", "amount"],
        optional: ["invoice_id", "customer_id", "reference"])
    static let timeEntries = FileSchema(
        "time_entries.csv", required: ["customer_id", "date", "hours", "activity"],
        optional: ["billable", "employee"])
    static let contacts = FileSchema(
        "contacts.csv", required: ["customer_id", "date", "channel", "kind"],
        optional: ["topic", "self_caused"])
    static let deviations = FileSchema(
        "deviations.csv", required: ["customer_id", "date", "kind", "cost"], optional: ["note"])
    static let incidents = FileSchema(
        "incidents.csv", required: ["customer_id", "date", "kind", "severity"], optional: ["note"])
    static let referrals = FileSchema(
        "referrals.csv", required: ["customer_id", "referred_customer_id", "date"])
    static let valuesFit = FileSchema(
        "values_fit.csv", required: ["customer_id", "criterion", "score"])

    /// Reading order: customers first, so every other file can check its customer ids.
    static let all = [customers, invoices, payments, timeEntries, contacts, deviations, incidents, referrals, valuesFit]
}
