import Foundation
import SnoeiCore
import SQLKit
import Testing
@testable import SnoeiStore

@Suite struct DecisionStoreTests {
    @Test(arguments: StoreBackend.all) func openingADecisionCreatesOneInStateProposed(backend: StoreBackend) async throws {
        try await withStore(backend) { store throws in
            #expect(try await store.openDecision(customerId: "C1") == nil)
            let opened = try await store.openDecision(customerId: "C1", proposed: .letGo, actor: "Anouk",
                                                      at: "2026-03-01T09:00:00Z")
            #expect(opened.customerId == "C1")
            #expect(opened.state == .proposed)
            #expect(opened.proposed == .letGo)
            #expect(opened.chosen == nil)
            #expect(opened.openedAt == "2026-03-01T09:00:00Z")
            #expect(opened.updatedAt == "2026-03-01T09:00:00Z")
            #expect(UUID(uuidString: opened.decisionId) != nil)
            #expect(try await store.decision(id: opened.decisionId) == opened)
            #expect(try await store.openDecision(customerId: "C1") == opened)
            #expect(try await store.openDecision(customerId: "C2") == nil)
            #expect(try await store.decisions() == [opened])
            #expect(try await store.decision(id: "nope") == nil)
            // Opening is not a step: the audit trail starts with the first thing a person does.
            #expect(try await store.events(decisionId: opened.decisionId).isEmpty)
        }
    }

    @Test(arguments: StoreBackend.all) func anOpenDecisionIsReusedAndAFinishedOneIsNot(backend: StoreBackend) async throws {
        try await withStore(backend) { store throws in
            let first = try await store.openDecision(customerId: "C1", proposed: .fix, actor: "Anouk",
                                                     at: "2026-03-01T09:00:00Z")
            let version = try await store.workflowVersion()
            let again = try await store.openDecision(customerId: "C1", proposed: .letGo, actor: "Jan",
                                                     at: "2026-03-02T09:00:00Z")
            #expect(again == first)
            #expect(try await store.decisions().count == 1)
            #expect(try await store.workflowVersion() == version)

            // Still open while a fix plan runs.
            let planned = try await store.record(event(first, .confirm, to: .fixPlan, chosen: .fix,
                                                       at: "2026-03-03T09:00:00Z"))
            #expect(try await store.openDecision(customerId: "C1", proposed: .letGo, actor: "Jan",
                                                 at: "2026-03-04T09:00:00Z") == planned)
            // Resolved: the next one is a new decision.
            let resolved = try await store.record(event(planned, .resolve, to: .resolved, at: "2026-04-01T09:00:00Z"))
            #expect(try await store.openDecision(customerId: "C1") == nil)
            let second = try await store.openDecision(customerId: "C1", proposed: .letGo, actor: "Jan",
                                                      at: "2026-05-01T09:00:00Z")
            #expect(second.decisionId != first.decisionId)
            #expect(second.state == .proposed)
            #expect(try await store.openDecision(customerId: "C1") == second)
            #expect(try await store.decisions() == [second, resolved])
            #expect(try await store.decisions(customerId: "C1") == [second, resolved])
            #expect(try await store.decisions(customerId: "C2").isEmpty)
        }
    }

    @Test(arguments: StoreBackend.all) func recordingMovesTheStateAndAppendsEventsInOrder(backend: StoreBackend) async throws {
        try await withStore(backend) { store throws in
            let opened = try await store.openDecision(customerId: "C1", proposed: .fix, actor: "Anouk",
                                                      at: "2026-03-01T09:00:00Z")
            let other = try await store.openDecision(customerId: "C2", proposed: .letGo, actor: "Anouk",
                                                     at: "2026-03-01T09:30:00Z")
            let change = event(opened, .change, to: .fixPlan, chosen: .keep, at: "2026-03-02T10:00:00Z",
                               reason: "long-standing customer")
            let planned = try await store.record(change)
            #expect(planned.state == .fixPlan)
            #expect(planned.chosen == .keep)
            #expect(planned.updatedAt == "2026-03-02T10:00:00Z")
            #expect(planned.openedAt == "2026-03-01T09:00:00Z")
            #expect(try await store.decision(id: opened.decisionId) == planned)

            // A clock that runs behind: order is the order of writing, not of the text time.
            let exitStarted = event(planned, .startExit, to: .exit, actor: "Jan", at: "2026-03-02T09:59:00Z",
                                    reason: "plan failed")
            let exiting = try await store.record(exitStarted)
            #expect(exiting.state == .exit)
            #expect(exiting.chosen == .keep, "a step without a choice keeps the earlier one")
            let otherConfirm = event(other, .confirm, to: .exit, chosen: .letGo, at: "2026-03-02T09:00:00Z")
            _ = try await store.record(otherConfirm)
            let closing = event(exiting, .close, to: .closed, at: "2026-03-02T09:58:00Z")
            let closed = try await store.record(closing)
            #expect(closed.state == .closed)

            #expect(try await store.events(decisionId: opened.decisionId) == [change, exitStarted, closing])
            #expect(try await store.events(customerId: "C1") == [change, exitStarted, closing])
            #expect(try await store.events(customerId: "C2") == [otherConfirm])
            #expect(try await store.allEvents() == [change, exitStarted, otherConfirm, closing])
            #expect(try await store.openDecision(customerId: "C1") == nil)
        }
    }

    @Test(arguments: StoreBackend.all) func aStaleStepThrowsAndChangesNothing(backend: StoreBackend) async throws {
        try await withStore(backend) { store throws in
            let opened = try await store.openDecision(customerId: "C1", proposed: .letGo, actor: "Anouk",
                                                      at: "2026-03-01T09:00:00Z")
            let confirm = event(opened, .confirm, to: .exit, chosen: .letGo, at: "2026-03-02T09:00:00Z")
            let exiting = try await store.record(confirm)
            let version = try await store.workflowVersion()

            // Someone else, still looking at the proposal, rejects it.
            let stale = event(opened, .reject, to: .resolved, chosen: .keep, actor: "Jan", at: "2026-03-02T09:05:00Z")
            let error = await #expect(throws: StoreError.self) { try await store.record(stale) }
            #expect(error?.description.hasPrefix("Decision \(opened.decisionId) is in state exit, not proposed") == true)
            guard case .staleDecision(let id, let state, let expected)? = error else {
                Issue.record("expected staleDecision, got \(String(describing: error))")
                return
            }
            #expect(id == opened.decisionId)
            #expect(state == .exit)
            #expect(expected == .proposed)

            #expect(try await store.decision(id: opened.decisionId) == exiting)
            #expect(try await store.allEvents() == [confirm])
            #expect(try await store.workflowVersion() == version)
        }
    }

    @Test(arguments: StoreBackend.all) func aStepOnAnUnknownDecisionOrTheWrongCustomerIsRefused(backend: StoreBackend) async throws {
        try await withStore(backend) { store throws in
            let opened = try await store.openDecision(customerId: "C1", proposed: .letGo, actor: "Anouk",
                                                      at: "2026-03-01T09:00:00Z")
            var unknown = event(opened, .confirm, to: .exit, chosen: .letGo, at: "2026-03-02T09:00:00Z")
            unknown.decisionId = "missing"
            let error = await #expect(throws: StoreError.self) { try await store.record(unknown) }
            #expect(error?.description == "There is no decision missing.")

            var wrongCustomer = event(opened, .confirm, to: .exit, chosen: .letGo, at: "2026-03-02T09:00:00Z")
            wrongCustomer.customerId = "C2"
            let mismatch = await #expect(throws: StoreError.self) { try await store.record(wrongCustomer) }
            #expect(mismatch?.description == "Decision \(opened.decisionId) is about customer C1, not C2.")

            #expect(try await store.decision(id: opened.decisionId) == opened)
            #expect(try await store.allEvents().isEmpty)
        }
    }

    @Test(arguments: StoreBackend.all) func theAuditTrailCannotBeUpdatedOrDeleted(backend: StoreBackend) async throws {
        try await withStore(backend) { store throws in
            let opened = try await store.openDecision(customerId: "C1", proposed: .letGo, actor: "Anouk",
                                                      at: "2026-03-01T09:00:00Z")
            let confirm = event(opened, .confirm, to: .exit, chosen: .letGo, at: "2026-03-02T09:00:00Z")
            _ = try await store.record(confirm)

            let update = await #expect(throws: (any Error).self) {
                try await store.db.raw("UPDATE decision_events SET actor = 'Mallory'").run()
            }
            #expect("\(String(describing: update))".contains("append-only"))
            await #expect(throws: (any Error).self) {
                try await store.db.update("decision_events").set("reason", to: SQLBind("rewritten")).run()
            }
            let delete = await #expect(throws: (any Error).self) {
                try await store.db.raw("DELETE FROM decision_events").run()
            }
            #expect("\(String(describing: delete))".contains("append-only"))
            await #expect(throws: (any Error).self) {
                try await store.db.delete(from: "decision_events").where("actor", .equal, SQLBind("Anouk")).run()
            }
            #expect(try await store.allEvents() == [confirm])
            // Adding stays possible.
            #expect(try await tableRowCount("decision_events", in: store) == 1)
        }
    }

    @Test(arguments: StoreBackend.all) func everyDecisionWriteBumpsTheWorkflowVersionAndNotTheLedgerVersion(backend: StoreBackend) async throws {
        try await withStore(backend) { store throws in
            _ = try await store.apply(sampleLedger())
            let ledger = try await store.ledgerVersion()
            #expect(try await store.workflowVersion() == nil)
            let opened = try await store.openDecision(customerId: "C1", proposed: .letGo, actor: "Anouk",
                                                      at: "2026-03-01T09:00:00Z")
            let first = try #require(try await store.workflowVersion())
            _ = try await store.record(event(opened, .confirm, to: .exit, chosen: .letGo, at: "2026-03-02T09:00:00Z"))
            let second = try #require(try await store.workflowVersion())
            #expect(second != first)
            #expect(try await store.ledgerVersion() == ledger)
            // And a ledger import leaves the workflow version alone.
            try await store.replaceAll(sampleLedger())
            #expect(try await store.workflowVersion() == second)
        }
    }
}
