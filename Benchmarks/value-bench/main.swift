// The purchase models' fit at scale (issue 7): `swift build -c release --product value-bench`
// then `.build/release/value-bench [customers] [runs]`. Histories are drawn from BG/NBD and
// Gamma-Gamma with known parameters (seeded), so the run also shows how well the fit recovers
// them at that size. Prints the median of the runs; see BENCHMARKS.md.
import Foundation
import SnoeiCore

struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

var rng = SplitMix(state: 42)
@MainActor func uniform() -> Double { Double.random(in: Double.ulpOfOne..<1, using: &rng) }
@MainActor func normal() -> Double { sqrt(-2 * log(uniform())) * cos(2 * Double.pi * uniform()) }
@MainActor func gamma(_ shape: Double, _ rate: Double) -> Double {
    if shape < 1 { return gamma(shape + 1, rate) * pow(uniform(), 1 / shape) }
    let d = shape - 1.0 / 3, c = 1 / sqrt(9 * d)
    while true {
        var x = 0.0, v = 0.0
        repeat { x = normal(); v = 1 + c * x } while v <= 0
        v = v * v * v
        if log(uniform()) < 0.5 * x * x + d - d * v + d * log(v) { return d * v / rate }
    }
}

let arguments = CommandLine.arguments
let n = arguments.count > 1 ? Int(arguments[1]) ?? 1_000_000 : 1_000_000
let runs = arguments.count > 2 ? Int(arguments[2]) ?? 3 : 3
let truth = BGNBD(r: 0.5, alpha: 5, a: 0.8, b: 2.5), spendTruth = GammaGamma(p: 6, q: 4, gamma: 15)

var frequency = [Int](), recency = [Double](), age = [Double](), spend = [Money]()
frequency.reserveCapacity(n); recency.reserveCapacity(n); age.reserveCapacity(n); spend.reserveCapacity(n)
for _ in 0..<n {
    // Ages in whole days, as a real ledger gives them.
    let T = (30 + uniform() * 120).rounded() / 1
    let lambda = gamma(truth.r, truth.alpha), drop = { () -> Double in
        let x = gamma(truth.a, 1), y = gamma(truth.b, 1); return x / (x + y) }()
    let nu = gamma(spendTruth.q, spendTruth.gamma)
    var t = 0.0, x = 0, tx = 0.0, total = 0.0
    while true {
        t += -log(uniform()) / lambda
        if t > T { break }
        x += 1; tx = (t * 7).rounded() / 7; total += gamma(spendTruth.p, nu)
        if uniform() < drop { break }
    }
    frequency.append(x); recency.append(tx); age.append(T)
    spend.append(x > 0 ? Money(cents: Int64((total / Double(x) * 100).rounded())) : .zero)
}
let history = PurchaseHistory(asOf: Day(iso: "2026-11-24")!, unit: .weeks, frequency: frequency, recency: recency,
                              age: age, averageRepeatSpend: spend)

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

var bgTimes = [Double](), ggTimes = [Double]()
var bgFit: BGNBD.Fit?, ggFit: GammaGamma.Fit?
for _ in 0..<runs {
    bgTimes.append(try seconds { bgFit = try BGNBD.fit(history) })
    ggTimes.append(try seconds { ggFit = try GammaGamma.fit(history) })
}
func median(_ xs: [Double]) -> Double { let s = xs.sorted(); return s[s.count / 2] }
let bg = bgFit!, gg = ggFit!
print("customers \(n), runs \(runs)")
print(String(format: "BG/NBD      median %.2f s  (%d iterations, converged %@)  r %.3f alpha %.3f a %.3f b %.3f  (truth 0.5, 5, 0.8, 2.5)",
             median(bgTimes), bg.iterations, bg.converged ? "yes" : "no", bg.model.r, bg.model.alpha, bg.model.a, bg.model.b))
print(String(format: "Gamma-Gamma median %.2f s  (%d iterations, converged %@)  p %.3f q %.3f gamma %.3f  (truth 6, 4, 15)",
             median(ggTimes), gg.iterations, gg.converged ? "yes" : "no", gg.model.p, gg.model.q, gg.model.gamma))
