public import SnoeiCore
import SQLKit

/// Exits through the front door, one per decision. The checklist (`done`) is the child table
/// `exit_steps(decision_id, step, done_on)`: one row per step done, with the day.
extension LedgerStore {
    /// Adds the exit, or replaces the stored one for the same decision, checklist included
    /// (a step missing from `done` is no longer done).
    public func saveExit(_ exit: ExitRecord) async throws {
        try await workflowWrite { tx in
            try await tx.insert(into: "exits")
                .columns("decision_id", "customer_id", "partner_id", "conversation_date", "end_date")
                .values(SQLBind(exit.decisionId), SQLBind(exit.customerId), Self.optional(exit.partnerId),
                        Self.optional(exit.conversationDate?.iso), Self.optional(exit.endDate?.iso))
                .onConflict(with: ["decision_id"]) {
                    $0.set(excludedValueOf: "customer_id").set(excludedValueOf: "partner_id")
                        .set(excludedValueOf: "conversation_date").set(excludedValueOf: "end_date")
                }
                .run()
            try await tx.delete(from: "exit_steps").where("decision_id", .equal, SQLBind(exit.decisionId)).run()
            let steps = ExitStep.allCases.compactMap { step in exit.done[step].map { (step, $0) } }
            guard !steps.isEmpty else { return }
            let insert = tx.insert(into: "exit_steps").columns("decision_id", "step", "done_on")
            for (step, day) in steps {
                insert.values(SQLBind(exit.decisionId), SQLBind(step.rawValue), SQLBind(day.iso))
            }
            try await insert.run()
        }
    }

    /// Every exit, by customer, then decision.
    public func exits() async throws -> [ExitRecord] {
        try await exits(db.select().column("*").from("exits"),
                        steps: db.select().column("*").from("exit_steps"))
    }

    public func exit(decisionId: String) async throws -> ExitRecord? {
        try await exits(
            db.select().column("*").from("exits").where("decision_id", .equal, SQLBind(decisionId)),
            steps: db.select().column("*").from("exit_steps").where("decision_id", .equal, SQLBind(decisionId))
        ).first
    }

    private func exits(_ query: SQLSelectBuilder, steps stepsQuery: SQLSelectBuilder) async throws -> [ExitRecord] {
        var done: [String: [ExitStep: Day]] = [:]
        for row in try await stepsQuery.all() {
            let r = RowReader(row: row, table: "exit_steps")
            done[try r.text("decision_id"), default: [:]][try r.vocabulary("step", as: ExitStep.self)] =
                try r.isoDay("done_on")
        }
        return try await query.orderBy("customer_id").orderBy("decision_id").all().map { row in
            let r = RowReader(row: row, table: "exits")
            let id = try r.text("decision_id")
            return ExitRecord(
                decisionId: id, customerId: try r.text("customer_id"), partnerId: try r.optionalText("partner_id"),
                conversationDate: try r.optionalIsoDay("conversation_date"), endDate: try r.optionalIsoDay("end_date"),
                done: done[id] ?? [:])
        }
    }
}
