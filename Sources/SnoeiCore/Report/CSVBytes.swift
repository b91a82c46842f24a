/// Appends CSV fields (RFC 4180) straight to a byte buffer: the writer behind `AnalysisCSV`,
/// which formats tens of millions of fields for a large ledger, so no field becomes a
/// `String` of its own. Numbers use the same rules as `Money.plainString` and
/// `JSONWriter.fixed` (tests hold them to it).
struct CSVBytes {
    var bytes: [UInt8] = []
    private var atLineStart = true

    init(capacity: Int) { bytes.reserveCapacity(capacity) }

    mutating func endLine() {
        bytes.append(0x0D)
        bytes.append(0x0A)
        atLineStart = true
    }

    private mutating func separator() {
        if !atLineStart { bytes.append(0x2C) }
        atLineStart = false
    }

    /// A text field, quoted when it holds a comma, quote, CR or LF (quotes doubled).
    mutating func text(_ s: String) {
        separator()
        var s = s
        s.withUTF8 { utf8 in
            guard utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else {
                bytes.append(contentsOf: utf8)
                return
            }
            bytes.append(0x22)
            for b in utf8 {
                if b == 0x22 { bytes.append(0x22) }
                bytes.append(b)
            }
            bytes.append(0x22)
        }
    }

    mutating func optionalText(_ s: String?) {
        if let s { text(s) } else { separator() }
    }

    mutating func int<I: BinaryInteger>(_ v: I) {
        let negative = v < 0, magnitude = UInt64(v.magnitude)
        number { end in
            var p = Self.digits(magnitude, before: end)
            if negative { p -= 1; p.pointee = 0x2D }
            return p
        }
    }

    /// Cents as `Money.plainString` writes them: `-12.05`.
    mutating func money(_ m: Money) {
        let magnitude = m.cents.magnitude
        number { end in
            var p = end - 3
            p[0] = 0x2E
            p[1] = 0x30 + UInt8(magnitude % 100 / 10)
            p[2] = 0x30 + UInt8(magnitude % 10)
            p = Self.digits(magnitude / 100, before: p)
            if m.cents < 0 { p -= 1; p.pointee = 0x2D }
            return p
        }
    }

    /// A figure with fixed decimals as `JSONWriter.fixed` writes it; empty for nil, NaN or ±∞.
    mutating func fixed(_ x: Double?, _ decimals: Int) {
        guard let x, x.isFinite else { separator(); return }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (x * scale).rounded(.toNearestOrAwayFromZero)
        guard abs(scaled) < 9e18, decimals <= 18 else { separator(); bytes.append(contentsOf: String(x).utf8); return }
        let magnitude = UInt64(abs(scaled)), s = UInt64(scale)
        number { end in
            var p = end
            if decimals > 0 {
                var fraction = magnitude % s
                for _ in 0..<decimals {
                    p -= 1
                    p.pointee = 0x30 + UInt8(fraction % 10)
                    fraction /= 10
                }
                p -= 1
                p.pointee = 0x2E
            }
            p = Self.digits(magnitude / s, before: p)
            if scaled < 0 && magnitude != 0 { p -= 1; p.pointee = 0x2D }
            return p
        }
    }

    /// One numeric field: `write` fills a stack buffer right to left, ending at the pointer it
    /// gets, and returns where it started; the separator and the bytes then go in with one
    /// append, not one per digit (a million-row analysis writes some 60 million numbers).
    @inline(__always)
    private mutating func number(_ write: (UnsafeMutablePointer<UInt8>) -> UnsafeMutablePointer<UInt8>) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 48) { buffer in
            let end = buffer.baseAddress! + 48
            var start = write(end)
            if !atLineStart { start -= 1; start.pointee = 0x2C }
            atLineStart = false
            bytes.append(contentsOf: UnsafeBufferPointer(start: start, count: end - start))
        }
    }

    /// The decimal digits of `v`, written so they end just before `end`; returns their start.
    @inline(__always)
    private static func digits(_ v: UInt64, before end: UnsafeMutablePointer<UInt8>) -> UnsafeMutablePointer<UInt8> {
        var p = end, v = v
        repeat {
            p -= 1
            p.pointee = 0x30 + UInt8(v % 10)
            v /= 10
        } while v > 0
        return p
    }
}
