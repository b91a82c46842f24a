/// An exact amount of money in cents of the firm's currency.
///
/// Amounts are never binary floating point: parsing, sums and rounding work on
/// integer cents so that every figure Snoei shows can be recomputed by hand.
public struct Money: Hashable, Comparable, Sendable, AdditiveArithmetic {
    public var cents: Int64

    public init(cents: Int64) { self.cents = cents }

    public static let zero = Money(cents: 0)

    public static func + (a: Money, b: Money) -> Money { Money(cents: a.cents + b.cents) }
    public static func - (a: Money, b: Money) -> Money { Money(cents: a.cents - b.cents) }
    public static func += (a: inout Money, b: Money) { a.cents += b.cents }
    public static func -= (a: inout Money, b: Money) { a.cents -= b.cents }
    public static prefix func - (a: Money) -> Money { Money(cents: -a.cents) }
    public static func < (a: Money, b: Money) -> Bool { a.cents < b.cents }

    /// Euros as a floating-point ratio input (never used for sums).
    public var euros: Double { Double(cents) / 100 }

    /// Whole euros for policy values such as `1500` or `62.5`, rounded half away from zero.
    public init(euros: Double) {
        self.cents = Int64((euros * 100).rounded(.toNearestOrAwayFromZero))
    }

    /// `"-1234.50"`: the canonical text form (CSV, JSON), two decimals, `.` as the point.
    public var plainString: String {
        let sign = cents < 0 ? "-" : ""
        let m = cents.magnitude
        let frac = m % 100
        return "\(sign)\(m / 100).\(frac < 10 ? "0" : "")\(frac)"
    }

    /// Parses a canonical amount: optional `-`, digits, optionally `.` and one or two digits.
    public static func parse<C: Collection<UInt8>>(utf8 bytes: C) -> MoneyParseResult {
        var it = bytes.makeIterator()
        var negative = false
        var whole: Int64 = 0
        var digits = 0
        var frac: Int64 = 0
        var fracDigits = 0
        var sawPoint = false
        var first = true
        while let b = it.next() {
            defer { first = false }
            switch b {
            case UInt8(ascii: "-") where first: negative = true
            case UInt8(ascii: "+") where first: break
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                let d = Int64(b - UInt8(ascii: "0"))
                if sawPoint {
                    fracDigits += 1
                    if fracDigits > 2 { return .tooManyDecimals }
                    frac = frac * 10 + d
                } else {
                    digits += 1
                    if digits > 15 { return .outOfRange }
                    whole = whole * 10 + d
                }
            case UInt8(ascii: "."):
                if sawPoint { return .invalid }
                sawPoint = true
            case UInt8(ascii: ","): return .decimalComma
            default: return .invalid
            }
        }
        if digits == 0 && fracDigits == 0 { return .invalid }
        if sawPoint && fracDigits == 0 { return .invalid }
        if fracDigits == 1 { frac *= 10 }
        let cents = whole * 100 + frac
        return .ok(Money(cents: negative ? -cents : cents))
    }

    public static func parse(_ text: String) -> Money? {
        if case .ok(let m) = parse(utf8: Array(text.utf8)) { return m }
        return nil
    }

    /// `cents × numerator / denominator`, rounded half away from zero, exact for the ranges
    /// Snoei meets (used for hours × rate where hours are in thousandths).
    public static func product(cents: Int64, times numerator: Int64, over denominator: Int64) -> Money {
        let (hi, lo) = cents.multipliedFullWidth(by: numerator)
        let (q, r) = denominator.dividingFullWidth((hi, lo))
        var result = q
        if r.magnitude * 2 >= denominator.magnitude { result += (r < 0) != (denominator < 0) ? -1 : 1 }
        return Money(cents: result)
    }
}

public enum MoneyParseResult: Equatable, Sendable {
    case ok(Money)
    case invalid
    case decimalComma
    case tooManyDecimals
    case outOfRange
}
