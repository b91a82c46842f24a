import SnoeiCore

/// Canonical values straight from bytes, with the same rules as the canonical reader
/// (`Day.parse`, `Money.parse`, `FieldFormats`), written over raw buffers so the hot loop
/// makes no generic or `String` calls. `ByteFieldsTests` checks they agree.
enum ByteFields {
    /// `YYYY-MM-DD`, exactly ten bytes, a real calendar date.
    @inline(__always)
    static func day(_ b: UnsafeBufferPointer<UInt8>) -> Day? {
        guard b.count == 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-") else { return nil }
        @inline(__always) func digit(_ i: Int) -> Int? {
            let d = Int(b[i]) &- 48
            return d >= 0 && d <= 9 ? d : nil
        }
        guard let y0 = digit(0), let y1 = digit(1), let y2 = digit(2), let y3 = digit(3),
              let m0 = digit(5), let m1 = digit(6), let d0 = digit(8), let d1 = digit(9) else { return nil }
        let year = y0 * 1000 + y1 * 100 + y2 * 10 + y3, month = m0 * 10 + m1, day = d0 * 10 + d1
        return MonthTable.shared.day(year: year, month: month, day: day) ?? Day(year: year, month: month, day: day)
    }

    /// The first day and the length of every month from 1900 to 2155, looked up instead of
    /// computed: converting a date is then one load and a check (`Day(year:month:day:)` for
    /// other years).
    struct MonthTable: Sendable {
        static let shared = MonthTable()
        static let firstYear = 1900, years = 256
        private let first: [Int32]
        private let length: [UInt8]

        private init() {
            var first: [Int32] = [], length: [UInt8] = []
            for year in Self.firstYear..<Self.firstYear + Self.years {
                for month in 1...12 {
                    first.append(Day(year: year, month: month, day: 1)!.raw)
                    length.append(UInt8(Day.daysInMonth(year: year, month: month)))
                }
            }
            self.first = first
            self.length = length
        }

        /// nil when the year is outside the table (or the month or day out of range: the caller
        /// then asks `Day`, which gives nil too).
        @inline(__always)
        func day(year: Int, month: Int, day: Int) -> Day? {
            let y = year - Self.firstYear
            guard y >= 0, y < Self.years, month >= 1, month <= 12, day >= 1 else { return nil }
            let k = y * 12 + month - 1
            guard day <= Int(length[k]) else { return nil }
            return Day(raw: first[k] + Int32(day - 1))
        }
    }

    /// An amount in cents, by `Money.parse`'s rules. The form of nearly every amount, an
    /// optional minus, 1–15 digits and none, one or two decimals, is read here in one pass;
    /// everything else (a plus sign, a decimal comma, `.5`, errors) goes to `Money.parse`.
    @inline(__always)
    static func cents(_ b: UnsafeBufferPointer<UInt8>) -> MoneyParseResult {
        let n = b.count
        var i = 0
        let negative = n > 0 && b[0] == UInt8(ascii: "-")
        if negative { i = 1 }
        var whole: Int64 = 0
        while i < n, b[i] &- 48 < 10 {
            whole = whole &* 10 &+ Int64(b[i] &- 48)
            i += 1
        }
        let digits = i - (negative ? 1 : 0)
        if digits >= 1 && digits <= 15 {
            var cents: Int64?
            if i == n {
                cents = whole * 100
            } else if b[i] == UInt8(ascii: ".") {
                if n - i == 3, b[i + 1] &- 48 < 10, b[i + 2] &- 48 < 10 {
                    cents = whole * 100 + Int64(b[i + 1] &- 48) * 10 + Int64(b[i + 2] &- 48)
                } else if n - i == 2, b[i + 1] &- 48 < 10 {
                    cents = whole * 100 + Int64(b[i + 1] &- 48) * 10
                }
            }
            if let cents { return .ok(Money(cents: negative ? -cents : cents)) }
        }
        return Money.parse(utf8: b)
    }

    /// Hours in thousandths, by `FieldFormats.parseHours` (which takes an `ArraySlice`).
    @inline(__always)
    static func hours(_ b: UnsafeBufferPointer<UInt8>) -> FieldFormats.HoursResult {
        var whole: Int64 = 0, frac: Int64 = 0
        var digits = 0, fracDigits = 0
        var sawPoint = false
        var i = 0
        if b.count > 0, b[0] == UInt8(ascii: "-") {
            if case .ok = hours(UnsafeBufferPointer(rebasing: b[1...])) { return .negative }
            return .invalid
        }
        if b.count > 0, b[0] == UInt8(ascii: "+") { i = 1 }
        while i < b.count {
            let c = b[i]
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                let d = Int64(c &- 48)
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
            case UInt8(ascii: ","): return .decimalComma
            default: return .invalid
            }
            i += 1
        }
        if (digits == 0 && fracDigits == 0) || (sawPoint && fracDigits == 0) { return .invalid }
        for _ in fracDigits..<3 { frac *= 10 }
        return .ok(whole * 1000 + frac)
    }

    /// A whole number 0…999,999,999 (no sign, no point).
    static func count(_ b: UnsafeBufferPointer<UInt8>) -> Int? {
        guard b.count > 0, b.count <= 9 else { return nil }
        var v = 0
        for c in b {
            guard c >= 48, c <= 57 else { return nil }
            v = v * 10 + Int(c - 48)
        }
        return v
    }

    /// `true` or `false`, lower case, compared byte by byte (no generic sequence compare).
    @inline(__always)
    static func bool(_ b: UnsafeBufferPointer<UInt8>) -> Bool? {
        if b.count == 4, b[0] == UInt8(ascii: "t"), b[1] == UInt8(ascii: "r"), b[2] == UInt8(ascii: "u"),
           b[3] == UInt8(ascii: "e") { return true }
        if b.count == 5, b[0] == UInt8(ascii: "f"), b[1] == UInt8(ascii: "a"), b[2] == UInt8(ascii: "l"),
           b[3] == UInt8(ascii: "s"), b[4] == UInt8(ascii: "e") { return false }
        return nil
    }

    /// `String` of already-validated UTF-8; ASCII up to 15 bytes is stored inline (no allocation).
    @inline(__always)
    static func string(_ b: UnsafeBufferPointer<UInt8>) -> String { String(decoding: b, as: UTF8.self) }
}

/// A closed vocabulary matched on bytes: the spellings of `V.allCases`, kept in one byte
/// array so a match compares raw bytes without touching an array per spelling.
struct ByteVocabulary<V: Vocabulary>: Sendable {
    private let bytes: [UInt8]
    private let starts: [Int]
    private let values: [V]

    init() {
        values = Array(V.allCases)
        var bytes: [UInt8] = [], starts = [0]
        for v in values {
            bytes += Array(v.rawValue.utf8)
            starts.append(bytes.count)
        }
        self.bytes = bytes
        self.starts = starts
    }

    @inline(__always)
    func match(_ b: UnsafeBufferPointer<UInt8>) -> V? {
        guard let p = b.baseAddress else { return nil }
        return bytes.withUnsafeBufferPointer { spelled in
            starts.withUnsafeBufferPointer { starts in
                for k in 0..<values.count where starts[k + 1] - starts[k] == b.count {
                    var i = 0
                    let s = starts[k]
                    while i < b.count, spelled[s + i] == p[i] { i += 1 }
                    if i == b.count { return values[k] }
                }
                return nil
            }
        }
    }
}
