/// Errors of the store, worded for the person running the command.
public enum StoreError: Error, CustomStringConvertible, Sendable {
    case corrupt(table: String, column: String, value: String)
    case newerSchema(found: Int, supported: Int)
    case cannotOpen(path: String, reason: String)

    public var description: String {
        switch self {
        case .corrupt(let table, let column, let value):
            "The database holds an unexpected value in \(table).\(column): \(value)"
        case .newerSchema(let found, let supported):
            "The database was written by a newer Snoei (schema version \(found); this version knows up to \(supported)). Upgrade Snoei."
        case .cannotOpen(let path, let reason):
            "Cannot open the database \(path): \(reason)"
        }
    }
}
