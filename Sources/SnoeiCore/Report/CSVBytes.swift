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
        separator()
        if v < 0 { bytes.append(0x2D) }
        digits(UInt64(v.magnitude))
    }

    /// Cents as `Money.plainString` writes them: `-12.05`.
    mutating func money(_ m: Money) {
        separator()
        if m.cents < 0 { bytes.append(0x2D) }
        let magnitude = m.cents.magnitude
        digits(magnitude / 100)
        bytes.append(0x2E)
        let cents = magnitude % 100
        bytes.append(0x30 + UInt8(cents / 10))
        bytes.append(0x30 + UInt8(cents % 10))
    }

    /// A figure with fixed decimals as `JSONWriter.fixed` writes it; empty for nil, NaN or ±∞.
    mutating func fixed(_ x: Double?, _ decimals: Int) {
        separator()
        guard let x, x.isFinite else { return }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (x * scale).rounded(.toNearestOrAwayFromZero)
        guard abs(scaled) < 9e18 else { bytes.append(contentsOf: String(x).utf8); return }
        let magnitude = UInt64(abs(scaled))
        let s = UInt64(scale)
        if scaled < 0 && magnitude != 0 { bytes.append(0x2D) }
        digits(magnitude / s)
        guard decimals > 0 else { return }
        bytes.append(0x2E)
        var fraction = magnitude % s
        let start = bytes.count
        for _ in 0..<decimals {
            bytes.append(0x30 + UInt8(fraction % 10))
            fraction /= 10
        }
        bytes[start...].reverse()
    }

    private mutating func digits(_ v: UInt64) {
        guard v >= 10 else { bytes.append(0x30 + UInt8(v)); return }
        let start = bytes.count
        var v = v
        while v > 0 {
            bytes.append(0x30 + UInt8(v % 10))
            v /= 10
        }
        bytes[start...].reverse()
    }
}
