public import SnoeiCore
import Foundation
import PostgresKit
import SQLKit
import SQLiteKit

/// The firm's ledger in a database: an SQLite file (or memory) or a PostgreSQL database, behind
/// one query layer (SQLKit). Every table, column and behaviour is the same on both; where the
/// SQL differs the code branches on `db.dialectKind` (see `Schema`).
///
/// Close the store when done: the SQLite connection and the PostgreSQL pool must be closed
/// explicitly.
public final class LedgerStore: Sendable {
    let db: any SQLDatabase
    /// Where the ledger lives; its `description` never shows a password.
    public let location: StoreLocation
    let backend: Backend

    enum Backend: Sendable {
        case sqlite(SQLiteConnection)
        case postgres(PostgresPool)
    }

    /// Rows per multi-row INSERT at most; wide tables get fewer (see `rowsPerInsert`).
    static let insertBatch = 500

    private init(backend: Backend, location: StoreLocation) {
        self.backend = backend
        self.location = location
        switch backend {
        case .sqlite(let connection): db = connection.sql()
        case .postgres(let pool): db = pool.database
        }
    }

    /// Which engine holds the ledger.
    public var kind: DatabaseKind { location.kind }

    /// The SQL dialect's name: `sqlite` or `postgresql`.
    public var dialect: String { db.dialect.name }

    /// Opens the database at `location`, creating it (SQLite) or its tables (both) when needed,
    /// and brings its schema up to date.
    public static func open(location: StoreLocation) async throws -> LedgerStore {
        switch location {
        case .sqlite(let path): try await open(path: path)
        case .postgres(let postgres): try await open(postgres: postgres)
        }
    }

    /// Opens (creating if needed) an SQLite database file and brings its schema up to date.
    public static func open(path: String) async throws -> LedgerStore {
        try await open(storage: .file(path: path), location: .sqlite(path: path))
    }

    /// A private in-memory database, for tests and dry runs.
    public static func inMemory() async throws -> LedgerStore {
        try await open(storage: .memory, location: .sqlite(path: ":memory:"))
    }

    private static func open(
        storage: SQLiteConnection.Storage, location: StoreLocation, migrating: Bool = true
    ) async throws -> LedgerStore {
        let connection: SQLiteConnection
        do {
            connection = try await SQLiteConnection.open(storage: storage)
        } catch {
            throw StoreError.cannotOpen(path: location.description, reason: "\(error)")
        }
        let store = LedgerStore(backend: .sqlite(connection), location: location)
        do {
            try await store.db.raw("PRAGMA foreign_keys = OFF").run()
            try await store.db.raw("PRAGMA journal_mode = WAL").run()
            if migrating { try await Schema.migrate(store.db) }
        } catch {
            try? await connection.close()
            if let storeError = error as? StoreError { throw storeError }
            throw StoreError.cannotOpen(path: location.description, reason: "\(error)")
        }
        return store
    }

    /// Opens a PostgreSQL database: one plain connection first (a wrong host or password fails
    /// here and now), which creates the `search_path` schema when missing and migrates under an
    /// advisory lock; then the pool the store works with.
    private static func open(postgres location: PostgresLocation, migrating: Bool = true) async throws -> LedgerStore {
        let label = location.description
        do {
            let connection = try await PostgresSetup.connect(location)
            do {
                let sql = PostgresConnectionSQL(connection: connection)
                try await PostgresSetup.ensureSchema(location, on: sql)
                if migrating { try await Schema.migrateLocked(sql) }
                try await connection.close()
            } catch {
                try? await connection.close()
                throw error
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.cannotOpen(path: label, reason: PostgresSetup.describe(error, location: location))
        }
        let pool: PostgresPool
        do {
            pool = try PostgresPool(location: location)
        } catch {
            throw StoreError.cannotOpen(path: label, reason: PostgresSetup.describe(error, location: location))
        }
        return LedgerStore(backend: .postgres(pool), location: .postgres(location))
    }

    /// Opens the database without migrating it (for `migrate`, which reports the version before).
    private static func openUnmigrated(_ location: StoreLocation) async throws -> LedgerStore {
        switch location {
        case .sqlite(let path): try await open(storage: .file(path: path), location: location, migrating: false)
        case .postgres(let postgres): try await open(postgres: postgres, migrating: false)
        }
    }

    /// Brings the schema at `location` up to date, creating the database (SQLite) or its tables
    /// when needed; the versions before and after. The same happens on every `open`; this is
    /// for doing it on purpose (`snoei migrate`, a deployment step).
    public static func migrate(location: StoreLocation) async throws -> (before: Int, after: Int) {
        let store = try await openUnmigrated(location)
        do {
            let before = try await Schema.versionIfAny(store.db)
            do {
                try await Schema.migrateLocked(store.db)
            } catch let error as StoreError {
                throw error
            } catch {
                throw StoreError.cannotOpen(path: location.description, reason: store.describe(error))
            }
            let after = try await Schema.version(store.db)
            try await store.close()
            return (before, after)
        } catch {
            try? await store.close()
            throw error
        }
    }

    /// The migrations recorded in the database at `location`, oldest first, without migrating
    /// it (none for a database Snoei has not set up yet).
    public static func appliedMigrations(location: StoreLocation) async throws -> [AppliedMigration] {
        let store = try await openUnmigrated(location)
        do {
            let applied = try await Schema.hasTable("schema_migrations", store.db) ? try await store.appliedMigrations() : []
            try await store.close()
            return applied
        } catch {
            try? await store.close()
            throw error
        }
    }

    /// The migrations recorded in the database, oldest first.
    public func appliedMigrations() async throws -> [AppliedMigration] {
        try await db.select().column("version").column("name").column("applied_at").from("schema_migrations")
            .orderBy("version").all().map { row in
                let r = RowReader(row: row, table: "schema_migrations")
                return AppliedMigration(version: Int(try r.int("version")), name: try r.text("name"),
                                        appliedAt: try r.text("applied_at"))
            }
    }

    /// Every migration this version of Snoei knows, oldest first (applied or not).
    public static var knownMigrations: [(version: Int, name: String)] {
        Schema.migrations.map { ($0.version, $0.name) }
    }

    /// A driver error in words, never holding a password.
    func describe(_ error: any Error) -> String {
        if let error = error as? StoreError { return error.description }
        if case .postgres(let pool) = backend { return PostgresSetup.describe(error, location: pool.location) }
        return "\(error)"
    }

    /// Closes the SQLite connection or stops the PostgreSQL pool.
    public func close() async throws {
        switch backend {
        case .sqlite(let connection): try await connection.close()
        case .postgres(let pool): await pool.close()
        }
    }

    /// Runs `body` with an open store and closes it afterwards, also when `body` throws.
    public static func with<T: Sendable>(path: String, _ body: (LedgerStore) async throws -> T) async throws -> T {
        try await with(location: .sqlite(path: path), body)
    }

    /// Runs `body` with the store at `location` and closes it afterwards, also when `body` throws.
    public static func with<T: Sendable>(
        location: StoreLocation, _ body: (LedgerStore) async throws -> T
    ) async throws -> T {
        let store = try await open(location: location)
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

    /// Every record through SQLKit, each table ordered by its key (`load()` picks the faster
    /// reader for an SQLite file; this path is PostgreSQL's and the reference in tests).
    func loadThroughSQLKit() async throws -> LedgerRecords {
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

    /// Customer id → name, for imports whose files name customers (time trackers' "Client").
    public func customerNames() async throws -> [String: String] {
        let rows = try await db.select().column("customer_id").column("name").from("customers").all()
        var names: [String: String] = [:]
        for row in rows {
            names[try row.decode(column: "customer_id", as: String.self)] = try row.decode(column: "name", as: String.self)
        }
        return names
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
