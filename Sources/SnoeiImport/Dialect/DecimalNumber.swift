/// How an export writes numbers: `1,234.56` (point) or `1.234,56` (comma, the Dutch way).
public enum DecimalStyle: String, Sendable, CaseIterable {
    case point, comma

    var decimalMark: Character { self == .point ? "." : "," }
    var groupMark: Character { self == .point ? "," : "." }

    public var shown: String { self == .point ? "decimal point (1,234.56)" : "decimal comma (1.234,56)" }
}

/// Exact parsing of amounts and quantities as exports write them: currency signs, thousands
/// separators, a sign in front, behind (`1.234,56-`, as some ledgers print credit) or as
/// parentheses. The result is an integer in units of 10^-decimals, never a float.
enum DecimalNumber {
    enum Failure: Error, Equatable {
        case invalid
        case tooManyDecimals
        case badGrouping
        case tooLarge
    }

    /// `"€ 1.234,56"` with `.comma` and 2 decimals → 123456.
    static func parse(_ text: String, style: DecimalStyle, decimals: Int) -> Result<Int64, Failure> {
        guard var s = stripped(text) else { return .failure(.invalid) }
        var negative = false
        if s.hasPrefix("(") && s.hasSuffix(")") { negative = true; s = String(s.dropFirst().dropLast()) }
        if s.hasPrefix("-") || s.hasPrefix("+") {
            negative = negative || s.hasPrefix("-"); s = String(s.dropFirst())
        } else if s.hasSuffix("-") {
            negative = true; s = String(s.dropLast())
        }
        s = stripCurrency(s)  // "-€ 12,50" has the sign before the currency sign
        var whole = Substring(s)
        var fraction: Substring = ""
        if let mark = s.lastIndex(of: style.decimalMark) {
            whole = s[..<mark]
            fraction = s[s.index(after: mark)...]
            if fraction.isEmpty { return .failure(.invalid) }
        }
        guard fraction.allSatisfy(\.isASCIIDigit) else { return .failure(.invalid) }
        if fraction.count > decimals { return .failure(.tooManyDecimals) }
        let groups = whole.split(separator: style.groupMark, omittingEmptySubsequences: false)
        guard groups.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }) else { return .failure(.invalid) }
        if groups.count > 1 {
            // 1.234.567 is grouped; 12.34 under the comma style is not a thousands separator.
            guard (1...3).contains(groups[0].count), groups.dropFirst().allSatisfy({ $0.count == 3 }) else {
                return .failure(.badGrouping)
            }
        }
        let digits = groups.joined()
        if digits.isEmpty && fraction.isEmpty { return .failure(.invalid) }
        if digits.count > 15 { return .failure(.tooLarge) }
        var value: Int64 = 0
        for c in digits { value = value * 10 + Int64(c.wholeNumberValue!) }
        var frac: Int64 = 0
        for c in fraction { frac = frac * 10 + Int64(c.wholeNumberValue!) }
        for _ in fraction.count..<decimals { frac *= 10 }
        for _ in 0..<decimals { value *= 10 }
        let result = value + frac
        return .success(negative ? -result : result)
    }

    /// Trimmed, without the spaces of any kind that exports put around and inside numbers.
    static func stripped(_ text: String) -> String? {
        let s = String(text.filter { !$0.isWhitespace && $0 != "\u{00A0}" && $0 != "\u{202F}" })
        let bare = stripCurrency(s)
        return bare.isEmpty ? nil : bare
    }

    static func stripCurrency(_ s: String) -> String {
        var t = s
        for sign in ["€", "EUR", "eur", "Eur"] {
            if t.hasPrefix(sign) { t = String(t.dropFirst(sign.count)) }
            if t.hasSuffix(sign) { t = String(t.dropLast(sign.count)) }
        }
        return t
    }

    /// Votes of one value for a style: a mark followed by other than three digits can only
    /// be the decimal mark; when both marks occur the last one is.
    static func evidence(_ text: String) -> DecimalStyle? {
        guard let s = stripped(text) else { return nil }
        let lastPoint = s.lastIndex(of: "."), lastComma = s.lastIndex(of: ",")
        switch (lastPoint, lastComma) {
        case let (p?, c?): return p > c ? .point : .comma
        case let (p?, nil): return s[s.index(after: p)...].count == 3 ? nil : .point
        case let (nil, c?): return s[s.index(after: c)...].count == 3 ? nil : .comma
        default: return nil
        }
    }

    /// The style of a file's number columns taken together; `fallback` when no value says.
    /// "1.234" alone (three digits after a point) leans to the comma style: an amount
    /// with three decimals would be refused anyway.
    static func infer(_ values: [String], fallback: DecimalStyle) -> DecimalStyle {
        var point = 0, comma = 0, threeAfterPoint = 0, threeAfterComma = 0
        for v in values {
            switch evidence(v) {
            case .point: point += 1
            case .comma: comma += 1
            case nil:
                guard let s = stripped(v) else { continue }
                if s.contains(".") { threeAfterPoint += 1 } else if s.contains(",") { threeAfterComma += 1 }
            }
        }
        if point != comma { return point > comma ? .point : .comma }
        if threeAfterPoint != threeAfterComma { return threeAfterPoint > threeAfterComma ? .comma : .point }
        return fallback
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
