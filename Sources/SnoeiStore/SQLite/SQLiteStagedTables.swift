import Foundation
import SnoeiCore

/// The row-keyed tables of a first import (time entries, contacts, deviations, incidents,
/// referrals, values fit: about half of a ledger's rows), written on a second thread into a
/// scratch SQLite file of their own while the bulk writer fills the id tables of the store.
/// SQLite lets one connection write a database at a time; two files are two writers, on
/// two cores.
///
/// The scratch tables are created from the store's own CREATE TABLE and CREATE INDEX text,
/// so the store then takes them over with `INSERT INTO main.t SELECT * FROM stage.t`, which
/// SQLite runs as its transfer optimisation when the target is empty: records and index
/// entries are copied in order, as stored, without being decoded or searched for (about a
/// sixth of an insert). Rowids come across unchanged: 1, 2, … in import order, as a direct
/// insert would have given them. The scratch file has no journal and no syncs: it is
/// thrown away whatever happens, and nothing of it counts until the store commits.
struct SQLiteStagedTables {
    /// The tables staged, in `SQLiteBulkWriter.tables` order.
    static let tables = ["time_entries", "contacts", "deviations", "incidents", "referrals", "values_fit"]

    let path: String
    /// CREATE TABLE and CREATE INDEX statements of the staged tables, as the store has them.
    let schema: [String]
    let cacheKiB: Int

    /// A scratch path in the temporary directory.
    static func scratchPath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("snoei-import-\(UUID().uuidString).sqlite").path
    }

    /// Writes the staged tables' records; returns their summaries in table order. Checks
    /// `stop` between tables and every few thousand rows, so a failed store write does not
    /// wait for the rest.
    func write(_ records: LedgerRecords, stop: SQLiteStopFlag,
               done: (ApplySummary.Kind) -> Void) throws -> [ApplySummary.Kind] {
        let connection = try SQLiteHandle(path: path, readOnly: false)
        try connection.exec("PRAGMA journal_mode = OFF")
        try connection.exec("PRAGMA synchronous = OFF")
        try connection.exec("PRAGMA cache_size = -\(cacheKiB)")
        try connection.exec("PRAGMA temp_store = MEMORY")
        try connection.exec("BEGIN")
        let tables = schema.filter { $0.uppercased().hasPrefix("CREATE TABLE") }
        let indexes = schema.filter { !$0.uppercased().hasPrefix("CREATE TABLE") }
        for sql in tables { try connection.exec(sql) }
        var kinds: [ApplySummary.Kind] = []
        func stage<R>(_ table: LedgerTable<R>, _ binding: SQLiteRowBinding<R>) throws {
            try stop.check()
            let incoming = records[keyPath: table.records]
            let kind = try SQLiteBulkWriter.insert(table, incoming, keys: table.keys(for: incoming), binding, connection,
                                                   stop: stop)
            kinds.append(kind)
            done(kind)
        }
        try stage(LedgerTables.timeEntries, SQLiteRowBindings.timeEntries)
        try stage(LedgerTables.contacts, SQLiteRowBindings.contacts)
        try stage(LedgerTables.deviations, SQLiteRowBindings.deviations)
        try stage(LedgerTables.incidents, SQLiteRowBindings.incidents)
        try stage(LedgerTables.referrals, SQLiteRowBindings.referrals)
        try stage(LedgerTables.valuesFit, SQLiteRowBindings.valuesFit)
        try stop.check()
        // Built here, on this thread, from sorted keys; the store then copies them as they are.
        for sql in indexes { try connection.exec(sql) }
        try connection.exec("COMMIT")
        return kinds
    }

    static func remove(_ path: String) {
        for suffix in ["", "-journal", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }
}

/// Set by one thread when the other should give up (its own work failed).
final class SQLiteStopFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var stopped = false

    func stop() { lock.withLock { stopped = true } }

    struct Stopped: Error {}

    func check() throws {
        if lock.withLock({ stopped }) { throw Stopped() }
    }
}
