/// A calendar date without time or zone, stored as days since 1970-01-01.
///
/// The analysis compares and subtracts dates millions of times, so a date is one
/// `Int32`; conversion to and from `YYYY-MM-DD` uses the proleptic Gregorian calendar
/// (Howard Hinnant's civil-date algorithms), independent of locale and time zone.
public struct Day: Hashable, Comparable, Sendable, Strideable, CustomStringConvertible {
    public var raw: Int32

    public init(raw: Int32) { self.raw = raw }

    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              day >= 1, day <= Day.daysInMonth(year: year, month: month) else { return nil }
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        raw = Int32(era * 146_097 + doe - 719_468)
    }

    public var components: (year: Int, month: Int, day: Int) {
        let z = Int(raw) + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// `YYYY-MM-DD`, exactly ten bytes.
    public static func parse<C: Collection<UInt8>>(iso bytes: C) -> Day? where C.Index == Int {
        guard bytes.count == 10 else { return nil }
        let s = bytes.startIndex
        guard bytes[s + 4] == UInt8(ascii: "-"), bytes[s + 7] == UInt8(ascii: "-") else { return nil }
        func num(_ from: Int, _ len: Int) -> Int? {
            var v = 0
            for i in from..<(from + len) {
                let b = bytes[s + i]
                guard b >= 48, b <= 57 else { return nil }
                v = v * 10 + Int(b - 48)
            }
            return v
        }
        guard let y = num(0, 4), let m = num(5, 2), let d = num(8, 2) else { return nil }
        return Day(year: y, month: m, day: d)
    }

    public init?(iso text: String) {
        guard let d = Day.parse(iso: Array(text.utf8)) else { return nil }
        self = d
    }

    public var iso: String {
        let (y, m, d) = components
        // Every date a `YYYY-MM-DD` can name: ten ASCII bytes written in place (an inline
        // small string, no allocation). Stores and row keys format tens of millions of dates.
        if (1...9999).contains(y) {
            return String(unsafeUninitializedCapacity: 10) { b in
                b[0] = 48 + UInt8(y / 1000); b[1] = 48 + UInt8(y / 100 % 10); b[2] = 48 + UInt8(y / 10 % 10)
                b[3] = 48 + UInt8(y % 10); b[4] = UInt8(ascii: "-"); b[5] = 48 + UInt8(m / 10); b[6] = 48 + UInt8(m % 10)
                b[7] = UInt8(ascii: "-"); b[8] = 48 + UInt8(d / 10); b[9] = 48 + UInt8(d % 10)
                return 10
            }
        }
        func pad(_ v: Int, _ w: Int) -> String {
            let s = String(v)
            return String(repeating: "0", count: max(0, w - s.count)) + s
        }
        return "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))"
    }

    public var description: String { iso }

    public static func < (a: Day, b: Day) -> Bool { a.raw < b.raw }
    public func distance(to other: Day) -> Int { Int(other.raw - raw) }
    public func advanced(by n: Int) -> Day { Day(raw: raw + Int32(n)) }

    public static func + (d: Day, n: Int) -> Day { d.advanced(by: n) }
    public static func - (d: Day, n: Int) -> Day { d.advanced(by: -n) }
    public static func - (a: Day, b: Day) -> Int { Int(a.raw - b.raw) }

    /// The same day `months` later, clamped to the month's end (31 Jan + 1 month = 28/29 Feb).
    public func addingMonths(_ months: Int) -> Day {
        let (y, m, d) = components
        let total = y * 12 + (m - 1) + months
        let ny = total / 12, nm = total % 12 + 1
        return Day(year: ny, month: nm, day: min(d, Day.daysInMonth(year: ny, month: nm)))!
    }
}
