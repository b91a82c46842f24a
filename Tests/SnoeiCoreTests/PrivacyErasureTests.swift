import Testing
@testable import SnoeiCore

/// What an erasure deletes, anonymises and keeps.
struct PrivacyErasureTests {
    typealias F = PrivacyFixtures

    func plan(today: Day = F.today, policy: PrivacyPolicy = F.policy(), records: LedgerRecords = F.ledger(),
              workflow: WorkflowRecordSet = F.workflow()) throws -> ErasurePlan {
        try #require(ErasurePlan(customerId: "A", records: records, workflow: workflow, policy: policy, today: today))
    }

    @Test func deletesDealingsAndAssessmentsAndAnonymisesTheName() throws {
        let p = try plan()
        #expect(p.customerAfter == CustomerRecord(customerId: "A", name: ErasurePlan.anonymisedName(for: "A"),
                                                  segment: "retail", tier: "basis"))
        #expect(p.customerAfter.name.hasPrefix("Anonymised customer ") && p.customerAfter.name.count == 28)
        #expect(ErasurePlan.anonymisedName(for: "A") == ErasurePlan.anonymisedName(for: "A"))
        #expect(ErasurePlan.anonymisedName(for: "A") != ErasurePlan.anonymisedName(for: "B"))
        #expect(p.deleted.timeEntries.count == 1 && p.deleted.contacts.count == 1 && p.deleted.deviations.count == 1
                && p.deleted.incidents.count == 1 && p.deleted.valuesFit.count == 1)
        #expect(p.deleted.referrals == [ReferralRecord(customerId: "A", referredCustomerId: "B", date: F.d("2022-01-01"))])
        #expect(p.deletedBoundaryNotices.count == 1 && p.deletedLeaveRequests.isEmpty)
        #expect(p.fixPlanNotesRemoved.map(\.planId) == ["F1"])
        #expect(p.keptDecisions.map(\.decisionId) == ["D1"] && p.keptEvents == 2 && p.keptExits == 1)
        #expect(p.changesLedger && p.changesWorkflow && p.changesAnything)
    }

    @Test func keepsInvoicesAndPaymentsWithinTheTaxPeriodAmountsOnly() throws {
        let p = try plan()
        #expect(p.taxCutoff == F.d("2019-06-30"))
        #expect(p.deleted.invoices.map(\.invoiceId) == ["IA1"])
        #expect(p.deleted.payments.map(\.paymentId) == ["PA1", "PA5"])
        #expect(p.kept.invoices.map(\.invoiceId) == ["IA2", "IA3", "IA4"])
        let ia3 = try #require(p.kept.invoices.first { $0.invoiceId == "IA3" })
        #expect(ia3.reference == nil && ia3.amount == F.eur("500.00") && ia3.vat == F.eur("105.00") && ia3.cost == F.eur("100.00"))
        #expect(ia3.issueDate == F.d("2023-05-01") && ia3.dueDate == F.d("2023-05-31"))
        // IA2 was issued before the cut-off, but its payment falls after it: they are kept together.
        #expect(p.kept.invoices.first { $0.invoiceId == "IA2" }?.reference == nil)
        // PA2 was matched by its reference: pinned to the invoice id before the reference goes.
        #expect(p.kept.payments.map(\.paymentId) == ["PA2", "PA3", "PA4", "PA6"])
        #expect(p.kept.payments[0] == PaymentRecord(paymentId: "PA2", date: F.d("2019-07-15"), amount: F.eur("200.00"), invoiceId: "IA2"))
        #expect(p.kept.payments.allSatisfy { $0.reference == nil })
        // IA4 is old, but B's IB2 carries the same reference: left exactly as it is.
        #expect(p.sharedReferenceInvoices == ["IA4"])
        #expect(p.kept.invoices.first { $0.invoiceId == "IA4" } == F.ledger().invoices.first { $0.invoiceId == "IA4" })
        #expect(p.updated.invoices.map(\.invoiceId) == ["IA2", "IA3"])
        #expect(p.updated.payments.map(\.paymentId) == ["PA2", "PA3", "PA6"])
        #expect(p.otherCustomersPayments.map(\.paymentId) == ["PAB"])
        // A shorter tax period keeps less; a longer one keeps everything.
        let short = try plan(policy: F.policy(tax: 2))
        #expect(short.deleted.invoices.map(\.invoiceId) == ["IA1", "IA2", "IA3"])
        #expect(short.kept.invoices.map(\.invoiceId) == ["IA4"])
        let long = try plan(policy: F.policy(tax: 10))
        #expect(long.deleted.invoices.isEmpty && long.deleted.payments.isEmpty)
    }

    @Test func applyingItLeavesOtherCustomersAsTheyWere() throws {
        let before = F.ledger()
        let p = try plan()
        let after = p.apply(to: before)
        func of(_ id: String, _ r: LedgerRecords) -> LedgerRecords {
            var x = r
            x.customers = r.customers.filter { $0.customerId == id }
            x.invoices = r.invoices.filter { $0.customerId == id }
            x.timeEntries = r.timeEntries.filter { $0.customerId == id }
            x.contacts = r.contacts.filter { $0.customerId == id }
            x.deviations = r.deviations.filter { $0.customerId == id }
            x.incidents = r.incidents.filter { $0.customerId == id }
            x.referrals = r.referrals.filter { $0.customerId == id }
            x.valuesFit = r.valuesFit.filter { $0.customerId == id }
            x.payments = r.payments.filter { ["PAB", "PB2", "PX"].contains($0.paymentId) }
            return x
        }
        #expect(of("B", after) == of("B", before))
        // Every payment keeps the invoice it settled (or settles none), so no figure of B moves.
        let matcher = { (r: LedgerRecords) in PaymentMatcher(invoiceIds: r.invoices.map(\.invoiceId), references: r.invoices.map(\.reference)) }
        let m0 = matcher(before), m1 = matcher(after)
        for payment in after.payments {
            let old = before.payments.first { $0.paymentId == payment.paymentId }!
            let i0 = m0.match(invoiceId: old.invoiceId, reference: old.reference)
            let i1 = m1.match(invoiceId: payment.invoiceId, reference: payment.reference)
            #expect((i0 < 0 ? nil : before.invoices[Int(i0)].invoiceId) == (i1 < 0 ? nil : after.invoices[Int(i1)].invoiceId), "\(payment.paymentId)")
        }
        // The analysis still runs, and B's figures are the same.
        let a0 = F.analysis(before), a1 = F.analysis(after)
        func figures(_ a: Analysis) -> String {
            var w = JSONWriter()
            AnalysisJSON.writeCustomer(&w, a, a.row(of: "B")!, TextRenderer(.en))
            return w.output
        }
        #expect(figures(a0) == figures(a1))
        #expect(a1.ledger.customers.names[a1.row(of: "A")!] == ErasurePlan.anonymisedName(for: "A"))
        // The workflow: notices and leave requests of A gone, B's untouched, fix plan note removed.
        let w = p.apply(to: F.workflow())
        #expect(w.boundaryNotices.isEmpty && w.leaveRequests == F.workflow().leaveRequests)
        #expect(w.fixPlans.first?.note == nil && w.fixPlans.first?.outcome == .failed)
        #expect(w.decisions == F.workflow().decisions && w.events == F.workflow().events && w.exits == F.workflow().exits)
    }

    @Test func planningAgainAfterwardsChangesNothing() throws {
        let p = try plan()
        let records = p.apply(to: F.ledger()), workflow = p.apply(to: F.workflow())
        let again = try plan(records: records, workflow: workflow)
        #expect(!again.changesAnything && !again.changesLedger && !again.changesWorkflow)
        #expect(again.apply(to: records) == records && again.apply(to: workflow) == workflow)
        #expect(again.summary(.en) == ["Nothing left to erase for A: the customer was erased before and nothing has passed the 7-year tax retention period since."])
        // The export after the erasure shows only what is kept.
        let left = try #require(PrivacyExport.records(for: "A", in: records))
        #expect(left.invoices.map(\.invoiceId) == ["IA2", "IA3", "IA4"])
        #expect(left.timeEntries.isEmpty && left.contacts.isEmpty && left.deviations.isEmpty && left.incidents.isEmpty
                && left.referrals.isEmpty && left.valuesFit.isEmpty)
        #expect(left.customers == [p.customerAfter])
    }

    @Test func theSummaryStatesWhatHappens() throws {
        let lines = try plan().summary(.en)
        #expect(lines.count == 8, "\(lines)")
        #expect(lines[0].contains("name → “Anonymised customer "))
        #expect(lines[1] == "Delete 1 time entries, 1 contacts, 1 deviations (with their notes), 1 incidents (with their notes), 1 referrals made, 1 values-fit scores, 1 boundary notices.")
        #expect(lines[2] == "Delete 1 invoice(s) and 2 payment(s) dated before 2019-06-30, past the 7-year tax retention period.")
        #expect(lines[3].hasPrefix("Keep 3 invoice(s) (€1,000.00 excluding VAT) and 4 payment(s) from 2019-06-30 on"))
        #expect(lines[4].hasPrefix("Keep invoice(s) IA4 as they are: another invoice carries the same reference"))
        #expect(lines[5] == "Leave 1 payment(s) that settle another customer's invoice as they are.")
        #expect(lines[6].contains("art. 17(3)(b) and (e)") && lines[6].contains("not rewritten") && lines[6].contains("fix plan notes are removed"))
        #expect(lines[7] == "The access log keeps an entry of this erasure.")
        #expect(try plan().summary(.nl).first?.hasPrefix("Anonimiseer") == true)
        for line in lines + (try plan().summary(.nl)) {
            #expect(WordingCheck.findings(in: line, language: .en).isEmpty && WordingCheck.findings(in: line, language: .nl).isEmpty)
        }
    }

    @Test func anUnknownCustomerHasNoPlan() {
        #expect(ErasurePlan(customerId: "Z", records: F.ledger(), workflow: .init(), policy: F.policy(), today: F.today) == nil)
    }
}
