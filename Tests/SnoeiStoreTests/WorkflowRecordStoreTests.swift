import Foundation
import SnoeiCore
import SQLKit
import Testing
@testable import SnoeiStore

@Suite struct WorkflowRecordStoreTests {
    @Test(arguments: StoreBackend.all) func boundaryNoticesRoundTripByCustomerAndDate(backend: StoreBackend) async throws {
        try await withStore(backend) { store throws in
            let late = BoundaryNotice(customerId: "C1", kind: .paymentTerms, date: day("2026-02-01"), channel: .email,
                                      by: "Anouk", note: "30 days, \"really\" — €0 discount")
            let early = BoundaryNotice(customerId: "C1", kind: .behaviour, date: day("2026-01-15"), channel: .visit,
                                       by: "Jan")
            let other = BoundaryNotice(customerId: "C2", kind: .contactChannel, date: day("2026-01-01"), channel: .call,
                                       by: "Jan")
            let sameDay = BoundaryNotice(customerId: "C1", kind: .scope, date: day("2026-02-01"), channel: .call,
                                         by: "Anouk")
            for notice in [late, early, other, sameDay] { try await store.addBoundaryNotice(notice) }
            #expect(try await store.boundaryNotices(customerId: "C1") == [early, late, sameDay])
            #expect(try await store.boundaryNotices(customerId: "C2") == [other])
            #expect(try await store.boundaryNotices(customerId: "C3").isEmpty)
            #expect(try await store.boundaryNotices() == [other, early, late, sameDay])
        }
    }

    @Test(arguments: StoreBackend.all) func leaveRequestsRoundTrip(backend: StoreBackend) async throws {
        try await withStore(backend) { store throws in
            let a = LeaveRequest(customerId: "C2", date: day("2026-03-05"), channel: .email, note: "moving abroad")
            let b = LeaveRequest(customerId: "C1", date: day("2026-03-01"), channel: .call)
            try await store.addLeaveRequest(a)
            try await store.addLeaveRequest(b)
            #expect(try await store.leaveRequests() == [b, a])
            #expect(try await store.leaveRequests(customerId: "C2") == [a])
            #expect(try await store.leaveRequests(customerId: "C3").isEmpty)
        }
    }

    @Test(arguments: StoreBackend.all) func fixPlansRoundTripAndAreUpdatedByPlanId(backend: StoreBackend) async throws {
        try await withStore(backend) { store throws in
            var plan = FixPlanRecord(planId: "F1", decisionId: "D1", customerId: "C1",
                                     actions: [.setBoundaries, .prepayment, .stricterTerms], owner: "Anouk",
                                     start: day("2026-03-01"), review: day("2026-06-01"))
            let bare = FixPlanRecord(planId: "F2", decisionId: "D2", customerId: "C2", actions: [], owner: "Jan",
                                     start: day("2026-02-01"), review: day("2026-05-01"), note: "no actions yet")
            try await store.saveFixPlan(plan)
            try await store.saveFixPlan(bare)
            #expect(try await store.fixPlans() == [bare, plan])
            #expect(try await store.fixPlan(decisionId: "D1") == plan)
            #expect(try await store.fixPlan(decisionId: "D9") == nil)

            plan.outcome = .partly
            plan.note = "paid on time twice"
            plan.actions = [.fixedContact]
            try await store.saveFixPlan(plan)
            #expect(try await store.fixPlans() == [bare, plan])
            #expect(try await tableRowCount("fix_plans", in: store) == 2)

            // A second plan for the same decision: the latest one is the decision's plan.
            let followUp = FixPlanRecord(planId: "F3", decisionId: "D1", customerId: "C1", actions: [.scopeAgreement],
                                         owner: "Anouk", start: day("2026-06-02"), review: day("2026-09-01"))
            try await store.saveFixPlan(followUp)
            #expect(try await store.fixPlan(decisionId: "D1") == followUp)
        }
    }

    @Test(arguments: StoreBackend.all) func fixPlansDueAreThoseToReviewWithoutAnOutcome(backend: StoreBackend) async throws {
        try await withStore(backend) { store throws in
            func plan(_ id: String, review: String, outcome: FixOutcome? = nil) -> FixPlanRecord {
                FixPlanRecord(planId: id, decisionId: "D\(id)", customerId: "C\(id)", actions: [.prepayment],
                              owner: "Anouk", start: day("2026-01-01"), review: day(review), outcome: outcome)
            }
            let past = plan("1", review: "2026-03-31")
            let today = plan("2", review: "2026-04-01")
            let tomorrow = plan("3", review: "2026-04-02")
            let reviewed = plan("4", review: "2026-03-01", outcome: .worked)
            let failed = plan("5", review: "2026-02-01", outcome: .failed)
            for p in [tomorrow, reviewed, today, failed, past] { try await store.saveFixPlan(p) }
            #expect(try await store.fixPlansDue(on: day("2026-04-01")) == [past, today])
            #expect(try await store.fixPlansDue(on: day("2026-03-30")).isEmpty)
            #expect(try await store.fixPlansDue(on: day("2027-01-01")) == [past, today, tomorrow])
            var done = past
            done.outcome = .worked
            try await store.saveFixPlan(done)
            #expect(try await store.fixPlansDue(on: day("2026-04-01")) == [today])
        }
    }

    @Test(arguments: StoreBackend.all) func partnersAreUpsertedListedByNameAndRemoved(backend: StoreBackend) async throws {
        try await withStore(backend) { store throws in
            let zon = PartnerRecord(partnerId: "P1", name: "Zonnewerk ICT", specialities: ["hosting", "tax, VAT", "é"],
                                    contact: "info@zonnewerk.example", note: "takes small firms")
            let apex = PartnerRecord(partnerId: "P2", name: "apex support", specialities: [])
            let basis = PartnerRecord(partnerId: "P3", name: "Basis & Co", specialities: ["printers"])
            for p in [zon, apex, basis] { try await store.savePartner(p) }
            #expect(try await store.partners() == [apex, basis, zon])

            var renamed = zon
            renamed.name = "Aardig ICT"
            renamed.specialities = ["backups"]
            renamed.contact = nil
            try await store.savePartner(renamed)
            #expect(try await store.partners() == [renamed, apex, basis])
            #expect(try await tableRowCount("partners", in: store) == 3)
            #expect(try await tableRowCount("partner_specialities", in: store) == 2)

            #expect(try await store.removePartner(id: "P1"))
            #expect(try await store.partners() == [apex, basis])
            #expect(try await tableRowCount("partner_specialities", in: store) == 1)
            #expect(try await store.removePartner(id: "P1") == false)
        }
    }

    @Test(arguments: StoreBackend.all) func exitsRoundTripWithTheirChecklist(backend: StoreBackend) async throws {
        try await withStore(backend) { store throws in
            var exit = ExitRecord(decisionId: "D1", customerId: "C1", partnerId: "P1",
                                  conversationDate: day("2026-03-10"), endDate: day("2026-06-30"),
                                  done: [.conversationPlanned: day("2026-03-01"), .conversationHeld: day("2026-03-10"),
                                         .referralMade: day("2026-03-11")])
            let bare = ExitRecord(decisionId: "D2", customerId: "C0")
            try await store.saveExit(exit)
            try await store.saveExit(bare)
            #expect(try await store.exit(decisionId: "D1") == exit)
            #expect(try await store.exit(decisionId: "D2") == bare)
            #expect(try await store.exit(decisionId: "D3") == nil)
            #expect(try await store.exits() == [bare, exit])

            // Ticking a step off, un-ticking another, changing a date: the checklist follows.
            exit.done[.finalInvoice] = day("2026-06-30")
            exit.done[.referralMade] = nil
            exit.done[.conversationHeld] = day("2026-03-12")
            exit.partnerId = nil
            try await store.saveExit(exit)
            #expect(try await store.exit(decisionId: "D1") == exit)
            #expect(try await store.exits() == [bare, exit])
            #expect(try await tableRowCount("exits", in: store) == 2)
            #expect(try await tableRowCount("exit_steps", in: store) == 3)

            // Every step survives.
            var all = bare
            for (offset, step) in ExitStep.allCases.enumerated() { all.done[step] = day("2026-07-01") + offset }
            try await store.saveExit(all)
            #expect(try await store.exit(decisionId: "D2") == all)
        }
    }

    @Test(arguments: StoreBackend.all) func everyWorkflowWriteBumpsTheWorkflowVersionOnly(backend: StoreBackend) async throws {
        try await withStore(backend) { store throws in
            _ = try await store.apply(sampleLedger())
            let ledger = try await store.ledgerVersion()
            var seen: Set<String?> = [try await store.workflowVersion()]
            func bumped(_ what: String) async throws {
                let version = try await store.workflowVersion()
                #expect(version != nil, "\(what)")
                #expect(!seen.contains(version), "\(what) did not bump the workflow version")
                seen.insert(version)
            }
            try await store.addBoundaryNotice(BoundaryNotice(customerId: "C1", kind: .scope, date: day("2026-01-01"),
                                                             channel: .email, by: "Anouk"))
            try await bumped("addBoundaryNotice")
            try await store.saveFixPlan(FixPlanRecord(planId: "F1", decisionId: "D1", customerId: "C1", actions: [],
                                                      owner: "Anouk", start: day("2026-01-01"), review: day("2026-02-01")))
            try await bumped("saveFixPlan")
            try await store.savePartner(PartnerRecord(partnerId: "P1", name: "Partner", specialities: ["x"]))
            try await bumped("savePartner")
            try await store.removePartner(id: "P1")
            try await bumped("removePartner")
            try await store.saveExit(ExitRecord(decisionId: "D1", customerId: "C1"))
            try await bumped("saveExit")
            try await store.addLeaveRequest(LeaveRequest(customerId: "C1", date: day("2026-01-01"), channel: .call))
            try await bumped("addLeaveRequest")
            #expect(try await store.ledgerVersion() == ledger)
        }
    }
}
