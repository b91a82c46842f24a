/// Byte-level steps of the reader: moving with line/column tracking, comments, processing
/// instructions, CDATA and references.
extension XMLCursor {
    mutating func advance(_ n: Int) {
        for _ in 0..<n where i < b.count {
            let c = b[i]
            if c == 0x0A { line += 1; column = 1 } else if c & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
    }

    func starts(_ s: String) -> Bool {
        let u = Array(s.utf8)
        guard i + u.count <= b.count else { return false }
        for k in 0..<u.count where b[i + k] != u[k] { return false }
        return true
    }

    func fail(_ reason: String) -> XMLError { XMLError(line: line, column: column, reason: reason) }

    mutating func expect(_ s: String) throws {
        guard starts(s) else { throw fail(i < b.count ? "expected \(s)" : "the file ends where \(s) was expected") }
        advance(s.utf8.count)
    }

    @discardableResult
    mutating func skipSpace() -> Bool {
        let start = i
        while i < b.count, b[i] == 0x20 || b[i] == 0x09 || b[i] == 0x0A || b[i] == 0x0D { advance(1) }
        return i > start
    }

    /// White space, comments and processing instructions outside the root element.
    mutating func misc() throws {
        while true {
            skipSpace()
            if starts("<!--") { try skipComment() } else if starts("<?") { try skipPI() } else { return }
        }
    }

    mutating func skipComment() throws {
        let (l, c) = (line, column)
        advance(4)
        while i < b.count {
            if starts("-->") { advance(3); return }
            try checkChar(b[i])
            advance(1)
        }
        throw XMLError(line: l, column: c, reason: "comment is not closed (truncated file?)")
    }

    mutating func skipPI() throws {
        let (l, c) = (line, column)
        advance(2)
        while i < b.count {
            if starts("?>") { advance(2); return }
            try checkChar(b[i])
            advance(1)
        }
        throw XMLError(line: l, column: c, reason: "processing instruction is not closed (truncated file?)")
    }

    mutating func cdata() throws -> String {
        let (l, c) = (line, column)
        advance(9)
        let start = i
        while i < b.count {
            if starts("]]>") {
                let text = String(decoding: b[start..<i], as: UTF8.self)
                advance(3)
                return text
            }
            try checkChar(b[i])
            advance(1)
        }
        throw XMLError(line: l, column: c, reason: "CDATA section is not closed (truncated file?)")
    }

    /// XML 1.0 forbids most control characters; they also mark binary junk or a wrong encoding.
    func checkChar(_ c: UInt8) throws {
        if c < 0x20 && c != 0x09 && c != 0x0A && c != 0x0D {
            throw fail("control character \(XMLEncoding.hex(c)) is not allowed in XML")
        }
    }

    /// `&lt;` `&gt;` `&amp;` `&quot;` `&apos;`, `&#N;` and `&#xH;`; any other name is refused
    /// because without a DTD it cannot be defined.
    mutating func reference() throws -> [UInt8] {
        let (l, c) = (line, column)
        advance(1)
        let start = i
        while i < b.count, b[i] != UInt8(ascii: ";"), i - start < 12 {
            guard b[i] != UInt8(ascii: "<"), b[i] != UInt8(ascii: "&"), b[i] > 0x20 else { break }
            advance(1)
        }
        guard i < b.count, b[i] == UInt8(ascii: ";") else {
            throw XMLError(line: l, column: c, reason: "& must start a reference such as &amp; (write & as &amp;)")
        }
        let name = String(decoding: b[start..<i], as: UTF8.self)
        advance(1)
        switch name {
        case "lt": return [UInt8(ascii: "<")]
        case "gt": return [UInt8(ascii: ">")]
        case "amp": return [UInt8(ascii: "&")]
        case "quot": return [UInt8(ascii: "\"")]
        case "apos": return [UInt8(ascii: "'")]
        default: break
        }
        if name.hasPrefix("#") {
            let hex = name.hasPrefix("#x")
            let digits = name.dropFirst(hex ? 2 : 1)
            if let v = UInt32(digits, radix: hex ? 16 : 10), !digits.isEmpty, digits.allSatisfy({ $0.isHexDigit }),
               v == 0x9 || v == 0xA || v == 0xD || (v >= 0x20 && v <= 0x10FFFF && !(0xD800...0xDFFF).contains(v) && v != 0xFFFE && v != 0xFFFF),
               let scalar = Unicode.Scalar(v) {
                return Array(String(Character(scalar)).utf8)
            }
            throw XMLError(line: l, column: c, reason: "&\(name); is not a valid character reference")
        }
        throw XMLError(line: l, column: c, reason: "unknown entity &\(name); (only &lt; &gt; &amp; &quot; &apos; and &#…; are allowed)")
    }
}
