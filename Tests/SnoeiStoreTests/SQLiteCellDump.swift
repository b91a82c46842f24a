import VaporCSQLite
@testable import SnoeiStore

func columnCount(_ statement: SQLiteStatementHandle) -> Int32 {
    sqlite_nio_sqlite3_column_count(statement.raw)
}

/// One stored value with its storage class (`T:`, `I:`, `R:`, `B:`, `NULL`), so an integer
/// stored as text would not compare equal to the integer.
func describeCell(_ statement: SQLiteStatementHandle, _ i: Int32) -> String {
    switch statement.type(i) {
    case SQLITE_NULL: "NULL"
    case SQLITE_INTEGER: "I:\(statement.int64(i))"
    case SQLITE_FLOAT: "R:\(statement.double(i))"
    case SQLITE_BLOB: "B:\(sqlite_nio_sqlite3_column_bytes(statement.raw, i))"
    default: "T:" + String(decoding: statement.textBytes(i), as: UTF8.self)
    }
}
