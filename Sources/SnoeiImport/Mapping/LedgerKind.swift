/// What an export holds, named after the canonical file it maps onto.
public enum LedgerKind: String, Sendable, CaseIterable, Comparable {
    case customers, invoices, payments
    case timeEntries = "time_entries"
    case contacts, deviations, incidents, referrals
    case valuesFit = "values_fit"

    var schema: FileSchema {
        switch self {
        case .customers: LedgerSchema.customers
        case .invoices: LedgerSchema.invoices
        case .payments: LedgerSchema.payments
        case .timeEntries: LedgerSchema.timeEntries
        case .contacts: LedgerSchema.contacts
        case .deviations: LedgerSchema.deviations
        case .incidents: LedgerSchema.incidents
        case .referrals: LedgerSchema.referrals
        case .valuesFit: LedgerSchema.valuesFit
        }
    }

    /// Customers first, so the other files can name them (by id or by name).
    public static func < (a: LedgerKind, b: LedgerKind) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }

    /// Fields of this kind: the canonical columns, plus `customer_name` where the kind
    /// refers to a customer (exports often carry only the name).
    var fields: [String] {
        let columns = schema.header
        return columns.contains("customer_id") && self != .customers ? columns + [CanonicalField.customerName] : columns
    }
}

/// The type of each canonical column, which decides how an export's value is normalised.
enum CanonicalField {
    /// Not a column of its own: resolved to `customer_id` through the known customers.
    static let customerName = "customer_name"

    enum Kind { case text, date, money, hours, boolean, activity, whole }

    static func kind(_ column: String) -> Kind {
        switch column {
        case "since", "contract_end", "issue_date", "due_date", "date": .date
        case "amount", "vat", "cost": .money
        case "hours": .hours
        case "billable", "self_caused": .boolean
        case "activity": .activity
        case "notice_days", "severity", "score": .whole
        default: .text
        }
    }
}
