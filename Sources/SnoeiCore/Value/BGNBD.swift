import Foundation

/// The BG/NBD model (Fader, Hardie & Lee 2005, "Counting your customers the easy way"):
/// while active a customer buys at Poisson rate λ ~ Gamma(r, α); after any purchase it drops
/// out with probability p ~ Beta(a, b).
public struct BGNBD: Sendable, Equatable {
    public var r: Double
    public var alpha: Double
    public var a: Double
    public var b: Double

    public init(r: Double, alpha: Double, a: Double, b: Double) {
        self.r = r; self.alpha = alpha; self.a = a; self.b = b
    }

    /// ln L for one customer with `x` repeat purchases, recency `tx` and age `T` (eq. 6 of the
    /// paper), in log space throughout.
    public func logLikelihood(x: Int, tx: Double, T: Double) -> Double {
        let xd = Double(x)
        let lg = SpecialFunctions.logGamma
        let a1 = lg(r + xd) - lg(r) + r * log(alpha)
        let a2 = lg(a + b) + lg(b + xd) - lg(b) - lg(a + b + xd)
        let a3 = -(r + xd) * log(alpha + T)
        guard x > 0 else { return a1 + a2 + a3 }
        let a4 = log(a) - log(b + xd - 1) - (r + xd) * log(alpha + tx)
        return a1 + a2 + SpecialFunctions.logAddExp(a3, a4)
    }

    /// The probability that the customer is still active at its age `T`.
    public func probabilityAlive(x: Int, tx: Double, T: Double) -> Double {
        guard x > 0 else { return 1 }
        let xd = Double(x)
        let logRatio = log(a) - log(b + xd - 1) + (r + xd) * (log(alpha + T) - log(alpha + tx))
        return 1 / (1 + exp(logRatio))
    }

    /// Expected purchases in the next `t` (same unit as `T`), given the history (eq. 10).
    /// For a < 1 both factors are negative and the product is still the expectation; at
    /// a = 1 exactly it is undefined (NaN), which the fit will not land on in practice.
    public func expectedPurchases(_ t: Double, x: Int, tx: Double, T: Double) -> Double {
        guard t > 0 else { return 0 }
        let xd = Double(x)
        let z = t / (alpha + T + t)
        let hyp = SpecialFunctions.hypergeometric2F1(r + xd, b + xd, a + b + xd - 1, z)
        let head = (a + b + xd - 1) / (a - 1)
        let body = 1 - exp((r + xd) * (log(alpha + T) - log(alpha + T + t))) * hyp
        guard x > 0 else { return head * body }
        let tail = exp(log(a) - log(b + xd - 1) + (r + xd) * (log(alpha + T) - log(alpha + tx)))
        return head * body / (1 + tail)
    }
}

extension BGNBD {
    /// What a fit found, with its diagnostics.
    public struct Fit: Sendable {
        public var model: BGNBD
        public var logLikelihood: Double
        public var iterations: Int
        public var converged: Bool
    }

    /// Maximum likelihood over the buyers of `history`: Nelder–Mead on the logarithms of the
    /// parameters (so they stay positive), restarted from its best point.
    public static func fit(_ history: PurchaseHistory) throws -> Fit {
        let rows = history.buyers
        let repeaters = rows.filter { history.frequency[$0] > 0 }.count
        guard rows.count >= 20, repeaters >= 10 else {
            throw ValueModelError.tooFewBuyers(buyers: rows.count, repeatBuyers: repeaters, needed: (20, 10))
        }
        // Customers with the same history contribute the same term: summed once, weighted.
        var groups: [HistoryKey: Int] = [:]
        for c in rows { groups[HistoryKey(x: history.frequency[c], tx: history.recency[c], T: history.age[c]), default: 0] += 1 }
        // In a fixed order: a Dictionary's order changes from run to run, and so would the
        // floating-point sum and with it the last digits of the fit.
        let keys = groups.keys.sorted { ($0.x, $0.tx, $0.T) < ($1.x, $1.tx, $1.T) }
        let weights = keys.map { Double(groups[$0]!) }
        func model(_ p: [Double]) -> BGNBD { BGNBD(r: exp(p[0]), alpha: exp(p[1]), a: exp(p[2]), b: exp(p[3])) }
        let objective = { (p: [Double]) -> Double in
            let m = model(p)
            var sum = 0.0
            for (k, w) in zip(keys, weights) { sum += w * m.logLikelihood(x: k.x, tx: k.tx, T: k.T) }
            return -sum
        }
        let meanAge = rows.reduce(0.0) { $0 + history.age[$1] } / Double(rows.count)
        let start = [0.0, log(max(meanAge, 1)), 0.0, 0.0]
        let result = NelderMead().minimize(objective, from: start)
        return Fit(model: model(result.point), logLikelihood: -result.value, iterations: result.iterations,
                   converged: result.converged && result.value.isFinite)
    }
}

struct HistoryKey: Hashable {
    var x: Int
    var tx: Double
    var T: Double
}

/// Why a purchase model could not be fitted.
public enum ValueModelError: Error, Equatable, CustomStringConvertible, Sendable {
    case tooFewBuyers(buyers: Int, repeatBuyers: Int, needed: (buyers: Int, repeatBuyers: Int))

    public static func == (l: ValueModelError, r: ValueModelError) -> Bool { l.description == r.description }

    public var description: String {
        switch self {
        case .tooFewBuyers(let buyers, let repeaters, let needed):
            "The invoice history cannot support a fit: \(buyers) customers bought, \(repeaters) of them more than once; "
                + "the models need at least \(needed.buyers) buyers and \(needed.repeatBuyers) repeat buyers."
        }
    }
}
