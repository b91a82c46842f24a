public import SnoeiCore
import Foundation
import SQLKit
import SQLiteKit

/// The firm's ledger in a database. One query layer (SQLKit) over SQLite today; the
/// PostgreSQL driver plugs in behind the same `SQLDatabase` without touching callers.
///
/// Close the store when done: the SQLite connection must be closed explicitly.
public final class LedgerStore: Sendable {
    let db: any SQLDatabase
    private let connection: SQLiteConnection

    /// Rows per multi-row INSERT: well under SQLite's 32,766 bound parameters.
    static let insertBatch = 500

    private init(connection: SQLiteConnection) {
        self.connection = connection
        self.db = connection.sql()
    }

    /// Opens (creating if needed) an SQLite database file and brings its schema up to date.
    public static func open(path: String) async throws -> LedgerStore {
        try await open(storage: .file(path: path), label: path)
    }

    /// A private in-memory database, for tests and dry runs.
    public static func inMemory() async throws -> LedgerStore {
        try await open(storage: .memory, label: ":memory:")
    }

    private static func open(storage: SQLiteConnection.Storage, label: String) async throws -> LedgerStore {
        let connection: SQLiteConnection
        do {
            connection = try await SQLiteConnection.open(storage: storage)
        } catch {
            throw StoreError.cannotOpen(path: label, reason: "\(error)")
        }
        let store = LedgerStore(connection: connection)
        do {
            try await store.db.raw("PRAGMA foreign_keys = OFF").run()
            try await store.db.raw("PRAGMA journal_mode = WAL").run()
            try await Schema.migrate(store.db)
        } catch {
            try? await connection.close()
            if let storeError = error as? StoreError { throw storeError }
            throw StoreError.cannotOpen(path: label, reason: "\(error)")
        }
        return store
    }

    public func close() async throws {
        try await connection.close()
    }

    /// Runs `body` with an open store and closes it afterwards, also when `body` throws.
    public static func with<T: Sendable>(path: String, _ body: (LedgerStore) async throws -> T) async throws -> T {
        let store = try await open(path: path)
        do {
            let result = try await body(store)
            try await store.close()
            return result
        } catch {
            try? await store.close()
            throw error
        }
    }

    public func schemaVersion() async throws -> Int {
        try await Schema.version(db)
    }

    // MARK: Meta

    public func meta(_ key: String) async throws -> String? {
        let rows = try await db.select().column("value").from("meta").where("key", .equal, SQLBind(key)).all()
        return try rows.first?.decode(column: "value", as: String.self)
    }

    public func setMeta(_ key: String, _ value: String) async throws {
        try await Self.setMeta(key, value, on: db)
    }

    /// Inserts or replaces one meta value; `db` may be a transaction's session.
    static func setMeta(_ key: String, _ value: String, on db: any SQLDatabase) async throws {
        try await db.insert(into: "meta").columns("key", "value").values(SQLBind(key), SQLBind(value))
            .onConflict(with: ["key"]) { $0.set(excludedValueOf: "value") }
            .run()
    }

    // MARK: Reading

    /// Every record, each table ordered by its key, so two databases holding the same
    /// ledger load identically.
    public func load() async throws -> LedgerRecords {
        var records = LedgerRecords()
        try await load(LedgerTables.customers, into: &records)
        try await load(LedgerTables.invoices, into: &records)
        try await load(LedgerTables.payments, into: &records)
        try await load(LedgerTables.timeEntries, into: &records)
        try await load(LedgerTables.contacts, into: &records)
        try await load(LedgerTables.deviations, into: &records)
        try await load(LedgerTables.incidents, into: &records)
        try await load(LedgerTables.referrals, into: &records)
        try await load(LedgerTables.valuesFit, into: &records)
        return records
    }

    public func customerIds() async throws -> Set<String> {
        let rows = try await db.select().column("customer_id").from("customers").all()
        return Set(try rows.map { try $0.decode(column: "customer_id", as: String.self) })
    }

    public func customerCount() async throws -> Int {
        let rows = try await db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
            .from("customers").all()
        return Int(try rows.first?.decode(column: "n", as: Int64.self) ?? 0)
    }

    /// Rows are decoded as they arrive, so a large table is never held twice (as driver rows
    /// and as records).
    private func load<R>(_ table: LedgerTable<R>, into records: inout LedgerRecords) async throws {
        let sink = RecordSink(table)
        try await db.select().column("*").from(table.name).orderBy(table.keyColumn).run { row in sink.add(row) }
        records[keyPath: table.records] = try sink.result()
    }

    func existing<R>(_ table: LedgerTable<R>, on db: any SQLDatabase) async throws -> [String: R] {
        let rows = try await db.select().column("*").from(table.name).all()
        var byKey: [String: R] = [:]
        byKey.reserveCapacity(rows.count)
        for row in rows {
            let reader = RowReader(row: row, table: table.name)
            byKey[try reader.text(table.keyColumn)] = try table.decode(reader)
        }
        return byKey
    }
}

/// Collects the records of one streamed query. The driver calls `add` for one row after the
/// other and the query has finished before `result()` is read, so no two threads touch it at once.
private final class RecordSink<R: Equatable & Sendable>: @unchecked Sendable {
    private let table: LedgerTable<R>
    private var records: [R] = []
    private var error: (any Error)?

    init(_ table: LedgerTable<R>) { self.table = table }

    func add(_ row: any SQLRow) {
        guard error == nil else { return }
        do {
            records.append(try table.decode(RowReader(row: row, table: table.name)))
        } catch {
            self.error = error
        }
    }

    func result() throws -> [R] {
        if let error { throw error }
        return records
    }
}
