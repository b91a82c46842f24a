import Foundation

/// The Gamma-Gamma model of spend per purchase (Fader, Hardie & Lee 2005, "RFM and CLV"):
/// a customer's purchase amounts vary around its own mean, which varies across customers;
/// fitted on the repeat buyers' average spend, independent of how often they buy.
public struct GammaGamma: Sendable, Equatable {
    public var p: Double
    public var q: Double
    public var gamma: Double

    public init(p: Double, q: Double, gamma: Double) {
        self.p = p; self.q = q; self.gamma = gamma
    }

    /// ln L for a customer with `x` repeat purchases of average amount `m` (euros).
    public func logLikelihood(x: Int, m: Double) -> Double {
        let px = p * Double(x)
        let lg = SpecialFunctions.logGamma
        return lg(px + q) - lg(px) - lg(q) + q * log(gamma) + (px - 1) * log(m) + px * log(Double(x))
            - (px + q) * log(gamma + Double(x) * m)
    }

    /// Expected amount per purchase for a customer with `x` repeat purchases of average `m`
    /// (the population mean p·γ/(q − 1) for a customer with none); nil where the mean does
    /// not exist (p·x + q ≤ 1: spend so dispersed that the model has no finite mean).
    public func expectedSpend(x: Int, m: Double) -> Double? {
        let xd = Double(x)
        let denominator = p * xd + q - 1
        guard denominator > 0 else { return nil }
        return p * (gamma + xd * m) / denominator
    }
}

extension GammaGamma {
    public struct Fit: Sendable {
        public var model: GammaGamma
        public var logLikelihood: Double
        public var iterations: Int
        public var converged: Bool
    }

    /// Maximum likelihood over the repeat buyers (positive average spend), Nelder–Mead on
    /// log-parameters.
    public static func fit(_ history: PurchaseHistory) throws -> Fit {
        let rows = history.buyers.filter { history.frequency[$0] > 0 && history.averageRepeatSpend[$0].cents > 0 }
        guard rows.count >= 10 else {
            throw ValueModelError.tooFewBuyers(buyers: history.buyers.count, repeatBuyers: rows.count, needed: (20, 10))
        }
        let xs = rows.map { history.frequency[$0] }
        let ms = rows.map { Double(history.averageRepeatSpend[$0].cents) / 100 }
        func model(_ v: [Double]) -> GammaGamma { GammaGamma(p: exp(v[0]), q: exp(v[1]), gamma: exp(v[2])) }
        let objective = { (v: [Double]) -> Double in
            let m = model(v)
            var sum = 0.0
            for i in xs.indices { sum += m.logLikelihood(x: xs[i], m: ms[i]) }
            return -sum
        }
        let meanSpend = ms.reduce(0, +) / Double(ms.count)
        let result = NelderMead().minimize(objective, from: [0, 0, log(max(meanSpend, 1))])
        return Fit(model: model(result.point), logLikelihood: -result.value, iterations: result.iterations,
                   converged: result.converged && result.value.isFinite)
    }
}
