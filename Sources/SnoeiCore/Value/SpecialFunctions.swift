import Foundation

/// The special functions the purchase models need, written out so they are pure, thread-safe
/// (glibc's `lgamma` writes the global `signgam`) and the same on every platform.
enum SpecialFunctions {
    private static let lanczos: [Double] = [
        0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
        -176.61502916214059, 12.507343278686905, -0.13857109526572012,
        9.9843695780195716e-6, 1.5056327351493116e-7,
    ]

    /// ln Γ(x) for x > 0 (Lanczos, g = 7: about 15 significant digits).
    static func logGamma(_ x: Double) -> Double {
        precondition(x > 0, "logGamma is defined here for positive x only")
        if x < 0.5 {
            // Reflection: Γ(x) Γ(1 − x) = π / sin(πx).
            return log(Double.pi / sin(Double.pi * x)) - logGamma(1 - x)
        }
        let z = x - 1
        var sum = lanczos[0]
        for i in 1..<lanczos.count { sum += lanczos[i] / (z + Double(i)) }
        let t = z + 7.5
        return 0.5 * log(2 * Double.pi) + (z + 0.5) * log(t) - t + log(sum)
    }

    /// The Gauss hypergeometric function ₂F₁(a, b; c; z) for 0 ≤ z < 1 by its power series,
    /// summed until the terms no longer change the sum (BG/NBD's conditional expectation only
    /// needs this range: z = t / (α + T + t)).
    static func hypergeometric2F1(_ a: Double, _ b: Double, _ c: Double, _ z: Double) -> Double {
        precondition(z >= 0 && z < 1, "the series is used for 0 ≤ z < 1 only")
        var term = 1.0, sum = 1.0
        var n = 0.0
        while n < 100_000 {
            term *= (a + n) * (b + n) / ((c + n) * (n + 1)) * z
            sum += term
            if abs(term) <= 1e-15 * abs(sum) { break }
            n += 1
        }
        return sum
    }

    /// ln(e^a + e^b) without overflow.
    static func logAddExp(_ a: Double, _ b: Double) -> Double {
        let m = max(a, b)
        guard m.isFinite else { return m }
        return m + log(exp(a - m) + exp(b - m))
    }
}
