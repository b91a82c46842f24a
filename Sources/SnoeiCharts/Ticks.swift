/// "Nice" axis ticks: multiples of 1, 2 or 5 × 10^k that cover a range.
public enum Ticks {
    /// Tick values that cover `[min, max]`, about `count` of them, on a
    /// 1-2-5 step. The first tick is ≤ min and the last ≥ max, so they can be
    /// used directly as the axis domain.
    ///
    /// - equal bounds are widened to include zero (a flat line at 5 is drawn
    ///   on 0…5, not zoomed into noise); 0…0 becomes 0…1;
    /// - a reversed range is swapped; non-finite bounds give `[]`.
    ///
    /// Values are produced as `integer / 10^d` so they compare equal to the
    /// decimal literals a reader expects (0.6, not 0.6000000000000001).
    public static func nice(min: Double, max: Double, count: Int = 5) -> [Double] {
        guard min.isFinite, max.isFinite else { return [] }
        var lo = Swift.min(min, max)
        var hi = Swift.max(min, max)
        if lo == hi {
            if lo == 0 { hi = 1 } else { lo = Swift.min(lo, 0); hi = Swift.max(hi, 0) }
        }
        let intervals = Double(Swift.max(2, count) - 1)
        guard let (mantissa, exponent) = niceStep(raw: (hi - lo) / intervals) else { return [lo, hi] }
        let step = exponent >= 0
            ? Double(mantissa) * NumberText.pow10(exponent)
            : Double(mantissa) / NumberText.pow10(-exponent)
        // A whisker of tolerance so 4.0000000001 steps do not add a tick.
        let first = (lo / step + 1e-9).rounded(.down)
        let last = (hi / step - 1e-9).rounded(.up)
        // Ranges that are tiny relative to their magnitude (1e9 … 1e9 + 1e-8)
        // cannot be stepped in doubles; fall back to the bare bounds.
        guard first.magnitude < 1e15, last.magnitude < 1e15, last - first <= 1000 else { return [lo, hi] }
        let a = Int64(first), b = Int64(last)
        return (a...b).map { i in
            exponent >= 0
                ? Double(i * Int64(mantissa)) * NumberText.pow10(exponent)
                : Double(i * Int64(mantissa)) / NumberText.pow10(-exponent)
        }
    }

    /// Rounds a raw step to 1, 2 or 5 × 10^exponent (Heckbert's thresholds).
    static func niceStep(raw: Double) -> (mantissa: Int, exponent: Int)? {
        guard raw.isFinite, raw > 0 else { return nil }
        var fraction = raw
        var exponent = 0
        while fraction >= 10 { fraction /= 10; exponent += 1 }
        while fraction < 1 { fraction *= 10; exponent -= 1 }
        switch fraction {
        case ..<1.5: return (1, exponent)
        case ..<3: return (2, exponent)
        case ..<7: return (5, exponent)
        default: return (1, exponent + 1)
        }
    }
}
