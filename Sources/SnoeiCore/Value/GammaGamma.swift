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
        let data = GroupedSpend(xs: xs, ms: ms)
        func model(_ v: [Double]) -> GammaGamma { GammaGamma(p: exp(v[0]), q: exp(v[1]), gamma: exp(v[2])) }
        let objective = { (v: [Double]) -> Double in -data.logLikelihood(model(v)) }
        let meanSpend = ms.reduce(0, +) / Double(ms.count)
        let result = NelderMead().minimize(objective, from: [0, 0, log(max(meanSpend, 1))])
        return Fit(model: model(result.point), logLikelihood: -result.value, iterations: result.iterations,
                   converged: result.converged && result.value.isFinite)
    }
}

/// Repeat buyers grouped by x, with ln m computed once: per evaluation the log-gammas are
/// computed per distinct x and only ln(γ + x·m) per customer.
struct GroupedSpend {
    var xs: [Int] = []
    var m: [[Double]] = []
    var logM: [[Double]] = []

    init(xs all: [Int], ms: [Double]) {
        xs = Array(Set(all)).sorted()
        var index: [Int: Int] = [:]
        for (i, x) in xs.enumerated() { index[x] = i }
        m = Array(repeating: [], count: xs.count)
        logM = Array(repeating: [], count: xs.count)
        for k in all.indices {
            let i = index[all[k]]!
            m[i].append(ms[k])
            logM[i].append(log(ms[k]))
        }
    }

    /// The sum of `GammaGamma.logLikelihood` over every repeat buyer.
    func logLikelihood(_ g: GammaGamma) -> Double {
        let lg = SpecialFunctions.logGamma
        var total = 0.0
        for (i, x) in xs.enumerated() {
            let xd = Double(x), px = g.p * xd
            let head = lg(px + g.q) - lg(px) - lg(g.q) + g.q * log(g.gamma) + px * log(xd)
            var sum = 0.0
            let ms = m[i], logs = logM[i]
            for k in ms.indices { sum += (px - 1) * logs[k] - (px + g.q) * log(g.gamma + xd * ms[k]) }
            total += head * Double(ms.count) + sum
        }
        return total
    }
}
