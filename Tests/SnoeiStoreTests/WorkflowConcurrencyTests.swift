import Foundation
import SnoeiCore
import Testing
@testable import SnoeiStore

@Suite struct WorkflowConcurrencyTests {
    /// The web app serves requests at once over one store. Writes at the same time must each
    /// stay one transaction: every step is either fully there (event and state) or not at all.
    @Test(arguments: StoreBackend.all) func concurrentStepsStayAllOrNothing(backend: StoreBackend) async throws {
        try await withStore(backend) { store throws in
            var decisions: [DecisionRecord] = []
            for i in 0..<20 {
                decisions.append(try await store.openDecision(customerId: "C\(i)", proposed: .letGo, actor: "Anouk",
                                                              at: "2026-03-01T09:00:00Z"))
            }
            // Each decision gets the same step twice at once: exactly one of the two may win.
            let outcomes = await withTaskGroup(of: Bool.self) { group in
                for decision in decisions {
                    for actor in ["Anouk", "Jan"] {
                        group.addTask {
                            let step = event(decision, .confirm, to: .exit, chosen: .letGo, actor: actor,
                                             at: "2026-03-02T09:00:00Z")
                            do { _ = try await store.record(step); return true } catch { return false }
                        }
                    }
                    group.addTask {
                        let plan = FixPlanRecord(planId: "F-\(decision.customerId)", decisionId: decision.decisionId,
                                                 customerId: decision.customerId, actions: [.prepayment], owner: "Jan",
                                                 start: day("2026-03-01"), review: day("2026-04-01"))
                        do { try await store.saveFixPlan(plan); return true } catch { return false }
                    }
                }
                var all: [Bool] = []
                for await outcome in group { all.append(outcome) }
                return all
            }
            #expect(outcomes.filter { $0 }.count == 40, "one step per decision and every plan")
            for decision in decisions {
                let events = try await store.events(decisionId: decision.decisionId)
                let stored = try #require(try await store.decision(id: decision.decisionId))
                #expect(events.count == 1)
                #expect(stored.state == .exit)
            }
            #expect(try await store.fixPlans().count == 20)
        }
    }
}
