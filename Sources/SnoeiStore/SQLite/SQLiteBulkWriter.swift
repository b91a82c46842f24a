import Foundation
import SnoeiCore

/// The first import into empty ledger tables of an SQLite file, through SQLite's C API: one
/// prepared INSERT per table, bound and stepped row by row, all inside one write
/// transaction. It writes exactly the rows `LedgerStore.merge` would (same keys, same cells,
/// same order, so even the rowids agree) without the merge's reads and SQLKit's statement
/// building.
///
/// All or nothing: the transaction is `BEGIN IMMEDIATE` (no other writer can slip in between
/// the emptiness check and the inserts) and any error rolls everything back.
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
        try connection.exec("BEGIN IMMEDIATE")
        do {
            guard try allEmpty(connection) else {
                try connection.exec("ROLLBACK")
                return .notEmpty
            }
            // Page cache for the inserts and the index builds (negative = KiB); this connection
            // only, gone when it closes.
            try connection.exec("PRAGMA cache_size = -262144")
            try connection.exec("PRAGMA temp_store = MEMORY")
            // Secondary indexes are built once, from sorted keys, after the rows are in, rather
            // than updated row by row. The same CREATE INDEX text is run again, so the schema
            // reads exactly as before.
            let indexes = try secondaryIndexes(connection)
            for index in indexes { try connection.exec("DROP INDEX \"\(index.name)\"") }

            let total = records.rowCount
            var done = 0
            var kinds: [ApplySummary.Kind] = []
            func step<R>(_ table: LedgerTable<R>) throws {
                let kind = try insert(table, records[keyPath: table.records], connection)
                kinds.append(kind)
                done += kind.rows
                progress?(StoreProgress(done: done, total: total))
            }
            try step(LedgerTables.customers)
            try step(LedgerTables.invoices)
            try step(LedgerTables.payments)
            try step(LedgerTables.timeEntries)
            try step(LedgerTables.contacts)
            try step(LedgerTables.deviations)
            try step(LedgerTables.incidents)
            try step(LedgerTables.referrals)
            try step(LedgerTables.valuesFit)

            for index in indexes { try connection.exec(index.sql) }
            if ApplySummary(kinds: kinds).changesAnything {
                let meta = try connection.prepare(
                    "INSERT INTO \"meta\" (\"key\", \"value\") VALUES (?, ?) ON CONFLICT (\"key\") DO UPDATE SET \"value\" = EXCLUDED.\"value\"")
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

    private func allEmpty(_ connection: SQLiteHandle) throws -> Bool {
        for table in Self.tables {
            let statement = try connection.prepare("SELECT 1 FROM \"\(table)\" LIMIT 1")
            if try statement.step() { return false }
        }
        return true
    }

    /// Indexes the schema created on the ledger tables (not the primary keys' own).
    private func secondaryIndexes(_ connection: SQLiteHandle) throws -> [(name: String, sql: String)] {
        let list = Self.tables.map { "'\($0)'" }.joined(separator: ", ")
        let statement = try connection.prepare(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (\(list)) ORDER BY rowid")
        var indexes: [(name: String, sql: String)] = []
        let values = SQLiteRowValues(statement: statement, table: "sqlite_master", columns: ["name", "sql"])
        while try statement.step() { indexes.append((try values.text(0), try values.text(1))) }
        return indexes
    }

    /// Inserts what `merge` would insert into an empty table: every record under its key, in
    /// import order. A key seen twice keeps the first one's place (its rowid) with the last
    /// one's values, as the merge's "last wins" does: the upsert updates the row in place.
    /// The table was empty, so the rows it holds afterwards are the new ones.
    private func insert<R>(_ table: LedgerTable<R>, _ incoming: [R], _ connection: SQLiteHandle) throws -> ApplySummary.Kind {
        guard !incoming.isEmpty else { return .init(file: table.file, rows: 0, new: 0, updated: 0, unchanged: 0) }
        let key = "\"\(table.keyColumn)\""
        let columns = ([table.keyColumn] + table.columns).map { "\"\($0)\"" }.joined(separator: ", ")
        let marks = Array(repeating: "?", count: 1 + table.columns.count).joined(separator: ", ")
        let updates = table.columns.map { "\"\($0)\" = excluded.\"\($0)\"" }.joined(separator: ", ")
        let statement = try connection.prepare(
            "INSERT INTO \"\(table.name)\" (\(columns)) VALUES (\(marks)) ON CONFLICT (\(key)) DO UPDATE SET \(updates)")
        for (key, record) in zip(table.keys(for: incoming), incoming) {
            statement.bind(1, key)
            for (offset, cell) in table.cells(record).enumerated() {
                let index = Int32(offset + 2)
                switch cell {
                case .text(let value): statement.bind(index, value)
                case .int(let value): statement.bind(index, value)
                case .bool(let value): statement.bind(index, value)
                }
            }
            try statement.run()
        }
        let count = try connection.prepare("SELECT COUNT(*) FROM \"\(table.name)\"")
        _ = try count.step()
        let new = Int(count.int64(0))
        return .init(file: table.file, rows: incoming.count, new: new, updated: 0, unchanged: 0)
    }
}
