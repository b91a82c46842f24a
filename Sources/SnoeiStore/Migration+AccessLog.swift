import SQLKit

/// Migration 4: the privacy access log (issue 5, GDPR/AVG): every view of a customer's notes,
/// every change to what is held about a customer, every export and every erasure, with who
/// and when (SnoeiCore's `AccessLogEntry`).
///
/// | table        | key               | notes                                                     |
/// |--------------|-------------------|-----------------------------------------------------------|
/// | `access_log` | `seq` (generated) | append-only; read in `seq` order; `detail` may be NULL    |
///
/// `action` holds an `AccessAction` raw value (`view_notes`, `export`, `erase`, `change`);
/// `at` an ISO 8601 timestamp as given. Like `decision_events`, the database itself refuses
/// to update or delete a row: an erasure keeps the log, which is how the firm shows it erased.
extension Schema {
    @Sendable static func createAccessLog(_ db: any SQLDatabase) async throws {
        try await db.create(table: "access_log")
            .generatedKey("seq")
            .column("at", type: .text, .notNull)
            .column("actor", type: .text, .notNull)
            .column("action", type: .text, .notNull)
            .column("customer_id", type: .text, .notNull)
            .column("detail", type: .text)
            .run()
        try await db.create(index: "access_log_customer_id").on("access_log").column("customer_id").run()
        try await forbidChanging(table: "access_log", message: "the access log is append-only", db)
    }

    /// Makes `table` append-only in the database itself: UPDATE and DELETE (and, on PostgreSQL,
    /// TRUNCATE) raise `message`. The dialect-specific SQL of the access log, in one place:
    /// SQLite aborts from a trigger body with `RAISE(ABORT, …)`; PostgreSQL calls a PL/pgSQL
    /// function that raises an exception from `BEFORE … FOR EACH ROW` and `FOR EACH STATEMENT`
    /// triggers. `table` and `message` are constants of the schema, never user input.
    static func forbidChanging(table: String, message: String, _ db: any SQLDatabase) async throws {
        switch db.dialectKind {
        case .sqlite:
            for event in ["UPDATE", "DELETE"] {
                try await db.raw("""
                    CREATE TRIGGER \(unsafeRaw: table)_no_\(unsafeRaw: event.lowercased())
                    BEFORE \(unsafeRaw: event) ON \(unsafeRaw: table)
                    BEGIN SELECT RAISE(ABORT, '\(unsafeRaw: message)'); END
                    """).run()
            }
        case .postgresql:
            try await db.raw("""
                CREATE FUNCTION \(unsafeRaw: table)_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION '\(unsafeRaw: message)'; END $$
                """).run()
            try await db.raw("""
                CREATE TRIGGER \(unsafeRaw: table)_no_change BEFORE UPDATE OR DELETE ON \(unsafeRaw: table)
                FOR EACH ROW EXECUTE FUNCTION \(unsafeRaw: table)_append_only()
                """).run()
            try await db.raw("""
                CREATE TRIGGER \(unsafeRaw: table)_no_truncate BEFORE TRUNCATE ON \(unsafeRaw: table)
                FOR EACH STATEMENT EXECUTE FUNCTION \(unsafeRaw: table)_append_only()
                """).run()
        }
    }
}
