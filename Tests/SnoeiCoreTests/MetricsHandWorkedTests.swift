import Testing
@testable import SnoeiCore

/// Every metric of FORMAT.md on a small ledger, with the expected value worked out by hand.
///
/// As of D = 2026-06-30 the window is [D − 365, D] = [2025-06-30, 2026-06-30] (2026 is no
/// leap year, so D − 365 is the same calendar day a year earlier). Standard policy: support
/// and rework €65/h, meeting and sales €75/h, delivery €55/h, admin €45/h; a question costs
/// €8, a complaint €25, a change request €40.
///
/// - A (Alfa): paid on time and late, a same-day settlement, an over-payment, a credit note,
///   a payment matched by reference, and records just inside and just outside the window.
/// - B (Bravo): every aging bucket at its edges, a short-pay of the seed's €5,000 of €5,300,
///   a payment matched through the invoice id in its reference.
/// - C (Charlie): a loss-maker whose payments all stay unmatched (ambiguous reference,
///   unknown invoice id, reference matching nothing, paid after D), and a red-line incident.
/// - E (Echo): no data at all (rule 12).
@Suite struct MetricsHandWorkedTests {
    static let D = day("2026-06-30")

    static func day(_ iso: String) -> Day { Day(iso: iso)! }
    static func eur(_ text: String) -> Money { Money.parse(text)! }

    static var records: LedgerRecords {
        var r = LedgerRecords()
        r.customers = [
            CustomerRecord(customerId: "A", name: "Alfa"), CustomerRecord(customerId: "B", name: "Bravo"),
            CustomerRecord(customerId: "C", name: "Charlie"), CustomerRecord(customerId: "E", name: "Echo"),
        ]
        func inv(_ id: String, _ c: String, _ issue: String, _ due: String, _ amount: String, vat: String = "0",
                 cost: String? = nil, ref: String? = nil) -> InvoiceRecord {
            InvoiceRecord(invoiceId: id, customerId: c, issueDate: day(issue), dueDate: day(due), amount: eur(amount),
                          vat: eur(vat), cost: cost.map(eur), reference: ref)
        }
        r.invoices = [
            // A
            inv("A0", "A", "2025-06-29", "2025-07-29", "500.00", cost: "100.00"),   // issued the day before the window
            inv("A1", "A", "2025-06-30", "2025-07-30", "1000.00", vat: "210.00", cost: "400.00", ref: "REF-A1"),
            inv("A2", "A", "2026-03-01", "2026-03-31", "2000.00", vat: "420.00", cost: "800.00"),
            inv("A3", "A", "2026-04-15", "2026-05-15", "-250.00", vat: "-52.50"),   // credit note
            inv("A4", "A", "2026-06-30", "2026-07-30", "300.00", vat: "63.00"),     // issued on D
            inv("A5", "A", "2026-07-01", "2026-07-31", "9999.00", cost: "1.00"),    // issued after D: ignored
            // B
            inv("B1", "B", "2025-11-01", "2025-12-01", "5000.00", vat: "300.00", cost: "3000.00", ref: "INV-B1"),
            inv("B2", "B", "2026-04-01", "2026-05-01", "1000.00", vat: "210.00", cost: "500.00"),
            inv("B3", "B", "2026-05-01", "2026-05-31", "400.00"),
            inv("B4", "B", "2026-03-01", "2026-04-01", "800.00"),
            inv("B5", "B", "2026-02-28", "2026-03-31", "50.00"),
            inv("B6", "B", "2026-06-01", "2026-06-30", "200.00", vat: "42.00"),
            inv("B7", "B", "2026-05-30", "2026-06-29", "100.00"),
            // C
            inv("C1", "C", "2026-01-10", "2026-02-09", "400.00", vat: "84.00", cost: "100.00", ref: "SHARED"),
            inv("C2", "C", "2026-01-20", "2026-02-19", "600.00", vat: "126.00", cost: "150.00", ref: "SHARED"),
            inv("C3", "C", "2026-04-01", "2026-04-30", "100.00"),
            inv("C4", "C", "2026-05-01", "2026-05-30", "50.00"),
        ]
        func pay(_ id: String, _ date: String, _ amount: String, invoice: String? = nil, customer: String? = nil,
                 ref: String? = nil) -> PaymentRecord {
            PaymentRecord(paymentId: id, date: day(date), amount: eur(amount), invoiceId: invoice, customerId: customer,
                          reference: ref)
        }
        r.payments = [
            pay("P1", "2025-07-20", "600.00", invoice: "A1"),
            pay("P2", "2025-07-30", "610.00", ref: "REF-A1"),            // by invoices.reference; settles A1 on its due date
            pay("P3", "2026-04-10", "1000.00", invoice: "A2"),
            pay("P4", "2026-04-10", "1420.00", invoice: "A2"),           // same day: together they settle A2
            pay("P5", "2026-05-01", "100.00", invoice: "A2"),            // over-payment; does not move the settle date
            pay("P6", "2026-06-15", "50.00", invoice: "A5"),             // to an invoice issued after D
            pay("P7", "2026-01-15", "5000.00", invoice: "B1"),           // €5,000 of €5,300, then nothing
            pay("P8", "2026-06-05", "500.00", ref: "B2"),                // reference = an invoice id
            pay("P9", "2026-05-31", "100.00", invoice: "B4"),            // exactly D − 30
            pay("P10", "2026-02-01", "484.00", ref: "SHARED"),           // ambiguous: unmatched
            pay("P11", "2026-02-15", "726.00", invoice: "NOPE", ref: "C2"), // unknown invoice id: unmatched, reference unused
            pay("P12", "2026-03-01", "300.00", customer: "C", ref: "xyz"), // customer_id is never used: unmatched
            pay("P13", "2026-07-05", "726.00", invoice: "C2"),           // after D: ignored
        ]
        func time(_ c: String, _ date: String, _ milli: MilliHours, _ a: Activity) -> TimeEntryRecord {
            TimeEntryRecord(customerId: c, date: day(date), hours: milli, activity: a)
        }
        r.timeEntries = [
            time("A", "2025-06-29", 10_000, .support),   // before the window
            time("A", "2025-06-30", 2_500, .support),
            time("A", "2026-01-10", 1_500, .meeting),
            time("A", "2026-06-30", 1_000, .rework),
            time("A", "2026-07-01", 5_000, .admin),      // after D
            time("B", "2026-01-05", 10_000, .support),
            time("B", "2026-02-05", 4_000, .sales),
            time("B", "2026-03-05", 20_000, .delivery),
            time("B", "2026-04-05", 750, .admin),
            time("C", "2026-03-01", 12_000, .rework),
            time("C", "2026-03-02", 8_333, .support),
        ]
        func contact(_ c: String, _ date: String, _ ch: Channel, _ k: ContactKind, _ selfCaused: Bool? = nil) -> ContactRecord {
            ContactRecord(customerId: c, date: day(date), channel: ch, kind: k, selfCaused: selfCaused)
        }
        r.contacts = [
            contact("A", "2025-06-01", .call, .complaint, true),   // before the window
            contact("A", "2025-09-01", .email, .question, true),
            contact("A", "2025-10-01", .call, .complaint, false),
            contact("A", "2026-02-01", .ticket, .question, true),
            contact("A", "2026-03-01", .call, .changeRequest),     // self_caused absent = false
            contact("B", "2026-01-10", .call, .complaint, false),
            contact("B", "2026-01-11", .call, .complaint),
            contact("B", "2026-02-10", .visit, .complaint),
            contact("B", "2026-03-10", .chat, .question, true),
            contact("B", "2026-04-10", .email, .changeRequest),
            contact("B", "2026-05-10", .email, .question, true),
            contact("C", "2026-03-03", .call, .complaint, true),
            contact("C", "2026-03-04", .call, .complaint, true),
            contact("C", "2026-03-05", .ticket, .complaint, true),
        ]
        r.deviations = [
            DeviationRecord(customerId: "A", date: day("2025-05-01"), kind: .discount, cost: eur("50.00")),   // before
            DeviationRecord(customerId: "A", date: day("2026-02-15"), kind: .rushDelivery, cost: eur("120.00")),
            DeviationRecord(customerId: "B", date: day("2025-12-10"), kind: .discount, cost: eur("250.00")),
            DeviationRecord(customerId: "B", date: day("2026-02-10"), kind: .paymentTerms, cost: .zero),
            DeviationRecord(customerId: "B", date: day("2026-06-30"), kind: .customPackaging, cost: eur("80.00")),
            DeviationRecord(customerId: "C", date: day("2026-03-10"), kind: .unpaidExtraWork, cost: eur("200.00")),
        ]
        r.incidents = [
            IncidentRecord(customerId: "A", date: day("2024-01-10"), kind: .brokenAgreement, severity: 2), // old: still counts
            IncidentRecord(customerId: "A", date: day("2026-07-02"), kind: .intimidation, severity: 5),    // after D
            IncidentRecord(customerId: "B", date: day("2025-01-01"), kind: .legalThreat, severity: 4),
            IncidentRecord(customerId: "B", date: day("2026-03-01"), kind: .reviewThreat, severity: 3),
            IncidentRecord(customerId: "C", date: day("2026-04-01"), kind: .intimidation, severity: 3),
        ]
        return r
    }

    static func analysis(asOf: Day = D) throws -> Analysis {
        Analysis(ledger: try Ledger(records: records), policy: .standard, asOf: asOf)
    }

    static func figures(_ a: Analysis, _ id: String) throws -> CustomerFigures {
        a.customers[try #require(a.row(of: id))]
    }

    static func close(_ x: Double, _ y: Double, _ tolerance: Double = 1e-9) -> Bool { abs(x - y) <= tolerance }

    // MARK: A

    @Test func alfaProfitability() throws {
        let a = try Self.figures(Self.analysis(), "A")
        // A0 (2025-06-29) is a day before the window, A5 (2026-07-01) after D; A1 on the first
        // day and A4 on D count: 1000 (A1) + 2000 (A2) − 250 (A3, credit note) + 300 (A4) = 3050
        #expect(a.revenue == Self.eur("3050.00"))
        // 400 (A1) + 800 (A2) + 0 (A3, no cost) + 0 (A4, no cost) = 1200
        #expect(a.cogs == Self.eur("1200.00"))
        // 3050 − 1200 = 1850
        #expect(a.grossMargin == Self.eur("1850.00"))
        // 2.5 h support (first day) + 1.5 h meeting + 1.0 h rework (on D); 10 h before and 5 h after: out
        #expect(a.hours == 5_000)
        #expect(a.hoursByActivity[Activity.support.ordinal] == 2_500)
        #expect(a.hoursByActivity[Activity.meeting.ordinal] == 1_500)
        #expect(a.hoursByActivity[Activity.rework.ordinal] == 1_000)
        #expect(a.hoursByActivity[Activity.admin.ordinal] == 0)
        // 2.5 × 65 + 1.5 × 75 + 1.0 × 65 = 162.50 + 112.50 + 65.00 = 340.00
        #expect(a.timeCost == Self.eur("340.00"))
        // 2 questions × 8 + 1 complaint × 25 + 1 change request × 40 = 81.00 (the June 2025 complaint is out)
        #expect(a.contactCost == Self.eur("81.00"))
        // the rush delivery of 120.00; the discount of May 2025 is out
        #expect(a.deviationCost == Self.eur("120.00"))
        #expect(a.deviations == 1)
        // 340.00 + 81.00 + 120.00 = 541.00
        #expect(a.costToServe == Self.eur("541.00"))
        // 1850.00 − 541.00 = 1309.00
        #expect(a.contribution == Self.eur("1309.00"))
    }

    @Test func alfaPaymentBehaviour() throws {
        let a = try Self.figures(Self.analysis(), "A")
        // Late set: positive, issued ≤ D, due in [2025-06-30, 2026-06-30):
        //   A0 due 2025-07-29, unpaid: D − due = 336 days, payable 500
        //   A1 due 2025-07-30, 600 + 610 reach 1210 on 2025-07-30: 0 days, payable 1210
        //   A2 due 2026-03-31, 1000 + 1420 on the same day 2026-04-10 reach 2420: 10 days
        //      (the later 100.00 does not move the settle date), payable 2420
        //   A3 is a credit note, A4 is due after D.
        // (500 × 336 + 1210 × 0 + 2420 × 10) / (500 + 1210 + 2420) = 192200 / 4130 = 46.5375…
        #expect(Self.close(a.avgDaysLate, 192_200.0 / 4_130.0))
        // 2 of the 3 were late
        #expect(Self.close(a.lateShare, 2.0 / 3.0))
        #expect(a.lateSetCount == 3 && a.lateCount == 2 && a.maxDaysLate == 336)
        // Open: A0 500 (issued before the window: balances are not windowed). A2 is over-paid by
        // 100 and A3 is −302.50: neither nets against A0. A0 is 336 days overdue: > 90.
        #expect(a.overdue == Self.eur("500.00"))
        #expect(a.aging.d90Plus == Self.eur("500.00"))
        #expect(a.aging.d1_30 == .zero && a.aging.d31_60 == .zero && a.aging.d61_90 == .zero)
        // A4: 300 + 63 due 2026-07-30, after D
        #expect(a.aging.notDue == Self.eur("363.00"))
        // open (500 + 363) / payable issued in the window (1210 + 2420 − 302.50 + 363 = 3690.50) × 365 = 85.35…
        #expect(Self.close(a.dso, 863.0 / 3_690.5 * 365))
        // A0 has no payment at all: not a short-pay
        #expect(a.shortPays == 0)
    }

    @Test func alfaContactsAndIncidents() throws {
        let a = try Self.figures(Self.analysis(), "A")
        // four contacts in the window (the complaint of 2025-06-01 is out)
        #expect(a.contacts == 4)
        #expect(a.contactsByKind == [2, 1, 1])              // question, complaint, change_request
        #expect(a.contactsByChannel == [2, 1, 1, 0, 0])     // call, email, ticket, visit, chat
        // 2 self-caused (the email and the ticket question) of 4 = 0.5
        #expect(a.selfCausedContacts == 2)
        #expect(a.selfCausedShare == 0.5)
        // 4 / (3050 / 1000) = 4 / 3.05 = 1.3114…
        #expect(Self.close(try #require(a.contactsPerK), 4 / 3.05))
        // all time up to D: the 2024 broken agreement (severity 2); the intimidation after D is not yet there
        #expect(a.incidents == 1)
        #expect(a.incidentMaxSeverity == 2)
        #expect(a.redLine == nil)
    }

    // MARK: B

    @Test func bravoProfitability() throws {
        let b = try Self.figures(Self.analysis(), "B")
        // 5000 + 1000 + 400 + 800 + 50 + 200 + 100 = 7550
        #expect(b.revenue == Self.eur("7550.00"))
        // 3000 (B1) + 500 (B2) = 3500
        #expect(b.cogs == Self.eur("3500.00"))
        #expect(b.grossMargin == Self.eur("4050.00"))
        // 10 + 4 + 20 + 0.75 = 34.75 h
        #expect(b.hours == 34_750)
        #expect(b.hoursByActivity == [10_000, 0, 0, 4_000, 20_000, 750])   // support, rework, meeting, sales, delivery, admin
        // 10 × 65 + 4 × 75 + 20 × 55 + 0.75 × 45 = 650 + 300 + 1100 + 33.75 = 2083.75
        #expect(b.timeCost == Self.eur("2083.75"))
        // 2 questions × 8 + 3 complaints × 25 + 1 change request × 40 = 16 + 75 + 40 = 131
        #expect(b.contactCost == Self.eur("131.00"))
        // 250 + 0 (longer payment term: a deviation without cost) + 80 (on D) = 330, three deviations
        #expect(b.deviationCost == Self.eur("330.00"))
        #expect(b.deviations == 3)
        // 2083.75 + 131 + 330 = 2544.75
        #expect(b.costToServe == Self.eur("2544.75"))
        // 4050 − 2544.75 = 1505.25
        #expect(b.contribution == Self.eur("1505.25"))
    }

    @Test func bravoAgingAtEveryEdge() throws {
        let b = try Self.figures(Self.analysis(), "B")
        // D − due: B7 1 day (100), B3 30 days (400) → 1–30: 500
        #expect(b.aging.d1_30 == Self.eur("500.00"))
        // B2 60 days: 1210 − 500 (matched through its id in the reference) = 710
        #expect(b.aging.d31_60 == Self.eur("710.00"))
        // B4 90 days: 800 − 100 = 700
        #expect(b.aging.d61_90 == Self.eur("700.00"))
        // B5 91 days (50) + B1 211 days (5300 − 5000 = 300) = 350
        #expect(b.aging.d90Plus == Self.eur("350.00"))
        // B6 is due on D itself: 0 days is not due, 200 + 42 = 242
        #expect(b.aging.notDue == Self.eur("242.00"))
        // 500 + 710 + 700 + 350 = 2260
        #expect(b.overdue == Self.eur("2260.00"))
        // (2260 + 242) / (5300 + 1210 + 400 + 800 + 50 + 242 + 100 = 8102) × 365 = 112.71…
        #expect(Self.close(b.dso, 2_502.0 / 8_102.0 * 365))
    }

    @Test func bravoLatenessAndShortPays() throws {
        let b = try Self.figures(Self.analysis(), "B")
        // Late set (B6 is due on D: not < D): all open, so days late = D − due.
        // (5300 × 211 + 1210 × 60 + 400 × 30 + 800 × 90 + 50 × 91 + 100 × 1)
        //   / (5300 + 1210 + 400 + 800 + 50 + 100)
        // = (1118300 + 72600 + 12000 + 72000 + 4550 + 100) / 7860 = 1279550 / 7860 = 162.79…
        #expect(Self.close(b.avgDaysLate, 1_279_550.0 / 7_860.0))
        // 6 of 6 late
        #expect(b.lateShare == 1)
        #expect(b.lateSetCount == 6)
        // B1: paid 5000 of 5300 on 2026-01-15, nothing since → short-pay. B2 was paid on
        // 2026-06-05 and B4 on 2026-05-31 = D − 30: both inside [D − 30, D], so not (yet) short.
        #expect(b.shortPays == 1)
        #expect(b.shortPaidOpen == Self.eur("300.00"))
    }

    @Test func bravoContactsAndIncidents() throws {
        let b = try Self.figures(Self.analysis(), "B")
        #expect(b.contacts == 6)
        #expect(b.contactsByKind == [2, 3, 1])              // question, complaint, change_request
        #expect(b.contactsByChannel == [2, 2, 0, 1, 1])     // call, email, ticket, visit, chat
        // 2 self-caused of 6
        #expect(Self.close(b.selfCausedShare, 2.0 / 6.0))
        // 6 / (7550 / 1000) = 0.7947…
        #expect(Self.close(try #require(b.contactsPerK), 6 / 7.55))
        // the legal threat of 2025 (severity 4, before the window) and the review threat (3)
        #expect(b.incidents == 2)
        #expect(b.incidentMaxSeverity == 4)
        #expect(b.redLine == nil)
    }

    // MARK: C

    @Test func charlieUnmatchedPaymentsChangeNothing() throws {
        let c = try Self.figures(Self.analysis(), "C")
        // P10 "SHARED" is carried by C1 and C2: matches nothing. P11 names an invoice that does not
        // exist: unmatched (its reference "C2" is not tried). P12 has only a customer id: unmatched.
        // P13 pays C2 after D. So C1 (484, due 2026-02-09: 141 days) and C2 (726, due 2026-02-19:
        // 131 days) are fully open; C3 is 61 days (100) and C4 31 days (50) overdue.
        #expect(c.aging.d90Plus == Self.eur("1210.00"))     // 484 + 726
        #expect(c.aging.d61_90 == Self.eur("100.00"))
        #expect(c.aging.d31_60 == Self.eur("50.00"))
        #expect(c.aging.d1_30 == .zero && c.aging.notDue == .zero)
        #expect(c.overdue == Self.eur("1360.00"))           // 1210 + 100 + 50
        // (484 × 141 + 726 × 131 + 100 × 61 + 50 × 31) / 1360 = (68244 + 95106 + 6100 + 1550) / 1360 = 171000 / 1360
        #expect(Self.close(c.avgDaysLate, 171_000.0 / 1_360.0))
        #expect(c.lateShare == 1)
        // open 1360 / payable in the window 1360 × 365 = 365
        #expect(Self.close(c.dso, 365))
        // no matched payment: no short-pay
        #expect(c.shortPays == 0)
    }

    @Test func charlieProfitability() throws {
        let c = try Self.figures(Self.analysis(), "C")
        // 400 + 600 + 100 + 50 = 1150; cogs 100 + 150 = 250
        #expect(c.revenue == Self.eur("1150.00"))
        #expect(c.cogs == Self.eur("250.00"))
        #expect(c.grossMargin == Self.eur("900.00"))
        // 12 h rework + 8.333 h support
        #expect(c.hours == 20_333)
        // 12 × 65 = 780.00; 8.333 × 65 = 541.645 → 541.65 (half a cent rounds away from zero); 1321.65
        #expect(c.timeCost == Self.eur("1321.65"))
        // 3 complaints × 25 = 75
        #expect(c.contactCost == Self.eur("75.00"))
        #expect(c.deviationCost == Self.eur("200.00"))
        // 1321.65 + 75 + 200 = 1596.65
        #expect(c.costToServe == Self.eur("1596.65"))
        // 900 − 1596.65 = −696.65
        #expect(c.contribution == Self.eur("-696.65"))
        // 3 of 3 self-caused; 3 / 1.15 contacts per €1,000
        #expect(c.selfCausedShare == 1)
        #expect(c.contactsByChannel == [2, 0, 1, 0, 0])
        #expect(Self.close(try #require(c.contactsPerK), 3 / 1.15))
        // intimidation is a red line at any severity under the standard policy
        #expect(c.incidents == 1 && c.incidentMaxSeverity == 3)
        #expect(c.redLine?.kind == .intimidation)
    }

    // MARK: E and the portfolio

    @Test func echoAppearsWithZeros() throws {
        let a = try Self.analysis()
        #expect(a.customers.count == 4)
        let e = try Self.figures(a, "E")
        #expect(e.revenue == .zero && e.cogs == .zero && e.costToServe == .zero && e.contribution == .zero)
        #expect(e.hours == 0 && e.contacts == 0 && e.overdue == .zero && e.aging.notDue == .zero)
        #expect(e.avgDaysLate == 0 && e.lateShare == 0 && e.dso == 0 && e.shortPays == 0)
        #expect(e.selfCausedShare == 0 && e.contactsPerK == nil && e.incidents == 0 && e.revenueShare == 0)
    }

    @Test func revenueShares() throws {
        let a = try Self.analysis()
        // total 3050 + 7550 + 1150 + 0 = 11750
        #expect(a.portfolio.revenue == Self.eur("11750.00"))
        #expect(Self.close(try Self.figures(a, "A").revenueShare, 3_050.0 / 11_750.0))   // 0.2596
        #expect(Self.close(try Self.figures(a, "B").revenueShare, 7_550.0 / 11_750.0))   // 0.6426
        #expect(Self.close(try Self.figures(a, "C").revenueShare, 1_150.0 / 11_750.0))   // 0.0979
        #expect(try Self.figures(a, "E").revenueShare == 0)
    }

    @Test func portfolio() throws {
        let p = try Self.analysis().portfolio
        #expect(p.customers == 4)
        // cogs 1200 + 3500 + 250 = 4950; cost to serve 541 + 2544.75 + 1596.65 = 4682.40
        #expect(p.cogs == Self.eur("4950.00"))
        #expect(p.costToServe == Self.eur("4682.40"))
        // contribution 1309 + 1505.25 − 696.65 + 0 = 2117.60
        #expect(p.contribution == Self.eur("2117.60"))
        // hours 5 + 34.75 + 20.333 = 60.083
        #expect(p.hours == 60_083)
        // overdue 500 + 2260 + 1360 = 4120; not due 363 + 242 = 605
        #expect(p.overdue == Self.eur("4120.00"))
        #expect(p.aging.notDue == Self.eur("605.00"))
        // pareto: N = 3 customers with revenue > 0, k = ⌈0.2 × 3⌉ = 1: B, 7550 / 11750 = 0.6426
        #expect(p.customersWithRevenue == 3 && p.paretoTopCount == 1)
        #expect(Self.close(p.paretoTop20, 7_550.0 / 11_750.0))
        // whale: B 1505.25, A 1309.00, E 0, C −696.65 over a total of 2117.60
        //   points 1505.25 / 2117.60 = 0.7108, 2814.25 / 2117.60 = 1.3290 (twice), 2117.60 / 2117.60 = 1
        let curve = [1_505.25 / 2_117.60, 2_814.25 / 2_117.60, 2_814.25 / 2_117.60, 1.0]
        #expect(zip(p.whaleCurve, curve).allSatisfy { Self.close($0, $1) } && p.whaleCurve.count == 4)
        #expect(Self.close(p.whalePeak, 2_814.25 / 2_117.60) && p.whalePeakRank == 2)
        // one of four customers (C) has contribution < 0; E (0) is not unprofitable
        #expect(p.unprofitableShare == 0.25)
        // hhi = (25.957…² + 64.255…² + 9.787…² + 0²) = (3050² + 7550² + 1150²) / 11750² × 10000 = 4898.33
        #expect(Self.close(p.hhi, Double(3_050 * 3_050 + 7_550 * 7_550 + 1_150 * 1_150) / (11_750.0 * 11_750.0) * 10_000, 1e-6))
        // unmatched payments dated ≤ D: P10 484 + P11 726 + P12 300 = 1510 (P13 is after D; P6 is matched)
        #expect(p.unmatchedPayments == 3)
        #expect(p.unmatchedAmount == Self.eur("1510.00"))
    }

    // MARK: the as-of date moves everything

    @Test func earlierAsOfIgnoresLaterPaymentsAndInvoices() throws {
        // As of 2025-07-25 the window is [2024-07-25, 2025-07-25].
        let a = try Self.figures(Self.analysis(asOf: Self.day("2025-07-25")), "A")
        // A0 (2025-06-29) and A1 (2025-06-30) are both in this window: 500 + 1000 = 1500
        #expect(a.revenue == Self.eur("1500.00"))
        // P1 (2025-07-20, 600) counts, P2 (2025-07-30) not yet: A1 open 1210 − 600 = 610, due
        // 2025-07-30 (after this D); A0 500 due 2025-07-29: both not due
        #expect(a.aging.notDue == Self.eur("1110.00"))
        #expect(a.overdue == .zero)
        // no invoice due before this D: the late set is empty
        #expect(a.avgDaysLate == 0 && a.lateShare == 0 && a.lateSetCount == 0)
        // (1110) / (500 + 1210) × 365 = 236.90…
        #expect(Self.close(a.dso, 1_110.0 / 1_710.0 * 365))
        // time: the 10 h of 2025-06-29 and 2.5 h of 2025-06-30 are now in the window
        #expect(a.hours == 12_500)
        // the 2025-06-01 complaint is in this window, later contacts are not
        #expect(a.contacts == 1 && a.contactsByKind == [0, 1, 0])
        // the 2024-01-10 incident still counts; nothing of 2026 has happened yet
        #expect(a.incidents == 1)
    }

    @Test func settledAfterDueCountsDaysToTheSettleDate() throws {
        // As of 2026-04-20: A2 (due 2026-03-31) was settled on 2026-04-10 by two same-day payments
        // (1000 + 1420 = 2420): days late 10, not D − due = 20.
        let a = try Self.figures(Self.analysis(asOf: Self.day("2026-04-20")), "A")
        // Late set as of 2026-04-20, due in [2025-04-20, 2026-04-20): A0 (D − 2025-07-29 = 265 days,
        // unpaid, 500), A1 (0 days, 1210), A2 (10 days, 2420)
        // (500 × 265 + 1210 × 0 + 2420 × 10) / 4130 = (132500 + 24200) / 4130 = 37.94…
        #expect(Self.close(a.avgDaysLate, 156_700.0 / 4_130.0))
        #expect(a.maxDaysLate == 265)
    }
}

/// FORMAT rule 4 in detail, on the matcher itself.
@Suite struct PaymentMatchingTests {
    @Test func matchingOrder() {
        // invoices: X1 (reference R), X2 (reference "X3"), X3 (no reference), X4 and X5 (both reference S)
        let m = PaymentMatcher(invoiceIds: ["X1", "X2", "X3", "X4", "X5"], references: ["R", "X3", nil, "S", "S"])
        #expect(m.match(invoiceId: "X1", reference: "S") == 0)        // the invoice id alone decides
        #expect(m.match(invoiceId: "NOPE", reference: "R") == -1)     // unknown id: unmatched, no fallback
        #expect(m.match(invoiceId: nil, reference: "R") == 0)         // by invoices.reference
        #expect(m.match(invoiceId: nil, reference: "X3") == 1)        // invoices.reference before invoices.invoice_id
        #expect(m.match(invoiceId: nil, reference: "X4") == 3)        // then by invoice id
        #expect(m.match(invoiceId: nil, reference: "S") == -1)        // carried by two invoices: nothing
        #expect(m.match(invoiceId: nil, reference: "r") == -1)        // exact comparison
        #expect(m.match(invoiceId: "", reference: "") == -1)
        #expect(m.match(invoiceId: nil, reference: nil) == -1)
    }
}
