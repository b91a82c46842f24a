import Testing
@testable import SnoeiCore

/// Boundary breaches count only after the boundary was told.
///
/// Customer K, as of 2026-07-01 (late boundary 30 days), boundaries told on 2026-03-01:
/// - I1 due 2026-02-10, paid 2026-04-01: late, but due before the notice → no breach.
/// - I2 due 2026-03-15, paid 2026-05-01: 47 days late → breach (payment terms).
/// - I3 due 2026-04-01, paid 2026-04-20: 19 days → no breach.
/// - I4 due 2026-05-01, unpaid on 2026-07-01: open 61 days → breach, dated 2026-06-01.
/// - I5 issued 2026-03-10, due 2026-04-09, € 600 of € 1,000 paid on 2026-04-09 → short pay
///   (full payment) and open 83 days (payment terms).
/// - I6 issued 2026-02-01, partly paid: before the notice → no breach.
/// - Deviations: unpaid extra work on 2026-02-15 (before) and 2026-05-05 (after); a discount after.
/// - Contacts: change requests on 2026-02-20 (before) and 2026-04-10 (after, by call); a call on
///   2026-06-10 and an e-mail on 2026-06-11; a visit on 2026-02-25 (before).
/// - Incidents: 2026-01-10 (before), 2026-05-20 (after).
@Suite struct WorkflowBreachTests {
    static func d(_ iso: String) -> Day { Day(iso: iso)! }
    static let asOf = d("2026-07-01")

    static var records: LedgerRecords {
        var r = LedgerRecords()
        r.customers = [CustomerRecord(customerId: "K", name: "Klant K"), CustomerRecord(customerId: "L", name: "Klant L")]
        func inv(_ id: String, _ issue: String, _ due: String, _ euros: Double) -> InvoiceRecord {
            InvoiceRecord(invoiceId: id, customerId: "K", issueDate: d(issue), dueDate: d(due), amount: Money(euros: euros))
        }
        r.invoices = [inv("I1", "2026-01-11", "2026-02-10", 100), inv("I2", "2026-02-13", "2026-03-15", 200),
                      inv("I3", "2026-03-02", "2026-04-01", 300), inv("I4", "2026-04-01", "2026-05-01", 400),
                      inv("I5", "2026-03-10", "2026-04-09", 1000), inv("I6", "2026-02-01", "2026-02-28", 500),
                      InvoiceRecord(invoiceId: "L1", customerId: "L", issueDate: d("2026-04-01"), dueDate: d("2026-04-15"), amount: Money(euros: 50))]
        func pay(_ id: String, _ date: String, _ euros: Double, _ invoice: String) -> PaymentRecord {
            PaymentRecord(paymentId: id, date: d(date), amount: Money(euros: euros), invoiceId: invoice)
        }
        r.payments = [pay("P1", "2026-04-01", 100, "I1"), pay("P2", "2026-05-01", 200, "I2"), pay("P3", "2026-04-20", 300, "I3"),
                      pay("P5", "2026-04-09", 600, "I5"), pay("P6", "2026-02-20", 100, "I6")]
        r.deviations = [DeviationRecord(customerId: "K", date: d("2026-02-15"), kind: .unpaidExtraWork, cost: Money(euros: 80)),
                        DeviationRecord(customerId: "K", date: d("2026-05-05"), kind: .unpaidExtraWork, cost: Money(euros: 120)),
                        DeviationRecord(customerId: "K", date: d("2026-05-06"), kind: .discount, cost: Money(euros: 40))]
        r.contacts = [ContactRecord(customerId: "K", date: d("2026-02-20"), channel: .email, kind: .changeRequest),
                      ContactRecord(customerId: "K", date: d("2026-04-10"), channel: .call, kind: .changeRequest),
                      ContactRecord(customerId: "K", date: d("2026-06-10"), channel: .call, kind: .question),
                      ContactRecord(customerId: "K", date: d("2026-06-11"), channel: .email, kind: .question),
                      ContactRecord(customerId: "K", date: d("2026-02-25"), channel: .visit, kind: .complaint),
                      ContactRecord(customerId: "L", date: d("2026-06-10"), channel: .call, kind: .changeRequest)]
        r.incidents = [IncidentRecord(customerId: "K", date: d("2026-01-10"), kind: .legalThreat, severity: 2),
                       IncidentRecord(customerId: "K", date: d("2026-05-20"), kind: .reviewThreat, severity: 3)]
        return r
    }

    static func analysis(_ r: LedgerRecords = records) throws -> Analysis {
        Analysis(ledger: try Ledger(records: r), policy: .standard, asOf: asOf)
    }

    static func notices(_ iso: String, customer: String = "K") -> [BoundaryNotice] {
        BoundaryKind.allCases.map { BoundaryNotice(customerId: customer, kind: $0, date: d(iso), channel: .visit, by: "owner") }
    }

    @Test func breachesAfterTheNotice() throws {
        let a = try Self.analysis()
        let breaches = BoundaryBreaches.find(notices: Self.notices("2026-03-01"), row: 0, analysis: a, records: Self.records)
        let summary = breaches.map { "\($0.date.iso) \($0.code)" }
        #expect(summary == [
            "2026-04-09 breach.full_payment",
            "2026-04-10 breach.scope.change_request",
            "2026-04-10 breach.contact_channel",
            "2026-05-01 breach.payment_terms.late",
            "2026-05-05 breach.scope.unpaid_extra_work",
            "2026-05-10 breach.payment_terms.open",
            "2026-05-20 breach.behaviour",
            "2026-06-01 breach.payment_terms.open",
            "2026-06-10 breach.contact_channel",
        ])
        let late = try #require(breaches.first { $0.code == "breach.payment_terms.late" })
        #expect(late.figure("invoice") == .text("I2") && late.figure("days_late") == .count(47))
        #expect(late.text(.en) == "Invoice I2 (due 2026-03-15) was paid 47 days late, beyond the boundary of 30 days told on 2026-03-01.")
        #expect(late.text(.nl) == "Factuur I2 (vervaldatum 15-03-2026) is 47 dagen te laat betaald, voorbij de grens van 30 dagen die op 01-03-2026 is gemeld.")
        let short = try #require(breaches.first { $0.kind == .fullPayment })
        #expect(short.figure("open") == .money(Money(euros: 400)))
        #expect(short.text(.en).contains("€400.00 has been open since the last payment on 2026-04-09"))
        let behaviour = try #require(breaches.first { $0.kind == .behaviour })
        #expect(behaviour.text(.en) == "On 2026-05-20 an incident of the kind “threat of a bad review” (severity 3 of 5) was logged; the boundary was told on 2026-03-01.")
        let channel = try #require(breaches.first { $0.kind == .contactChannel })
        #expect(channel.text(.nl).contains("nam de klant telefonisch contact op in plaats van via het afgesproken kanaal"))
        #expect(channel.text(.en).contains("made contact by phone instead of through the agreed channel"))
        for b in breaches {
            for language in Language.allCases { #expect(WordingCheck.passes(b.text(language), language: language)) }
        }
    }

    @Test func nothingCountsBeforeTheNotice() throws {
        let a = try Self.analysis()
        // No notice, or the other customer's notices: nothing.
        #expect(BoundaryBreaches.find(notices: [], row: 0, analysis: a, records: Self.records).isEmpty)
        #expect(BoundaryBreaches.find(notices: Self.notices("2026-01-01", customer: "L"), row: 0, analysis: a, records: Self.records).isEmpty)
        // A notice after everything: nothing.
        #expect(BoundaryBreaches.find(notices: Self.notices("2026-06-30"), row: 0, analysis: a, records: Self.records).isEmpty)
        // Told earlier, more counts: the early incident, change request, visit, deviation and I1/I6.
        let early = BoundaryBreaches.find(notices: Self.notices("2026-01-01"), row: 0, analysis: a, records: Self.records)
        let later = BoundaryBreaches.find(notices: Self.notices("2026-03-01"), row: 0, analysis: a, records: Self.records)
        #expect(early.count > later.count)
        #expect(early.contains { $0.kind == .behaviour && $0.date == Self.d("2026-01-10") })
        #expect(early.contains { $0.kind == .contactChannel && $0.date == Self.d("2026-02-25") })
        #expect(early.contains { $0.code == "breach.payment_terms.late" && $0.figure("invoice") == .text("I1") })
        #expect(early.contains { $0.kind == .fullPayment && $0.figure("invoice") == .text("I6") })
        // On the notice day itself: not yet after it.
        let sameDay = BoundaryBreaches.find(notices: Self.notices("2026-05-20"), row: 0, analysis: a, records: Self.records)
        #expect(!sameDay.contains { $0.kind == .behaviour })
    }

    @Test func theEarliestNoticePerKindCountsAndOnlyItsKind() throws {
        let a = try Self.analysis()
        let notices = [BoundaryNotice(customerId: "K", kind: .behaviour, date: Self.d("2026-06-01"), channel: .email, by: "a"),
                       BoundaryNotice(customerId: "K", kind: .behaviour, date: Self.d("2026-05-01"), channel: .visit, by: "b")]
        let found = BoundaryBreaches.find(notices: notices, row: 0, analysis: a, records: Self.records)
        #expect(found.map(\.kind) == [.behaviour])
        #expect(found.first?.noticeDate == Self.d("2026-05-01"))
    }

    @Test func sameAnswerWithOrWithoutTheLedgerIndex() throws {
        let r = Self.records
        let indexed = try Self.analysis(r)
        #expect(indexed.ledger.customerRows != nil)
        var ledger = try Ledger(records: r)
        // A ledger assembled by hand has no index; the breaches are found by scanning.
        var plain = Ledger()
        plain.customers = ledger.customers; plain.invoices = ledger.invoices; plain.payments = ledger.payments
        plain.contacts = ledger.contacts; plain.deviations = ledger.deviations; plain.incidents = ledger.incidents
        ledger = plain
        let scanned = Analysis(ledger: ledger, policy: .standard, asOf: Self.asOf)
        #expect(scanned.ledger.customerRows == nil)
        let notices = Self.notices("2026-03-01")
        #expect(BoundaryBreaches.find(notices: notices, row: 0, analysis: indexed, records: r)
            == BoundaryBreaches.find(notices: notices, row: 0, analysis: scanned, records: r))
    }
}
