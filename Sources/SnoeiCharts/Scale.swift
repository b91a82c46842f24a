/// Maps data values linearly onto pixels.
struct LinearScale: Sendable {
    var domain: (lo: Double, hi: Double)
    var range: (lo: Double, hi: Double)

    func callAsFunction(_ value: Double) -> Double {
        let span = domain.hi - domain.lo
        // A degenerate domain puts everything in the middle instead of NaN.
        guard span != 0 else { return (range.lo + range.hi) / 2 }
        return range.lo + (value - domain.lo) / span * (range.hi - range.lo)
    }

    func contains(_ value: Double) -> Bool {
        let tolerance = (domain.hi - domain.lo).magnitude * 1e-9
        return value >= domain.lo - tolerance && value <= domain.hi + tolerance
    }
}

/// An axis' domain and tick values, resolved from the data and the caller's
/// explicit bounds.
struct ResolvedAxis: Sendable {
    var lo: Double
    var hi: Double
    var ticks: [Double]

    /// The data range extended to nice ticks. Explicit `axis.min`/`max` win
    /// exactly (ticks are then trimmed to them); `includeZero` stretches the
    /// data range to 0 first (bar charts: bars grow from zero).
    static func resolve(values: [Double], axis: Axis, includeZero: Bool = false, tickCount: Int) -> ResolvedAxis {
        let finite = values.filter(\.isFinite)
        var lo = finite.min() ?? 0
        var hi = finite.max() ?? 1
        if includeZero { lo = Swift.min(lo, 0); hi = Swift.max(hi, 0) }
        if let m = axis.min, m.isFinite { lo = m }
        if let m = axis.max, m.isFinite { hi = m }
        if lo > hi { swap(&lo, &hi) }
        var ticks = Ticks.nice(min: lo, max: hi, count: tickCount)
        let domainLo = axis.min?.isFinite == true ? lo : (ticks.first ?? lo)
        var domainHi = axis.max?.isFinite == true ? hi : (ticks.last ?? hi)
        if domainHi == domainLo { domainHi = domainLo + 1 }
        let tolerance = (domainHi - domainLo) * 1e-9
        ticks = ticks.filter { $0 >= domainLo - tolerance && $0 <= domainHi + tolerance }
        return ResolvedAxis(lo: domainLo, hi: domainHi, ticks: ticks)
    }
}
