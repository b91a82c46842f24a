/// The portfolio after a few customers' figures changed (`IncrementalAnalysis`), from the
/// `Basis` of the figures before: exactly what `compute` gives for the new figures, without
/// sorting every customer again. Integer totals move by the differences; the two sorted lists
/// lose the old values and take the new ones in one merge (equal values are interchangeable,
/// so the result is that of a sort); the HHI is summed again in customer order, as `compute`
/// sums it, so even its rounding is the same.
extension PortfolioCalculator {
    /// A customer whose figures changed: its row and its figures before (nil for a customer the
    /// update added; new rows follow the old ones in order).
    struct Change {
        var row: Int
        var before: CustomerFigures?
    }

    /// - Parameter unmatched: unmatched payments dated up to `asOf` and their sum, which depend
    ///   on the ledger, not on the figures: the update counts them as it matches.
    static func update(_ basis: Basis, customers: [CustomerFigures], changes: [Change],
                       unmatched: (count: Int, amount: Money), asOf: Day) -> Basis {
        var p = basis.portfolio
        let windowStart = asOf - 365
        var droppedRevenues = [Int64](), addedRevenues = [Int64]()
        var droppedContributions = [Int64](), addedContributions = [Int64]()
        var inOrder = basis.revenueInOrder
        for change in changes {
            if let f = change.before {
                p.revenue -= f.revenue
                p.cogs -= f.cogs
                p.costToServe -= f.costToServe
                p.contribution -= f.contribution
                p.hours -= f.hours
                p.aging.notDue -= f.aging.notDue; p.aging.d1_30 -= f.aging.d1_30; p.aging.d31_60 -= f.aging.d31_60
                p.aging.d61_90 -= f.aging.d61_90; p.aging.d90Plus -= f.aging.d90Plus
                if f.revenue.cents > 0 { p.customersWithRevenue -= 1; droppedRevenues.append(f.revenue.cents) }
                if f.contribution.cents < 0 { p.unprofitableCount -= 1 }
                if let first = f.firstInvoice, first >= windowStart {
                    p.newCustomers -= 1
                    p.newCustomerRevenue -= f.revenue
                }
                droppedContributions.append(f.contribution.cents)
            }
            let f = customers[change.row]
            p.revenue += f.revenue
            p.cogs += f.cogs
            p.costToServe += f.costToServe
            p.contribution += f.contribution
            p.hours += f.hours
            p.aging = p.aging + f.aging
            if f.revenue.cents > 0 { p.customersWithRevenue += 1; addedRevenues.append(f.revenue.cents) }
            if f.contribution.cents < 0 { p.unprofitableCount += 1 }
            if let first = f.firstInvoice, first >= windowStart {
                p.newCustomers += 1
                p.newCustomerRevenue += f.revenue
            }
            addedContributions.append(f.contribution.cents)
            if change.row < inOrder.count {
                inOrder[change.row] = f.revenue.cents
            } else {
                precondition(change.row == inOrder.count, "new customers follow the old ones in order")
                inOrder.append(f.revenue.cents)
            }
        }
        precondition(inOrder.count == customers.count, "a change for every new customer")
        p.customers = customers.count
        p.unprofitableShare = p.customers > 0 ? Double(p.unprofitableCount) / Double(p.customers) : 0
        let revenues = replacing(droppedRevenues, with: addedRevenues, in: basis.revenues)
        let contributions = replacing(droppedContributions, with: addedContributions, in: basis.contributions)
        let total = p.revenue.cents
        let k = (p.customersWithRevenue * 2 + 9) / 10
        p.paretoTopCount = k
        p.paretoTop20 = 0
        if total != 0, k > 0 {
            var top: Int64 = 0
            for r in revenues.prefix(k) { top += r }
            p.paretoTop20 = Double(top) / Double(total)
        }
        p.hhi = 0
        if total != 0 {
            var hhi = 0.0
            for revenue in inOrder where revenue != 0 {
                let s = Double(revenue) / Double(total) * 100
                hhi += s * s
            }
            p.hhi = hhi
        }
        (p.whaleCurve, p.whalePeak, p.whalePeakRank) = whaleCurve(sortedDescending: contributions)
        p.unmatchedPayments = unmatched.count
        p.unmatchedAmount = unmatched.amount
        return Basis(portfolio: p, revenues: revenues, contributions: contributions, revenueInOrder: inOrder)
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
