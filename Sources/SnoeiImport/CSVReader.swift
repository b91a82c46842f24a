public import Foundation

/// One CSV record: its fields, unescaped, packed into one byte buffer.
///
/// The reader reuses the buffers for the next record, so a record handed to the callback
/// costs no allocation unless the callee keeps it (copy-on-write then separates them).
public struct CSVRecord: Sendable {
    /// Physical 1-based line on which the record starts.
    public internal(set) var line: Int = 1
    /// Byte offset just past the record's line end, for progress reporting.
    public internal(set) var endOffset: Int = 0
    /// The line held no bytes at all (not even `""`); the record then has one empty field.
    public internal(set) var isBlankLine = false
    var bytes: [UInt8] = []
    var ends: [Int] = []

    public init() {}

    public var count: Int { ends.count }

    func range(_ i: Int) -> Range<Int> { (i == 0 ? 0 : ends[i - 1])..<ends[i] }

    /// The bytes of field `i` (0-based); valid UTF-8 in every record the reader delivers.
    public subscript(i: Int) -> ArraySlice<UInt8> { bytes[range(i)] }

    public func isEmpty(_ i: Int) -> Bool { range(i).isEmpty }

    public func string(_ i: Int) -> String { String(decoding: self[i], as: UTF8.self) }

    public var fields: [String] { (0..<count).map(string) }
}

public enum CSVEvent: Sendable {
    case record(CSVRecord)
    /// The record starting at `line` was malformed and is not delivered.
    case problem(ImportProblem)
}

/// RFC 4180 reader over bytes: `,` separator, `"` quoting with `""` escapes, CRLF, LF
/// (or a lone CR) line ends, an optional UTF-8 BOM. Every field is checked to be UTF-8.
///
/// It works on raw bytes in one pass with no per-character `String` work, because the
/// ledgers it reads reach tens of millions of rows. Quotes inside an unquoted field are
/// taken literally (common in exports such as `27" screen`); text after a closing quote
/// is an error, since it usually means an unescaped quote that shifted the fields.
public struct CSVReader: Sendable {
    /// File name used in the problems it reports.
    public var file: String
    /// The field separator; `,` for the canonical format, `;` or tab for many exports.
    public var separator: UInt8
    /// The quote character, or nil for files that do not quote at all (every `"` literal).
    public var quote: UInt8?

    public init(file: String = "", separator: UInt8 = UInt8(ascii: ","), quote: UInt8? = UInt8(ascii: "\"")) {
        self.file = file; self.separator = separator; self.quote = quote
    }

    public func read(_ data: Data, _ body: (CSVEvent) throws -> Void) rethrows {
        try data.withUnsafeBytes { raw in try read(raw.bindMemory(to: UInt8.self), body) }
    }

    public func read(_ bytes: [UInt8], _ body: (CSVEvent) throws -> Void) rethrows {
        try bytes.withUnsafeBufferPointer { try read($0, body) }
    }

    /// Every record and problem at once; for small inputs and tests.
    public func readAll(_ bytes: [UInt8]) -> (records: [CSVRecord], problems: [ImportProblem]) {
        var records: [CSVRecord] = []
        var problems: [ImportProblem] = []
        read(bytes) { event in
            switch event {
            case .record(let r): records.append(r)
            case .problem(let p): problems.append(p)
            }
        }
        return (records, problems)
    }

    public func read(_ p: UnsafeBufferPointer<UInt8>, _ body: (CSVEvent) throws -> Void) rethrows {
        // With `quote` nil every field is scanned as unquoted; `quote` then is never compared.
        let quoting = self.quote != nil, quote = self.quote ?? 0, comma = separator, lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")
        let n = p.count
        var i = 0
        if n >= 3, p[0] == 0xEF, p[1] == 0xBB, p[2] == 0xBF { i = 3 }
        var line = 1
        var rec = CSVRecord()
        rec.bytes.reserveCapacity(512)
        rec.ends.reserveCapacity(16)
        var nonASCII: [Int] = []

        @inline(__always) func append(_ from: Int, _ to: Int, into rec: inout CSVRecord) {
            if to > from { rec.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: p[from..<to])) }
        }

        while i < n {
            rec.bytes.removeAll(keepingCapacity: true)
            rec.ends.removeAll(keepingCapacity: true)
            nonASCII.removeAll(keepingCapacity: true)
            rec.line = line
            rec.isBlankLine = false
            var problem: ImportProblem?

            if p[i] == lf || p[i] == cr {
                // Blank lines at the very end are not records (editors add them).
                var j = i
                while j < n, p[j] == lf || p[j] == cr { j += 1 }
                if j == n { break }
                i += (p[i] == cr && i + 1 < n && p[i + 1] == lf) ? 2 : 1
                line += 1
                rec.ends.append(0)
                rec.isBlankLine = true
                rec.endOffset = i
                try body(.record(rec))
                continue
            }

            while true {
                var high: UInt8 = 0
                let column = rec.ends.count + 1
                var scanUnquoted = true
                if quoting, i < n, p[i] == quote {
                    scanUnquoted = false
                    i += 1
                    while true {
                        let s = i
                        while i < n {
                            let b = p[i]
                            if b == quote { break }
                            if b == lf || (b == cr && (i + 1 == n || p[i + 1] != lf)) { line += 1 }
                            high |= b
                            i += 1
                        }
                        append(s, i, into: &rec)
                        if i == n {
                            try body(.problem(ImportProblem(
                                file: file, line: rec.line, column: column,
                                reason: "quoted field is never closed: the opening \" has no matching closing \" before the end of the file")))
                            return
                        }
                        if i + 1 < n, p[i + 1] == quote {
                            rec.bytes.append(quote)
                            i += 2
                            continue
                        }
                        i += 1
                        break
                    }
                    if i < n, p[i] != comma, p[i] != lf, p[i] != cr {
                        if problem == nil {
                            problem = ImportProblem(
                                file: file, line: rec.line, column: column,
                                reason: "unexpected \(Self.describe(byte: p[i])) after the closing quote of a quoted field; write a quote inside quotes as \"\"")
                        }
                        scanUnquoted = true  // resynchronise at the next separator
                    }
                }
                if scanUnquoted {
                    let s = i
                    while i < n {
                        let b = p[i]
                        if b == comma || b == lf || b == cr { break }
                        high |= b
                        i += 1
                    }
                    append(s, i, into: &rec)
                }
                rec.ends.append(rec.bytes.count)
                if high & 0x80 != 0 { nonASCII.append(rec.ends.count - 1) }
                if i == n { break }
                let b = p[i]
                i += 1
                if b == comma { continue }
                if b == cr, i < n, p[i] == lf { i += 1 }
                line += 1
                break
            }
            rec.endOffset = i
            if problem == nil {
                for f in nonASCII {
                    let field = rec[f]
                    if let bad = Self.firstInvalidUTF8(field) {
                        let shown = ImportText.quoted(String(decoding: field, as: UTF8.self))
                        let byte = String(field[field.startIndex + bad], radix: 16, uppercase: true)
                        problem = ImportProblem(
                            file: file, line: rec.line, column: f + 1,
                            reason: "\(shown) is not valid UTF-8 (byte 0x\(byte.count == 1 ? "0" : "")\(byte) at position \(bad + 1)); save the file as UTF-8")
                        break
                    }
                }
            }
            if let problem { try body(.problem(problem)) } else { try body(.record(rec)) }
        }
    }

    /// Offset of the first byte that does not start a valid UTF-8 sequence, or nil.
    static func firstInvalidUTF8(_ bytes: ArraySlice<UInt8>) -> Int? {
        var it = bytes.makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &it) {
            case .valid(let encoded): offset += encoded.count
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }

    static func describe(byte b: UInt8) -> String {
        if b >= 0x20, b < 0x7F { return "\"\(Character(Unicode.Scalar(b)))\"" }
        let hex = String(b, radix: 16, uppercase: true)
        return "byte 0x\(hex.count == 1 ? "0" : "")\(hex)"
    }
}
