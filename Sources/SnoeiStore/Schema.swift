import Foundation
import SQLKit

/// One step of the schema. Steps are applied in order, once, and recorded in
/// `schema_migrations`; a released step is never edited, only followed by a new one.
struct Migration: Sendable {
    let version: Int
    let name: String
    let prepare: @Sendable (any SQLDatabase) async throws -> Void
}

enum Schema {
    static let migrations: [Migration] = [
        Migration(version: 1, name: "create_ledger_tables", prepare: createLedgerTables),
        Migration(version: 2, name: "create_workflow_tables", prepare: createWorkflowTables),
        Migration(version: 3, name: "create_user_tables", prepare: createUserTables),
        Migration(version: 4, name: "create_access_log", prepare: createAccessLog),
        Migration(version: 5, name: "create_analysis_runs", prepare: createAnalysisRuns),
        Migration(version: 6, name: "create_unmatched_payments", prepare: createUnmatchedPayments),
    ]

    static var latestVersion: Int { migrations.last?.version ?? 0 }

    /// Brings the database up to the latest version (or up to `target`: tests write databases
    /// as an older Snoei left them) inside one transaction per step.
    static func migrate(_ db: any SQLDatabase, through target: Int = latestVersion) async throws {
        try await db.create(table: "schema_migrations").ifNotExists()
            .column("version", type: .bigint, .primaryKey(autoIncrement: false))
            .column("name", type: .text, .notNull)
            .column("applied_at", type: .text, .notNull)
            .run()
        let current = try await version(db)
        if current > latestVersion {
            throw StoreError.newerSchema(found: current, supported: latestVersion)
        }
        for migration in migrations where migration.version > current && migration.version <= target {
            try await Transaction.run(on: db) { tx in
                try await migration.prepare(tx)
                try await tx.insert(into: "schema_migrations")
                    .columns("version", "name", "applied_at")
                    .values(SQLBind(Int64(migration.version)), SQLBind(migration.name),
                            SQLBind(ISO8601Now.string()))
                    .run()
            }
        }
    }

    static func version(_ db: any SQLDatabase) async throws -> Int {
        let rows = try await db.select().column(SQLFunction("MAX", args: SQLColumn("version")), as: "v")
            .from("schema_migrations").all()
        return Int(try rows.first?.decode(column: "v", as: Int64?.self) ?? 0)
    }

    private static let boolean = SQLDataType.custom(SQLRaw("BOOLEAN"))

    @Sendable private static func createLedgerTables(_ db: any SQLDatabase) async throws {
        try await db.create(table: "meta")
            .column("key", type: .text, .primaryKey(autoIncrement: false))
            .column("value", type: .text, .notNull)
            .run()
        try await db.create(table: "customers")
            .column("customer_id", type: .text, .primaryKey(autoIncrement: false))
            .column("name", type: .text, .notNull)
            .column("segment", type: .text)
            .column("account_manager", type: .text)
            .column("since", type: .text)
            .column("tier", type: .text)
            .column("contract_end", type: .text)
            .column("notice_days", type: .bigint)
            .column("cancel_channel", type: .text)
            .run()
        try await db.create(table: "invoices")
            .column("invoice_id", type: .text, .primaryKey(autoIncrement: false))
            .column("customer_id", type: .text, .notNull)
            .column("issue_date", type: .text, .notNull)
            .column("due_date", type: .text, .notNull)
            .column("amount_cents", type: .bigint, .notNull)
            .column("vat_cents", type: .bigint, .notNull)
            .column("cost_cents", type: .bigint)
            .column("reference", type: .text)
            .run()
        try await db.create(table: "payments")
            .column("payment_id", type: .text, .primaryKey(autoIncrement: false))
            .column("date", type: .text, .notNull)
            .column("amount_cents", type: .bigint, .notNull)
            .column("invoice_id", type: .text)
            .column("customer_id", type: .text)
            .column("reference", type: .text)
            .run()
        try await db.create(table: "time_entries")
            .column("row_key", type: .text, .primaryKey(autoIncrement: false))
            .column("customer_id", type: .text, .notNull)
            .column("date", type: .text, .notNull)
            .column("hours_milli", type: .bigint, .notNull)
            .column("activity", type: .text, .notNull)
            .column("billable", type: boolean)
            .column("employee", type: .text)
            .run()
        try await db.create(table: "contacts")
            .column("row_key", type: .text, .primaryKey(autoIncrement: false))
            .column("customer_id", type: .text, .notNull)
            .column("date", type: .text, .notNull)
            .column("channel", type: .text, .notNull)
            .column("kind", type: .text, .notNull)
            .column("topic", type: .text)
            .column("self_caused", type: boolean)
            .run()
        try await db.create(table: "deviations")
            .column("row_key", type: .text, .primaryKey(autoIncrement: false))
            .column("customer_id", type: .text, .notNull)
            .column("date", type: .text, .notNull)
            .column("kind", type: .text, .notNull)
            .column("cost_cents", type: .bigint, .notNull)
            .column("note", type: .text)
            .run()
        try await db.create(table: "incidents")
            .column("row_key", type: .text, .primaryKey(autoIncrement: false))
            .column("customer_id", type: .text, .notNull)
            .column("date", type: .text, .notNull)
            .column("kind", type: .text, .notNull)
            .column("severity", type: .bigint, .notNull)
            .column("note", type: .text)
            .run()
        try await db.create(table: "referrals")
            .column("row_key", type: .text, .primaryKey(autoIncrement: false))
            .column("customer_id", type: .text, .notNull)
            .column("referred_customer_id", type: .text, .notNull)
            .column("date", type: .text, .notNull)
            .run()
        try await db.create(table: "values_fit")
            .column("row_key", type: .text, .primaryKey(autoIncrement: false))
            .column("customer_id", type: .text, .notNull)
            .column("criterion", type: .text, .notNull)
            .column("score", type: .bigint, .notNull)
            .run()
        // Per-customer lookups (the customer page, the account manager's list).
        for table in ["invoices", "payments", "time_entries", "contacts", "deviations", "incidents", "referrals", "values_fit"] {
            try await db.create(index: "\(table)_customer_id").on(table).column("customer_id").run()
        }
        try await db.create(index: "payments_invoice_id").on("payments").column("invoice_id").run()
    }
}

enum ISO8601Now {
    static func string() -> String { Date().ISO8601Format() }
}
