import Testing
@testable import SnoeiCore

/// When a customer is past retention, and what holds its data back.
struct PrivacyRetentionTests {
    typealias F = PrivacyFixtures

    func status(_ id: String, _ records: LedgerRecords = F.ledger(), _ workflow: WorkflowRecordSet = F.workflow(),
                policy: PrivacyPolicy = F.policy(), today: Day = F.today) throws -> RetentionStatus {
        try #require(RetentionRules.status(of: id, records: records, workflow: workflow, policy: policy, today: today))
    }

    @Test func anEndedRelationshipIsDueAfterTheRetentionPeriod() throws {
        let a = try status("A")
        // The latest record about A is the payment that names it (of B's invoice), 2024-02-01.
        #expect(a.relationshipEnded == F.d("2024-02-01") && a.endedBy == "payment PAB")
        #expect(a.keptUntil == F.d("2026-02-01"))
        #expect(a.isPastRetention && a.blockers.isEmpty && a.isDue)
        #expect(a.text(.en) == "Last record 2024-02-01 (payment PAB); kept until 2026-02-01, past retention since 2026-02-02.")
        // B has recent activity.
        let b = try status("B")
        #expect(!b.isPastRetention && !b.isDue)
        #expect(try status("A", policy: F.policy(retention: 3)).isDue == false)
        #expect(RetentionRules.status(of: "Z", records: F.ledger(), workflow: F.workflow(), policy: F.policy(), today: F.today) == nil)
    }

    /// Z's only record is an invoice of 2024-03-10 (paid the same day): kept through
    /// 2026-03-10, due from 2026-03-11.
    @Test func exactlyAtTheBoundary() throws {
        var r = LedgerRecords()
        r.customers = [CustomerRecord(customerId: "Z", name: "Zet")]
        r.invoices = [InvoiceRecord(invoiceId: "Z1", customerId: "Z", issueDate: F.d("2024-03-10"), dueDate: F.d("2024-04-10"),
                                    amount: F.eur("10.00"))]
        r.payments = [PaymentRecord(paymentId: "ZP", date: F.d("2024-03-10"), amount: F.eur("10.00"), invoiceId: "Z1")]
        let onTheDay = try status("Z", r, .init(), today: F.d("2026-03-10"))
        #expect(onTheDay.keptUntil == F.d("2026-03-10") && !onTheDay.isPastRetention && !onTheDay.isDue)
        let dayAfter = try status("Z", r, .init(), today: F.d("2026-03-11"))
        #expect(dayAfter.isPastRetention && dayAfter.isDue)
        #expect(RetentionRules.due(records: r, workflow: .init(), policy: F.policy(), today: F.d("2026-03-10")).isEmpty)
        #expect(RetentionRules.due(records: r, workflow: .init(), policy: F.policy(), today: F.d("2026-03-11")).map(\.status.customerId) == ["Z"])
        // 29 February: kept through 28 February two years on.
        r.invoices[0].issueDate = F.d("2024-02-29"); r.payments[0].date = F.d("2024-02-29")
        #expect(try status("Z", r, .init(), today: F.d("2026-02-28")).isPastRetention == false)
        #expect(try status("Z", r, .init(), today: F.d("2026-03-01")).isPastRetention)
    }

    @Test func anOpenBalanceIsNeverDue() throws {
        var r = F.ledger()
        r.invoices.append(InvoiceRecord(invoiceId: "IA9", customerId: "A", issueDate: F.d("2023-01-01"), dueDate: F.d("2023-01-31"),
                                        amount: F.eur("100.00"), vat: F.eur("21.00")))
        r.payments.append(PaymentRecord(paymentId: "PA9", date: F.d("2023-02-01"), amount: F.eur("100.00"), invoiceId: "IA9"))
        let a = try status("A", r)
        #expect(a.isPastRetention && !a.isDue)
        #expect(a.blockers == [.openBalance(F.eur("21.00"))])
        #expect(a.text(.en).hasSuffix(" €21.00 is still open."))
        #expect(RetentionRules.due(records: r, workflow: F.workflow(), policy: F.policy(), today: F.today).isEmpty)
        // Paid in full: due again. An over-payment or a credit note does not hold it back.
        r.payments.append(PaymentRecord(paymentId: "PA10", date: F.d("2023-03-01"), amount: F.eur("30.00"), invoiceId: "IA9"))
        #expect(try status("A", r).isDue)
    }

    @Test func anOpenDecisionIsNeverDue() throws {
        var w = F.workflow()
        w.decisions[0].state = .exit
        let a = try status("A", F.ledger(), w)
        #expect(a.isPastRetention && a.blockers == [.openDecision(decisionId: "D1", state: .exit)] && !a.isDue)
        #expect(a.text(.en).contains("Decision D1 is open (exit)."))
    }

    @Test func recentActivityOfAnyKindKeepsTheData() throws {
        // A contact, a leave request, a decision step, a closed exit ending ahead, a contract end.
        var r = F.ledger()
        r.contacts.append(ContactRecord(customerId: "A", date: F.d("2025-01-01"), channel: .email, kind: .question))
        #expect(try status("A", r).isDue == false)
        #expect(try status("A", r).endedBy == "contact")
        var w = F.workflow()
        w.leaveRequests.append(LeaveRequest(customerId: "A", date: F.d("2024-07-01"), channel: .email))
        #expect(try status("A", F.ledger(), w).isDue == false)
        w = F.workflow()
        w.events.append(DecisionEvent(decisionId: "D1", customerId: "A", at: "2025-05-01T08:00:00Z", actor: "Anouk", step: .close,
                                      from: .exit, to: .closed, proposed: .letGo, chosen: nil, reason: "r"))
        #expect(try status("A", F.ledger(), w).relationshipEnded == F.d("2025-05-01"))
        w = F.workflow()
        w.exits[0].endDate = F.d("2027-01-01")
        let exit = try status("A", F.ledger(), w)
        #expect(exit.relationshipEnded == F.d("2027-01-01") && exit.endedBy == "exit end date" && !exit.isDue)
        r = F.ledger()
        r.customers[0].contractEnd = F.d("2025-12-31")
        #expect(try status("A", r).endedBy == "contract_end")
        // Looking at data is not activity: the access log does not count (it is not even an input).
    }

    @Test func aCustomerWithoutDatedRecordsIsNotDue() throws {
        var r = LedgerRecords()
        r.customers = [CustomerRecord(customerId: "N", name: "Nameless")]
        let n = try status("N", r, .init())
        #expect(n.relationshipEnded == nil && !n.isDue)
        #expect(n.text(.en).contains("unknown"))
    }

    @Test func dueListsEachCustomerOnceWithItsPlanAndNotAgainAfterErasure() throws {
        let records = F.ledger(), workflow = F.workflow()
        let due = RetentionRules.due(records: records, workflow: workflow, policy: F.policy(), today: F.today)
        #expect(due.map(\.status.customerId) == ["A"])
        let plan = try #require(due.first?.plan)
        #expect(plan == ErasurePlan(customerId: "A", records: records, workflow: workflow, policy: F.policy(), today: F.today))
        // Erased: nothing left to do, so not listed, until kept invoices pass the tax period.
        let after = plan.apply(to: records), afterWorkflow = plan.apply(to: workflow)
        #expect(RetentionRules.due(records: after, workflow: afterWorkflow, policy: F.policy(), today: F.today).isEmpty)
        let later = RetentionRules.due(records: after, workflow: afterWorkflow, policy: F.policy(), today: F.d("2030-07-01"))
        #expect(later.map(\.status.customerId) == ["A"])
        // By then IA3 (2023-05-01) and IA2 with its 2019 payment are past the tax period too.
        #expect(later.first?.plan.deleted.invoices.map(\.invoiceId) == ["IA2", "IA3"])
        #expect(later.first?.plan.customerAfter == later.first?.plan.customerBefore)
    }
}
