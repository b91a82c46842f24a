import Testing
@testable import SnoeiCore

/// The shortcuts that keep pages fast on a large ledger give exactly what the plain
/// computations give: the per-customer row index (customer timeline), the ranking behind
/// scenarios, and the counts and decision list kept by `Analysis`.
@Suite struct LargeLedgerShortcutTests {
    static let end = Day(year: 2026, month: 11, day: 24)!
    static let demo = DemoFirm.generate(seed: 1, end: end)
    static let scaled = DemoFirm.generate(seed: 3, end: end, customers: 1200)

    // MARK: Customer timeline

    @Test(arguments: [0, 200])
    func indexedTimelineRowsEqualAScan(daysBack: Int) throws {
        let asOf = Self.end - daysBack
        // Every customer of the demo firm; every 7th of the scaled one (a scan is slow in debug builds).
        for (records, step) in [(Self.demo, 1), (Self.scaled, 7)] {
            let ledger = try Ledger(records: records)
            #expect(ledger.customerRows != nil)
            for row in stride(from: 0, to: ledger.customers.count, by: step) {
                let id = ledger.customers.ids[row]
                let indexed = CustomerProfile.TimelineRows.indexed(id: id, row: row, ledger: ledger, records: records, asOf: asOf)
                #expect(indexed == CustomerProfile.TimelineRows.scanning(id: id, records: records, asOf: asOf), "\(id)")
            }
        }
    }

    @Test func profileTimelineIsUnchanged() throws {
        let a = Analysis(ledger: try Ledger(records: Self.scaled), policy: .standard, asOf: Self.end)
        for row in stride(from: 0, to: a.customers.count, by: 37) {
            for language in [Language.nl, .en] {
                for since in [nil, Self.end - 365] {
                    let profile = CustomerProfile(analysis: a, row: row, records: Self.scaled, language: language, timelineSince: since)
                    let scanned = CustomerProfile.timeline(
                        CustomerProfile.TimelineRows.scanning(id: a.ledger.customers.ids[row], records: Self.scaled, asOf: a.asOf),
                        records: Self.scaled, asOf: a.asOf, since: since, language: language)
                    #expect(profile.timeline == scanned)
                }
            }
        }
    }

    @Test func paymentsNamingAnotherCustomersInvoiceAppearForBoth() throws {
        var r = LedgerRecords()
        r.customers = [CustomerRecord(customerId: "A", name: "A"), CustomerRecord(customerId: "B", name: "B")]
        r.invoices = [InvoiceRecord(invoiceId: "F1", customerId: "A", issueDate: Self.end - 40, dueDate: Self.end - 10,
                                    amount: Money(cents: 10_000))]
        r.payments = [
            PaymentRecord(paymentId: "P1", date: Self.end - 5, amount: Money(cents: 4_000), invoiceId: "F1", customerId: "B"),
            PaymentRecord(paymentId: "P2", date: Self.end - 4, amount: Money(cents: 1_000), invoiceId: "F1"),
            PaymentRecord(paymentId: "P3", date: Self.end - 3, amount: Money(cents: 500), invoiceId: "", customerId: "A"),
            PaymentRecord(paymentId: "P4", date: Self.end - 2, amount: Money(cents: 700), invoiceId: "F9", customerId: "Z"),
            PaymentRecord(paymentId: "P5", date: Self.end + 2, amount: Money(cents: 800), invoiceId: "F1", customerId: "A"),
        ]
        let ledger = try Ledger(records: r)
        for (row, id) in [(0, "A"), (1, "B")] {
            let indexed = CustomerProfile.TimelineRows.indexed(id: id, row: row, ledger: ledger, records: r, asOf: Self.end)
            #expect(indexed != nil)
            #expect(indexed == CustomerProfile.TimelineRows.scanning(id: id, records: r, asOf: Self.end))
        }
        let a = CustomerProfile.TimelineRows.scanning(id: "A", records: r, asOf: Self.end)
        #expect(a.payments == [0, 1, 2, 4] && a.paid == [5_000])
    }

    @Test func withoutUniqueIdsTheProfileScans() throws {
        var r = Self.demo
        r.invoices[1].invoiceId = r.invoices[0].invoiceId
        let ledger = try Ledger(records: r)
        #expect(ledger.customerRows == nil)
        let a = Analysis(ledger: ledger, policy: .standard, asOf: Self.end)
        let row = a.row(of: r.invoices[0].customerId)!
        let profile = CustomerProfile(analysis: a, row: row, records: r, language: .en, timelineSince: nil)
        let scanned = CustomerProfile.timeline(CustomerProfile.TimelineRows.scanning(id: r.invoices[0].customerId, records: r, asOf: Self.end),
                                               records: r, asOf: Self.end, since: nil, language: .en)
        #expect(profile.timeline == scanned && !scanned.isEmpty)
    }

    @Test func otherRecordsThanTheLedgersAreScanned() throws {
        let ledger = try Ledger(records: Self.demo)
        var other = Self.demo
        other.contacts.removeLast()
        #expect(CustomerProfile.TimelineRows.indexed(id: "C0001", row: 0, ledger: ledger, records: other, asOf: Self.end) == nil)
        #expect(CustomerProfile.TimelineRows.indexed(id: "C0002", row: 0, ledger: ledger, records: Self.demo, asOf: Self.end) == nil)
    }

    // MARK: Scenarios and portfolio

    @Test(arguments: [[], [2], [2, 2, 44], [0, 1, 5, 99, 350, 399, 1000, 1199]])
    func scenarioPortfolioEqualsAFreshComputation(drop: [Int]) throws {
        let a = Analysis(ledger: try Ledger(records: Self.scaled), policy: .standard, asOf: Self.end)
        let scenario = Scenario(dropping: drop, from: a)
        let remaining = a.customers.filter { !drop.contains($0.row) }
        expectSame(scenario.after, PortfolioCalculator.compute(remaining, ledger: a.ledger, asOf: a.asOf))
        expectSame(a.portfolio, PortfolioCalculator.compute(a.customers, ledger: a.ledger, asOf: a.asOf))
    }

    @Test func zeroTotalsAndEmptyPortfolios() throws {
        var r = LedgerRecords()
        r.customers = [CustomerRecord(customerId: "A", name: "A"), CustomerRecord(customerId: "B", name: "B")]
        let a = Analysis(ledger: try Ledger(records: r), policy: .standard, asOf: Self.end)
        for drop in [[], [0], [0, 1]] {
            let remaining = a.customers.filter { !drop.contains($0.row) }
            expectSame(Scenario(dropping: drop, from: a).after, PortfolioCalculator.compute(remaining, ledger: a.ledger, asOf: a.asOf))
        }
    }

    @Test func countsAndDecisionsEqualThePlainFormulas() throws {
        for records in [Self.demo, Self.scaled] {
            let a = Analysis(ledger: try Ledger(records: records), policy: .standard, asOf: Self.end)
            for r in Recommendation.allCases {
                #expect(a.count(r) == a.verdicts.filter { $0.recommendation == r }.count)
            }
            for q in Quadrant.allCases {
                #expect(a.count(q) == a.verdicts.filter { $0.quadrant == q }.count)
            }
            let plain = a.verdicts.indices.filter { a.verdicts[$0].recommendation.needsDecision }.sorted {
                let x = a.verdicts[$0].recommendation, y = a.verdicts[$1].recommendation
                if x != y { return x > y }
                return a.customers[$0].contribution < a.customers[$1].contribution
            }
            #expect(a.needingDecision == plain)
        }
    }

    @Test func removingFromARanking() {
        #expect(PortfolioCalculator.removing([5, 1, 5], from: [9, 5, 5, 5, 3, 1, 1]) == [9, 5, 3, 1])
        #expect(PortfolioCalculator.removing([], from: [3, 2]) == [3, 2])
        #expect(PortfolioCalculator.removing([-4], from: [2, -4, -4]) == [2, -4])
    }

    private func expectSame(_ x: PortfolioFigures, _ y: PortfolioFigures, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(x.customers == y.customers && x.customersWithRevenue == y.customersWithRevenue, sourceLocation: sourceLocation)
        #expect(x.revenue == y.revenue && x.cogs == y.cogs && x.costToServe == y.costToServe, sourceLocation: sourceLocation)
        #expect(x.contribution == y.contribution && x.hours == y.hours && x.aging == y.aging, sourceLocation: sourceLocation)
        #expect(x.paretoTop20 == y.paretoTop20 && x.paretoTopCount == y.paretoTopCount, sourceLocation: sourceLocation)
        #expect(x.whaleCurve == y.whaleCurve && x.whalePeak == y.whalePeak && x.whalePeakRank == y.whalePeakRank,
                sourceLocation: sourceLocation)
        #expect(x.unprofitableShare == y.unprofitableShare && x.unprofitableCount == y.unprofitableCount,
                sourceLocation: sourceLocation)
        #expect(x.hhi == y.hhi && x.newCustomers == y.newCustomers && x.newCustomerRevenue == y.newCustomerRevenue,
                sourceLocation: sourceLocation)
        #expect(x.unmatchedPayments == y.unmatchedPayments && x.unmatchedAmount == y.unmatchedAmount,
                sourceLocation: sourceLocation)
    }
}
