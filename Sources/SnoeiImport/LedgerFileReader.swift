import Foundation
import SnoeiCore

/// Reads one file of the ledger: checks its header against the schema, then hands each
/// record with the right number of fields to the file's row parser.
struct LedgerFileReader {
    let schema: FileSchema
    let options: ImportOptions
    let progress: (@Sendable (ImportProgress) -> Void)?

    /// Progress at most this often, so a callback that redraws a terminal costs nothing.
    static let progressBytes = 64 * 1024
    static let progressRows = 4096

    private struct StopFile: Error {}

    func read<R>(_ data: Data, sink: inout ProblemSink, state: inout ImportState,
                 parse: (inout Row, inout ImportState) -> R?) -> [R] {
        var headerOK = false
        return read(data, sink: &sink, state: &state, headerOK: &headerOK, parse: parse)
    }

    func read<R>(_ data: Data, sink: inout ProblemSink, state: inout ImportState, headerOK: inout Bool,
                 parse: (inout Row, inout ImportState) -> R?) -> [R] {
        let file = schema.file
        headerOK = false
        guard !data.isEmpty else {
            sink.add(ImportProblem(file: file, line: 1, reason: "the file is empty (0 bytes); it needs at least the header row: \(schema.header.joined(separator: ","))"))
            return []
        }
        var out: [R] = []
        var fieldOf: [Int]?
        var headerCount = 0
        var sawHeader = false
        var rows = 0
        var lastBytes = 0
        var lastRows = 0
        let total = data.count

        do {
            try CSVReader(file: file).read(data) { event in
                guard sawHeader else {
                    sawHeader = true
                    switch event {
                    case .problem(let p):
                        sink.add(p)
                        throw StopFile()
                    case .record(let r):
                        fieldOf = header(r, sink: &sink)
                        headerCount = r.count
                        if fieldOf == nil { throw StopFile() }
                        return
                    }
                }
                rows += 1
                if rows > options.limits.maxRows {
                    sink.add(ImportProblem(file: file, line: 0, reason: "the file has more than \(options.limits.maxRows) data rows, the limit; raise it with --max-rows if the file is right"))
                    throw StopFile()
                }
                switch event {
                case .problem(let p):
                    sink.add(p)
                case .record(let r):
                    if r.count != headerCount {
                        sink.add(fieldCountProblem(r, expected: headerCount))
                    } else {
                        var row = Row(schema: schema, record: r, fieldOf: fieldOf!)
                        if let rec = parse(&row, &state) { out.append(rec) }
                        for p in row.problems { sink.add(p) }
                    }
                    if let progress, r.endOffset - lastBytes >= Self.progressBytes || rows - lastRows >= Self.progressRows {
                        lastBytes = r.endOffset
                        lastRows = rows
                        progress(ImportProgress(file: file, bytesDone: r.endOffset, bytesTotal: total, rows: rows))
                    }
                }
            }
        } catch {
            // StopFile: the header was unusable; its problems are already in the sink.
        }
        if !sawHeader {
            sink.add(ImportProblem(file: file, line: 1, reason: "the file has no header row; expected \(schema.header.joined(separator: ","))"))
        }
        headerOK = fieldOf != nil
        progress?(ImportProgress(file: file, bytesDone: total, bytesTotal: total, rows: rows))
        return out
    }

    /// Maps schema columns to fields; nil when a required column is missing.
    private func header(_ r: CSVRecord, sink: inout ProblemSink) -> [Int]? {
        let file = schema.file
        if r.isBlankLine {
            sink.add(ImportProblem(file: file, line: r.line, reason: "the first line is empty; it must be the header row: \(schema.header.joined(separator: ","))"))
            return nil
        }
        var fieldOf = [Int](repeating: -1, count: schema.columns.count)
        for f in 0..<r.count {
            let name = r.string(f)
            if let c = schema.columns.firstIndex(where: { $0.name == name }) {
                if fieldOf[c] >= 0 {
                    sink.add(ImportProblem(file: file, line: r.line, column: f + 1,
                                           reason: "column \(ImportText.quoted(name)) appears twice; first as column \(fieldOf[c] + 1)"))
                } else {
                    fieldOf[c] = f
                }
            } else if options.ignoreUnknownColumns {
                sink.add(ImportProblem(file: file, line: r.line, column: f + 1,
                                       reason: "unknown column \(ImportText.quoted(name)) is ignored", severity: .warning))
            } else {
                sink.add(ImportProblem(file: file, line: r.line, column: f + 1,
                                       reason: "unknown column \(ImportText.quoted(name)); the columns of \(file) are \(schema.header.joined(separator: ", "))"))
            }
        }
        var complete = true
        for (c, column) in schema.columns.enumerated() where column.required && fieldOf[c] < 0 {
            sink.add(ImportProblem(file: file, line: r.line, reason: "required column \(ImportText.quoted(column.name)) is missing"))
            complete = false
        }
        return complete ? fieldOf : nil
    }

    private func fieldCountProblem(_ r: CSVRecord, expected: Int) -> ImportProblem {
        if r.isBlankLine {
            return ImportProblem(file: schema.file, line: r.line, reason: "the line is empty; expected \(expected) fields as in the header")
        }
        // Too many: point at the first extra field; too few: there is no field to point at.
        return ImportProblem(file: schema.file, line: r.line, column: r.count > expected ? expected + 1 : nil,
                             reason: "found \(r.count) field\(r.count == 1 ? "" : "s"), expected \(expected) as in the header")
    }
}
