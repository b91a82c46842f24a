import Dispatch
import SnoeiCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How one canonical file's records become one columnar table: `add` appends a record's
/// values (or notes its problems), `merge` joins the chunks' tables in file order.
protocol TableParser: Sendable {
    associatedtype Table: Sendable
    var schema: FileSchema { get }
    func makeTable(reserving: Int) -> Table
    func add(_ record: inout RecordFields, to table: inout Table)
    func merge(_ parts: inout [Table]) -> Table
    /// Work on a chunk's whole table once its records are in, while the file is still mapped.
    func finish(_ table: inout Table, file base: UnsafePointer<UInt8>)
}

extension TableParser {
    func finish(_ table: inout Table, file base: UnsafePointer<UInt8>) {}
}

/// Parses one mapped file on several threads.
///
/// The data after the header is cut into chunks just after a line feed, and each chunk is
/// parsed on its own as if a record started there. That guess is wrong only when the line
/// feed was inside a quoted field; it is checked afterwards: chunk k+1 must start exactly
/// where chunk k's last record ended (a record may run past its chunk's nominal end). When
/// it does not, chunk k+1 is parsed again from the right place, so the result is always
/// that of one sequential pass, with the speed of a parallel one when fields hold no
/// newlines (the usual case).
struct ChunkedParse<P: TableParser> {
    let parser: P
    let threads: Int
    /// Target chunk size in bytes; tests make it tiny so boundaries fall everywhere.
    let chunkBytes: Int?

    struct Output {
        var table: P.Table
        var problems: [ImportProblem]
        /// The header names every required column, so the rows could be checked.
        var headerOK: Bool
        var records: Int
        /// Field index of each schema column (-1: absent); empty when the header was unusable.
        var fieldOf: [Int] = []
    }

    private struct Chunk: Sendable {
        var start: Int
        var end: Int
        var table: P.Table
        var problems: [ImportProblem]
        var lines: Int
        var records: Int
    }

    /// - Parameter whenParsed: called once every core's share of the file is parsed, before the
    ///   chunks are joined on one thread (`ColumnarLedgerLoader` starts other work then).
    func run(_ file: MappedFile, whenParsed: () -> Void = {}) -> Output {
        let schema = parser.schema
        var problems: [ImportProblem] = []
        func fail(_ line: Int, _ column: Int?, _ reason: String) -> Output {
            problems.append(ImportProblem(file: schema.file, line: line, column: column, reason: reason))
            return Output(table: parser.makeTable(reserving: 0), problems: problems, headerOK: false, records: 0)
        }
        let expected = schema.header.joined(separator: ",")
        guard let base = file.base else {
            return fail(1, nil, "the file is empty (0 bytes); it needs at least the header row: \(expected)")
        }
        let n = file.count
        let bom = n >= 3 && base[0] == 0xEF && base[1] == 0xBB && base[2] == 0xBF ? 3 : 0
        var header = RecordScanner(base: base, count: n, position: bom, capacity: 256)
        defer { header.release() }
        guard header.next() else { return fail(1, nil, "the file has no header row; expected \(expected)") }
        if let p = header.problem { return fail(1, p.column, p.reason) }
        if header.isBlankLine { return fail(1, nil, "the first line is empty; it must be the header row: \(expected)") }
        var fieldOf = [Int](repeating: -1, count: schema.columns.count)
        for f in 0..<min(header.fieldCount, header.capacity) {
            let name = ByteFields.string(header.bytes(f))
            if let c = schema.columns.firstIndex(where: { $0.name == name }) {
                if fieldOf[c] >= 0 {
                    problems.append(ImportProblem(file: schema.file, line: 1, column: f + 1, reason: "column \(ImportText.quoted(name)) appears twice; first as column \(fieldOf[c] + 1)"))
                } else {
                    fieldOf[c] = f
                }
            } else {
                problems.append(ImportProblem(file: schema.file, line: 1, column: f + 1, reason: "unknown column \(ImportText.quoted(name)); the columns of \(schema.file) are \(schema.header.joined(separator: ", "))"))
            }
        }
        for (c, column) in schema.columns.enumerated() where column.required && fieldOf[c] < 0 {
            problems.append(ImportProblem(file: schema.file, line: 1, reason: "required column \(ImportText.quoted(column.name)) is missing"))
        }
        if schema.columns.indices.contains(where: { schema.columns[$0].required && fieldOf[$0] < 0 }) {
            return Output(table: parser.makeTable(reserving: 0), problems: problems, headerOK: false, records: 0)
        }

        let width = header.fieldCount
        let columns = fieldOf
        let firstLine = 1 + header.line
        let starts = Self.chunkStarts(base, n, from: header.position, target: chunkBytes ?? max(1 << 20, (n - header.position) / (threads * 4) + 1))
        let ends = Array(starts.dropFirst()) + [n]
        let box = ResultBox<Chunk>(count: starts.count)
        let tableParser = parser
        let workers = max(1, min(threads, starts.count))
        DispatchQueue.concurrentPerform(iterations: workers) { w in
            for k in stride(from: w, to: starts.count, by: workers) {
                box.set(k, Self.parse(tableParser, file, starts[k], ends[k], fieldOf: columns, width: width))
                file.drop(starts[k]..<ends[k])
            }
        }
        // The check described above: re-parse any chunk that did not start on a record.
        var chunks = (0..<starts.count).map { box.take($0)! }
        for k in chunks.indices.dropFirst() where chunks[k].start != chunks[k - 1].end {
            chunks[k] = Self.parse(parser, file, chunks[k - 1].end, ends[k], fieldOf: fieldOf, width: width)
        }
        whenParsed()
        var line = firstLine
        var records = 0
        var tables: [P.Table] = []
        for k in chunks.indices {
            for var p in chunks[k].problems where problems.count < RecordFields.problemLimit {
                p.line += line
                problems.append(p)
            }
            line += chunks[k].lines
            records += chunks[k].records
            tables.append(chunks[k].table)
        }
        chunks = []
        return Output(table: parser.merge(&tables), problems: problems, headerOK: true, records: records, fieldOf: fieldOf)
    }

    /// Chunk starts: `from`, then the first byte after a line feed every `target` bytes.
    static func chunkStarts(_ base: UnsafePointer<UInt8>, _ n: Int, from: Int, target: Int) -> [Int] {
        var starts = [from]
        var b = from + max(1, target)
        while b < n {
            guard let hit = memchr(base + b - 1, Int32(UInt8(ascii: "\n")), n - b + 1) else { break }
            let next = UnsafePointer<UInt8>(hit.assumingMemoryBound(to: UInt8.self)) - base + 1
            if next >= n { break }
            starts.append(next)
            b = next + max(1, target)
        }
        return starts
    }

    /// About how many records `n` bytes hold, from the line feeds of their first 64 KB plus
    /// 5 %: the columns are reserved once and rarely grow. Counting every line feed would be
    /// exact, but costs a pass over the whole file before the parse reads it again.
    static func expectedRecords(_ p: UnsafePointer<UInt8>, _ n: Int) -> Int {
        let sample = min(n, 1 << 16)
        let counted = lineFeeds(p, sample) + 1
        if sample == n { return counted }
        return counted * (n / sample) + counted * (n % sample) / sample + counted / 20 + 16
    }

    /// How many bytes are line feeds, eight at a time.
    static func lineFeeds(_ p: UnsafePointer<UInt8>, _ n: Int) -> Int {
        let lows: UInt64 = 0x7F7F_7F7F_7F7F_7F7F, lf: UInt64 = 0x0A0A_0A0A_0A0A_0A0A
        var count = 0, i = 0
        #if _endian(little)
        while i + 8 <= n {
            let x = UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self) ^ lf
            // The high bit of each byte that is zero, exactly (no borrow between bytes).
            count += (~(((x & lows) &+ lows) | x | lows)).nonzeroBitCount
            i += 8
        }
        #endif
        while i < n {
            if p[i] == UInt8(ascii: "\n") { count += 1 }
            i += 1
        }
        return count
    }

    private static func parse(_ parser: P, _ file: MappedFile, _ start: Int, _ end: Int,
                              fieldOf: [Int], width: Int) -> Chunk {
        let base = file.base!
        guard start < end else { return Chunk(start: start, end: start, table: parser.makeTable(reserving: 0), problems: [], lines: 0, records: 0) }
        var table = parser.makeTable(reserving: Self.expectedRecords(base + start, end - start))
        var r = RecordFields(scanner: RecordScanner(base: base, count: file.count, position: start, capacity: width + 1),
                             schema: parser.schema, fieldOf: fieldOf)
        defer { r.scanner.release() }
        var records = 0
        while r.scanner.position < end, r.scanner.next() {
            records += 1
            let line = r.scanner.recordLine
            if let p = r.scanner.problem {
                r.report(line: line, column: p.column, p.reason)
            } else if r.scanner.fieldCount != width {
                if r.scanner.isBlankLine {
                    r.report(line: line, column: nil, "the line is empty; expected \(width) fields as in the header")
                } else {
                    let found = r.scanner.fieldCount
                    r.report(line: line, column: found > width ? width + 1 : nil,
                             "found \(found) field\(found == 1 ? "" : "s"), expected \(width) as in the header")
                }
            } else {
                r.failed = false
                parser.add(&r, to: &table)
            }
        }
        parser.finish(&table, file: base)
        return Chunk(start: start, end: r.scanner.position, table: table, problems: r.problems, lines: r.scanner.line, records: records)
    }
}

/// Joins the chunks' values of one column in order, freeing each chunk's part as it goes
/// so the peak is one column more than the parts, not all of them twice.
func concatenate<T, E>(_ parts: inout [T], _ column: WritableKeyPath<T, [E]>) -> [E] {
    if parts.count == 1 { let only = parts[0][keyPath: column]; parts[0][keyPath: column] = []; return only }
    var out = [E]()
    reserve(&out, parts.reduce(0) { $0 + $1[keyPath: column].count })
    for i in parts.indices {
        out.append(contentsOf: parts[i][keyPath: column])
        parts[i][keyPath: column] = []
    }
    return out
}
