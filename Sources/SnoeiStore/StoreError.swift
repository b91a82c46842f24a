public import SnoeiCore

/// Errors of the store, worded for the person running the command.
public enum StoreError: Error, CustomStringConvertible, Sendable {
    case corrupt(table: String, column: String, value: String)
    case newerSchema(found: Int, supported: Int)
    /// `path` is an SQLite path or a PostgreSQL URL without its password; `reason` never holds one.
    case cannotOpen(path: String, reason: String)
    /// A `--database` / `SNOEI_DATABASE` value that names no usable database (password redacted).
    case badLocation(String, reason: String)
    /// No decision with this id.
    case unknownDecision(id: String)
    /// The decision is no longer where the step started from: someone else moved it.
    case staleDecision(id: String, state: DecisionState, expected: DecisionState)
    /// An event names another customer than the decision it belongs to.
    case decisionCustomerMismatch(id: String, customerId: String, eventCustomerId: String)
    /// A database whose dialect the schema has no form for (see `forbidChangingDecisionEvents`).
    case unsupportedDatabase(dialect: String)

    public var description: String {
        switch self {
        case .corrupt(let table, let column, let value):
            "The database holds an unexpected value in \(table).\(column): \(value)"
        case .newerSchema(let found, let supported):
            "The database was written by a newer Snoei (schema version \(found); this version knows up to \(supported)). Upgrade Snoei."
        case .cannotOpen(let path, let reason):
            "Cannot open the database \(path): \(reason)"
        case .badLocation(let location, let reason):
            "Cannot use the database location \(location): \(reason)"
        case .unknownDecision(let id):
            "There is no decision \(id)."
        case .staleDecision(let id, let state, let expected):
            "Decision \(id) is in state \(state.rawValue), not \(expected.rawValue): someone else moved it."
                + " Reload and try again."
        case .decisionCustomerMismatch(let id, let customerId, let eventCustomerId):
            "Decision \(id) is about customer \(customerId), not \(eventCustomerId)."
        case .unsupportedDatabase(let dialect):
            "Snoei cannot store its data in a \(dialect) database."
        }
    }
}
