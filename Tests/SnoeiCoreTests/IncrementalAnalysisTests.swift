import Foundation
import Testing
@testable import SnoeiCore

/// Re-analysis after a small import gives exactly what a full analysis of the grown ledger
/// gives (issue 8 (d)), while recomputing only the customers the new rows touch.
@Suite struct IncrementalAnalysisTests {
    static let asOf = Day(iso: "2026-11-24")!
    static let demo = DemoFirm.generate(seed: 3, end: asOf)

    /// Splits the demo ledger: rows dated on or after `from` arrive later, the rest is the base.
    static func split(from: Day) -> (base: LedgerRecords, delta: LedgerRecords) {
        var base = demo, delta = LedgerRecords()
        func cut<T>(_ rows: [T], _ date: (T) -> Day) -> ([T], [T]) {
            (rows.filter { date($0) < from }, rows.filter { date($0) >= from })
        }
        (base.invoices, delta.invoices) = cut(demo.invoices) { $0.issueDate }
        (base.payments, delta.payments) = cut(demo.payments) { $0.date }
        (base.timeEntries, delta.timeEntries) = cut(demo.timeEntries) { $0.date }
        (base.contacts, delta.contacts) = cut(demo.contacts) { $0.date }
        (base.deviations, delta.deviations) = cut(demo.deviations) { $0.date }
        (base.incidents, delta.incidents) = cut(demo.incidents) { $0.date }
        (base.referrals, delta.referrals) = cut(demo.referrals) { $0.date }
        return (base, delta)
    }

    static func concatenated(_ a: LedgerRecords, _ b: LedgerRecords) -> LedgerRecords {
        var r = a
        let known = Set(a.customers.map(\.customerId))
        for c in b.customers {
            if let i = r.customers.firstIndex(where: { $0.customerId == c.customerId }), known.contains(c.customerId) {
                r.customers[i] = c
            } else { r.customers.append(c) }
        }
        r.invoices += b.invoices; r.payments += b.payments; r.timeEntries += b.timeEntries; r.contacts += b.contacts
        r.deviations += b.deviations; r.incidents += b.incidents; r.referrals += b.referrals; r.valuesFit += b.valuesFit
        return r
    }

    static func expectSame(_ a: Analysis, _ b: Analysis, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(a.customers.count == b.customers.count, sourceLocation: sourceLocation)
        for r in a.customers.indices where a.customers[r] != b.customers[r] {
            Issue.record("customer \(a.ledger.customers.ids[r]) differs", sourceLocation: sourceLocation)
            return
        }
        #expect(a.portfolio == b.portfolio, sourceLocation: sourceLocation)
        #expect(a.verdicts.count == b.verdicts.count, sourceLocation: sourceLocation)
        if let r = a.verdicts.indices.first(where: { $0 < b.verdicts.count && a.verdicts[$0] != b.verdicts[$0] }) {
            Issue.record("the verdict of \(a.ledger.customers.ids[r]) differs: \(a.verdicts[r].reasons.map(\.code)) vs \(b.verdicts[r].reasons.map(\.code))",
                         sourceLocation: sourceLocation)
        }
        #expect(a.needingDecision == b.needingDecision, sourceLocation: sourceLocation)
        for r in Recommendation.allCases { #expect(a.count(r) == b.count(r), "\(r)", sourceLocation: sourceLocation) }
        for q in Quadrant.allCases { #expect(a.count(q) == b.count(q), "\(q)", sourceLocation: sourceLocation) }
        // What scenarios start from.
        #expect(a.basis.revenues == b.basis.revenues, sourceLocation: sourceLocation)
        #expect(a.basis.contributions == b.basis.contributions, sourceLocation: sourceLocation)
        #expect(a.basis.revenueInOrder == b.basis.revenueInOrder, sourceLocation: sourceLocation)
    }

    @Test(arguments: [1, 7, 30, 90])
    func theLastDaysArrivingLaterGiveTheFullAnalysis(days: Int) throws {
        let (base, delta) = Self.split(from: Self.asOf - (days - 1))
        var incremental = IncrementalAnalysis(Analysis(ledger: try Ledger(records: base), policy: .standard, asOf: Self.asOf))
        let update = try incremental.apply(delta)
        let full = Analysis(ledger: try Ledger(records: Self.concatenated(base, delta)), policy: .standard, asOf: Self.asOf)
        guard case .updated(let customers) = update else { Issue.record("\(update)"); return }
        #expect(customers > 0 && customers < full.customers.count, "only the customers the rows touch: \(customers)")
        Self.expectSame(incremental.analysis, full)
        // The same rows again, in two steps, agree too.
        let (base2, rest) = Self.split(from: Self.asOf - (2 * days - 1))
        let (_, last) = Self.split(from: Self.asOf - (days - 1))
        var twoSteps = IncrementalAnalysis(Analysis(ledger: try Ledger(records: base2), policy: .standard, asOf: Self.asOf))
        var middle = rest
        middle.invoices.removeAll { $0.issueDate >= Self.asOf - (days - 1) }
        middle.payments.removeAll { $0.date >= Self.asOf - (days - 1) }
        middle.timeEntries.removeAll { $0.date >= Self.asOf - (days - 1) }
        middle.contacts.removeAll { $0.date >= Self.asOf - (days - 1) }
        middle.deviations.removeAll { $0.date >= Self.asOf - (days - 1) }
        middle.incidents.removeAll { $0.date >= Self.asOf - (days - 1) }
        middle.referrals.removeAll { $0.date >= Self.asOf - (days - 1) }
        _ = try twoSteps.apply(middle)
        _ = try twoSteps.apply(last)
        Self.expectSame(twoSteps.analysis, Analysis(ledger: try Ledger(records: Self.concatenated(Self.concatenated(base2, middle), last)),
                                                    policy: .standard, asOf: Self.asOf))
    }

    @Test func aNewCustomerAndAPaymentThatArrivedBeforeItsInvoice() throws {
        var base = Self.demo
        // A payment naming an invoice the ledger does not hold yet stays unmatched…
        base.payments.append(PaymentRecord(paymentId: "P-EARLY", date: Self.asOf - 3, amount: Money(cents: 12_100),
                                           invoiceId: "INV-NEW-1"))
        var delta = LedgerRecords()
        delta.customers = [CustomerRecord(customerId: "C9999", name: "New customer")]
        // …until the invoice arrives; a second new invoice is paid by reference.
        delta.invoices = [
            InvoiceRecord(invoiceId: "INV-NEW-1", customerId: "C9999", issueDate: Self.asOf - 40, dueDate: Self.asOf - 10,
                          amount: Money(cents: 10_000), vat: Money(cents: 2_100)),
            InvoiceRecord(invoiceId: "INV-NEW-2", customerId: "C0001", issueDate: Self.asOf - 20, dueDate: Self.asOf - 5,
                          amount: Money(cents: 50_000), reference: "REF-NEW-2"),
        ]
        delta.payments = [PaymentRecord(paymentId: "P-NEW", date: Self.asOf - 1, amount: Money(cents: 20_000), reference: "REF-NEW-2")]
        delta.timeEntries = [TimeEntryRecord(customerId: "C9999", date: Self.asOf, hours: 2_500, activity: .support)]
        var incremental = IncrementalAnalysis(Analysis(ledger: try Ledger(records: base), policy: .standard, asOf: Self.asOf))
        #expect(try incremental.apply(delta) == .updated(customers: 2))
        let full = Analysis(ledger: try Ledger(records: Self.concatenated(base, delta)), policy: .standard, asOf: Self.asOf)
        Self.expectSame(incremental.analysis, full)
        let row = try #require(incremental.analysis.row(of: "C9999"))
        #expect(incremental.analysis.customers[row].overdue == .zero, "the early payment settles the new invoice")
        #expect(incremental.analysis.ledger.payments.unmatchedKeys.count == full.ledger.payments.unmatchedKeys.count)
    }

    @Test func changesThatMoveEarlierMatchesAskForAFullAnalysis() throws {
        let base = try Ledger(records: Self.demo)
        var incremental = IncrementalAnalysis(Analysis(ledger: base, policy: .standard, asOf: Self.asOf))
        let before = incremental.analysis.customers
        var known = LedgerRecords()
        let first = Self.demo.invoices[0]
        known.invoices = [first]
        guard case .needsFullAnalysis = try incremental.apply(known) else { Issue.record("a known invoice id"); return }
        var reused = LedgerRecords()
        reused.invoices = [InvoiceRecord(invoiceId: "INV-X", customerId: first.customerId, issueDate: Self.asOf,
                                         dueDate: Self.asOf + 30, amount: Money(cents: 100), reference: first.invoiceId)]
        guard case .needsFullAnalysis = try incremental.apply(reused) else { Issue.record("a reference that is an invoice id"); return }
        #expect(incremental.analysis.customers == before, "nothing changed")
        var unknown = LedgerRecords()
        unknown.contacts = [ContactRecord(customerId: "NOPE", date: Self.asOf, channel: .call, kind: .question)]
        #expect(throws: LedgerError.self) { try incremental.apply(unknown) }
        #expect(incremental.analysis.customers == before)
    }

    // Verdicts are decided again only for the customers an update can change: these cases
    // change a verdict of a customer whose own rows did not change.

    @Test func aCustomerFallingBelowTheDependencyBoundaryIsDecidedAgain() throws {
        let ledger = try Ledger(records: Self.demo)
        let before = Analysis(ledger: ledger, policy: .standard, asOf: Self.asOf)
        let largest = try #require(before.customers.indices.max { before.customers[$0].revenueShare < before.customers[$1].revenueShare })
        let other = (largest + 1) % before.customers.count
        // The boundary at the largest share: that customer is dependent before, not after the
        // other customer's large invoice.
        var policy = Policy.standard
        policy.boundaries.dependencyShare = before.customers[largest].revenueShare
        var delta = LedgerRecords()
        delta.invoices = [InvoiceRecord(invoiceId: "INV-BIG", customerId: ledger.customers.ids[other], issueDate: Self.asOf - 2,
                                        dueDate: Self.asOf + 28, amount: Money(cents: 50_000_000))]
        var incremental = IncrementalAnalysis(Analysis(ledger: ledger, policy: policy, asOf: Self.asOf))
        let was = incremental.analysis.verdicts[largest]
        #expect(try incremental.apply(delta) == .updated(customers: 1))
        let full = Analysis(ledger: try Ledger(records: Self.concatenated(Self.demo, delta)), policy: policy, asOf: Self.asOf)
        Self.expectSame(incremental.analysis, full)
        #expect(was.reasons.contains { $0.code == .dependencyRisk || $0.code == .dependency })
        #expect(!incremental.analysis.verdicts[largest].reasons.contains { $0.code == .dependencyRisk || $0.code == .dependency },
                "the verdict of a customer without new rows changed")
    }

    @Test func aNewReferralChangesTheReferrersVerdict() throws {
        let ledger = try Ledger(records: Self.demo)
        var incremental = IncrementalAnalysis(Analysis(ledger: ledger, policy: .standard, asOf: Self.asOf))
        let a = incremental.analysis
        let referrer = try #require(a.customers.indices.first { a.customers[$0].referrals == 0 && a.customers[$0].redLine == nil })
        let referred = (referrer + 1) % a.customers.count
        var delta = LedgerRecords()
        delta.referrals = [ReferralRecord(customerId: ledger.customers.ids[referrer], referredCustomerId: ledger.customers.ids[referred],
                                          date: Self.asOf - 1)]
        _ = try incremental.apply(delta)
        let full = Analysis(ledger: try Ledger(records: Self.concatenated(Self.demo, delta)), policy: .standard, asOf: Self.asOf)
        Self.expectSame(incremental.analysis, full)
        #expect(incremental.analysis.verdicts[referrer].reasons.contains { $0.code == .ambassador })
    }

    @Test func unmatchedPaymentsAreCountedAsTheyArriveAndMatch() throws {
        var base = Self.demo
        base.payments.append(PaymentRecord(paymentId: "P-WAITING", date: Self.asOf - 3, amount: Money(cents: 7_000), invoiceId: "INV-LATER"))
        var delta = LedgerRecords()
        delta.invoices = [InvoiceRecord(invoiceId: "INV-LATER", customerId: base.customers[5].customerId, issueDate: Self.asOf - 10,
                                        dueDate: Self.asOf + 20, amount: Money(cents: 7_000))]
        delta.payments = [PaymentRecord(paymentId: "P-NOWHERE", date: Self.asOf, amount: Money(cents: 1_234), reference: "NO-SUCH-REF"),
                          PaymentRecord(paymentId: "P-FUTURE", date: Self.asOf + 1, amount: Money(cents: 99), reference: "NO-SUCH-REF")]
        var incremental = IncrementalAnalysis(Analysis(ledger: try Ledger(records: base), policy: .standard, asOf: Self.asOf))
        let unmatchedBefore = incremental.analysis.portfolio.unmatchedPayments
        _ = try incremental.apply(delta)
        let full = Analysis(ledger: try Ledger(records: Self.concatenated(base, delta)), policy: .standard, asOf: Self.asOf)
        Self.expectSame(incremental.analysis, full)
        // One matched at last, one new unmatched, one after the as-of date (not counted).
        #expect(incremental.analysis.portfolio.unmatchedPayments == unmatchedBefore)
        #expect(incremental.analysis.portfolio.unmatchedAmount == full.portfolio.unmatchedAmount)
    }

    @Test func replacingValuesInASortedListEqualsSortingAgain() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            let values = (0..<Int.random(in: 0...60, using: &generator)).map { _ in Int64.random(in: -5...5, using: &generator) }
            let dropped = values.filter { _ in Bool.random(using: &generator) }
            let added = (0..<Int.random(in: 0...10, using: &generator)).map { _ in Int64.random(in: -6...6, using: &generator) }
            var expected = values
            for d in dropped { expected.remove(at: expected.firstIndex(of: d)!) }
            expected += added
            #expect(PortfolioCalculator.replacing(dropped, with: added, in: values.sorted(by: >)) == expected.sorted(by: >))
        }
    }

    @Test func lifetimeValuesAreDroppedAndEveryVerdictDecidedWithoutThem() throws {
        let ledger = try Ledger(records: Self.demo)
        let value = try CustomerValue(ledger: ledger, asOf: Self.asOf, settings: CustomerValue.settings(.standard))
        var incremental = IncrementalAnalysis(Analysis(ledger: ledger, policy: .standard, asOf: Self.asOf, value: value))
        var delta = LedgerRecords()
        delta.timeEntries = [TimeEntryRecord(customerId: Self.demo.customers[0].customerId, date: Self.asOf, hours: 1_000, activity: .support)]
        _ = try incremental.apply(delta)
        #expect(incremental.analysis.value == nil)
        Self.expectSame(incremental.analysis, Analysis(ledger: try Ledger(records: Self.concatenated(Self.demo, delta)),
                                                       policy: .standard, asOf: Self.asOf))
    }
}
