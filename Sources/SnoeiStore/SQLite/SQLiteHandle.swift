import Foundation
import VaporCSQLite

/// A connection of its own to an SQLite file, through SQLite's C API (the copy sqlite-nio
/// bundles), for the two jobs where going row by row through SQLiteNIO and SQLKit costs
/// most of the time: loading the whole ledger and the first import into empty tables.
///
/// SQLiteNIO does not expose its `sqlite3*`, so this opens a second connection on the same
/// path. Used from one thread at a time (`NOMUTEX`); not `Sendable`.
final class SQLiteHandle {
    let raw: OpaquePointer
    let path: String

    /// Opens `path` read-only or read-write (never creating it: the store has done that and
    /// migrated the schema). Waits up to `busyTimeoutMs` for a lock another connection holds.
    init(path: String, readOnly: Bool, busyTimeoutMs: Int32 = 60_000) throws {
        var handle: OpaquePointer?
        let flags = (readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE) | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE
        let status = sqlite_nio_sqlite3_open_v2(path, &handle, flags, nil)
        guard status == SQLITE_OK, let handle else {
            let message = handle.map { String(cString: sqlite_nio_sqlite3_errmsg($0)) } ?? "code \(status)"
            if let handle { sqlite_nio_sqlite3_close(handle) }
            throw StoreError.cannotOpen(path: path, reason: message)
        }
        self.raw = handle
        self.path = path
        sqlite_nio_sqlite3_busy_timeout(handle, busyTimeoutMs)
    }

    deinit { sqlite_nio_sqlite3_close_v2(raw) }

    /// Whether the store at `path` can be reached by a second connection: a real file, not
    /// a private memory database or a URI (which may name one).
    static func canShare(path: String) -> Bool {
        !path.isEmpty && path != ":memory:" && !path.hasPrefix("file:")
    }

    var errorMessage: String { String(cString: sqlite_nio_sqlite3_errmsg(raw)) }

    /// Runs statements that return no rows (`BEGIN`, `PRAGMA …`, `CREATE INDEX …`).
    func exec(_ sql: String) throws {
        var message: UnsafeMutablePointer<CChar>?
        let status = sqlite_nio_sqlite3_exec(raw, sql, nil, nil, &message)
        guard status == SQLITE_OK else {
            let text = message.map { String(cString: $0) } ?? errorMessage
            sqlite_nio_sqlite3_free(message)
            throw SQLiteFailure(sql: sql, message: text)
        }
    }

    func prepare(_ sql: String) throws -> SQLiteStatementHandle {
        var statement: OpaquePointer?
        let status = sqlite_nio_sqlite3_prepare_v3(raw, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil)
        guard status == SQLITE_OK, let statement else { throw SQLiteFailure(sql: sql, message: errorMessage) }
        return SQLiteStatementHandle(raw: statement, connection: self, sql: sql)
    }
}

/// An SQLite error with the statement it came from.
struct SQLiteFailure: Error, CustomStringConvertible {
    let sql: String
    let message: String
    var description: String { "SQLite: \(message) (in \(sql.prefix(80)))" }
}

/// One prepared statement. Column accessors read straight from SQLite's row buffer; text is
/// copied once, into the `String` that the record keeps.
final class SQLiteStatementHandle {
    let raw: OpaquePointer
    let connection: SQLiteHandle
    let sql: String

    init(raw: OpaquePointer, connection: SQLiteHandle, sql: String) {
        self.raw = raw
        self.connection = connection
        self.sql = sql
    }

    deinit { sqlite_nio_sqlite3_finalize(raw) }

    /// The next row: true while there is one.
    func step() throws -> Bool {
        switch sqlite_nio_sqlite3_step(raw) {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default: throw SQLiteFailure(sql: sql, message: connection.errorMessage)
        }
    }

    /// Runs a statement that returns no rows, then readies it for the next bindings.
    func run() throws {
        let status = sqlite_nio_sqlite3_step(raw)
        guard status == SQLITE_DONE || status == SQLITE_ROW else {
            let message = connection.errorMessage
            sqlite_nio_sqlite3_reset(raw)
            throw SQLiteFailure(sql: sql, message: message)
        }
        sqlite_nio_sqlite3_reset(raw)
    }

    /// Runs an INSERT OR IGNORE: true when the row went in, false when it was skipped (its
    /// key was there already). Readies the statement for the next bindings.
    func insert() throws -> Bool {
        try run()
        return sqlite_nio_sqlite3_changes(connection.raw) > 0
    }

    /// Runs an UPDATE; returns the rows it changed.
    func update() throws -> Int {
        try run()
        return Int(sqlite_nio_sqlite3_changes(connection.raw))
    }

    // MARK: Reading

    func type(_ column: Int32) -> Int32 { sqlite_nio_sqlite3_column_type(raw, column) }
    func isNull(_ column: Int32) -> Bool { type(column) == SQLITE_NULL }
    func int64(_ column: Int32) -> Int64 { sqlite_nio_sqlite3_column_int64(raw, column) }
    func double(_ column: Int32) -> Double { sqlite_nio_sqlite3_column_double(raw, column) }

    /// The bytes of a TEXT value up to its first NUL, valid until the next step. SQLiteNIO
    /// reads text with `String(cString:)`, which stops there too.
    func textBytes(_ column: Int32) -> UnsafeBufferPointer<UInt8> {
        guard let pointer = sqlite_nio_sqlite3_column_text(raw, column) else { return UnsafeBufferPointer(start: nil, count: 0) }
        let count = Int(sqlite_nio_sqlite3_column_bytes(raw, column))
        let length = memchr(pointer, 0, count).map { UnsafePointer<UInt8>(OpaquePointer($0)) - pointer } ?? count
        return UnsafeBufferPointer(start: pointer, count: length)
    }

    // MARK: Binding (1-based, as in SQLite)

    func bind(_ index: Int32, _ value: String?) {
        guard var value else { sqlite_nio_sqlite3_bind_null(raw, index); return }
        value.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                if let base = chars.baseAddress {
                    _ = sqlite_nio_sqlite3_bind_text64(raw, index, base, UInt64(chars.count), sqliteTransient, UInt8(SQLITE_UTF8))
                } else {
                    // An empty string must still bind as '' (a nil pointer would bind NULL).
                    _ = sqlite_nio_sqlite3_bind_text64(raw, index, "", 0, sqliteTransient, UInt8(SQLITE_UTF8))
                }
            }
        }
    }

    func bind(_ index: Int32, _ value: Int64?) {
        guard let value else { sqlite_nio_sqlite3_bind_null(raw, index); return }
        sqlite_nio_sqlite3_bind_int64(raw, index, value)
    }

    func bind(_ index: Int32, _ value: Bool?) {
        bind(index, value.map { $0 ? Int64(1) : 0 })
    }
}

/// SQLite copies the bound value (the `String`'s bytes need not outlive the call).
private let sqliteTransient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

