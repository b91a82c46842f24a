import Testing
@testable import SnoeiCore

/// A small firm for the privacy tests. Customer A's relationship ended early 2024 (past
/// retention on 2026-06-30), with rows in every table and records of every workflow kind;
/// customer B is current. Invoices of A span the 7-year tax period (cut-off 2019-06-30).
enum PrivacyFixtures {
    static let today = Day(iso: "2026-06-30")!
    static func d(_ iso: String) -> Day { Day(iso: iso)! }
    static func eur(_ text: String) -> Money { Money.parse(text)! }

    static func ledger() -> LedgerRecords {
        var r = LedgerRecords()
        r.customers = [
            CustomerRecord(customerId: "A", name: "Oud & Co", segment: "retail", accountManager: "Anouk",
                           since: d("2015-01-01"), tier: "basis", contractEnd: d("2020-12-31"), noticeDays: 30,
                           cancelChannel: "email"),
            CustomerRecord(customerId: "B", name: "Beta BV", segment: "retail", accountManager: "Mark"),
        ]
        r.invoices = [
            // Past the tax period, with its payment.
            InvoiceRecord(invoiceId: "IA1", customerId: "A", issueDate: d("2018-03-01"), dueDate: d("2018-03-31"),
                          amount: eur("1000.00"), vat: eur("210.00"), cost: eur("400.00"), reference: "PO-77"),
            // Issued before the cut-off, paid after it: kept with its payment.
            InvoiceRecord(invoiceId: "IA2", customerId: "A", issueDate: d("2019-06-01"), dueDate: d("2019-07-01"),
                          amount: eur("200.00"), reference: "ORDER-9"),
            // Within the tax period.
            InvoiceRecord(invoiceId: "IA3", customerId: "A", issueDate: d("2023-05-01"), dueDate: d("2023-05-31"),
                          amount: eur("500.00"), vat: eur("105.00"), cost: eur("100.00"), reference: "Order by J. de Vries"),
            // Old, but B's IB2 carries the same reference: left as it is.
            InvoiceRecord(invoiceId: "IA4", customerId: "A", issueDate: d("2017-01-01"), dueDate: d("2017-01-31"),
                          amount: eur("300.00"), reference: "SHARED"),
            InvoiceRecord(invoiceId: "IB1", customerId: "B", issueDate: d("2024-01-15"), dueDate: d("2024-02-15"),
                          amount: eur("800.00"), vat: eur("168.00")),
            InvoiceRecord(invoiceId: "IB2", customerId: "B", issueDate: d("2017-01-05"), dueDate: d("2017-02-05"),
                          amount: eur("100.00"), reference: "SHARED"),
            InvoiceRecord(invoiceId: "IB3", customerId: "B", issueDate: d("2026-05-01"), dueDate: d("2026-05-31"),
                          amount: eur("400.00")),
        ]
        r.payments = [
            PaymentRecord(paymentId: "PA1", date: d("2018-03-20"), amount: eur("1210.00"), invoiceId: "IA1"),
            // Matched by its reference (FORMAT rule 4).
            PaymentRecord(paymentId: "PA2", date: d("2019-07-15"), amount: eur("200.00"), reference: "ORDER-9"),
            PaymentRecord(paymentId: "PA3", date: d("2023-05-20"), amount: eur("605.00"), invoiceId: "IA3",
                          reference: "J. de Vries, order"),
            PaymentRecord(paymentId: "PA4", date: d("2017-01-20"), amount: eur("300.00"), invoiceId: "IA4"),
            // Unmatched, naming A: one old, one recent.
            PaymentRecord(paymentId: "PA5", date: d("2018-01-01"), amount: eur("25.00"), customerId: "A"),
            PaymentRecord(paymentId: "PA6", date: d("2024-01-01"), amount: eur("40.00"), customerId: "A", reference: "deposit"),
            // Names A, settles B's invoice: B's record.
            PaymentRecord(paymentId: "PAB", date: d("2024-02-01"), amount: eur("968.00"), invoiceId: "IB1", customerId: "A"),
            PaymentRecord(paymentId: "PB2", date: d("2017-02-01"), amount: eur("100.00"), invoiceId: "IB2"),
            // Two invoices carry this reference: it matches neither, and must keep matching neither.
            PaymentRecord(paymentId: "PX", date: d("2017-03-01"), amount: eur("5.00"), reference: "SHARED"),
        ]
        r.timeEntries = [
            TimeEntryRecord(customerId: "A", date: d("2023-06-01"), hours: 2_000, activity: .support, billable: false, employee: "Jan"),
            TimeEntryRecord(customerId: "B", date: d("2026-05-02"), hours: 1_000, activity: .delivery, employee: "Eline"),
        ]
        r.contacts = [
            ContactRecord(customerId: "A", date: d("2023-06-02"), channel: .call, kind: .complaint, topic: .price, selfCaused: true),
            ContactRecord(customerId: "B", date: d("2026-05-03"), channel: .email, kind: .question),
        ]
        r.deviations = [DeviationRecord(customerId: "A", date: d("2023-06-03"), kind: .discount, cost: eur("50.00"),
                                        note: "one-time discount agreed by phone")]
        r.incidents = [IncidentRecord(customerId: "A", date: d("2023-06-04"), kind: .abuseOfStaff, severity: 3,
                                      note: "raised voice at the helpdesk")]
        r.referrals = [ReferralRecord(customerId: "A", referredCustomerId: "B", date: d("2022-01-01")),
                       ReferralRecord(customerId: "B", referredCustomerId: "A", date: d("2015-01-01"))]
        r.valuesFit = [ValuesFitRecord(customerId: "A", criterion: "respect", score: 2),
                       ValuesFitRecord(customerId: "B", criterion: "respect", score: 5)]
        return r
    }

    static func workflow() -> WorkflowRecordSet {
        WorkflowRecordSet(
            decisions: [
                DecisionRecord(decisionId: "D1", customerId: "A", state: .closed, proposed: .letGo, chosen: .letGo,
                               openedAt: "2023-07-01T09:00:00Z", updatedAt: "2023-12-01T09:00:00Z"),
                DecisionRecord(decisionId: "D2", customerId: "B", state: .resolved, proposed: .fix, chosen: .fix,
                               openedAt: "2026-01-01T09:00:00Z", updatedAt: "2026-02-01T09:00:00Z"),
            ],
            events: [
                DecisionEvent(decisionId: "D1", customerId: "A", at: "2023-07-02T09:00:00Z", actor: "Anouk", step: .confirm,
                              from: .proposed, to: .exit, proposed: .letGo, chosen: .letGo, reason: "red line crossed"),
                DecisionEvent(decisionId: "D1", customerId: "A", at: "2023-12-01T09:00:00Z", actor: "Anouk", step: .close,
                              from: .exit, to: .closed, proposed: .letGo, chosen: nil, reason: "hand-over done"),
                DecisionEvent(decisionId: "D2", customerId: "B", at: "2026-01-02T09:00:00Z", actor: "Mark", step: .confirm,
                              from: .proposed, to: .fixPlan, proposed: .fix, chosen: .fix, reason: "prepayment agreed"),
            ],
            fixPlans: [FixPlanRecord(planId: "F1", decisionId: "D1", customerId: "A", actions: [.prepayment], owner: "Anouk",
                                     start: d("2023-07-03"), review: d("2023-09-01"), outcome: .failed,
                                     note: "called twice, no answer")],
            boundaryNotices: [BoundaryNotice(customerId: "A", kind: .behaviour, date: d("2023-06-05"), channel: .visit,
                                             by: "Anouk", note: "talked with the owner")],
            exits: [ExitRecord(decisionId: "D1", customerId: "A", partnerId: "P1", conversationDate: d("2023-07-10"),
                               endDate: d("2023-12-31"), done: [.conversationHeld: d("2023-07-10")])],
            leaveRequests: [LeaveRequest(customerId: "B", date: d("2026-05-10"), channel: .email, note: "moving abroad")])
    }

    static func accessLog() -> [AccessLogEntry] {
        [AccessLogEntry(at: "2024-01-05T10:00:00Z", actor: "Anouk", action: .viewNotes, customerId: "A", detail: "customer page"),
         AccessLogEntry(at: "2026-05-05T10:00:00Z", actor: "Mark", action: .viewNotes, customerId: "B", detail: "customer page")]
    }

    static func analysis(_ records: LedgerRecords = ledger(), policy: Policy = .standard, asOf: Day = today) -> Analysis {
        Analysis(ledger: try! Ledger(records: records), policy: policy, asOf: asOf)
    }

    static func policy(retention: Int = 2, tax: Int = 7) -> PrivacyPolicy {
        PrivacyPolicy(retentionYears: retention, taxRetentionYears: tax)
    }
}
