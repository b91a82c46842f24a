import Foundation

/// An export file decoded to UTF-8, with its dialect, kind and column mapping settled:
/// everything needed before its rows are read.
struct PreparedExport {
    var report: ExportFileReport
    var text: [UInt8]
    var header: [String]
    var mapping: ColumnMapping
    var dialect: Dialect
    var preferMonthFirst: Bool

    /// Reads, decodes and maps `source`; the problems say why it cannot be imported.
    static func prepare(_ source: ExportSource, limits: ImportLimits) -> Result<PreparedExport, PrepareFailure> {
        let name = source.url.lastPathComponent
        var report = ExportFileReport(file: name)
        func failure(_ line: Int, _ reason: String) -> Result<PreparedExport, PrepareFailure> {
            .failure(PrepareFailure(report: report, problems: [ImportProblem(file: name, line: line, reason: reason)]))
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: source.url.path))?[.size] as? Int
        guard let size else { return failure(0, "cannot be read (no such file, or no permission)") }
        if size > limits.maxFileBytes {
            return failure(0, "the file is \(Self.megabytes(size)), above the limit of \(Self.megabytes(limits.maxFileBytes)); raise it with --max-file-size if the file is right")
        }
        if size == 0 { return failure(1, "the file is empty (0 bytes)") }
        let data: Data
        do { data = try Data(contentsOf: source.url, options: .mappedIfSafe) } catch {
            return failure(0, "cannot be read (\(error.localizedDescription))")
        }
        let overrides = source.overrides.over(source.mapping?.dialect ?? .init())
        let decoded = data.withUnsafeBytes { raw in TextDecoder.decode(raw.bindMemory(to: UInt8.self), forced: overrides.encoding) }
        let text: DecodedText
        switch decoded {
        case .success(let t): text = t
        case .failure(let p): return failure(p.line, "\(p.reason) (byte \(p.position) of the line)")
        }
        let separator = overrides.separator ?? SeparatorDetector.detect(text.bytes)
        let quote = overrides.quoting.map(\.quote) ?? UInt8(ascii: "\"")
        var dialect = Dialect(encoding: text.encoding, hadBOM: text.hadBOM, separator: separator, decimal: .point, dateFormat: nil,
                              quote: quote)
        report.dialect = dialect

        var header: [String]?
        var headerProblem: ImportProblem?
        struct Stop: Error {}
        try? CSVReader(file: name, separator: separator, quote: quote).read(text.bytes) { event in
            switch event {
            case .record(let r): header = r.fields.map { $0.trimmingCharacters(in: .whitespaces) }
            case .problem(let p): headerProblem = p
            }
            throw Stop()
        }
        if let headerProblem { return .failure(PrepareFailure(report: report, problems: [headerProblem])) }
        guard let header, header.contains(where: { !$0.isEmpty }) else { return failure(1, "the first line is empty; it must be the header row") }

        var mapping = source.mapping
        if mapping == nil {
            let names = Set(header.map(HeaderSynonyms.normalise))
            mapping = ExportProfiles.all.first { $0.matches(names) && (source.kind == nil || source.kind == $0.kind) }
        }
        report.profile = mapping?.name
        guard let kind = source.kind ?? mapping?.kind ?? ColumnMapping.detectKind(header: header) else {
            return failure(1, "cannot tell what this file holds from its columns (\(header.map { "\"\($0)\"" }.joined(separator: ", "))); "
                           + "pass --kind (\(LedgerKind.allCases.map(\.rawValue).joined(separator: ", "))) or --profile (\(ExportProfiles.all.map(\.name).joined(separator: ", ")))")
        }
        report.kind = kind
        let columns: ColumnMapping
        switch ColumnMapping.resolve(header: header, kind: kind, mapping: mapping) {
        case .success(let m): columns = m
        case .failure(let f):
            return .failure(PrepareFailure(report: report, problems: f.reasons.map { ImportProblem(file: name, line: 1, reason: $0) }))
        }
        report.columns = kind.fields.compactMap { field in
            columns.sources[field].map { .init(source: $0.map { header[$0] }.joined(separator: " + "), field: field) }
        }
        report.defaults = kind.fields.compactMap { f in columns.defaults[f].map { (f, $0) } }
        report.unmapped = columns.unmapped.map { header[$0] }.filter { !$0.isEmpty }
        report.canonicalHeader = kind.schema.header

        let sampled = DialectSampler.sample(text.bytes, separator: separator, quote: quote, name: name, mapping: columns)
        dialect.decimal = overrides.decimal ?? DecimalNumber.infer(sampled.numbers, fallback: separator == UInt8(ascii: ";") ? .comma : .point)
        report.decimalSeen = overrides.decimal != nil || sampled.numbers.contains { DecimalNumber.evidence($0) != nil }
        let prefersMonthFirst = mapping?.prefersMonthFirst ?? false
        if let forced = overrides.dateFormat {
            dialect.dateFormat = forced
        } else if let inferred = DateFormat.infer(sampled.dates, preferMonthFirst: prefersMonthFirst) {
            dialect.dateFormat = inferred.format
            report.dateNote = inferred.ambiguity
        }
        report.dialect = dialect
        return .success(PreparedExport(report: report, text: text.bytes, header: header, mapping: columns,
                                       dialect: dialect, preferMonthFirst: prefersMonthFirst))
    }

    static func megabytes(_ bytes: Int) -> String {
        bytes >= 1 << 20 ? "\(bytes / (1 << 20)) MiB" : "\(bytes) bytes"
    }
}

struct PrepareFailure: Error {
    var report: ExportFileReport
    var problems: [ImportProblem]
}

/// The values of a file's number and date columns, read once to infer the decimal style
/// and the date layout from the columns as a whole (capped, so a huge file is not held twice).
enum DialectSampler {
    static let cap = 100_000

    static func sample(_ text: [UInt8], separator: UInt8, quote: UInt8?, name: String, mapping: ColumnMapping) -> (numbers: [String], dates: [String]) {
        var numberColumns: [Int] = [], dateColumns: [Int] = []
        for (field, columns) in mapping.sources {
            switch CanonicalField.kind(field) {
            case .money, .hours: numberColumns += columns
            case .date: dateColumns += columns
            default: break
            }
        }
        var numbers: [String] = [], dates: [String] = []
        var first = true
        struct Enough: Error {}
        try? CSVReader(file: name, separator: separator, quote: quote).read(text) { event in
            guard case .record(let r) = event else { return }
            if first { first = false; return }
            for c in numberColumns where c < r.count && !r.isEmpty(c) && !r.string(c).contains(":") { numbers.append(r.string(c)) }
            for c in dateColumns where c < r.count && !r.isEmpty(c) { dates.append(r.string(c)) }
            if numbers.count >= cap || dates.count >= cap { throw Enough() }
        }
        return (numbers, dates)
    }
}
