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
        let sorted = contributions.sorted(by: >)
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
}
