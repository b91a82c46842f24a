/// Finds the field separator of a CSV export from its first lines.
///
/// Counting is done outside quotes, so `"Jansen, B.V."` does not vote for `,`. The winner
/// is the candidate whose count per line is the same on the most lines (a real separator
/// gives every record the header's field count); ties go to the higher count.
enum SeparatorDetector {
    static let candidates: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t"), UInt8(ascii: "|")]

    static func detect(_ bytes: [UInt8], quote: UInt8? = UInt8(ascii: "\""), lines maxLines: Int = 30) -> UInt8 {
        var counts: [[Int]] = []  // per line, per candidate
        var current = [Int](repeating: 0, count: candidates.count)
        var inQuotes = false
        var i = 0
        while i < bytes.count, counts.count < maxLines {
            let b = bytes[i]
            if let quote, b == quote {
                inQuotes.toggle()
            } else if !inQuotes, b == UInt8(ascii: "\n") || b == UInt8(ascii: "\r") {
                if current.contains(where: { $0 > 0 }) || !counts.isEmpty { counts.append(current) }
                current = [Int](repeating: 0, count: candidates.count)
            } else if !inQuotes, let k = candidates.firstIndex(of: b) {
                current[k] += 1
            }
            i += 1
        }
        if current.contains(where: { $0 > 0 }) { counts.append(current) }
        guard let header = counts.first else { return candidates[0] }

        var best = 0
        var bestScore = (-1, -1)
        for k in candidates.indices where header[k] > 0 {
            let consistent = counts.filter { $0[k] == header[k] }.count
            let score = (consistent, header[k])
            if score > bestScore { bestScore = score; best = k }
        }
        return candidates[best]
    }

    static func name(_ separator: UInt8) -> String {
        switch separator {
        case UInt8(ascii: "\t"): return "tab"
        case UInt8(ascii: ";"): return "semicolon (;)"
        case UInt8(ascii: ","): return "comma (,)"
        case UInt8(ascii: "|"): return "pipe (|)"
        default: return "\"\(Character(Unicode.Scalar(separator)))\""
        }
    }

    /// `,` `;` `tab` `\t` `|`, or the words `comma`, `semicolon`, `pipe`.
    static func parse(_ text: String) -> UInt8? {
        switch text.lowercased() {
        case ",", "comma": return UInt8(ascii: ",")
        case ";", "semicolon": return UInt8(ascii: ";")
        case "tab", "\\t", "\t": return UInt8(ascii: "\t")
        case "|", "pipe": return UInt8(ascii: "|")
        default: return nil
        }
    }
}
