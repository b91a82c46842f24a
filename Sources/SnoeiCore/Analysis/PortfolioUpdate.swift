/// The portfolio after a few customers' figures changed (`IncrementalAnalysis`), from the
/// `Basis` of the figures before: exactly what `compute` gives for the new figures, without
/// sorting every customer again. Integer totals move by the differences; the two sorted lists
/// lose the old values and take the new ones in one merge (equal values are interchangeable,
/// so the result is that of a sort); the HHI is summed again in customer order, as `compute`
/// sums it, so even its rounding is the same.
extension PortfolioCalculator {
    struct Update {
        private var p: PortfolioFigures
        /// The basis's two sorted lists, which `finish` merges the changes into.
        private let revenues: [Int64], contributions: [Int64]
        private var inOrder: [Int64]
        private let windowStart: Day
        private var droppedRevenues = [Int64](), addedRevenues = [Int64]()
        private var droppedContributions = [Int64](), addedContributions = [Int64]()

        /// Hold `basis` nowhere else, so its column of revenues is changed in place.
        init(_ basis: Basis, asOf: Day) {
            p = basis.portfolio
            inOrder = basis.revenueInOrder
            revenues = basis.revenues
            contributions = basis.contributions
            windowStart = asOf - 365
        }

        /// A customer's figures before they change.
        mutating func remove(_ before: CustomerFigures) {
            p.count(before, -1, windowStart: windowStart, revenues: &droppedRevenues, contributions: &droppedContributions)
        }

        /// A customer's figures after the change (new customers in order, after the others).
        mutating func add(_ after: CustomerFigures) {
            p.count(after, 1, windowStart: windowStart, revenues: &addedRevenues, contributions: &addedContributions)
            if after.row < inOrder.count {
                inOrder[after.row] = after.revenue.cents
            } else {
                precondition(after.row == inOrder.count, "new customers follow the old ones in order")
                inOrder.append(after.revenue.cents)
            }
        }

        /// - Parameter unmatched: unmatched payments dated up to the as-of date and their sum,
        ///   which depend on the ledger, not on the figures: the update counts them as it matches.
        consuming func finish(unmatched: (count: Int, amount: Money)) -> Basis {
            p.customers = inOrder.count
            // Two merges over a million values each at a million customers: side by side.
            let (droppedRevenues, addedRevenues, sortedRevenues) = (self.droppedRevenues, self.addedRevenues, self.revenues)
            let (droppedContributions, addedContributions, sortedContributions) =
                (self.droppedContributions, self.addedContributions, self.contributions)
            let (revenues, contributions) = bothAtOnce({ replacing(droppedRevenues, with: addedRevenues, in: sortedRevenues) },
                                                       { replacing(droppedContributions, with: addedContributions, in: sortedContributions) })
            p.shares(revenues: revenues, contributions: contributions, revenueInOrder: inOrder, skipping: nil)
            p.unmatchedPayments = unmatched.count
            p.unmatchedAmount = unmatched.amount
            return Basis(portfolio: p, revenues: revenues, contributions: contributions, revenueInOrder: inOrder)
        }
    }

    /// `sorted` (largest first) without one occurrence of each of `dropped`, which it must
    /// hold, and with `added`: still largest first.
    static func replacing(_ dropped: [Int64], with added: [Int64], in sorted: [Int64]) -> [Int64] {
        let drop = dropped.sorted(by: >), add = added.sorted(by: >)
        var out = [Int64]()
        out.reserveCapacity(sorted.count - drop.count + add.count)
        var d = 0, a = 0
        for v in sorted {
            if d < drop.count, drop[d] == v { d += 1; continue }
            while a < add.count, add[a] > v { out.append(add[a]); a += 1 }
            out.append(v)
        }
        precondition(d == drop.count, "dropping values the list does not hold")
        out.append(contentsOf: add[a...])
        return out
    }
}

extension PortfolioFigures {
    /// Adds (`sign` 1) or takes away (−1) one customer's totals and counts; its revenue (when
    /// positive) and contribution go to the lists the sorted columns gain or lose.
    mutating func count(_ f: CustomerFigures, _ sign: Int64, windowStart: Day,
                        revenues: inout [Int64], contributions: inout [Int64]) {
        revenue.cents += sign * f.revenue.cents
        cogs.cents += sign * f.cogs.cents
        costToServe.cents += sign * f.costToServe.cents
        contribution.cents += sign * f.contribution.cents
        hours += sign * f.hours
        aging.notDue.cents += sign * f.aging.notDue.cents; aging.d1_30.cents += sign * f.aging.d1_30.cents
        aging.d31_60.cents += sign * f.aging.d31_60.cents; aging.d61_90.cents += sign * f.aging.d61_90.cents
        aging.d90Plus.cents += sign * f.aging.d90Plus.cents
        if f.revenue.cents > 0 { customersWithRevenue += Int(sign); revenues.append(f.revenue.cents) }
        if f.contribution.cents < 0 { unprofitableCount += Int(sign) }
        if let first = f.firstInvoice, first >= windowStart {
            newCustomers += Int(sign)
            newCustomerRevenue.cents += sign * f.revenue.cents
        }
        contributions.append(f.contribution.cents)
    }

    /// The figures `compute` derives from the sorted columns once the totals are known:
    /// unprofitable share, pareto_top20, the HHI (summed in customer order, as `compute` does,
    /// without the customers `skipping` marks) and the whale curve.
    mutating func shares(revenues: [Int64], contributions: [Int64], revenueInOrder: [Int64], skipping skip: [Bool]?) {
        unprofitableShare = customers > 0 ? Double(unprofitableCount) / Double(customers) : 0
        let total = revenue.cents
        let k = (customersWithRevenue * 2 + 9) / 10
        paretoTopCount = k
        paretoTop20 = 0
        if total != 0, k > 0 {
            var top: Int64 = 0
            for r in revenues.prefix(k) { top += r }
            paretoTop20 = Double(top) / Double(total)
        }
        func concentration() -> Double {
            guard total != 0 else { return 0 }
            var sum = 0.0
            for (i, revenue) in revenueInOrder.enumerated() where revenue != 0 && !(skip?[i] ?? false) {
                let s = Double(revenue) / Double(total) * 100
                sum += s * s
            }
            return sum
        }
        // Each a pass over every customer: side by side when there are many.
        if contributions.count >= 65_536 {
            let whale: (curve: [Double], peak: Double, peakRank: Int)
            (hhi, whale) = bothAtOnce(concentration, { PortfolioCalculator.whaleCurve(sortedDescending: contributions) })
            (whaleCurve, whalePeak, whalePeakRank) = whale
        } else {
            hhi = concentration()
            (whaleCurve, whalePeak, whalePeakRank) = PortfolioCalculator.whaleCurve(sortedDescending: contributions)
        }
    }
}

