@testable import SnoeiCore
import Testing

/// An analysis that keeps only the customers (`snoei analyze --from`) must report exactly
/// what the whole one does; only its ledger's activity tables are gone.
@Suite struct AnalysisRetentionTests {
    static let asOf = Day(iso: "2026-06-30")!

    @Test func keepingCustomersOnlyChangesNoFigureOrVerdict() throws {
        let ledger = try Ledger(records: DemoFirm.generate(seed: 3, end: Self.asOf))
        try #require(ledger.invoices.count > 0 && ledger.payments.count > 0 && ledger.timeEntries.count > 0)
        let figures = FigureCalculator(ledger: ledger, policy: .standard, asOf: Self.asOf).customerFigures()
        let whole = Analysis(ledger: ledger, policy: .standard, asOf: Self.asOf, figures: figures)
        var copy = ledger
        copy.invoices.amount[0] += 0  // a copy of its own, so the original stays whole
        let slim = Analysis(ledger: consume copy, policy: .standard, asOf: Self.asOf, figures: figures, keeping: .customers)

        #expect(slim.customers == whole.customers)
        #expect(slim.verdicts == whole.verdicts)
        #expect(slim.needingDecision == whole.needingDecision)
        #expect(slim.portfolio.unmatchedAmount == whole.portfolio.unmatchedAmount)
        #expect(slim.portfolio.hhi == whole.portfolio.hhi)
        #expect(AnalysisCSV.render(slim) == AnalysisCSV.render(whole))

        #expect(slim.ledger.customers.ids == ledger.customers.ids)
        #expect(slim.ledger.invoices.count == 0 && slim.ledger.payments.count == 0 && slim.ledger.timeEntries.count == 0)
        #expect(slim.ledger.contacts.count == 0 && slim.ledger.customerRows == nil)
        #expect(whole.ledger.invoices.count == ledger.invoices.count)
    }

    @Test func ordinalCountsReadLikeArrays() {
        var counts = OrdinalCounts<Int>(count: 3)
        #expect(counts == [0, 0, 0] && counts.count == 3)
        counts[2] += 5
        counts[0] = -1
        #expect(counts == [-1, 0, 5])
        #expect(counts != [-1, 0, 5, 0])
        #expect(Array(counts.enumerated().map { $0.offset * $0.element }) == [0, 0, 10])
        #expect(counts.description == "[-1, 0, 5]")
        var hours = OrdinalCounts<MilliHours>(count: OrdinalCounts<MilliHours>.capacity)
        for i in hours.indices { hours[i] = MilliHours(i) * 1_000_000_000_000 }
        #expect(hours.last == 7_000_000_000_000)
    }
}
