public import SnoeiCore
import SQLKit

/// Fix plans: actions, an owner and a review date. `actions` is stored as the comma-separated
/// raw values of `SuggestedAction` (`set_boundaries,prepayment`; empty for none).
extension LedgerStore {
    /// Adds the plan, or replaces the stored plan with the same `planId` (the review outcome
    /// is written this way).
    public func saveFixPlan(_ plan: FixPlanRecord) async throws {
        try await workflowWrite { tx in
            try await tx.insert(into: "fix_plans")
                .columns(["plan_id"] + Self.fixPlanColumns)
                .values([SQLBind(plan.planId) as any SQLExpression] + Self.fixPlanValues(plan))
                .onConflict(with: ["plan_id"]) { update in
                    for column in Self.fixPlanColumns { update.set(excludedValueOf: column) }
                    return update
                }
                .run()
        }
    }

    /// Every plan, by review date.
    public func fixPlans() async throws -> [FixPlanRecord] {
        try await fixPlans(db.select().column("*").from("fix_plans"))
    }

    /// The decision's plan: its latest (by start, then review) when a second plan followed.
    public func fixPlan(decisionId: String) async throws -> FixPlanRecord? {
        try await db.select().column("*").from("fix_plans").where("decision_id", .equal, SQLBind(decisionId))
            .orderBy("start_date", .descending).orderBy("review_date", .descending).orderBy("plan_id", .descending)
            .limit(1).all().first.map(Self.fixPlanRecord)
    }

    /// Plans to review: review date on or before `day` and no outcome yet, by review date.
    public func fixPlansDue(on day: Day) async throws -> [FixPlanRecord] {
        try await fixPlans(db.select().column("*").from("fix_plans")
            .where("review_date", .lessThanOrEqual, SQLBind(day.iso))
            .where("outcome", .is, SQLLiteral.null))
    }

    private func fixPlans(_ query: SQLSelectBuilder) async throws -> [FixPlanRecord] {
        try await query.orderBy("review_date").orderBy("plan_id").all().map(Self.fixPlanRecord)
    }

    private static let fixPlanColumns = [
        "decision_id", "customer_id", "actions", "owner", "start_date", "review_date", "outcome", "note",
    ]

    private static func fixPlanValues(_ p: FixPlanRecord) -> [any SQLExpression] {
        [SQLBind(p.decisionId), SQLBind(p.customerId), SQLBind(p.actions.map(\.rawValue).joined(separator: ",")),
         SQLBind(p.owner), SQLBind(p.start.iso), SQLBind(p.review.iso), optional(p.outcome?.rawValue),
         optional(p.note)]
    }

    private static func fixPlanRecord(_ row: any SQLRow) throws -> FixPlanRecord {
        let r = RowReader(row: row, table: "fix_plans")
        let text = try r.text("actions")
        let parts = text.isEmpty ? [] : text.split(separator: ",", omittingEmptySubsequences: false)
        let actions = try parts.map { raw in
            guard let action = SuggestedAction(rawValue: String(raw)) else {
                throw StoreError.corrupt(table: "fix_plans", column: "actions", value: text)
            }
            return action
        }
        return FixPlanRecord(
            planId: try r.text("plan_id"), decisionId: try r.text("decision_id"), customerId: try r.text("customer_id"),
            actions: actions,
            owner: try r.text("owner"), start: try r.isoDay("start_date"), review: try r.isoDay("review_date"),
            outcome: try r.optionalVocabulary("outcome", as: FixOutcome.self), note: try r.optionalText("note"))
    }
}
