import Foundation
@testable import SnoeiCore

/// Purchase histories drawn from the BG/NBD and Gamma-Gamma processes with known parameters,
/// for parameter-recovery tests. Deterministic per seed.
struct ValueSimulation {
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

    var rng: SplitMix

    init(seed: UInt64) { rng = SplitMix(state: seed) }

    mutating func uniform() -> Double { Double.random(in: Double.ulpOfOne..<1, using: &rng) }

    mutating func normal() -> Double {
        sqrt(-2 * log(uniform())) * cos(2 * Double.pi * uniform())
    }

    /// Gamma(shape, rate) by Marsaglia & Tsang (2000); shape < 1 boosted by U^(1/shape).
    mutating func gamma(shape: Double, rate: Double) -> Double {
        if shape < 1 { return gamma(shape: shape + 1, rate: rate) * pow(uniform(), 1 / shape) }
        let d = shape - 1.0 / 3, c = 1 / sqrt(9 * d)
        while true {
            var x = 0.0, v = 0.0
            repeat { x = normal(); v = 1 + c * x } while v <= 0
            v = v * v * v
            let u = uniform()
            if log(u) < 0.5 * x * x + d - d * v + d * log(v) { return d * v / rate }
        }
    }

    mutating func beta(_ a: Double, _ b: Double) -> Double {
        let x = gamma(shape: a, rate: 1), y = gamma(shape: b, rate: 1)
        return x / (x + y)
    }

    /// `n` customers with ages between `ages`; amounts from Gamma-Gamma.
    mutating func history(_ bg: BGNBD, _ gg: GammaGamma, customers n: Int, ages: ClosedRange<Double>) -> PurchaseHistory {
        var frequency: [Int] = [], recency: [Double] = [], age: [Double] = [], spend: [Money] = []
        for _ in 0..<n {
            let T = ages.lowerBound + uniform() * (ages.upperBound - ages.lowerBound)
            let lambda = gamma(shape: bg.r, rate: bg.alpha), p = beta(bg.a, bg.b)
            let nu = gamma(shape: gg.q, rate: gg.gamma)
            var t = 0.0, x = 0, tx = 0.0, total = 0.0
            while true {
                t += -log(uniform()) / lambda
                if t > T { break }
                x += 1
                tx = t
                total += gamma(shape: gg.p, rate: nu)
                if uniform() < p { break }
            }
            frequency.append(x); recency.append(tx); age.append(T)
            spend.append(x > 0 ? Money(cents: Int64((total / Double(x) * 100).rounded())) : .zero)
        }
        return PurchaseHistory(asOf: Day(iso: "2026-11-24")!, unit: .weeks, frequency: frequency, recency: recency,
                               age: age, averageRepeatSpend: spend)
    }
}
