/// Turns the bytes of an XML file into UTF-8 the parser can trust: honours a UTF-8 byte order
/// mark and the declaration's `encoding` (UTF-8, US-ASCII, ISO-8859-1, Windows-1252), refuses
/// UTF-16 and anything else by name, and checks UTF-8 byte by byte so a Latin-1 "é" in a file
/// that says UTF-8 (mixed encodings) is reported at its line and column.
enum XMLEncoding {
    static func utf8(_ bytes: [UInt8]) throws -> [UInt8] {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return try validated(Array(bytes[3...]), offset: 3, in: bytes) }
        if bytes.starts(with: [0xFE, 0xFF]) || bytes.starts(with: [0xFF, 0xFE]) || (bytes.count > 1 && (bytes[0] == 0 || bytes[1] == 0)) {
            throw XMLError(line: 1, column: 1, reason: "the file is UTF-16; save it as UTF-8")
        }
        switch declaredEncoding(bytes)?.lowercased() {
        case nil, "utf-8", "utf8", "us-ascii", "ascii":
            return try validated(bytes, offset: 0, in: bytes)
        case "iso-8859-1", "latin1", "latin-1", "iso8859-1", "iso-8859-15":
            return transcode(bytes, windows1252: false)
        case "windows-1252", "cp1252":
            return transcode(bytes, windows1252: true)
        case let other?:
            throw XMLError(line: 1, column: 1, reason: "encoding \"\(other)\" is not supported; use UTF-8, ISO-8859-1 or Windows-1252")
        }
    }

    /// The `encoding` pseudo-attribute of `<?xml … ?>`, read as ASCII from the first line.
    static func declaredEncoding(_ bytes: [UInt8]) -> String? {
        guard bytes.starts(with: Array("<?xml".utf8)) else { return nil }
        let end = bytes.prefix(512).firstIndex(of: UInt8(ascii: ">")) ?? min(bytes.count, 512)
        let decl = String(decoding: bytes[..<end].filter { $0 < 0x80 }, as: UTF8.self)
        guard let r = decl.range(of: "encoding") else { return nil }
        var rest = decl[r.upperBound...].drop { $0 == " " || $0 == "=" || $0 == "\t" }
        guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
        rest = rest.dropFirst()
        return String(rest.prefix { $0 != quote })
    }

    private static func validated(_ body: [UInt8], offset: Int, in all: [UInt8]) throws -> [UInt8] {
        var i = 0
        while i < body.count {
            let b = body[i]
            if b < 0x80 { i += 1; continue }
            let need: Int, minScalar: UInt32
            switch b {
            case 0xC2...0xDF: need = 1; minScalar = 0x80
            case 0xE0...0xEF: need = 2; minScalar = 0x800
            case 0xF0...0xF4: need = 3; minScalar = 0x10000
            default: throw invalid(at: offset + i, in: all)
            }
            guard i + need < body.count else { throw invalid(at: offset + i, in: all) }
            var scalar = UInt32(b) & (need == 1 ? 0x1F : need == 2 ? 0x0F : 0x07)
            for k in 1...need {
                let c = body[i + k]
                guard c & 0xC0 == 0x80 else { throw invalid(at: offset + i, in: all) }
                scalar = scalar << 6 | UInt32(c & 0x3F)
            }
            guard scalar >= minScalar, scalar <= 0x10FFFF, !(0xD800...0xDFFF).contains(scalar) else {
                throw invalid(at: offset + i, in: all)
            }
            i += need + 1
        }
        return body
    }

    private static func invalid(at index: Int, in bytes: [UInt8]) -> XMLError {
        let (line, column) = position(of: index, in: bytes)
        return XMLError(line: line, column: column,
                        reason: "byte \(hex(bytes[index])) is not valid UTF-8 (is the file in another encoding than it declares?)")
    }

    static func hex(_ b: UInt8) -> String {
        let digits = String(b, radix: 16, uppercase: true)
        return "0x" + (digits.count == 1 ? "0" : "") + digits
    }

    /// Line and column (in characters) of a byte offset.
    static func position(of index: Int, in bytes: [UInt8]) -> (Int, Int) {
        var line = 1, column = 1
        for b in bytes[..<min(index, bytes.count)] {
            if b == 0x0A { line += 1; column = 1 } else if b & 0xC0 != 0x80 { column += 1 }
        }
        return (line, column)
    }

    /// Windows-1252 differs from ISO-8859-1 in 0x80–0x9F only (€, quotes, dashes…).
    private static let cp1252: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
        0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ]

    private static func transcode(_ bytes: [UInt8], windows1252: Bool) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 8)
        for b in bytes {
            if b < 0x80 { out.append(b); continue }
            let scalar = windows1252 && b < 0xA0 ? cp1252[Int(b - 0x80)] : UInt32(b)
            out.append(contentsOf: String(Character(Unicode.Scalar(scalar)!)).utf8)
        }
        return out
    }
}
