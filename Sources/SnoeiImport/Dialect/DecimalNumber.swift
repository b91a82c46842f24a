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

    /// `"€ 1.234,56"` with `.comma` and 2 decimals → 123456. Works on bytes: it runs for
    /// every amount of every row.
    static func parse(_ text: String, style: DecimalStyle, decimals: Int) -> Result<Int64, Failure> {
        let all = FastText.numberBytes(text)
        var s = FastText.stripCurrency(all[...])
        var negative = false
        if s.first == UInt8(ascii: "("), s.last == UInt8(ascii: ")"), s.count >= 2 { negative = true; s = s.dropFirst().dropLast() }
        if let f = s.first, f == UInt8(ascii: "-") || f == UInt8(ascii: "+") {
            negative = negative || f == UInt8(ascii: "-"); s = s.dropFirst()
        } else if s.last == UInt8(ascii: "-") {
            negative = true; s = s.dropLast()
        }
        s = FastText.stripCurrency(s)  // "-€ 12,50" has the sign before the currency sign
        let mark = UInt8(ascii: style == .point ? "." : ","), group = UInt8(ascii: style == .point ? "," : ".")
        var whole = s
        var fraction: ArraySlice<UInt8> = []
        if let at = s.lastIndex(of: mark) {
            whole = s[..<at]
            fraction = s[(at + 1)...]
            if fraction.isEmpty { return .failure(.invalid) }
        }
        guard fraction.allSatisfy(FastText.isDigit) else { return .failure(.invalid) }
        if fraction.count > decimals { return .failure(.tooManyDecimals) }
        let groups = whole.split(separator: group, omittingEmptySubsequences: false)
        guard groups.allSatisfy({ $0.allSatisfy(FastText.isDigit) }) else { return .failure(.invalid) }
        if groups.count > 1 {
            // 1.234.567 is grouped; 12.34 under the comma style is not a thousands separator.
            guard (1...3).contains(groups[0].count), groups.dropFirst().allSatisfy({ $0.count == 3 }) else {
                return .failure(.badGrouping)
            }
        }
        let digitCount = groups.reduce(0) { $0 + $1.count }
        if digitCount == 0 && fraction.isEmpty { return .failure(.invalid) }
        if digitCount > 15 { return .failure(.tooLarge) }
        var value: Int64 = 0
        for g in groups { for b in g { value = value * 10 + Int64(b - 0x30) } }
        var frac: Int64 = 0
        for b in fraction { frac = frac * 10 + Int64(b - 0x30) }
        for _ in fraction.count..<decimals { frac *= 10 }
        for _ in 0..<decimals { value *= 10 }
        let result = value + frac
        return .success(negative ? -result : result)
    }

    /// Without white space and currency signs; nil when nothing is left.
    static func stripped(_ text: String) -> String? {
        let bare = FastText.stripCurrency(FastText.numberBytes(text)[...])
        return bare.isEmpty ? nil : String(decoding: bare, as: UTF8.self)
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
