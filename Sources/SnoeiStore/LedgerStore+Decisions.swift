import Foundation
public import SnoeiCore
import SQLKit

/// Decisions about customers and their append-only audit trail.
///
/// A decision row holds the current state for quick lists; every step a person takes is one
/// row of `decision_events`, written in the same transaction as the state change. The store
/// offers no way to change or remove an event, and the database refuses it too.
extension LedgerStore {
    /// States in which a decision is finished; any other state is open.
    static let finishedStates: [DecisionState] = [.resolved, .closed]

    /// Every decision, the most recently updated first.
    public func decisions() async throws -> [DecisionRecord] {
        try await Self.decisions(db.select().column("*").from("decisions"))
    }

    /// One customer's decisions, the most recently updated first.
    public func decisions(customerId: String) async throws -> [DecisionRecord] {
        try await Self.decisions(
            db.select().column("*").from("decisions").where("customer_id", .equal, SQLBind(customerId)))
    }

    public func decision(id: String) async throws -> DecisionRecord? {
        try await Self.decision(id: id, on: db)
    }

    /// The customer's latest decision that is not resolved or closed.
    public func openDecision(customerId: String) async throws -> DecisionRecord? {
        try await Self.openDecision(customerId: customerId, on: db)
    }

    /// Opens a decision about the customer in state `proposed`, with a new UUID as its id —
    /// unless one is open already: then that one is returned unchanged.
    public func openDecision(customerId: String, proposed: Recommendation, actor: String, at: String)
        async throws -> DecisionRecord
    {
        try await Transaction.run(on: db) { tx in
            if let open = try await Self.openDecision(customerId: customerId, on: tx) { return open }
            let record = DecisionRecord(
                decisionId: UUID().uuidString, customerId: customerId, state: .proposed, proposed: proposed,
                chosen: nil, openedAt: at, updatedAt: at)
            try await tx.insert(into: "decisions")
                .columns("decision_id", "customer_id", "state", "proposed", "chosen", "opened_at", "opened_by",
                         "updated_at")
                .values(SQLBind(record.decisionId), SQLBind(record.customerId), SQLBind(record.state.rawValue),
                        SQLBind(record.proposed.rawValue), SQLLiteral.null, SQLBind(record.openedAt), SQLBind(actor),
                        SQLBind(record.updatedAt))
                .run()
            try await Self.bumpWorkflowVersion(on: tx)
            return record
        }
    }

    /// Records one step of a decision, all or nothing: the event's `from` must be the
    /// decision's current state (else `StoreError.staleDecision`: someone else moved it, and
    /// nothing is written); the event is appended to the audit trail and the decision moves to
    /// `event.to`, keeps its choice unless the event makes one, and is updated at `event.at`.
    ///
    /// Whether the step itself is allowed from that state is the workflow's rule (SnoeiCore),
    /// not the store's.
    @discardableResult
    public func record(_ event: DecisionEvent) async throws -> DecisionRecord {
        try await workflowWrite { tx in
            guard let current = try await Self.decision(id: event.decisionId, on: tx) else {
                throw StoreError.unknownDecision(id: event.decisionId)
            }
            guard current.customerId == event.customerId else {
                throw StoreError.decisionCustomerMismatch(
                    id: current.decisionId, customerId: current.customerId, eventCustomerId: event.customerId)
            }
            guard current.state == event.from else {
                throw StoreError.staleDecision(id: current.decisionId, state: current.state, expected: event.from)
            }
            var updated = current
            updated.state = event.to
            updated.chosen = event.chosen ?? current.chosen
            updated.updatedAt = event.at
            // The state is checked again by the UPDATE itself: on a database with concurrent
            // sessions (PostgreSQL) another step may have committed since the read above.
            let moved = try await tx.update("decisions")
                .set("state", to: SQLBind(updated.state.rawValue))
                .set("chosen", to: updated.chosen.map { SQLBind($0.rawValue) as any SQLExpression } ?? SQLLiteral.null)
                .set("updated_at", to: SQLBind(updated.updatedAt))
                .where("decision_id", .equal, SQLBind(event.decisionId))
                .where("state", .equal, SQLBind(event.from.rawValue))
                .returning("decision_id")
                .all()
            if moved.isEmpty {
                let now = try await Self.decision(id: event.decisionId, on: tx)?.state ?? current.state
                throw StoreError.staleDecision(id: current.decisionId, state: now, expected: event.from)
            }
            try await tx.insert(into: "decision_events")
                .columns("decision_id", "customer_id", "at", "actor", "step", "from_state", "to_state", "proposed",
                         "chosen", "reason")
                .values(SQLBind(event.decisionId), SQLBind(event.customerId), SQLBind(event.at), SQLBind(event.actor),
                        SQLBind(event.step.rawValue), SQLBind(event.from.rawValue), SQLBind(event.to.rawValue),
                        SQLBind(event.proposed.rawValue),
                        event.chosen.map { SQLBind($0.rawValue) as any SQLExpression } ?? SQLLiteral.null,
                        SQLBind(event.reason))
                .run()
            return updated
        }
    }

    /// The audit trail of one decision, oldest first.
    public func events(decisionId: String) async throws -> [DecisionEvent] {
        try await events(db.select().column("*").from("decision_events")
            .where("decision_id", .equal, SQLBind(decisionId)))
    }

    /// Every event about one customer (all their decisions), oldest first.
    public func events(customerId: String) async throws -> [DecisionEvent] {
        try await events(db.select().column("*").from("decision_events")
            .where("customer_id", .equal, SQLBind(customerId)))
    }

    /// The whole audit trail, oldest first (for export and review).
    public func allEvents() async throws -> [DecisionEvent] {
        try await events(db.select().column("*").from("decision_events"))
    }

    // MARK: Rows

    /// Events in the order they were written: by the generated sequence, never by text time.
    private func events(_ query: SQLSelectBuilder) async throws -> [DecisionEvent] {
        try await query.orderBy("seq").all().map { row in
            let r = RowReader(row: row, table: "decision_events")
            return DecisionEvent(
                decisionId: try r.text("decision_id"), customerId: try r.text("customer_id"), at: try r.text("at"),
                actor: try r.text("actor"), step: try r.vocabulary("step", as: DecisionStep.self),
                from: try r.vocabulary("from_state", as: DecisionState.self),
                to: try r.vocabulary("to_state", as: DecisionState.self),
                proposed: try r.vocabulary("proposed", as: Recommendation.self),
                chosen: try r.optionalVocabulary("chosen", as: Recommendation.self), reason: try r.text("reason"))
        }
    }

    private static func decisions(_ query: SQLSelectBuilder) async throws -> [DecisionRecord] {
        try await query
            .orderBy("updated_at", .descending).orderBy("opened_at", .descending).orderBy("decision_id")
            .all().map(decisionRecord)
    }

    static func decision(id: String, on db: any SQLDatabase) async throws -> DecisionRecord? {
        try await db.select().column("*").from("decisions").where("decision_id", .equal, SQLBind(id))
            .all().first.map(decisionRecord)
    }

    private static func openDecision(customerId: String, on db: any SQLDatabase) async throws -> DecisionRecord? {
        try await db.select().column("*").from("decisions")
            .where("customer_id", .equal, SQLBind(customerId))
            .where("state", .notIn, finishedStates.map(\.rawValue))
            .orderBy("opened_at", .descending).orderBy("updated_at", .descending).orderBy("decision_id", .descending)
            .limit(1)
            .all().first.map(decisionRecord)
    }

    private static func decisionRecord(_ row: any SQLRow) throws -> DecisionRecord {
        let r = RowReader(row: row, table: "decisions")
        return DecisionRecord(
            decisionId: try r.text("decision_id"), customerId: try r.text("customer_id"),
            state: try r.vocabulary("state", as: DecisionState.self),
            proposed: try r.vocabulary("proposed", as: Recommendation.self),
            chosen: try r.optionalVocabulary("chosen", as: Recommendation.self),
            openedAt: try r.text("opened_at"), updatedAt: try r.text("updated_at"))
    }
}
