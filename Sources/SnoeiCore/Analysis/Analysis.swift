/// How much of its ledger an `Analysis` keeps.
public enum LedgerRetention: Sendable {
    /// Every table: profile pages, scenarios and incremental updates read them.
    case whole
    /// customers.csv only (`analysis.ledger`'s other tables are empty).
    case customers
}

/// The whole analysis as of one date: every customer's figures and verdict, and the portfolio.
public struct Analysis: Sendable {
    public let asOf: Day
    public let policy: Policy
    public let ledger: Ledger
    public let customers: [CustomerFigures]
    public let verdicts: [Verdict]
    public let portfolio: PortfolioFigures
    /// Customers with a fix or let-go proposal, most urgent first, then by contribution.
    /// Computed once: pages ask for it on every request.
    public let needingDecision: [Int]
    /// Expected purchases, chance of being active and lifetime value, when the purchase models
    /// were fitted (`CustomerValue`); the recommendation then takes them into account.
    public let value: CustomerValue?
    /// What scenarios start from (`PortfolioCalculator.Basis`).
    let basis: PortfolioCalculator.Basis
    /// Customers per recommendation and per quadrant, by `ordinal`.
    private let recommendationCounts: [Int]
    private let quadrantCounts: [Int]

    public init(ledger: Ledger, policy: Policy, asOf: Day, value: CustomerValue? = nil) {
        let figures = FigureCalculator(ledger: ledger, policy: policy, asOf: asOf).customerFigures()
        self.init(ledger: ledger, policy: policy, asOf: asOf, value: value, figures: figures)
    }

    /// The portfolio and verdicts over figures already computed: by `IncrementalAnalysis`, or
    /// by a caller timing the phases apart (`FigureCalculator(ledger:policy:asOf:).customerFigures()`).
    ///
    /// `keeping: .customers` empties every table but customers.csv once the portfolio is
    /// computed, before the verdicts are built: for a caller that only reports the analysis
    /// (`snoei analyze --from`), so the activity tables (2.4 GB at a million customers) and
    /// the verdicts (1 GB) are never in memory together. Pass the ledger with `consume` so
    /// no other copy keeps the tables alive.
    public init(ledger: consuming Ledger, policy: Policy, asOf: Day, value: CustomerValue? = nil, figures: [CustomerFigures],
                keeping: LedgerRetention = .whole) {
        self.asOf = asOf
        self.value = value
        self.policy = policy
        // The portfolio reads the payments only for the unmatched ones; then it is computed
        // while the tables not kept are freed (at a million customers each about half a second).
        let unmatched = PortfolioCalculator.unmatchedPayments(ledger.payments, asOf: asOf)
        let basis: PortfolioCalculator.Basis
        if keeping == .customers {
            basis = bothAtOnce({ ledger.keepCustomersOnly() },
                               { PortfolioCalculator.Basis(figures, unmatched: unmatched, asOf: asOf) }).1
        } else {
            basis = PortfolioCalculator.Basis(figures, unmatched: unmatched, asOf: asOf)
        }
        let portfolio = basis.portfolio
        self.ledger = ledger
        let rules = VerdictRules(policy: policy, portfolio: portfolio)
        // Each verdict reads only its customer's figures and the shared portfolio boundaries.
        let verdicts = parallelMap(figures.count, threads: Parallelism.threads) { r in
            rules.verdict(for: figures[r], outlook: value.flatMap { $0.outlook(row: r) })
        }
        self.customers = figures
        self.portfolio = portfolio
        self.basis = basis
        self.verdicts = verdicts
        var byRecommendation = [Int](repeating: 0, count: Recommendation.allCases.count)
        var byQuadrant = [Int](repeating: 0, count: Quadrant.allCases.count)
        var urgent = [DecisionKey]()
        for r in verdicts.indices {
            let recommendation = verdicts[r].recommendation
            byRecommendation[recommendation.ordinal] += 1
            byQuadrant[verdicts[r].quadrant.ordinal] += 1
            if recommendation.needsDecision { urgent.append(DecisionKey(row: r, recommendation: recommendation, figures: figures[r])) }
        }
        recommendationCounts = byRecommendation
        quadrantCounts = byQuadrant
        urgent.sort()
        needingDecision = urgent.map { Int($0.row) }
    }

    /// The order of `needingDecision`: most urgent first, then the lowest contribution, then by
    /// row, so an update that re-sorts a few rows (`IncrementalAnalysis`) gives the same list.
    /// One small value per row: sorting or merging a million customers' list compares contiguous
    /// keys instead of reading two large structs per comparison.
    struct DecisionKey: Comparable {
        let lessUrgent: Int32
        let contribution: Int64
        let row: Int32

        init(row: Int, recommendation: Recommendation, figures: CustomerFigures) {
            lessUrgent = -Int32(recommendation.urgency)
            contribution = figures.contribution.cents
            self.row = Int32(truncatingIfNeeded: row)
        }

        static func < (a: DecisionKey, b: DecisionKey) -> Bool {
            a.lessUrgent != b.lessUrgent ? a.lessUrgent < b.lessUrgent
                : a.contribution != b.contribution ? a.contribution < b.contribution : a.row < b.row
        }
    }

    /// An analysis assembled from parts an update kept up to date (`IncrementalAnalysis`).
    init(ledger: Ledger, policy: Policy, asOf: Day, value: CustomerValue? = nil, figures: [CustomerFigures], verdicts: [Verdict],
         basis: PortfolioCalculator.Basis, needingDecision: [Int], recommendationCounts: [Int], quadrantCounts: [Int]) {
        self.asOf = asOf
        self.policy = policy
        self.ledger = ledger
        self.value = value
        self.customers = figures
        self.verdicts = verdicts
        self.portfolio = basis.portfolio
        self.basis = basis
        self.needingDecision = needingDecision
        self.recommendationCounts = recommendationCounts
        self.quadrantCounts = quadrantCounts
    }

    /// The same analysis over `ledger`, which holds the same rows (a copy with room to grow).
    func over(_ ledger: Ledger) -> Analysis {
        Analysis(ledger: ledger, policy: policy, asOf: asOf, value: value, figures: customers, verdicts: verdicts, basis: basis,
                 needingDecision: needingDecision, recommendationCounts: recommendationCounts, quadrantCounts: quadrantCounts)
    }

    /// Customers per recommendation and per quadrant, by `ordinal`, for an update to adjust.
    var counts: (recommendations: [Int], quadrants: [Int]) { (recommendationCounts, quadrantCounts) }

    public func row(of customerId: String) -> Int? { ledger.customers.ids.firstIndex(of: customerId) }

    public func count(_ r: Recommendation) -> Int { recommendationCounts[r.ordinal] }
    public func count(_ q: Quadrant) -> Int { quadrantCounts[q.ordinal] }
}
