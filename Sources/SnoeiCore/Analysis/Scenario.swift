/// "What if we let these customers go": the effect on the portfolio, and the risk of each.
public struct Scenario: Sendable {
    public enum RiskLevel: String, Vocabulary { case low, medium, high }

    public struct DependencyRisk: Sendable {
        public var row: Int
        public var revenue: Money
        public var contribution: Money
        public var revenueShare: Double
        /// Months of revenue from new customers (at last year's rate) needed to replace it.
        public var replacementMonths: Double
        public var level: RiskLevel
    }

    public var dropped: [Int]
    public var revenueLost = Money.zero
    /// Change in total contribution: minus the dropped customers' contribution.
    public var contributionChange = Money.zero
    public var hoursFreed: MilliHours = 0
    /// The part of the cost to serve that is staff time (hours and contacts at the policy's
    /// rates). It only goes away when the freed hours are used for other paying work or the
    /// capacity is reduced; until then those costs stay.
    public var staffCostFreed = Money.zero
    /// The change in result while the freed hours stay unused: the gross margin lost plus
    /// the deviation costs saved. This is why dropping a large customer is risky even when
    /// its contribution is negative.
    public var resultChangeIfHoursUnused: Money { contributionChange - staffCostFreed }
    /// Overdue receivables that leave with the customers (to be collected before they go).
    public var overdueRemoved = Money.zero
    public var before: PortfolioFigures
    public var after: PortfolioFigures
    public var risks: [DependencyRisk] = []

    public init(dropping rows: [Int], from analysis: Analysis) {
        var unique = [Int]()
        var seen = Set<Int>()
        for r in rows where seen.insert(r).inserted { unique.append(r) }
        dropped = unique
        before = analysis.portfolio
        let rules = VerdictRules(policy: analysis.policy, portfolio: analysis.portfolio)
        let b = analysis.policy.boundaries
        for r in unique {
            let f = analysis.customers[r]
            revenueLost += f.revenue
            contributionChange -= f.contribution
            hoursFreed += f.hours
            staffCostFreed += f.timeCost + f.contactCost
            overdueRemoved += f.overdue
            let months = rules.replacementMonths(f.revenue)
            let level: RiskLevel =
                f.revenueShare >= b.dependencyShare ? .high
                : (f.revenueShare >= b.dependencyShare / 2 || months >= 6) ? .medium : .low
            risks.append(DependencyRisk(row: r, revenue: f.revenue, contribution: f.contribution,
                                        revenueShare: f.revenueShare, replacementMonths: months, level: level))
        }
        // From what the analysis kept of its own portfolio: no pass over every customer's figures.
        after = PortfolioCalculator.compute(analysis.customers, excluding: seen, basis: analysis.basis, asOf: analysis.asOf)
            ?? PortfolioCalculator.compute(analysis.customers.filter { !seen.contains($0.row) },
                                           ledger: analysis.ledger, asOf: analysis.asOf)
    }
}
