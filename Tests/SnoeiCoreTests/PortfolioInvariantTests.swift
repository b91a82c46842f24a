import Testing
import PropertyBased
@testable import SnoeiCore

/// Properties that hold for every ledger, checked on random small ones.
///
/// The generators draw plain integers (so failures shrink to small cases); `RandomLedger`
/// turns them into records around a fixed as-of date: invoices with credit notes, VAT,
/// absent costs, unique, shared and id-like references; payments matched by id, by
/// reference, by an id in the reference, or not at all, full, partial and over-payments,
/// before and after D; time entries, contacts and deviations inside and outside the window.
@Suite struct PortfolioInvariantTests {
    static let D = Day(year: 2026, month: 6, day: 30)!

    static let invoices = zip(
        Gen.int(in: 0...7),               // customer
        Gen.int(in: -430...20),           // issue date − D
        Gen.int(in: -5...60),             // due date − issue date (a due date before issue is allowed)
        Gen.int(in: -30_000...300_000),   // amount in cents (negative: credit note)
        Gen.int(in: 0...2),               // VAT: none, 21 %, 9 %
        Gen.int(in: -1...200_000),        // cost in cents, −1: absent
        Gen.int(in: 0...3)                // reference: none, unique, shared "DUP", another invoice's id
    ).array(of: 0...10)

    static let payments = zip(
        Gen.int(in: 0...20),              // target invoice (modulo the invoice count)
        Gen.int(in: -430...30),           // date − D
        Gen.int(in: 0...3),               // amount: full payable, half, free, payable + 10.00
        Gen.int(in: 1...100_000),         // free amount in cents
        Gen.int(in: 0...4)                // by invoice id, by reference, id as reference, unknown id, nothing
    ).array(of: 0...12)

    static let flows = zip(
        Gen.int(in: 0...7),               // customer
        Gen.int(in: -430...20),           // date − D
        Gen.int(in: 0...20_000),          // hours in thousandths / deviation cost in cents
        Gen.int(in: 0...5),               // activity / channel / kind
        Gen.int(in: 0...2)                // self-caused: false, true, absent; contact kind
    ).array(of: 0...12)

    static func check(_ body: @escaping (RandomLedger, Analysis) throws -> Void) async {
        await propertyCheck(count: 300, input: Gen.int(in: 1...6), invoices, payments, flows, flows) {
            n, invoices, payments, flows, more in
            let ledger = RandomLedger(customers: n, invoices: invoices, payments: payments, flows: flows, more: more, asOf: D)
            let analysis = Analysis(ledger: try Ledger(records: ledger.records), policy: .standard, asOf: D)
            try body(ledger, analysis)
        }
    }

    @Test func customerContributionsAddUpToThePortfolio() async {
        await Self.check { _, a in
            let sum = a.customers.reduce(Money.zero) { $0 + $1.contribution }
            #expect(sum == a.portfolio.contribution)
            #expect(a.customers.reduce(Money.zero) { $0 + $1.revenue } == a.portfolio.revenue)
            #expect(a.portfolio.contribution == a.portfolio.revenue - a.portfolio.cogs - a.portfolio.costToServe)
        }
    }

    @Test func whaleCurveEndsAtOneAndPeaksAboveIt() async {
        await Self.check { _, a in
            let p = a.portfolio
            let total = p.contribution.cents
            #expect(p.whaleCurve.count == a.customers.count)
            guard total != 0 else {
                #expect(p.whalePeak == 0)
                return
            }
            #expect(p.whaleCurve.last == 1.0)
            #expect(p.whalePeak == p.whaleCurve.max())
            if total > 0 {
                #expect(p.whalePeak >= 1.0)
                // Losses come last, so the best customers earn more than the total.
                if a.customers.contains(where: { $0.contribution.cents < 0 }) { #expect(p.whalePeak > 1.0) }
            }
        }
    }

    @Test func agingBucketsSumToOverdue() async {
        await Self.check { ledger, a in
            let expected = ledger.openBalances()
            for (row, f) in a.customers.enumerated() {
                let id = a.ledger.customers.ids[row]
                #expect(f.aging.d1_30 + f.aging.d31_60 + f.aging.d61_90 + f.aging.d90Plus == f.overdue)
                #expect(f.overdue == expected[id]?.overdue ?? .zero, "customer \(id)")
                #expect(f.aging.notDue == expected[id]?.notDue ?? .zero, "customer \(id)")
                #expect(f.overdue >= .zero && f.aging.notDue >= .zero)
            }
            #expect(a.portfolio.overdue == a.customers.reduce(Money.zero) { $0 + $1.overdue })
        }
    }

    @Test func revenueSharesSumToOne() async {
        await Self.check { _, a in
            let shares = a.customers.map(\.revenueShare)
            guard a.portfolio.revenue.cents != 0 else {
                #expect(shares.allSatisfy { $0 == 0 })
                return
            }
            let scale = max(1, shares.reduce(0) { $0 + abs($1) })
            #expect(abs(shares.reduce(0, +) - 1) <= 1e-9 * scale)
        }
    }

    @Test func hhiIsBetweenZeroAndTenThousand() async {
        await Self.check { _, a in
            #expect(a.portfolio.hhi >= 0)
            // With a net-negative customer (credit notes exceeding invoices) shares leave [0, 1]
            // and Σ share² can exceed 1; the 0–10,000 range of FORMAT.md assumes revenue ≥ 0.
            if a.customers.allSatisfy({ $0.revenue.cents >= 0 }) {
                #expect(a.portfolio.hhi <= 10_000 + 1e-6)
                if a.portfolio.revenue.cents > 0 {
                    // At least the share of a perfectly even split: 10,000 / N.
                    #expect(a.portfolio.hhi >= 10_000 / Double(a.portfolio.customersWithRevenue) - 1e-6)
                    #expect(a.portfolio.paretoTop20 <= 1 + 1e-12 && a.portfolio.paretoTop20 > 0)
                }
            }
        }
    }

    @Test func ratiosStayInTheirRanges() async {
        await Self.check { _, a in
            for f in a.customers {
                #expect(f.avgDaysLate >= 0)
                #expect((0...1).contains(f.lateShare))
                #expect((0...1).contains(f.selfCausedShare))
                #expect(f.lateCount <= f.lateSetCount)
            }
            let unprofitable = a.customers.filter { $0.contribution.cents < 0 }.count
            #expect(a.portfolio.unprofitableShare == Double(unprofitable) / Double(a.customers.count))
        }
    }
}

/// A small ledger built from generated integers, with an independent reckoning of open balances.
struct RandomLedger {
    var records = LedgerRecords()
    let asOf: Day

    typealias InvoiceDraw = (Int, Int, Int, Int, Int, Int, Int)
    typealias PaymentDraw = (Int, Int, Int, Int, Int)
    typealias FlowDraw = (Int, Int, Int, Int, Int)

    init(customers n: Int, invoices: [InvoiceDraw], payments: [PaymentDraw], flows: [FlowDraw], more: [FlowDraw], asOf D: Day) {
        asOf = D
        records.customers = (0..<n).map { CustomerRecord(customerId: "K\($0)", name: "Customer \($0)") }
        for (i, v) in invoices.enumerated() {
            let (c, issue, terms, amount, vatMode, cost, refMode) = v
            let vat: Int64 = switch vatMode { case 1: Int64(amount) * 21 / 100; case 2: Int64(amount) * 9 / 100; default: 0 }
            let reference: String? = switch refMode {
            case 1: "R\(i)"
            case 2: "DUP"
            case 3: "I\((i + 1) % invoices.count)"
            default: nil
            }
            records.invoices.append(InvoiceRecord(
                invoiceId: "I\(i)", customerId: "K\(c % n)", issueDate: D + issue, dueDate: D + issue + terms,
                amount: Money(cents: Int64(amount)), vat: Money(cents: vat), cost: cost < 0 ? nil : Money(cents: Int64(cost)),
                reference: reference))
        }
        for (j, p) in payments.enumerated() {
            let (target, date, amountMode, free, matchMode) = p
            var amount = Int64(free)
            var invoiceId: String?
            var reference: String?
            if !records.invoices.isEmpty {
                let t = records.invoices[target % records.invoices.count]
                let payable = t.payable.cents
                switch amountMode {
                case 0: amount = payable
                case 1: amount = payable / 2
                case 3: amount = payable + 1_000
                default: break
                }
                switch matchMode {
                case 0: invoiceId = t.invoiceId
                case 1: reference = t.reference ?? t.invoiceId
                case 2: reference = t.invoiceId
                case 3: invoiceId = "NOPE"
                default: break
                }
            }
            records.payments.append(PaymentRecord(paymentId: "P\(j)", date: D + date, amount: Money(cents: amount),
                                                  invoiceId: invoiceId, reference: reference))
        }
        for (c, date, quantity, kind, flag) in flows {
            records.timeEntries.append(TimeEntryRecord(customerId: "K\(c % n)", date: D + date, hours: Int64(quantity),
                                                       activity: Activity.allCases[kind % Activity.allCases.count]))
            records.contacts.append(ContactRecord(customerId: "K\((c + 1) % n)", date: D + date + 1,
                                                  channel: Channel.allCases[kind % Channel.allCases.count],
                                                  kind: ContactKind.allCases[flag], selfCaused: flag == 2 ? nil : flag == 1))
        }
        for (c, date, quantity, kind, _) in more {
            records.deviations.append(DeviationRecord(customerId: "K\(c % n)", date: D + date,
                                                      kind: DeviationKind.allCases[kind], cost: Money(cents: Int64(quantity))))
        }
    }

    /// FORMAT rules 2–4 and 7 reckoned directly from the records: per customer, Σ open(i) of the
    /// invoices issued ≤ D with open > 0.005, split into overdue (due < D) and not due.
    func openBalances() -> [String: (overdue: Money, notDue: Money)] {
        func matches(_ p: PaymentRecord) -> String? {
            if let id = p.invoiceId, !id.isEmpty {
                return records.invoices.contains { $0.invoiceId == id } ? id : nil
            }
            guard let ref = p.reference, !ref.isEmpty else { return nil }
            let byReference = records.invoices.filter { $0.reference == ref }
            if byReference.count == 1 { return byReference[0].invoiceId }
            if byReference.count > 1 { return nil }
            return records.invoices.first { $0.invoiceId == ref }?.invoiceId
        }
        var paid = [String: Money]()
        for p in records.payments where p.date <= asOf {
            if let id = matches(p) { paid[id, default: .zero] += p.amount }
        }
        var result = [String: (overdue: Money, notDue: Money)]()
        for i in records.invoices where i.issueDate <= asOf {
            let open = i.payable - (paid[i.invoiceId] ?? .zero)
            guard open.cents > 0 else { continue }
            var entry = result[i.customerId] ?? (.zero, .zero)
            if i.dueDate < asOf { entry.overdue += open } else { entry.notDue += open }
            result[i.customerId] = entry
        }
        return result
    }
}
