import SQLKit

/// One stored value. Records are written as rows of cells so every table goes through
/// the same insert, update and compare code, on SQLite and on PostgreSQL alike.
enum Cell: Equatable, Sendable {
    case text(String?)
    case int(Int64?)
    case bool(Bool?)

    var expression: any SQLExpression {
        switch self {
        case .text(let v): v.map { SQLBind($0) } ?? SQLLiteral.null
        case .int(let v): v.map { SQLBind($0) } ?? SQLLiteral.null
        case .bool(let v): v.map { SQLBind($0) } ?? SQLLiteral.null
        }
    }
}

/// Reads typed values out of a row, naming table and column when the stored data is not
/// what the schema promises (a hand-edited database, say).
struct RowReader {
    let row: any SQLRow
    let table: String

    func text(_ column: String) throws -> String {
        guard let value = try row.decode(column: column, as: String?.self) else {
            throw StoreError.corrupt(table: table, column: column, value: "NULL")
        }
        return value
    }

    func optionalText(_ column: String) throws -> String? {
        try row.decode(column: column, as: String?.self)
    }

    func int(_ column: String) throws -> Int64 {
        guard let value = try row.decode(column: column, as: Int64?.self) else {
            throw StoreError.corrupt(table: table, column: column, value: "NULL")
        }
        return value
    }

    func optionalInt(_ column: String) throws -> Int64? {
        try row.decode(column: column, as: Int64?.self)
    }

    func optionalBool(_ column: String) throws -> Bool? {
        try row.decode(column: column, as: Bool?.self)
    }

    func vocabulary<V: RawRepresentable>(_ column: String, as: V.Type) throws -> V where V.RawValue == String {
        let raw = try text(column)
        guard let value = V(rawValue: raw) else {
            throw StoreError.corrupt(table: table, column: column, value: raw)
        }
        return value
    }
}
