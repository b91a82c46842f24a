/// Decimal text for numbers without Foundation (the module has no dependencies
/// and `String(format:)` is Foundation).
enum NumberText {
    /// Powers of ten as exact doubles (exact up to 1e22), built by
    /// multiplication so we need neither Foundation nor libm.
    static func pow10(_ k: Int) -> Double {
        if k < 0 { return 1 / pow10(-k) }
        var r = 1.0
        for _ in 0..<k { r *= 10 }
        return r
    }

    /// `value` rounded to at most `digits` fraction digits, trailing zeros
    /// removed: 12.5 → "12.5", 3.0 → "3", -0.001 (digits 2) → "0".
    static func decimal(_ value: Double, maxFractionDigits digits: Int) -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : (value < 0 ? "-∞" : "∞") }
        let digits = max(0, min(digits, 15))
        let scale = pow10(digits)
        let scaled = (value.magnitude * scale).rounded()
        // Beyond 2^53 integer arithmetic on the scaled value is no longer
        // exact; such magnitudes never carry meaningful fraction digits.
        guard scaled < 9.0e15 else {
            let whole = value.rounded()
            if whole.magnitude < 9.2e18 { return String(Int64(whole)) }
            return "\(whole)"
        }
        let n = UInt64(scaled)
        let unit = UInt64(scale)
        let intPart = n / unit
        var fracPart = n % unit
        var text = (value < 0 && n != 0 ? "-" : "") + String(intPart)
        guard fracPart != 0 else { return text }
        var width = digits
        while fracPart % 10 == 0 { fracPart /= 10; width -= 1 }
        let frac = String(fracPart)
        text += "." + String(repeating: "0", count: width - frac.count) + frac
        return text
    }

    /// Roughly six significant digits, which is what a human reading an axis
    /// wants: 0.30000000000000004 → "0.3", 0.0006 → "0.0006", 1234.5678 → "1234.57".
    static func plain(_ value: Double) -> String {
        guard value.isFinite, value != 0 else { return decimal(value, maxFractionDigits: 0) }
        var magnitude = 0 // floor(log10(|value|))
        var m = value.magnitude
        while m >= 10 { m /= 10; magnitude += 1 }
        while m < 1 { m *= 10; magnitude -= 1 }
        return decimal(value, maxFractionDigits: max(0, min(12, 5 - magnitude)))
    }

    /// SVG coordinates: at most two decimals keeps the markup small and is far
    /// below what any screen or printer can resolve at these sizes.
    static func coord(_ value: Double) -> String {
        decimal(value, maxFractionDigits: 2)
    }
}
