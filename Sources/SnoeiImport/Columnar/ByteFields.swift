import SnoeiCore

/// Canonical values straight from bytes, with the same rules as the canonical reader
/// (`Day.parse`, `Money.parse`, `FieldFormats`), written over raw buffers so the hot loop
/// makes no generic or `String` calls. `ByteFieldsTests` checks both agree.
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
        return Day(year: y0 * 1000 + y1 * 100 + y2 * 10 + y3, month: m0 * 10 + m1, day: d0 * 10 + d1)
    }

    /// An amount in cents: optional sign, at most 15 whole digits, at most two decimals.
    @inline(__always)
    static func cents(_ b: UnsafeBufferPointer<UInt8>) -> MoneyParseResult {
        var negative = false
        var whole: Int64 = 0, frac: Int64 = 0
        var digits = 0, fracDigits = 0
        var sawPoint = false
        for (i, c) in b.enumerated() {
            switch c {
            case UInt8(ascii: "-") where i == 0: negative = true
            case UInt8(ascii: "+") where i == 0: break
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                let d = Int64(c &- 48)
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

    static func bool(_ b: UnsafeBufferPointer<UInt8>) -> Bool? {
        if b.elementsEqual("true".utf8) { return true }
        if b.elementsEqual("false".utf8) { return false }
        return nil
    }

    /// `String` of already-validated UTF-8; ASCII up to 15 bytes is stored inline (no allocation).
    @inline(__always)
    static func string(_ b: UnsafeBufferPointer<UInt8>) -> String { String(decoding: b, as: UTF8.self) }
}

/// A closed vocabulary matched on bytes: the spellings of `V.allCases`.
struct ByteVocabulary<V: Vocabulary>: Sendable {
    private let spellings: [[UInt8]]
    private let values: [V]

    init() {
        values = Array(V.allCases)
        spellings = values.map { Array($0.rawValue.utf8) }
    }

    @inline(__always)
    func match(_ b: UnsafeBufferPointer<UInt8>) -> V? {
        for k in 0..<spellings.count where spellings[k].count == b.count {
            if spellings[k].withUnsafeBufferPointer({ $0.elementsEqual(b) }) { return values[k] }
        }
        return nil
    }
}
