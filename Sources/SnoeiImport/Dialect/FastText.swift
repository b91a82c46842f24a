/// Byte-level helpers for the per-value work of an import: Foundation's
/// `trimmingCharacters` and `Character` iteration cost microseconds per value, which a
/// million-row export multiplies into minutes.
enum FastText {
    @inline(__always) static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }

    /// `text` without leading and trailing ASCII white space.
    static func trimmed(_ text: String) -> String {
        let u = text.utf8
        guard let first = u.first, let last = u.last, isSpace(first) || isSpace(last) else { return text }
        var start = u.startIndex, end = u.endIndex
        while start < end, isSpace(u[start]) { start = u.index(after: start) }
        while end > start, isSpace(u[u.index(before: end)]) { end = u.index(before: end) }
        return String(Substring(u[start..<end]))
    }

    /// The bytes of a number without white space of any kind (ASCII, NBSP U+00A0, narrow
    /// NBSP U+202F) and without a leading or trailing `€`/`EUR`.
    static func numberBytes(_ text: String) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var it = Array(text.utf8)[...]
        while let b = it.first {
            if isSpace(b) { it = it.dropFirst(); continue }
            if b == 0xC2, it.dropFirst().first == 0xA0 { it = it.dropFirst(2); continue }
            if b == 0xE2, it.starts(with: [0xE2, 0x80, 0xAF]) { it = it.dropFirst(3); continue }
            out.append(b)
            it = it.dropFirst()
        }
        return out
    }

    static let euro: [UInt8] = [0xE2, 0x82, 0xAC]

    /// Drops one currency sign (`€`, `EUR` in any case) at the start and at the end.
    static func stripCurrency(_ b: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var s = b
        if s.starts(with: euro) { s = s.dropFirst(3) } else if s.count >= 3, isEUR(s.prefix(3)) { s = s.dropFirst(3) }
        if s.reversed().starts(with: euro.reversed()) { s = s.dropLast(3) } else if s.count >= 3, isEUR(s.suffix(3)) { s = s.dropLast(3) }
        return s
    }

    static func isEUR(_ s: ArraySlice<UInt8>) -> Bool {
        let l = s.map { $0 | 0x20 }
        return l == Array("eur".utf8)
    }

    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
}
