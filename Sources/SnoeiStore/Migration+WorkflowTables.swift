import SQLKit

/// Migration 2: what people decide and do about customers (SnoeiCore's WorkflowRecords).
///
/// Same conventions as the ledger tables: snake_case columns, days as `YYYY-MM-DD` text
/// (`Day.iso`), timestamps as ISO 8601 text exactly as given, vocabularies as their raw
/// values. Every table is created through SQLKit builders; the one dialect-specific part,
/// the append-only guard on `decision_events`, lives in `forbidChangingDecisionEvents`.
///
/// | table                  | key                        | notes                                               |
/// |------------------------|----------------------------|-----------------------------------------------------|
/// | `decisions`            | `decision_id`              | current state; `opened_by` keeps who opened it      |
/// | `decision_events`      | `seq` (generated)          | the audit trail; append-only; read in `seq` order   |
/// | `boundary_notices`     | `seq` (generated)          | `given_by` holds the record's `by`                  |
/// | `fix_plans`            | `plan_id`                  | `actions`: comma-separated raw `SuggestedAction`s   |
/// | `partners`             | `partner_id`               |                                                     |
/// | `partner_specialities` | (`partner_id`, `position`) | free words may hold commas, hence a child table     |
/// | `exits`                | `decision_id`              |                                                     |
/// | `exit_steps`           | (`decision_id`, `step`)    | the checklist: `done_on` is the day a step was done |
/// | `leave_requests`       | `seq` (generated)          |                                                     |
///
/// Fix plan actions are a closed vocabulary whose spellings hold no comma, so one text
/// column (`set_boundaries,prepayment`, empty for none) keeps a plan on one row; partner
/// specialities are free words and get their own table. `seq` columns are generated integer
/// keys (SQLite's rowid, PostgreSQL's identity column) that give insertion order, which text
/// timestamps cannot be trusted to do.
extension Schema {
    @Sendable static func createWorkflowTables(_ db: any SQLDatabase) async throws {
        try await db.create(table: "decisions")
            .column("decision_id", type: .text, .primaryKey(autoIncrement: false))
            .column("customer_id", type: .text, .notNull)
            .column("state", type: .text, .notNull)
            .column("proposed", type: .text, .notNull)
            .column("chosen", type: .text)
            .column("opened_at", type: .text, .notNull)
            .column("opened_by", type: .text, .notNull)
            .column("updated_at", type: .text, .notNull)
            .run()
        try await db.create(table: "decision_events")
            .column("seq", type: .bigint, .primaryKey(autoIncrement: true))
            .column("decision_id", type: .text, .notNull)
            .column("customer_id", type: .text, .notNull)
            .column("at", type: .text, .notNull)
            .column("actor", type: .text, .notNull)
            .column("step", type: .text, .notNull)
            .column("from_state", type: .text, .notNull)
            .column("to_state", type: .text, .notNull)
            .column("proposed", type: .text, .notNull)
            .column("chosen", type: .text)
            .column("reason", type: .text, .notNull)
            .run()
        try await forbidChangingDecisionEvents(db)
        try await db.create(table: "boundary_notices")
            .column("seq", type: .bigint, .primaryKey(autoIncrement: true))
            .column("customer_id", type: .text, .notNull)
            .column("kind", type: .text, .notNull)
            .column("date", type: .text, .notNull)
            .column("channel", type: .text, .notNull)
            .column("given_by", type: .text, .notNull)
            .column("note", type: .text)
            .run()
        try await db.create(table: "fix_plans")
            .column("plan_id", type: .text, .primaryKey(autoIncrement: false))
            .column("decision_id", type: .text, .notNull)
            .column("customer_id", type: .text, .notNull)
            .column("actions", type: .text, .notNull)
            .column("owner", type: .text, .notNull)
            .column("start_date", type: .text, .notNull)
            .column("review_date", type: .text, .notNull)
            .column("outcome", type: .text)
            .column("note", type: .text)
            .run()
        try await db.create(table: "partners")
            .column("partner_id", type: .text, .primaryKey(autoIncrement: false))
            .column("name", type: .text, .notNull)
            .column("contact", type: .text)
            .column("note", type: .text)
            .run()
        try await db.create(table: "partner_specialities")
            .column("partner_id", type: .text, .notNull)
            .column("position", type: .bigint, .notNull)
            .column("speciality", type: .text, .notNull)
            .primaryKey("partner_id", "position")
            .run()
        try await db.create(table: "exits")
            .column("decision_id", type: .text, .primaryKey(autoIncrement: false))
            .column("customer_id", type: .text, .notNull)
            .column("partner_id", type: .text)
            .column("conversation_date", type: .text)
            .column("end_date", type: .text)
            .run()
        try await db.create(table: "exit_steps")
            .column("decision_id", type: .text, .notNull)
            .column("step", type: .text, .notNull)
            .column("done_on", type: .text, .notNull)
            .primaryKey("decision_id", "step")
            .run()
        try await db.create(table: "leave_requests")
            .column("seq", type: .bigint, .primaryKey(autoIncrement: true))
            .column("customer_id", type: .text, .notNull)
            .column("date", type: .text, .notNull)
            .column("channel", type: .text, .notNull)
            .column("note", type: .text)
            .run()
        for table in ["decisions", "decision_events", "boundary_notices", "fix_plans", "exits", "leave_requests"] {
            try await db.create(index: "\(table)_customer_id").on(table).column("customer_id").run()
        }
        try await db.create(index: "decision_events_decision_id").on("decision_events").column("decision_id").run()
        try await db.create(index: "fix_plans_decision_id").on("fix_plans").column("decision_id").run()
        try await db.create(index: "fix_plans_review_date").on("fix_plans").column("review_date").run()
    }

    /// The audit trail is append-only: the database itself refuses UPDATE and DELETE on
    /// `decision_events`, so not even a hand-written statement rewrites history.
    ///
    /// The only dialect-specific SQL of the schema. SQLite aborts from a trigger body with
    /// `RAISE(ABORT, …)`; PostgreSQL needs its own form — a PL/pgSQL function that raises an
    /// exception, called by a `BEFORE UPDATE OR DELETE … FOR EACH ROW` trigger (and a
    /// `BEFORE TRUNCATE … FOR EACH STATEMENT` one) — to be verified when the PostgreSQL driver
    /// lands. Any other dialect is refused rather than left unguarded.
    static func forbidChangingDecisionEvents(_ db: any SQLDatabase) async throws {
        switch db.dialect.name {
        case "sqlite":
            for event in ["UPDATE", "DELETE"] {
                try await db.raw("""
                    CREATE TRIGGER decision_events_no_\(unsafeRaw: event.lowercased())
                    BEFORE \(unsafeRaw: event) ON decision_events
                    BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END
                    """).run()
            }
        case "postgresql":
            try await db.raw("""
                CREATE FUNCTION decision_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION 'the audit trail is append-only'; END $$
                """).run()
            try await db.raw("""
                CREATE TRIGGER decision_events_no_change BEFORE UPDATE OR DELETE ON decision_events
                FOR EACH ROW EXECUTE FUNCTION decision_events_append_only()
                """).run()
            try await db.raw("""
                CREATE TRIGGER decision_events_no_truncate BEFORE TRUNCATE ON decision_events
                FOR EACH STATEMENT EXECUTE FUNCTION decision_events_append_only()
                """).run()
        default:
            throw StoreError.unsupportedDatabase(dialect: db.dialect.name)
        }
    }
}
