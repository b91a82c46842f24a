import Testing
@testable import SnoeiCore

/// The large demo ledger for benchmarks: copies of the demo firm with unique ids.
@Suite struct ScaledDemoFirmTests {
    static let end = Day(year: 2026, month: 11, day: 24)!
    static let scaled = DemoFirm.generate(seed: 1, end: end, customers: 2000)

    @Test func aboutTheRequestedNumberOfCustomers() {
        let r = Self.scaled
        #expect(r.customers.count == 2000)
        // Copies after the first keep a thinner history: far fewer rows than five whole firms.
        let one = DemoFirm.generate(seed: 1, end: Self.end)
        #expect(r.rowCount > one.rowCount + 4 * 8_000)
        #expect(r.rowCount < one.rowCount + 4 * 25_000)
        #expect(DemoFirm.generate(seed: 1, end: Self.end, customers: 100).customers.count == 400)
    }

    @Test func idsAreUnique() {
        let r = Self.scaled
        #expect(Set(r.customers.map(\.customerId)).count == r.customers.count)
        #expect(Set(r.invoices.map(\.invoiceId)).count == r.invoices.count)
        #expect(Set(r.payments.map(\.paymentId)).count == r.payments.count)
        // Purchase-order references stay unique, so payments by reference still match one invoice.
        let refs = r.invoices.compactMap(\.reference)
        #expect(Set(refs).count == refs.count)
        #expect(r.customers.contains { $0.customerId == "K004-C0400" })
        #expect(r.invoices.contains { $0.invoiceId.hasPrefix("K001-F") })
    }

    @Test func referencesAreValid() throws {
        let r = Self.scaled
        let ledger = try Ledger(records: r)
        let customers = Set(r.customers.map(\.customerId))
        let invoices = Set(r.invoices.map(\.invoiceId))
        for p in r.payments {
            if let id = p.invoiceId { #expect(invoices.contains(id)) }
            if let id = p.customerId { #expect(customers.contains(id)) }
        }
        // Referrals stay within a copy.
        for f in r.referrals {
            #expect(f.customerId.prefix(while: { $0 != "C" }) == f.referredCustomerId.prefix(while: { $0 != "C" }))
        }
        // Every copy keeps its two payments nobody can place, and nothing else goes unmatched.
        let unmatched = (0..<ledger.payments.count).filter { ledger.payments.invoice[$0] < 0 }.count
        #expect(unmatched == 2 * 5)
    }

    @Test func firstCopyIsTheDemoFirm() {
        let one = DemoFirm.generate(seed: 1, end: Self.end)
        #expect(DemoFirm.generate(seed: 1, end: Self.end, customers: 400) == one)
        #expect(Array(Self.scaled.customers.prefix(400)) == one.customers)
        #expect(Array(Self.scaled.invoices.prefix(one.invoices.count)) == one.invoices)
    }

    @Test func thinnedCopyKeepsEveryCustomersFiguresAsOfTheEnd() throws {
        // A thinned copy analysed as of the end date gives the same per-customer figures as
        // the whole firm it was cut from.
        let whole = DemoFirm.generate(seed: 7, end: Self.end)
        let thin = DemoFirm.thinned(whole, end: Self.end)
        #expect(thin.rowCount < whole.rowCount / 2)
        let a = Analysis(ledger: try Ledger(records: whole), policy: .standard, asOf: Self.end)
        let b = Analysis(ledger: try Ledger(records: thin), policy: .standard, asOf: Self.end)
        for (x, y) in zip(a.customers, b.customers) {
            #expect(x.revenue == y.revenue && x.cogs == y.cogs && x.hours == y.hours)
            #expect(x.hoursByActivity == y.hoursByActivity && x.contacts == y.contacts)
            #expect(x.deviationCost == y.deviationCost && x.aging == y.aging && x.firstInvoice == y.firstInvoice)
            #expect(x.avgDaysLate == y.avgDaysLate && x.lateCount == y.lateCount && x.shortPays == y.shortPays)
            #expect(x.contribution == y.contribution && x.referrals == y.referrals)
        }
        #expect(a.verdicts.map(\.recommendation) == b.verdicts.map(\.recommendation))
        #expect(a.portfolio.unmatchedPayments == b.portfolio.unmatchedPayments)
    }
}
