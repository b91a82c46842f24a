public import SnoeiCore
import SQLKit

/// One analysis of one ledger version, as the background job recorded it.
public struct AnalysisRunRecord: Sendable, Equatable {
    public var ledgerVersion: String
    public var asOf: Day
    /// ISO 8601 UTC.
    public var ranAt: String
    /// The process that computed it: host and process id.
    public var ranBy: String
    public var customers: Int
    public var revenue: Money
    public var contribution: Money
    public var hours: MilliHours
    public var letGo: Int
    public var fix: Int
    public var durationMilliseconds: Int

    public init(ledgerVersion: String, asOf: Day, ranAt: String, ranBy: String, customers: Int, revenue: Money,
                contribution: Money, hours: MilliHours, letGo: Int, fix: Int, durationMilliseconds: Int) {
        self.ledgerVersion = ledgerVersion; self.asOf = asOf; self.ranAt = ranAt; self.ranBy = ranBy
        self.customers = customers; self.revenue = revenue; self.contribution = contribution; self.hours = hours
        self.letGo = letGo; self.fix = fix; self.durationMilliseconds = durationMilliseconds
    }

    var key: String { ledgerVersion + "|" + asOf.iso }
}

extension LedgerStore {
    /// Records a run unless one for the same ledger version and day is there already; true
    /// when this call wrote it. Call it inside `runExclusively` so the check and the write
    /// are one step across processes.
    @discardableResult
    public func recordAnalysisRun(_ run: AnalysisRunRecord) async throws -> Bool {
        let existing = try await db.select().column("run_key").from("analysis_runs")
            .where("run_key", .equal, SQLBind(run.key)).all()
        guard existing.isEmpty else { return false }
        try await db.insert(into: "analysis_runs")
            .columns("run_key", "ledger_version", "as_of", "ran_at", "ran_by", "customers", "revenue_cents",
                     "contribution_cents", "hours_milli", "let_go", "fix", "duration_ms")
            .values(SQLBind(run.key), SQLBind(run.ledgerVersion), SQLBind(run.asOf.iso), SQLBind(run.ranAt),
                    SQLBind(run.ranBy), SQLBind(Int64(run.customers)), SQLBind(run.revenue.cents),
                    SQLBind(run.contribution.cents), SQLBind(Int64(run.hours)), SQLBind(Int64(run.letGo)),
                    SQLBind(Int64(run.fix)), SQLBind(Int64(run.durationMilliseconds)))
            .run()
        return true
    }

    /// Every recorded run, oldest first (by when it ran).
    public func analysisRuns() async throws -> [AnalysisRunRecord] {
        try await db.select().column("*").from("analysis_runs").orderBy("ran_at").orderBy("run_key").all().map { row in
            let r = RowReader(row: row, table: "analysis_runs")
            let asOf = try r.text("as_of")
            guard let day = Day(iso: asOf) else { throw StoreError.corrupt(table: "analysis_runs", column: "as_of", value: asOf) }
            return AnalysisRunRecord(
                ledgerVersion: try r.text("ledger_version"), asOf: day, ranAt: try r.text("ran_at"),
                ranBy: try r.text("ran_by"), customers: Int(try r.int("customers")),
                revenue: Money(cents: try r.int("revenue_cents")), contribution: Money(cents: try r.int("contribution_cents")),
                hours: MilliHours(try r.int("hours_milli")), letGo: Int(try r.int("let_go")), fix: Int(try r.int("fix")),
                durationMilliseconds: Int(try r.int("duration_ms")))
        }
    }
}
