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
///
/// Values are decoded as `String` and `Int64`, after a NULL check for optional columns, never
/// as `String?` or `Int64?`: the drivers convert their own types directly, while an Optional
/// goes through the generic `Decodable` machinery, which made loading a large ledger several
/// times slower.
struct RowReader {
    let row: any SQLRow
    let table: String

    func text(_ column: String) throws -> String {
        do {
            return try row.decode(column: column, as: String.self)
        } catch {
            if try row.decodeNil(column: column) { throw StoreError.corrupt(table: table, column: column, value: "NULL") }
            throw error
        }
    }

    func optionalText(_ column: String) throws -> String? {
        try row.decodeNil(column: column) ? nil : row.decode(column: column, as: String.self)
    }

    func int(_ column: String) throws -> Int64 {
        do {
            return try row.decode(column: column, as: Int64.self)
        } catch {
            if try row.decodeNil(column: column) { throw StoreError.corrupt(table: table, column: column, value: "NULL") }
            throw error
        }
    }

    func optionalInt(_ column: String) throws -> Int64? {
        try row.decodeNil(column: column) ? nil : row.decode(column: column, as: Int64.self)
    }

    func optionalBool(_ column: String) throws -> Bool? {
        try row.decodeNil(column: column) ? nil : row.decode(column: column, as: Bool.self)
    }

    func vocabulary<V: RawRepresentable>(_ column: String, as: V.Type) throws -> V where V.RawValue == String {
        let raw = try text(column)
        guard let value = V(rawValue: raw) else {
            throw StoreError.corrupt(table: table, column: column, value: raw)
        }
        return value
    }
}
