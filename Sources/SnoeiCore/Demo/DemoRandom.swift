/// The demo firm's random numbers: xoshiro256** seeded through SplitMix64.
///
/// Everything the demo draws goes through these integer helpers, never through the
/// standard library's `random(in:)` (whose algorithm may change between releases) or
/// through transcendental functions (whose last bit may differ between C libraries), so the
/// same seed gives the same ledger on every machine and every toolchain.
struct DemoRandom: Sendable {
    private var s0: UInt64, s1: UInt64, s2: UInt64, s3: UInt64

    init(seed: UInt64) {
        var x = seed
        s0 = DemoRandom.splitMix(&x); s1 = DemoRandom.splitMix(&x)
        s2 = DemoRandom.splitMix(&x); s3 = DemoRandom.splitMix(&x)
    }

    /// An independent stream for one part of the generation (e.g. one customer), so that a
    /// change in how one customer is drawn does not shift every customer after it.
    init(seed: UInt64, stream: UInt64, salt: UInt64 = 0) {
        var x = seed ^ (stream &* 0x9E37_79B9_7F4A_7C15) ^ (salt &* 0xD1B5_4A32_D192_ED03)
        _ = DemoRandom.splitMix(&x)
        self.init(seed: DemoRandom.splitMix(&x))
    }

    static func splitMix(_ x: inout UInt64) -> UInt64 {
        x &+= 0x9E37_79B9_7F4A_7C15
        var z = x
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func next() -> UInt64 {
        let result = ((s1 &* 5) << 7 | (s1 &* 5) >> 57) &* 9
        let t = s1 << 17
        s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3
        s2 ^= t
        s3 = s3 << 45 | s3 >> 19
        return result
    }

    /// Uniform in `0..<n` (Lemire's multiply-and-reject, unbiased).
    mutating func below(_ n: Int) -> Int {
        precondition(n > 0)
        let bound = UInt64(n)
        var m = next().multipliedFullWidth(by: bound)
        if m.low < bound {
            let threshold = (0 &- bound) % bound
            while m.low < threshold { m = next().multipliedFullWidth(by: bound) }
        }
        return Int(m.high)
    }

    /// Uniform in the closed range.
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.upperBound - range.lowerBound + 1)
    }

    /// True with probability `perMille` / 1000.
    mutating func chance(_ perMille: Int) -> Bool { below(1000) < perMille }

    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

    /// An index drawn with the given integer weights.
    mutating func weighted(_ weights: [Int]) -> Int {
        let total = weights.reduce(0, +)
        var r = below(total)
        for (i, w) in weights.enumerated() {
            if r < w { return i }
            r -= w
        }
        return weights.count - 1
    }

    /// A value from a piecewise-linear quantile table: `points` are (quantile in 1/10,000,
    /// value) with quantiles rising from 0 to 10,000. Integer arithmetic only.
    mutating func quantile(_ points: [(Int, Int64)]) -> Int64 {
        let u = below(10_000)
        for i in 1..<points.count where u < points[i].0 || i == points.count - 1 {
            let (q0, v0) = points[i - 1], (q1, v1) = points[i]
            let span = Int64(q1 - q0)
            guard span > 0 else { return v1 }
            return v0 + (v1 - v0) * Int64(u - q0) / span
        }
        return points[points.count - 1].1
    }

    /// A count whose mean is `meanMilli` / 1000: the whole part plus one with the
    /// probability of the fraction, then nudged by ±25 % so counts vary believably.
    mutating func count(meanMilli: Int64) -> Int {
        guard meanMilli > 0 else { return 0 }
        let spread = meanMilli / 4
        let m = max(0, meanMilli + (spread > 0 ? Int64(int(-Int(spread)...Int(spread))) : 0))
        return Int(m / 1000) + (Int64(below(1000)) < m % 1000 ? 1 : 0)
    }
}
