import SQLKit

/// Migration 5: one row per analysis of a ledger version (issue 5, several servers).
///
/// | table           | key       | notes                                                          |
/// |-----------------|-----------|----------------------------------------------------------------|
/// | `analysis_runs` | `run_key` | `ledger_version` + as-of day; the portfolio's headline figures |
///
/// Written by the background job that follows an import, once per ledger version however
/// many servers share the database (`LedgerStore.runExclusively`), so the history of the
/// portfolio's figures has one entry per change and says which process computed it.
extension Schema {
    @Sendable static func createAnalysisRuns(_ db: any SQLDatabase) async throws {
        try await db.create(table: "analysis_runs")
            .column("run_key", type: .text, .primaryKey(autoIncrement: false))
            .column("ledger_version", type: .text, .notNull)
            .column("as_of", type: .text, .notNull)
            .column("ran_at", type: .text, .notNull)
            .column("ran_by", type: .text, .notNull)
            .column("customers", type: .bigint, .notNull)
            .column("revenue_cents", type: .bigint, .notNull)
            .column("contribution_cents", type: .bigint, .notNull)
            .column("hours_milli", type: .bigint, .notNull)
            .column("let_go", type: .bigint, .notNull)
            .column("fix", type: .bigint, .notNull)
            .column("duration_ms", type: .bigint, .notNull)
            .run()
    }
}
