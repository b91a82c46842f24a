/// Portfolio figures of FORMAT.md: totals, Pareto, whale curve, concentration.
public enum PortfolioCalculator {
    public static func compute(_ customers: [CustomerFigures], ledger: Ledger, asOf: Day) -> PortfolioFigures {
        Basis(customers, unmatched: unmatchedPayments(ledger.payments, asOf: asOf), asOf: asOf).portfolio
    }

    /// Payments dated up to `asOf` that match no invoice, and their sum (FORMAT rule 4).
    static func unmatchedPayments(_ payments: Ledger.Payments, asOf: Day) -> (count: Int, amount: Money) {
        var count = 0, amount: Int64 = 0
        for j in 0..<payments.count where payments.invoice[j] < 0 && payments.date[j] <= asOf {
            count += 1
            amount += payments.amount[j]
        }
        return (count, Money(cents: amount))
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

        /// The portfolio of `customers` (FORMAT rules 9–11) and the sorted lists it is derived
        /// from, in one pass: the totals of every customer (`PortfolioFigures.count`), then the
        /// shares, pareto_top20, HHI and whale curve from the sorted lists (`shares`).
        init(_ customers: [CustomerFigures], unmatched: (count: Int, amount: Money), asOf: Day) {
            var p = PortfolioFigures()
            p.customers = customers.count
            var revenues = [Int64](), contributions = [Int64](), inOrder = [Int64]()
            revenues.reserveCapacity(customers.count)
            contributions.reserveCapacity(customers.count)
            inOrder.reserveCapacity(customers.count)
            let windowStart = asOf - 365
            for i in customers.indices {
                p.count(customers[i], 1, windowStart: windowStart, revenues: &revenues, contributions: &contributions)
                inOrder.append(customers[i].revenue.cents)
            }
            revenues.sort(by: >)
            contributions.sort(by: >)
            p.shares(revenues: revenues, contributions: contributions, revenueInOrder: inOrder, skipping: nil)
            p.unmatchedPayments = unmatched.count
            p.unmatchedAmount = unmatched.amount
            self.init(portfolio: p, revenues: revenues, contributions: contributions, revenueInOrder: inOrder)
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
