/// The whole analysis as of one date: every customer's figures and verdict, and the portfolio.
public struct Analysis: Sendable {
    public let asOf: Day
    public let policy: Policy
    public let ledger: Ledger
    public let customers: [CustomerFigures]
    public let verdicts: [Verdict]
    public let portfolio: PortfolioFigures

    public init(ledger: Ledger, policy: Policy, asOf: Day) {
        self.asOf = asOf
        self.policy = policy
        self.ledger = ledger
        let figures = FigureCalculator(ledger: ledger, policy: policy, asOf: asOf).customerFigures()
        let portfolio = PortfolioCalculator.compute(figures, ledger: ledger, asOf: asOf)
        let rules = VerdictRules(policy: policy, portfolio: portfolio)
        self.customers = figures
        self.portfolio = portfolio
        self.verdicts = figures.map { rules.verdict(for: $0) }
    }

    public func row(of customerId: String) -> Int? { ledger.customers.ids.firstIndex(of: customerId) }

    public func count(_ r: Recommendation) -> Int { verdicts.reduce(0) { $0 + ($1.recommendation == r ? 1 : 0) } }
    public func count(_ q: Quadrant) -> Int { verdicts.reduce(0) { $0 + ($1.quadrant == q ? 1 : 0) } }

    /// Customers with a fix or let-go proposal, most urgent first, then by contribution.
    public var needingDecision: [Int] {
        verdicts.indices.filter { verdicts[$0].recommendation.needsDecision }.sorted {
            let a = verdicts[$0].recommendation, b = verdicts[$1].recommendation
            if a != b { return a > b }
            return customers[$0].contribution < customers[$1].contribution
        }
    }
}
