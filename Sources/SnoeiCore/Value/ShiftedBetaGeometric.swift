import Foundation

/// The shifted-beta-geometric model of contract renewals (Fader & Hardie 2007, "How to project
/// customer retention"): each customer has its own chance θ of leaving at a renewal, θ varies
/// across customers as Beta(α, β). Retention so rises with tenure — the customers who stay are
/// the ones least likely to leave — which a single retention rate cannot show.
public struct ShiftedBetaGeometric: Sendable, Equatable {
    public var alpha: Double
    public var beta: Double

    public init(alpha: Double, beta: Double) { self.alpha = alpha; self.beta = beta }

    /// ln S(t): the chance a customer is still there after `t` terms, S(t) = B(α, β + t) / B(α, β).
    public func logSurvival(_ t: Int) -> Double {
        logBeta(alpha, beta + Double(t)) - logBeta(alpha, beta)
    }

    /// ln P(T = t): the chance the customer leaves at the end of term `t` (t ≥ 1),
    /// B(α + 1, β + t − 1) / B(α, β).
    public func logChurn(at t: Int) -> Double {
        logBeta(alpha + 1, beta + Double(t) - 1) - logBeta(alpha, beta)
    }

    /// The chance a customer who has completed `terms` terms renews `renewals` more times.
    public func renewalChance(afterTerms terms: Int, renewals: Int) -> Double {
        exp(logSurvival(terms + renewals) - logSurvival(terms))
    }

    private func logBeta(_ a: Double, _ b: Double) -> Double {
        SpecialFunctions.logGamma(a) + SpecialFunctions.logGamma(b) - SpecialFunctions.logGamma(a + b)
    }
}

extension ShiftedBetaGeometric {
    public struct Fit: Sendable {
        public var model: ShiftedBetaGeometric
        public var logLikelihood: Double
        public var iterations: Int
        public var converged: Bool
    }

    /// Fewest contracts and ended contracts the fit asks for; below them the policy's
    /// retention rate is used instead (`ContractValue`).
    public static let minimumContracts = 20
    public static let minimumEnded = 5

    /// Maximum likelihood over contracts: an ended one contributes P(T = its terms), a running
    /// one S(terms completed). Nelder–Mead on log-parameters. Nil when the data are too thin.
    public static func fit(terms: [Int], ended: [Bool]) -> Fit? {
        precondition(terms.count == ended.count)
        let endedCount = ended.lazy.filter { $0 }.count
        guard terms.count >= minimumContracts, endedCount >= minimumEnded else { return nil }
        // Grouped by (terms, ended): the log-gammas once per distinct pair, in a fixed order.
        var counts = [Int: Double]()
        for (t, e) in zip(terms, ended) { counts[t * 2 + (e ? 1 : 0), default: 0] += 1 }
        let groups = counts.keys.sorted().map { (terms: $0 / 2, ended: $0 % 2 == 1, count: counts[$0]!) }
        func model(_ v: [Double]) -> ShiftedBetaGeometric { ShiftedBetaGeometric(alpha: exp(v[0]), beta: exp(v[1])) }
        let objective = { (v: [Double]) -> Double in
            let m = model(v)
            var sum = 0.0
            for g in groups {
                sum += g.count * (g.ended ? m.logChurn(at: max(1, g.terms)) : m.logSurvival(g.terms))
            }
            return sum.isFinite ? -sum : .infinity
        }
        let result = NelderMead().minimize(objective, from: [0, 0])
        return Fit(model: model(result.point), logLikelihood: -result.value, iterations: result.iterations,
                   converged: result.converged && result.value.isFinite)
    }
}
