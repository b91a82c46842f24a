import Foundation
import SnoeiCore
import SQLKit
@testable import SnoeiStore

func day(_ iso: String) -> Day { Day(iso: iso)! }

/// An event that moves `decision` from its current state with `step`.
func event(
    _ decision: DecisionRecord, _ step: DecisionStep, to: DecisionState, chosen: Recommendation? = nil,
    from: DecisionState? = nil, actor: String = "Anouk", at: String, reason: String = "talked it through"
) -> DecisionEvent {
    DecisionEvent(
        decisionId: decision.decisionId, customerId: decision.customerId, at: at, actor: actor, step: step,
        from: from ?? decision.state, to: to, proposed: decision.proposed, chosen: chosen, reason: reason)
}

/// Writes ledger rows the way version 1 stored them, straight through SQLKit (no LedgerStore
/// exists for an old database).
func insertRows<R>(_ table: LedgerTable<R>, _ rows: [R], on db: any SQLDatabase) async throws {
    guard !rows.isEmpty else { return }
    let insert = db.insert(into: table.name).columns([table.keyColumn] + table.columns)
    for (key, record) in zip(table.keys(for: rows), rows) {
        insert.values([SQLBind(key) as any SQLExpression] + table.cells(record).map(\.expression))
    }
    try await insert.run()
}

/// Row count of a table, read with SQLKit.
func tableRowCount(_ table: String, in store: LedgerStore) async throws -> Int {
    let rows = try await store.db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(table).all()
    return Int(try rows.first?.decode(column: "n", as: Int64.self) ?? 0)
}
