/// Portfolio figures of FORMAT.md: totals, Pareto, whale curve, concentration.
public enum PortfolioCalculator {
    public static func compute(_ customers: [CustomerFigures], ledger: Ledger, asOf: Day) -> PortfolioFigures {
        var p = PortfolioFigures()
        p.customers = customers.count
        var revenues = [Int64]()
        revenues.reserveCapacity(customers.count)
        let windowStart = asOf - 365
        for f in customers {
            p.revenue += f.revenue
            p.cogs += f.cogs
            p.costToServe += f.costToServe
            p.contribution += f.contribution
            p.hours += f.hours
            p.aging = p.aging + f.aging
            if f.revenue.cents > 0 { revenues.append(f.revenue.cents) }
            if f.contribution.cents < 0 { p.unprofitableCount += 1 }
            if let first = f.firstInvoice, first >= windowStart {
                p.newCustomers += 1
                p.newCustomerRevenue += f.revenue
            }
        }
        p.customersWithRevenue = revenues.count
        if p.customers > 0 { p.unprofitableShare = Double(p.unprofitableCount) / Double(p.customers) }
        let total = p.revenue.cents

        // pareto_top20 (rule 10): top ⌈0.2·N⌉ of customers with revenue > 0.
        let n = revenues.count
        let k = (n * 2 + 9) / 10
        p.paretoTopCount = k
        if total != 0, k > 0 {
            revenues.sort(by: >)
            var top: Int64 = 0
            for r in revenues.prefix(k) { top += r }
            p.paretoTop20 = Double(top) / Double(total)
        }
        if total != 0 {
            var hhi = 0.0
            for f in customers where f.revenue.cents != 0 {
                let s = Double(f.revenue.cents) / Double(total) * 100
                hhi += s * s
            }
            p.hhi = hhi
        }
        (p.whaleCurve, p.whalePeak, p.whalePeakRank) = whaleCurve(customers.map(\.contribution.cents))

        for j in 0..<ledger.payments.count where ledger.payments.invoice[j] < 0 && ledger.payments.date[j] <= asOf {
            p.unmatchedPayments += 1
            p.unmatchedAmount.cents += ledger.payments.amount[j]
        }
        return p
    }

    /// Rule 11: all customers by contribution descending; peak = max cumulative / total.
    public static func whaleCurve(_ contributions: [Int64]) -> (curve: [Double], peak: Double, peakRank: Int) {
        let total = contributions.reduce(0, +)
        guard total != 0 else { return (contributions.map { _ in 0 }, 0, 0) }
        return whaleCurve(sortedDescending: contributions.sorted(by: >))
    }

    /// `whaleCurve` of contributions already sorted largest first.
    static func whaleCurve(sortedDescending sorted: [Int64]) -> (curve: [Double], peak: Double, peakRank: Int) {
        let total = sorted.reduce(0, +)
        guard total != 0 else { return (sorted.map { _ in 0 }, 0, 0) }
        var curve = [Double]()
        curve.reserveCapacity(sorted.count)
        var cumulative: Int64 = 0
        var peak = -Double.infinity, rank = 0
        for (i, c) in sorted.enumerated() {
            cumulative += c
            let point = Double(cumulative) / Double(total)
            curve.append(point)
            if point > peak { peak = point; rank = i + 1 }
        }
        return (curve, peak, rank)
    }

    // MARK: The portfolio without a few customers

    /// What `compute` found for all customers, kept by `Analysis`, so that the portfolio
    /// without a few customers (a scenario; the "what if" on every customer page) costs a pass
    /// over three compact columns instead of `compute` over every customer's figures again
    /// (which, for 100,000 customers, reads some 30 MB of figures and sorts twice).
    struct Basis: Sendable {
        /// `compute` of all customers.
        let portfolio: PortfolioFigures
        /// Positive revenues, largest first (what `compute` sorts for pareto_top20).
        let revenues: [Int64]
        /// All contributions, largest first (what the whale curve sorts).
        let contributions: [Int64]
        /// Revenue per customer in order (for the HHI, which sums in customer order).
        let revenueInOrder: [Int64]

        init(portfolio: PortfolioFigures, revenues: [Int64], contributions: [Int64], revenueInOrder: [Int64]) {
            self.portfolio = portfolio
            self.revenues = revenues
            self.contributions = contributions
            self.revenueInOrder = revenueInOrder
        }

        init(_ customers: [CustomerFigures], portfolio: PortfolioFigures) {
            self.portfolio = portfolio
            var revenues = [Int64](), contributions = [Int64](), inOrder = [Int64]()
            revenues.reserveCapacity(customers.count)
            contributions.reserveCapacity(customers.count)
            inOrder.reserveCapacity(customers.count)
            for i in customers.indices {
                let r = customers[i].revenue.cents
                inOrder.append(r)
                if r > 0 { revenues.append(r) }
                contributions.append(customers[i].contribution.cents)
            }
            self.revenues = revenues.sorted(by: >)
            self.contributions = contributions.sorted(by: >)
            revenueInOrder = inOrder
        }
    }

    /// Exactly `compute(customers without those whose row is in excluded, ledger, asOf)`, for
    /// the `customers`, ledger and date `basis` was made from. Integer totals lose the excluded
    /// customers' values; the sorted lists lose one occurrence of each of their values (equal
    /// values are interchangeable, so the result is that of a sort); the HHI is summed again in
    /// customer order. Nil when a row to exclude is not the index of its customer (then call
    /// `compute`).
    static func compute(_ customers: [CustomerFigures], excluding excluded: Set<Int>, basis: Basis,
                        asOf: Day) -> PortfolioFigures? {
        let rows = excluded.sorted()
        guard customers.count == basis.revenueInOrder.count,
              rows.allSatisfy({ $0 >= 0 && $0 < customers.count && customers[$0].row == $0 }) else { return nil }
        var p = basis.portfolio
        guard !rows.isEmpty else { return p }
        let windowStart = asOf - 365
        var droppedRevenues = [Int64](), droppedContributions = [Int64]()
        var skip = [Bool](repeating: false, count: customers.count)
        for r in rows {
            skip[r] = true
            p.customers -= 1
            p.count(customers[r], -1, windowStart: windowStart, revenues: &droppedRevenues, contributions: &droppedContributions)
        }
        p.shares(revenues: removing(droppedRevenues, from: basis.revenues),
                 contributions: removing(droppedContributions, from: basis.contributions),
                 revenueInOrder: basis.revenueInOrder, skipping: skip)
        // Unmatched payments depend on the ledger and the date only: those of the basis.
        return p
    }

    /// `sorted` (largest first) without one occurrence of each of `values`, which it must hold.
    static func removing(_ values: [Int64], from sorted: [Int64]) -> [Int64] {
        values.isEmpty ? sorted : replacing(values, with: [], in: sorted)
    }
}
