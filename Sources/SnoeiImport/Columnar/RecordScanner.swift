/// Splits bytes into CSV records exactly as `CSVReader` does (RFC 4180, `"` quoting with
/// `""` escapes, LF / CRLF / lone-CR line ends, physical line numbers, UTF-8 checks), but
/// without copying: a field is an offset range into the file, or into a small scratch
/// buffer when it held doubled quotes that had to be unescaped.
///
/// One scanner parses one chunk of a file; it reads the whole file's bytes so a record may
/// run past the chunk's nominal end (a quoted field with a newline) and blank lines at the
/// very end of the file are recognised wherever they start.
struct RecordScanner {
    struct Field {
        var start: Int
        var end: Int
        var inScratch: Bool
    }

    let base: UnsafePointer<UInt8>
    let count: Int
    var position: Int
    /// Physical lines consumed since the scanner started (0-based line of the next record).
    var line = 0

    // The record just scanned.
    var recordLine = 0
    var isBlankLine = false
    /// Fields beyond `capacity` are counted, not kept (the record then has the wrong count anyway).
    var fieldCount = 0
    var fields: UnsafeMutablePointer<Field>
    let capacity: Int
    /// Unescaped fields of the current record; offsets stay valid when it grows.
    private var scratch: UnsafeMutablePointer<UInt8>
    private var scratchCount = 0
    private var scratchCapacity = 256
    /// The first malformation of the record: 1-based column and reason.
    var problem: (column: Int, reason: String)?
    /// Tests turn the word-at-a-time path for plain records off to compare it with the general one.
    var usesFastPath = true

    init(base: UnsafePointer<UInt8>, count: Int, position: Int, capacity: Int) {
        self.base = base; self.count = count; self.position = position; self.capacity = capacity
        fields = .allocate(capacity: capacity)
        scratch = .allocate(capacity: scratchCapacity)
    }

    func release() { fields.deallocate(); scratch.deallocate() }

    private mutating func appendScratch(_ from: UnsafePointer<UInt8>, _ n: Int) {
        if scratchCount + n > scratchCapacity {
            let bigger = max(scratchCapacity * 2, scratchCount + n)
            let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: bigger)
            grown.update(from: scratch, count: scratchCount)
            scratch.deallocate()
            scratch = grown
            scratchCapacity = bigger
        }
        (scratch + scratchCount).update(from: from, count: n)
        scratchCount += n
    }

    static let lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r"), comma = UInt8(ascii: ","), quote = UInt8(ascii: "\"")

    /// High bit set in each byte of `w` that is `,`, LF or CR. Only the lowest flagged byte
    /// is certain (a borrow can flag a byte above a match), and only it is used.
    @inline(__always) static func separators(_ w: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func zeroBytes(_ x: UInt64) -> UInt64 { (x &- ones) & ~x & highs }
        return zeroBytes(w ^ (ones &* 0x2C)) | zeroBytes(w ^ (ones &* 0x0A)) | zeroBytes(w ^ (ones &* 0x0D))
    }

    /// The bytes of field `f` of the current record.
    @inline(__always) func bytes(_ f: Int) -> UnsafeBufferPointer<UInt8> {
        let field = fields[f]
        if field.inScratch {
            return UnsafeBufferPointer(start: scratch + field.start, count: field.end - field.start)
        }
        return UnsafeBufferPointer(start: base + field.start, count: field.end - field.start)
    }

    /// The bytes are in the file (not unescaped into the scratch space), or there are none.
    @inline(__always) func inFile(_ field: UnsafeBufferPointer<UInt8>?) -> Bool {
        guard let p = field?.baseAddress else { return true }
        return p >= base && p < base + count
    }

    @inline(__always) private mutating func store(_ field: Field) {
        if fieldCount < capacity { fields[fieldCount] = field }
        fieldCount += 1
    }

    /// Scans the next record; false at the end of the file (trailing blank lines included).
    mutating func next() -> Bool {
        let p = base, n = count, lf = Self.lf, cr = Self.cr, comma = Self.comma, quote = Self.quote
        var i = position
        guard i < n else { return false }
        recordLine = line
        fieldCount = 0
        isBlankLine = false
        problem = nil
        scratchCount = 0
        if p[i] == lf || p[i] == cr {
            var j = i
            while j < n, p[j] == lf || p[j] == cr { j += 1 }
            if j == n { position = n; return false }
            i += (p[i] == cr && i + 1 < n && p[i + 1] == lf) ? 2 : 1
            line += 1
            isBlankLine = true
            store(Field(start: i, end: i, inScratch: false))
            position = i
            return true
        }
        #if _endian(little)
        if usesFastPath, fastRecord(from: i) { return true }
        #endif
        var nonASCII: UInt64 = 0  // bit f: field f (< 64) holds a byte ≥ 0x80
        while true {
            var high: UInt8 = 0
            let column = fieldCount + 1
            if i < n, p[i] == quote {
                i += 1
                let start = i
                var escaped = false
                var scratchStart = 0
                while true {
                    let s = i
                    while i < n {
                        let b = p[i]
                        if b == quote { break }
                        if b == lf || (b == cr && (i + 1 == n || p[i + 1] != lf)) { line += 1 }
                        high |= b
                        i += 1
                    }
                    if escaped { appendScratch(p + s, i - s) }
                    if i == n {
                        problem = (column, "quoted field is never closed: the opening \" has no matching closing \" before the end of the file")
                        position = n
                        return true
                    }
                    if i + 1 < n, p[i + 1] == quote {
                        if !escaped {
                            escaped = true
                            scratchStart = scratchCount
                            appendScratch(p + start, i - start)
                        }
                        appendScratch(p + i, 1)
                        i += 2
                        continue
                    }
                    break
                }
                store(escaped ? Field(start: scratchStart, end: scratchCount, inScratch: true)
                              : Field(start: start, end: i, inScratch: false))
                i += 1
                if i < n, p[i] != comma, p[i] != lf, p[i] != cr {
                    if problem == nil {
                        problem = (column, "unexpected \(CSVReader.describe(byte: p[i])) after the closing quote of a quoted field; write a quote inside quotes as \"\"")
                    }
                    while i < n, p[i] != comma, p[i] != lf, p[i] != cr { i += 1 }
                }
            } else {
                let s = i
                var found = false
                #if _endian(little)
                // Eight bytes at a time: jump straight to the first `,` `\n` `\r` of the word.
                while i + 8 <= n {
                    let w = UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self)
                    let m = Self.separators(w)
                    if m != 0 {
                        let k = m.trailingZeroBitCount >> 3
                        let before = k == 0 ? 0 : w & (UInt64.max >> UInt64(64 - 8 * k))
                        if before & 0x8080_8080_8080_8080 != 0 { high |= 0x80 }
                        i += k
                        found = true
                        break
                    }
                    if w & 0x8080_8080_8080_8080 != 0 { high |= 0x80 }
                    i += 8
                }
                #endif
                while !found, i < n {
                    let b = p[i]
                    if b == comma || b == lf || b == cr { break }
                    high |= b
                    i += 1
                }
                store(Field(start: s, end: i, inScratch: false))
            }
            if high & 0x80 != 0 { nonASCII |= column <= 64 ? 1 << UInt64(column - 1) : 0 }
            if i == n { break }
            let b = p[i]
            i += 1
            if b == comma { continue }
            if b == cr, i < n, p[i] == lf { i += 1 }
            line += 1
            break
        }
        position = i
        if problem == nil, nonASCII != 0 { checkUTF8(nonASCII) }
        return true
    }

    /// High bit set in exactly the bytes of `w` that are zero (no borrow between bytes).
    @inline(__always) static func zeroBytes(_ w: UInt64) -> UInt64 {
        let lows: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        return ~(((w & lows) &+ lows) | w | lows)
    }

    /// The usual record, read eight bytes at a time with every comma of a word ending a field:
    /// no quote and no byte ≥ 0x80 in the words it spans, and at least eight bytes of the file
    /// from each word's start. Anything else returns false with nothing consumed (`fieldCount`
    /// back to 0) and is read by the general loop of `next()`, which this must match exactly.
    @inline(__always) private mutating func fastRecord(from start: Int) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        let commas = ones &* UInt64(Self.comma), lfs = ones &* UInt64(Self.lf), crs = ones &* UInt64(Self.cr)
        let quotes = ones &* UInt64(Self.quote)
        var i = start, fieldStart = start
        while i + 8 <= count {
            let w = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
            if (w & highs) | Self.zeroBytes(w ^ quotes) != 0 { break }
            var ends = Self.zeroBytes(w ^ commas) | Self.zeroBytes(w ^ lfs) | Self.zeroBytes(w ^ crs)
            while ends != 0 {
                let at = i + ends.trailingZeroBitCount >> 3
                store(Field(start: fieldStart, end: at, inScratch: false))
                let b = base[at]
                if b == Self.comma {
                    fieldStart = at + 1
                    ends &= ends &- 1
                    continue
                }
                var next = at + 1
                if b == Self.cr, next < count, base[next] == Self.lf { next += 1 }
                line += 1
                position = next
                return true
            }
            i += 8
        }
        fieldCount = 0
        return false
    }

    private mutating func checkUTF8(_ mask: UInt64) {
        for f in 0..<min(fieldCount, capacity, 64) where mask & (1 << UInt64(f)) != 0 {
            let field = bytes(f)
            var it = field.makeIterator()
            var parser = Unicode.UTF8.ForwardParser()
            var offset = 0
            scan: while true {
                switch parser.parseScalar(from: &it) {
                case .valid(let encoded): offset += encoded.count
                case .emptyInput: break scan
                case .error:
                    let shown = ImportText.quoted(String(decoding: field, as: UTF8.self))
                    let byte = String(field[offset], radix: 16, uppercase: true)
                    problem = (f + 1, "\(shown) is not valid UTF-8 (byte 0x\(byte.count == 1 ? "0" : "")\(byte) at position \(offset + 1)); save the file as UTF-8")
                    return
                }
            }
        }
    }
}
