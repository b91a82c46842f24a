import SnoeiCore

/// Text forms of the canonical values that `Money` and `Day` do not already cover.
/// Reader and writer share them so that whatever is written reads back identically.
enum FieldFormats {
    enum HoursResult: Equatable {
        case ok(MilliHours)
        case negative, decimalComma, tooManyDecimals, invalid
    }

    /// Hours as digits with an optional `.` and up to three decimals (thousandths).
    static func parseHours(_ bytes: ArraySlice<UInt8>) -> HoursResult {
        var whole: Int64 = 0
        var digits = 0
        var frac: Int64 = 0
        var fracDigits = 0
        var sawPoint = false
        var i = bytes.startIndex
        if i < bytes.endIndex, bytes[i] == UInt8(ascii: "-") {
            // Judged as negative only if the rest is a number; "-x" is simply invalid.
            if case .ok = parseHours(bytes[(i + 1)...]) { return .negative }
            return .invalid
        }
        if i < bytes.endIndex, bytes[i] == UInt8(ascii: "+") { i += 1 }
        while i < bytes.endIndex {
            let b = bytes[i]
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                let d = Int64(b - UInt8(ascii: "0"))
                if sawPoint {
                    fracDigits += 1
                    if fracDigits > 3 { return .tooManyDecimals }
                    frac = frac * 10 + d
                } else {
                    digits += 1
                    if digits > 12 { return .invalid }
                    whole = whole * 10 + d
                }
            case UInt8(ascii: "."):
                if sawPoint { return .invalid }
                sawPoint = true
            case UInt8(ascii: ","):
                return .decimalComma
            default:
                return .invalid
            }
            i += 1
        }
        // Same shapes as `Money.parse`: "2", "1.5", ".5"; not "" or "1.".
        if (digits == 0 && fracDigits == 0) || (sawPoint && fracDigits == 0) { return .invalid }
        for _ in fracDigits..<3 { frac *= 10 }
        return .ok(whole * 1000 + frac)
    }

    /// `1500` → `1.5`, `2000` → `2`: the shortest text that parses back to the same value.
    static func hours(_ h: MilliHours) -> String {
        let sign = h < 0 ? "-" : ""
        let m = h.magnitude
        var frac = m % 1000
        if frac == 0 { return "\(sign)\(m / 1000)" }
        var width = 3
        while frac % 10 == 0 { frac /= 10; width -= 1 }
        let digits = String(frac)
        return "\(sign)\(m / 1000).\(String(repeating: "0", count: width - digits.count))\(digits)"
    }

    /// A non-negative whole number of at most nine digits (no sign, no point).
    static func parseCount(_ bytes: ArraySlice<UInt8>) -> Int? {
        guard !bytes.isEmpty, bytes.count <= 9 else { return nil }
        var v = 0
        for b in bytes {
            guard b >= UInt8(ascii: "0"), b <= UInt8(ascii: "9") else { return nil }
            v = v * 10 + Int(b - UInt8(ascii: "0"))
        }
        return v
    }

    static func parseBool(_ bytes: ArraySlice<UInt8>) -> Bool? {
        if bytes.elementsEqual("true".utf8) { return true }
        if bytes.elementsEqual("false".utf8) { return false }
        return nil
    }
}

enum ImportText {
    /// A value as shown in a problem: in quotes, cut short so one bad note cannot flood a report.
    static func quoted(_ s: String) -> String {
        let limit = 60
        if s.count <= limit { return "\"\(s)\"" }
        return "\"\(s.prefix(limit))…\""
    }
}
