import Foundation
import SnoeiCore
import VaporCSQLite

/// Typed values of the current row, by column index, converting exactly as the SQLKit path
/// (`RowReader` over SQLiteNIO) does, so both loads give the same records:
/// - text: TEXT as is (up to a NUL), INTEGER and REAL as their decimal text, BLOB refused;
/// - integers: INTEGER only (SQLiteNIO does not parse text as a number);
/// - booleans: an integer (or text or real holding one) that is exactly 0 or 1.
/// A value the schema does not allow is `StoreError.corrupt`, naming table and column.
struct SQLiteRowValues {
    let statement: SQLiteStatementHandle
    let table: String
    /// Column names in the order of the SELECT, for error messages.
    let columns: [String]

    private func corrupt(_ i: Int32, _ value: String) -> StoreError {
        .corrupt(table: table, column: columns[Int(i)], value: value)
    }

    private func describe(_ i: Int32) -> String {
        switch statement.type(i) {
        case SQLITE_NULL: "NULL"
        case SQLITE_BLOB: "a BLOB"
        case SQLITE_INTEGER: String(statement.int64(i))
        case SQLITE_FLOAT: String(statement.double(i))
        default: String(decoding: statement.textBytes(i), as: UTF8.self)
        }
    }

    func optionalText(_ i: Int32) throws -> String? {
        switch statement.type(i) {
        case SQLITE_NULL: return nil
        case SQLITE_TEXT: return String(decoding: statement.textBytes(i), as: UTF8.self)
        case SQLITE_INTEGER: return String(statement.int64(i))
        case SQLITE_FLOAT: return String(statement.double(i))
        default: throw corrupt(i, describe(i))
        }
    }

    func text(_ i: Int32) throws -> String {
        guard let value = try optionalText(i) else { throw corrupt(i, "NULL") }
        return value
    }

    func optionalInt(_ i: Int32) throws -> Int64? {
        switch statement.type(i) {
        case SQLITE_NULL: return nil
        case SQLITE_INTEGER: return statement.int64(i)
        default: throw corrupt(i, describe(i))
        }
    }

    func int(_ i: Int32) throws -> Int64 {
        guard let value = try optionalInt(i) else { throw corrupt(i, "NULL") }
        return value
    }

    func optionalBool(_ i: Int32) throws -> Bool? {
        let number: Int64?
        switch statement.type(i) {
        case SQLITE_NULL: return nil
        case SQLITE_INTEGER: number = statement.int64(i)
        case SQLITE_FLOAT: number = Int64(exactly: statement.double(i))
        case SQLITE_TEXT: number = Int64(String(decoding: statement.textBytes(i), as: UTF8.self))
        default: number = nil
        }
        switch number {
        case 0: return false
        case 1: return true
        default: throw corrupt(i, describe(i))
        }
    }

    /// A `YYYY-MM-DD` date parsed from the stored bytes, without making a `String` first.
    func optionalDay(_ i: Int32) throws -> Day? {
        switch statement.type(i) {
        case SQLITE_NULL: return nil
        case SQLITE_TEXT:
            if let day = isoDay(statement.textBytes(i)) { return day }
            throw corrupt(i, describe(i))
        default:
            // An INTEGER or REAL reads as its decimal text, never a valid date.
            throw corrupt(i, describe(i))
        }
    }

    func day(_ i: Int32) throws -> Day {
        guard let value = try optionalDay(i) else { throw corrupt(i, "NULL") }
        return value
    }

    func vocabulary<V: RawRepresentable>(_ i: Int32, as: V.Type) throws -> V where V.RawValue == String {
        let raw = try text(i)
        guard let value = V(rawValue: raw) else { throw corrupt(i, raw) }
        return value
    }

    func optionalVocabulary<V: RawRepresentable>(_ i: Int32, as: V.Type) throws -> V? where V.RawValue == String {
        guard let raw = try optionalText(i) else { return nil }
        guard let value = V(rawValue: raw) else { throw corrupt(i, raw) }
        return value
    }
}

/// `YYYY-MM-DD`, exactly ten bytes, as `Day.parse(iso:)` reads it; a concrete copy, since the
/// generic one is not specialised across modules and this runs for tens of millions of dates.
func isoDay(_ b: UnsafeBufferPointer<UInt8>) -> Day? {
    guard b.count == 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-") else { return nil }
    var parts = (0, 0, 0)
    for (i, byte) in b.enumerated() where i != 4 && i != 7 {
        guard byte >= 48, byte <= 57 else { return nil }
        let digit = Int(byte - 48)
        if i < 4 { parts.0 = parts.0 * 10 + digit } else if i < 7 { parts.1 = parts.1 * 10 + digit } else { parts.2 = parts.2 * 10 + digit }
    }
    return Day(year: parts.0, month: parts.1, day: parts.2)
}
