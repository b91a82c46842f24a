import Testing
@testable import SnoeiCore

/// An update adds time entries, contacts, deviations and incidents to the figures it had, and
/// computes invoice and values-fit figures again: rows at the edges of the window, corrections
/// that cancel out and late rows must come out as a full analysis counts them.
@Suite struct IncrementalRowsTests {
    typealias Base = IncrementalAnalysisTests
    static let asOf = Base.asOf

    /// A customer of the demo firm without hours in the window: the zero-hours case.
    static func withoutHours(_ a: Analysis) throws -> Int {
        try #require(a.customers.indices.first { a.customers[$0].hours == 0 && a.customers[$0].redLine == nil })
    }

    @Test func rowsAtTheWindowsEdgesAndCorrectionsCountAsInAFullAnalysis() throws {
        let ledger = try Ledger(records: Base.demo)
        var incremental = IncrementalAnalysis(Analysis(ledger: ledger, policy: .standard, asOf: Self.asOf))
        let before = incremental.analysis
        let ids = ledger.customers.ids
        let idle = try Self.withoutHours(before)
        let busy = try #require(before.customers.indices.first { before.customers[$0].hours > 0 && $0 != idle })
        let third = (max(idle, busy) + 1) % ids.count
        var delta = LedgerRecords()
        delta.timeEntries = [
            // Hours that cancel out over two activities: no hours, so no time cost.
            TimeEntryRecord(customerId: ids[idle], date: Self.asOf - 3, hours: 1_500, activity: .support),
            TimeEntryRecord(customerId: ids[idle], date: Self.asOf - 2, hours: -1_500, activity: .meeting),
            // First and last day of the window count; the days outside it do not.
            TimeEntryRecord(customerId: ids[busy], date: Self.asOf - 365, hours: 2_250, activity: .rework),
            TimeEntryRecord(customerId: ids[busy], date: Self.asOf, hours: 750, activity: .admin),
            TimeEntryRecord(customerId: ids[busy], date: Self.asOf - 366, hours: 9_000, activity: .support),
            TimeEntryRecord(customerId: ids[busy], date: Self.asOf + 1, hours: 9_000, activity: .support),
        ]
        delta.contacts = [
            ContactRecord(customerId: ids[busy], date: Self.asOf - 365, channel: .visit, kind: .complaint, selfCaused: true),
            ContactRecord(customerId: ids[idle], date: Self.asOf + 1, channel: .call, kind: .question),
        ]
        delta.deviations = [
            DeviationRecord(customerId: ids[third], date: Self.asOf - 10, kind: .rushDelivery, cost: Money(cents: 4_500)),
            DeviationRecord(customerId: ids[third], date: Self.asOf - 366, kind: .discount, cost: Money(cents: 99_900)),
        ]
        // Incidents count up to the as-of date, however old.
        delta.incidents = [
            IncidentRecord(customerId: ids[third], date: Self.asOf - 900, kind: .legalThreat, severity: 5),
            IncidentRecord(customerId: ids[busy], date: Self.asOf + 1, kind: .abuseOfStaff, severity: 5),
        ]
        delta.valuesFit = [
            ValuesFitRecord(customerId: ids[idle], criterion: "respect", score: 1),
            ValuesFitRecord(customerId: ids[busy], criterion: "not_in_the_policy", score: 5),
        ]
        // A referral after the as-of date does not count; one of a customer whose revenue
        // changes moves the referrer's referred revenue.
        delta.invoices = [InvoiceRecord(invoiceId: "INV-ROWS-1", customerId: ids[idle], issueDate: Self.asOf - 1, dueDate: Self.asOf + 29,
                                        amount: Money(cents: 300_000))]
        delta.referrals = [ReferralRecord(customerId: ids[busy], referredCustomerId: ids[idle], date: Self.asOf - 5),
                           ReferralRecord(customerId: ids[third], referredCustomerId: ids[busy], date: Self.asOf + 3)]
        #expect(try incremental.apply(delta) == .updated(customers: 3))
        let full = Analysis(ledger: try Ledger(records: Base.concatenated(Base.demo, delta)), policy: .standard, asOf: Self.asOf)
        Base.expectSame(incremental.analysis, full)

        let after = incremental.analysis.customers
        #expect(after[idle].hours == 0 && after[idle].timeCost == .zero)
        #expect(after[idle].hoursByActivity[Activity.support.ordinal] == 1_500)
        #expect(after[busy].hours == before.customers[busy].hours + 3_000)
        #expect(after[busy].contacts == before.customers[busy].contacts + 1)
        #expect(after[third].deviationCost == before.customers[third].deviationCost + Money(cents: 4_500))
        #expect(after[third].redLine?.kind == .legalThreat && incremental.analysis.verdicts[third].recommendation == .letGo)
        #expect(after[busy].redLine == before.customers[busy].redLine, "an incident after the as-of date")
        #expect(after[idle].valuesFit != before.customers[idle].valuesFit)
        #expect(after[busy].referredRevenue.cents >= 300_000)
    }
}
