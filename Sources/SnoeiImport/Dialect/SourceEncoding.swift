/// The character encodings exports arrive in. Dutch and Belgian accounting packages still
/// write Windows-1252 (`é`, `ë`, `€` as single bytes); newer tools write UTF-8, sometimes
/// with a byte order mark.
public enum SourceEncoding: String, Sendable, CaseIterable {
    case utf8 = "utf-8"
    case windows1252 = "windows-1252"
    case latin1 = "iso-8859-1"

    /// Accepts the usual spellings: `utf8`, `cp1252`, `latin1`, `iso-8859-1`, …
    public init?(name: String) {
        switch name.lowercased().replacingOccurrences(of: "_", with: "-") {
        case "utf-8", "utf8": self = .utf8
        case "windows-1252", "cp1252", "win1252", "ansi": self = .windows1252
        case "iso-8859-1", "iso8859-1", "latin1", "latin-1": self = .latin1
        default: return nil
        }
    }
}

/// A file's bytes turned into UTF-8 once, so everything after works on UTF-8 only.
struct DecodedText {
    var bytes: [UInt8]
    var encoding: SourceEncoding
    var hadBOM: Bool
}

/// Why a file's bytes cannot be read as text; `line` and `offset` point at the first bad byte.
struct EncodingProblem: Error, Equatable {
    var line: Int
    /// 1-based byte position within the line.
    var position: Int
    var reason: String
}

enum TextDecoder {
    /// Detects the encoding (unless `forced`) and returns UTF-8 bytes without a BOM.
    ///
    /// Detection: a UTF-8 BOM or bytes that are all valid UTF-8 mean UTF-8; bytes that are
    /// never valid multi-byte UTF-8 mean Windows-1252. A file with both valid multi-byte
    /// UTF-8 and invalid bytes is refused as mixed: transcoding it either way would
    /// silently garble part of the names in it.
    static func decode(_ input: UnsafeBufferPointer<UInt8>, forced: SourceEncoding?) -> Result<DecodedText, EncodingProblem> {
        let n = input.count
        if n >= 2, (input[0] == 0xFF && input[1] == 0xFE) || (input[0] == 0xFE && input[1] == 0xFF) {
            return .failure(EncodingProblem(line: 1, position: 1,
                reason: "the file is UTF-16 (it starts with a UTF-16 byte order mark); save it as UTF-8 or Windows-1252 (\"CSV\" rather than \"Unicode text\")"))
        }
        let bom = n >= 3 && input[0] == 0xEF && input[1] == 0xBB && input[2] == 0xBF
        let start = bom ? 3 : 0
        let scan = scanUTF8(input, from: start)
        if let nul = scan.firstNUL {
            let (line, position) = locate(input, offset: nul)
            return .failure(EncodingProblem(line: line, position: position,
                reason: "the file holds a NUL byte; it is not a text file (or it is UTF-16)"))
        }
        let encoding: SourceEncoding
        if let forced {
            encoding = forced
        } else if bom || scan.firstInvalid == nil {
            encoding = .utf8
        } else if scan.multiByte == 0 {
            encoding = .windows1252
        } else {
            let bad = scan.firstInvalid!
            let (line, position) = locate(input, offset: bad)
            // A lead byte whose sequence runs past the end, with only continuation bytes after it.
            let length = input[bad] >= 0xF0 ? 4 : input[bad] >= 0xE0 ? 3 : input[bad] >= 0xC2 ? 2 : 0
            let truncated = length > 0 && bad + length > n && (bad + 1..<n).allSatisfy { input[$0] & 0xC0 == 0x80 }
            return .failure(EncodingProblem(line: line, position: position, reason: truncated
                ? "the file ends in the middle of a UTF-8 character; it looks truncated"
                : "mixed encodings: the file has UTF-8 characters but byte \(hex(input[bad])) is not UTF-8 (\(scan.invalidCount) such bytes); save the whole file in one encoding or pass --encoding"))
        }
        switch encoding {
        case .utf8:
            if let bad = scan.firstInvalid {
                let (line, position) = locate(input, offset: bad)
                return .failure(EncodingProblem(line: line, position: position,
                    reason: "byte \(hex(input[bad])) is not valid UTF-8\(bom ? " although the file starts with a UTF-8 byte order mark (mixed encodings?)" : ""); pass --encoding windows-1252 if the file is in that encoding"))
            }
            return .success(DecodedText(bytes: Array(input[start...]), encoding: .utf8, hadBOM: bom))
        case .windows1252, .latin1:
            return .success(DecodedText(bytes: transcode(input, from: start, encoding), encoding: encoding, hadBOM: false))
        }
    }

    struct UTF8Scan {
        var firstInvalid: Int?
        var invalidCount = 0
        var multiByte = 0
        var firstNUL: Int?
    }

    /// One pass over the bytes: valid multi-byte sequences, invalid bytes, NUL bytes.
    static func scanUTF8(_ p: UnsafeBufferPointer<UInt8>, from start: Int) -> UTF8Scan {
        var scan = UTF8Scan()
        var i = start
        let n = p.count
        while i < n {
            let b = p[i]
            if b < 0x80 {
                if b == 0, scan.firstNUL == nil { scan.firstNUL = i }
                i += 1
                continue
            }
            let length = b >= 0xF0 && b <= 0xF4 ? 4 : b >= 0xE0 ? 3 : b >= 0xC2 && b <= 0xDF ? 2 : 0
            var valid = length > 0 && i + length <= n
            if valid {
                for k in 1..<length where p[i + k] & 0xC0 != 0x80 { valid = false }
            }
            if valid, length == 3 {
                // Overlong (E0 80..9F) and surrogate (ED A0..BF) forms are not UTF-8.
                if (b == 0xE0 && p[i + 1] < 0xA0) || (b == 0xED && p[i + 1] >= 0xA0) { valid = false }
            }
            if valid, length == 4 {
                if (b == 0xF0 && p[i + 1] < 0x90) || (b == 0xF4 && p[i + 1] >= 0x90) { valid = false }
            }
            if valid {
                scan.multiByte += 1
                i += length
            } else {
                if scan.firstInvalid == nil { scan.firstInvalid = i }
                scan.invalidCount += 1
                i += 1
            }
        }
        return scan
    }

    /// Windows-1252 bytes 0x80–0x9F; the five undefined ones keep their C1 code points, as
    /// browsers do.
    static let cp1252High: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
        0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ]

    /// The UTF-8 form of each of the 256 bytes, built once per call.
    static func transcode(_ p: UnsafeBufferPointer<UInt8>, from start: Int, _ encoding: SourceEncoding) -> [UInt8] {
        var table = [[UInt8]](repeating: [], count: 256)
        for b in 0..<256 {
            let scalar = encoding == .windows1252 && (0x80...0x9F).contains(b) ? cp1252High[b - 0x80] : UInt32(b)
            table[b] = Array(String(Character(Unicode.Scalar(scalar)!)).utf8)
        }
        var out: [UInt8] = []
        out.reserveCapacity(p.count + p.count / 16)
        for i in start..<p.count {
            let b = p[i]
            if b < 0x80 { out.append(b) } else { out.append(contentsOf: table[Int(b)]) }
        }
        return out
    }

    /// Physical line (1-based; CRLF, LF and lone CR count once) and 1-based position in it.
    static func locate(_ p: UnsafeBufferPointer<UInt8>, offset: Int) -> (line: Int, position: Int) {
        var line = 1
        var lineStart = 0
        var i = 0
        while i < offset {
            if p[i] == UInt8(ascii: "\n") || (p[i] == UInt8(ascii: "\r") && (i + 1 >= p.count || p[i + 1] != UInt8(ascii: "\n"))) {
                line += 1
                lineStart = i + 1
            }
            i += 1
        }
        return (line, offset - lineStart + 1)
    }

    static func hex(_ b: UInt8) -> String {
        let h = String(b, radix: 16, uppercase: true)
        return "0x\(h.count == 1 ? "0" : "")\(h)"
    }
}
