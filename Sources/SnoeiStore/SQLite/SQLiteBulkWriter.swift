import Foundation
import SnoeiCore

/// The first import into empty ledger tables of an SQLite file, through SQLite's C API: one
/// prepared INSERT per table, bound and stepped row by row, all inside one write
/// transaction. It writes exactly the rows `LedgerStore.merge` would (same keys, same cells,
/// same order, so even the rowids agree) without the merge's reads and SQLKit's statement
/// building.
///
/// Two cores: this thread writes the id tables (customers, invoices, payments) into the
/// store while a second one writes the row-keyed tables into a scratch file
/// (`SQLiteStagedTables`), which the store then takes over by SQLite's transfer
/// optimisation, a copy of stored records in order.
///
/// All or nothing: the store's write lock is taken before the emptiness check (no other
/// writer can slip in between the check and the inserts), everything happens in one
/// transaction of the store, and any error on either thread rolls it all back.
struct SQLiteBulkWriter {
    let path: String

    enum Outcome: Sendable {
        /// The tables were empty and the records are in.
        case written([ApplySummary.Kind])
        /// Some ledger table already holds rows: nothing was written; merge instead.
        case notEmpty
    }

    /// The ledger's tables in the order `merge` visits them.
    static let tables = ["customers", "invoices", "payments", "time_entries", "contacts", "deviations",
                         "incidents", "referrals", "values_fit"]

    func write(_ records: LedgerRecords, progress: (@Sendable (StoreProgress) -> Void)?) throws -> Outcome {
        let connection = try SQLiteHandle(path: path, readOnly: false)
        // The staged tables' scratch file (see `SQLiteStagedTables`). ATTACH is refused inside
        // a transaction, so it is attached first, empty (SQLite reads a 0-byte file as an
        // empty database; this connection may not create one).
        let stagePath = SQLiteStagedTables.scratchPath()
        guard FileManager.default.createFile(atPath: stagePath, contents: nil) else {
            throw SQLiteFailure(sql: "", message: "cannot create the scratch file \(stagePath)")
        }
        defer { SQLiteStagedTables.remove(stagePath) }
        let attach = try connection.prepare("ATTACH DATABASE ?1 AS stage")
        attach.bind(1, stagePath)
        try attach.run()
        defer { try? connection.exec("DETACH DATABASE stage") }

        try connection.exec("BEGIN")
        do {
            // The store's write lock, taken before the emptiness check so no other writer can
            // slip in between: what BEGIN IMMEDIATE does, but for the store only (that would
            // lock the scratch file too, which the second thread writes through a connection
            // of its own). Any write statement takes it, even one that changes nothing.
            try connection.exec("DELETE FROM main.\"meta\" WHERE 0")
            guard try allEmpty(connection) else {
                try connection.exec("ROLLBACK")
                return .notEmpty
            }
            let cacheKiB = Self.cacheKiB(rows: records.rowCount)
            // Page cache for the inserts and the index builds (negative = KiB); this connection
            // only, gone when it closes. A large ledger's tables and indexes outgrow 256 MiB,
            // and then every insert into the middle of a key index reads its page back.
            try connection.exec("PRAGMA main.cache_size = -\(cacheKiB)")
            try connection.exec("PRAGMA temp_store = MEMORY")
            let staged = SQLiteStagedTables(path: stagePath, schema: try stagedSchema(connection), cacheKiB: cacheKiB)
            // Secondary indexes of the tables written here are built once, from sorted keys,
            // after the rows are in, rather than updated row by row. The same CREATE INDEX text
            // is run again, so the schema reads exactly as before. The staged tables keep
            // theirs: the transfer fills them in order.
            let indexes = try secondaryIndexes(connection).filter { !SQLiteStagedTables.tables.contains($0.table) }
            for index in indexes { try connection.exec("DROP INDEX main.\"\(index.name)\"") }

            let counter = ProgressCounter(total: records.rowCount, progress: progress)
            let stop = SQLiteStopFlag()
            let second = StagingThread { try staged.write(records, stop: stop, done: counter.add) }

            var kinds: [ApplySummary.Kind] = []
            do {
                func step<R>(_ table: LedgerTable<R>, _ binding: SQLiteRowBinding<R>) throws {
                    let incoming = records[keyPath: table.records]
                    let kind = try Self.insert(table, incoming, keys: incoming.map(table.identity), binding, connection)
                    kinds.append(kind)
                    counter.add(kind)
                }
                try step(LedgerTables.customers, SQLiteRowBindings.customers)
                try step(LedgerTables.invoices, SQLiteRowBindings.invoices)
                try step(LedgerTables.payments, SQLiteRowBindings.payments)
                for index in indexes { try connection.exec(index.sql) }
            } catch {
                stop.stop()
                _ = try? second.result()
                throw error
            }
            kinds += try second.result()
            for table in SQLiteStagedTables.tables {
                try connection.exec("INSERT INTO main.\"\(table)\" SELECT * FROM stage.\"\(table)\"")
            }

            if ApplySummary(kinds: kinds).changesAnything {
                let meta = try connection.prepare(
                    "INSERT INTO main.\"meta\" (\"key\", \"value\") VALUES (?, ?) ON CONFLICT (\"key\") DO UPDATE SET \"value\" = EXCLUDED.\"value\"")
                meta.bind(1, "ledger_version")
                meta.bind(2, UUID().uuidString)
                try meta.run()
            }
            try connection.exec("COMMIT")
            return .written(kinds)
        } catch {
            try? connection.exec("ROLLBACK")
            throw error
        }
    }

    /// The store's CREATE TABLE and CREATE INDEX text of the staged tables, tables first.
    private func stagedSchema(_ connection: SQLiteHandle) throws -> [String] {
        let list = SQLiteStagedTables.tables.map { "'\($0)'" }.joined(separator: ", ")
        let statement = try connection.prepare(
            "SELECT sql FROM main.sqlite_master WHERE type IN ('table', 'index') AND sql IS NOT NULL AND tbl_name IN (\(list)) ORDER BY type = 'index', rowid")
        var schema: [String] = []
        let values = SQLiteRowValues(statement: statement, table: "sqlite_master", columns: ["sql"])
        while try statement.step() { schema.append(try values.text(0)) }
        return schema
    }

    private func allEmpty(_ connection: SQLiteHandle) throws -> Bool {
        for table in Self.tables {
            let statement = try connection.prepare("SELECT 1 FROM main.\"\(table)\" LIMIT 1")
            if try statement.step() { return false }
        }
        return true
    }

    /// Indexes the schema created on the ledger tables (not the primary keys' own).
    private func secondaryIndexes(_ connection: SQLiteHandle) throws -> [(name: String, table: String, sql: String)] {
        let list = Self.tables.map { "'\($0)'" }.joined(separator: ", ")
        let statement = try connection.prepare(
            "SELECT name, tbl_name, sql FROM main.sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (\(list)) ORDER BY rowid")
        var indexes: [(name: String, table: String, sql: String)] = []
        let values = SQLiteRowValues(statement: statement, table: "sqlite_master", columns: ["name", "tbl_name", "sql"])
        while try statement.step() { indexes.append((try values.text(0), try values.text(1), try values.text(2))) }
        return indexes
    }

    /// The page cache for `rows` rows: about 120 bytes a row covers a ledger's tables and
    /// key indexes (a generated ledger's file holds 110), between 256 MiB and 2 GiB. SQLite
    /// takes pages as it needs them; small imports never reach the bound.
    static func cacheKiB(rows: Int) -> Int {
        min(max(rows / 1024 * 120, 256 << 10), 2 << 20)
    }

    /// Inserts what `merge` would insert into an empty table: every record under its key, in
    /// import order. A key seen twice keeps the first one's place (its rowid) with the last
    /// one's values, as the merge's "last wins" does. The INSERT skips a row whose key is
    /// there already (OR IGNORE: cheaper than an upsert, and no statement journal, since it
    /// never aborts); that row is then an UPDATE of the first, which is what the upsert did.
    /// The table was empty, so every other row is new.
    static func insert<R>(_ table: LedgerTable<R>, _ incoming: [R], keys: [String], _ binding: SQLiteRowBinding<R>,
                          _ connection: SQLiteHandle, stop: SQLiteStopFlag? = nil) throws -> ApplySummary.Kind {
        guard !incoming.isEmpty else { return .init(file: table.file, rows: 0, new: 0, updated: 0, unchanged: 0) }
        let keyColumn = "\"\(table.keyColumn)\""
        let columns = ([table.keyColumn] + table.columns).map { "\"\($0)\"" }.joined(separator: ", ")
        let marks = Array(repeating: "?", count: 1 + table.columns.count).joined(separator: ", ")
        let statement = try connection.prepare("INSERT OR IGNORE INTO main.\"\(table.name)\" (\(columns)) VALUES (\(marks))")
        var update: SQLiteStatementHandle?
        var repeated = 0
        for (n, (key, record)) in zip(keys, incoming).enumerated() {
            if n & 0xFFFF == 0xFFFF { try stop?.check() }
            statement.bind(1, key)
            binding.bind(statement, record)
            if try statement.insert() { continue }
            if update == nil {
                let sets = table.columns.enumerated().map { "\"\($1)\" = ?\($0 + 2)" }.joined(separator: ", ")
                update = try connection.prepare("UPDATE main.\"\(table.name)\" SET \(sets) WHERE \(keyColumn) = ?1")
            }
            update!.bind(1, key)
            binding.bind(update!, record)
            // Exactly the first row: OR IGNORE would also have skipped a row breaking another
            // constraint (NOT NULL), which must not pass for a repetition.
            guard try update!.update() == 1 else {
                throw SQLiteFailure(sql: "INSERT INTO \(table.name)", message: "the row keyed \(key) could not be stored")
            }
            repeated += 1
        }
        return .init(file: table.file, rows: incoming.count, new: incoming.count - repeated, updated: 0, unchanged: 0)
    }
}

/// Rows written so far, from both threads, for the progress line.
private final class ProgressCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var done = 0
    let total: Int
    let progress: (@Sendable (StoreProgress) -> Void)?

    init(total: Int, progress: (@Sendable (StoreProgress) -> Void)?) {
        self.total = total
        self.progress = progress
    }

    func add(_ kind: ApplySummary.Kind) {
        let now = lock.withLock { done += kind.rows; return done }
        progress?(StoreProgress(done: now, total: total))
    }
}

/// Runs the staging on a thread of its own; `result()` waits for it.
private final class StagingThread: @unchecked Sendable {
    private let finished = DispatchSemaphore(value: 0)
    private var outcome: Result<[ApplySummary.Kind], any Error>?

    init(_ body: @escaping @Sendable () throws -> [ApplySummary.Kind]) {
        let thread = Thread { [self] in
            outcome = Result { try body() }
            finished.signal()
        }
        thread.stackSize = 1 << 22
        thread.start()
    }

    func result() throws -> [ApplySummary.Kind] {
        finished.wait()
        finished.signal()
        return try outcome!.get()
    }
}
