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
        let data = GroupedHistory(history, rows: rows)
        func model(_ p: [Double]) -> BGNBD { BGNBD(r: exp(p[0]), alpha: exp(p[1]), a: exp(p[2]), b: exp(p[3])) }
        let objective = { (p: [Double]) -> Double in -data.logLikelihood(model(p)) }
        let meanAge = rows.reduce(0.0) { $0 + history.age[$1] } / Double(rows.count)
        let start = [0.0, log(max(meanAge, 1)), 0.0, 0.0]
        let result = NelderMead().minimize(objective, from: start)
        return Fit(model: model(result.point), logLikelihood: -result.value, iterations: result.iterations,
                   converged: result.converged && result.value.isFinite)
    }
}

/// The buyers' histories grouped by repeat purchases: every term of the likelihood that
/// depends on x alone (four log-gammas) is computed once per distinct x and evaluation, not
/// once per customer, which is what makes a million-customer fit take seconds.
struct GroupedHistory {
    /// Per distinct x, in increasing order (a fixed summation order: the same fit every run).
    var xs: [Int] = []
    var tx: [[Double]] = []
    var age: [[Double]] = []

    init(_ history: PurchaseHistory, rows: [Int]) {
        var byX: [Int: Int] = [:]
        for c in rows {
            let x = history.frequency[c]
            if byX[x] == nil { byX[x] = 0 }
        }
        xs = byX.keys.sorted()
        for (i, x) in xs.enumerated() { byX[x] = i }
        tx = Array(repeating: [], count: xs.count)
        age = Array(repeating: [], count: xs.count)
        for c in rows {
            let i = byX[history.frequency[c]]!
            tx[i].append(history.recency[c])
            age[i].append(history.age[c])
        }
    }

    /// The sum of `BGNBD.logLikelihood` over every buyer.
    func logLikelihood(_ m: BGNBD) -> Double {
        let lg = SpecialFunctions.logGamma
        let common = -lg(m.r) + m.r * log(m.alpha) + lg(m.a + m.b) - lg(m.b)
        var total = 0.0
        for (i, x) in xs.enumerated() {
            let xd = Double(x), rx = m.r + xd
            let head = common + lg(rx) + lg(m.b + xd) - lg(m.a + m.b + xd)
            var sum = 0.0
            if x == 0 {
                for T in age[i] { sum -= rx * log(m.alpha + T) }
            } else {
                let c4 = log(m.a) - log(m.b + xd - 1)
                let txs = tx[i], ages = age[i]
                for k in txs.indices {
                    sum += SpecialFunctions.logAddExp(-rx * log(m.alpha + ages[k]), c4 - rx * log(m.alpha + txs[k]))
                }
            }
            total += head * Double(age[i].count) + sum
        }
        return total
    }
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
