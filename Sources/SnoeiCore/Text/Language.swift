/// The languages Snoei speaks. Dutch first: the first market is the Netherlands and Belgium.
public enum Language: String, Vocabulary {
    case nl, en

    /// From a POSIX locale or Accept-Language value such as `nl_NL.UTF-8` or `nl-BE,nl;q=0.9`.
    public static func from(locale: String?) -> Language? {
        guard let locale, locale.count >= 2 else { return nil }
        return Language(rawValue: String(locale.prefix(2)).lowercased())
    }
}

/// Locale-aware formatting of money, numbers, shares and dates, without Foundation's
/// locale data so output is identical on every machine: € 5.300,00 (nl), €5,300.00 (en).
public struct Formatter: Sendable {
    public let language: Language
    public init(_ language: Language) { self.language = language }

    private var groupSeparator: String { language == .nl ? "." : "," }
    private var decimalSeparator: String { language == .nl ? "," : "." }

    private func grouped(_ value: UInt64) -> String {
        let digits = String(value)
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out += groupSeparator }
            out.append(ch)
        }
        return out
    }

    /// `€ 5.300,00` / `€5,300.00`; negative: `-€ 300,00` / `-€300.00`.
    public func money(_ m: Money) -> String {
        let sign = m.cents < 0 ? "-" : ""
        let mag = m.cents.magnitude
        let frac = mag % 100
        let body = grouped(mag / 100) + decimalSeparator + (frac < 10 ? "0" : "") + String(frac)
        return sign + (language == .nl ? "€ " : "€") + body
    }

    /// Whole euros, for compact tables: `€ 5.300` / `€5,300`.
    public func moneyWhole(_ m: Money) -> String {
        let euros = (m.cents + (m.cents >= 0 ? 50 : -50)) / 100
        let sign = euros < 0 ? "-" : ""
        return sign + (language == .nl ? "€ " : "€") + grouped(euros.magnitude)
    }

    /// A number with a fixed count of decimals, grouped.
    public func number(_ x: Double, decimals: Int = 1) -> String {
        guard x.isFinite else { return x > 0 ? "∞" : "-∞" }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (x * scale).rounded(.toNearestOrAwayFromZero)
        let negative = scaled < 0
        let mag = UInt64(Swift.min(abs(scaled), 9e18))
        let intPart = mag / UInt64(scale)
        let fracPart = mag % UInt64(scale)
        var s = grouped(intPart)
        if decimals > 0 {
            let f = String(fracPart)
            s += decimalSeparator + String(repeating: "0", count: decimals - f.count) + f
        }
        return (negative && mag != 0 ? "-" : "") + s
    }

    /// A share 0–1 as a percentage: `18,2%` / `18.2%`.
    public func percent(_ ratio: Double, decimals: Int = 1) -> String { number(ratio * 100, decimals: decimals) + "%" }

    /// `24-11-2026` (nl) / `2026-11-24` (en, ISO: unambiguous for an international reader).
    public func date(_ d: Day) -> String {
        guard language == .nl else { return d.iso }
        let (y, m, day) = d.components
        return (day < 10 ? "0" : "") + "\(day)-" + (m < 10 ? "0" : "") + "\(m)-\(y)"
    }

    public func days(_ x: Double) -> String { number(x, decimals: 0) }

    public func hours(_ milli: MilliHours) -> String { number(Double(milli) / 1000, decimals: 1) }

    public func figure(_ v: FigureValue) -> String {
        switch v {
        case .money(let m): money(m)
        case .ratio(let r): percent(r)
        case .days(let d): days(d)
        case .count(let c): number(Double(c), decimals: 0)
        case .number(let x): number(x)
        case .date(let d): date(d)
        case .text(let t): t
        }
    }
}
