import SnoeiCore

/// Reads the data rows of a prepared export: each record is normalised field by field into
/// canonical text and handed to the canonical row parser of its kind, so exports meet the
/// same rules as FORMAT.md files. Problems name the export's own file, line and column.
struct ExportRowReader {
    let prepared: PreparedExport
    let limits: ImportLimits
    /// Normalised customer name → ids, from the database and this import's customer files.
    let customersByName: [String: [String]]
    /// The same names as written, for messages.
    let customerNames: [String]

    private struct Stop: Error {}

    func read<R>(sink: inout ProblemSink, state: inout ImportState, parse: (inout Row, inout ImportState) -> R?,
                 render: (R) -> [String?]) -> (records: [R], report: ExportFileReport) {
        var report = prepared.report
        let name = report.file
        let header = prepared.header
        let mapping = prepared.mapping
        var schema = mapping.kind.schema
        schema.file = name
        let normaliser = FieldNormaliser(dialect: prepared.dialect, values: mapping.values)

        // Each canonical column reads the slot of its first source column; a default with
        // no column gets a slot after the file's own fields.
        var fieldOf = [Int](repeating: -1, count: schema.columns.count)
        var extra: [(slot: Int, value: String)] = []
        for (c, column) in schema.columns.enumerated() {
            if let first = mapping.sources[column.name]?.first {
                fieldOf[c] = first
            } else if column.name == "customer_id", let first = mapping.sources[CanonicalField.customerName]?.first {
                fieldOf[c] = first
            } else if let value = mapping.defaults[column.name] {
                fieldOf[c] = header.count + extra.count
                extra.append((fieldOf[c], value))
            }
        }
        let customerColumn = schema.columns.firstIndex { $0.name == "customer_id" }
        var unknownNames: [String: (line: Int, column: Int, rows: Int)] = [:]
        // Ids an export refers to that no customer has: one message per id, not one per row.
        var unknownIds: [String: (line: Int, column: Int, rows: Int, name: String?)] = [:]
        var out: [R] = []
        var rows = 0
        var isHeader = true

        try? CSVReader(file: name, separator: prepared.dialect.separator, quote: prepared.dialect.quote).read(prepared.text) { event in
            if isHeader { isHeader = false; return }
            rows += 1
            if rows > limits.maxRows {
                sink.add(ImportProblem(file: name, line: 0, reason: "the file has more than \(limits.maxRows) data rows, the limit; raise it with --max-rows if the file is right"))
                throw Stop()
            }
            let record: CSVRecord
            switch event {
            case .problem(let p): sink.add(p); return
            case .record(let r): record = r
            }
            if record.isBlankLine { return }  // exports often end sections with an empty line
            // Some ledgers end data lines with an extra separator; empty extra fields are harmless.
            let extraEmpty = record.count > header.count && (header.count..<record.count).allSatisfy(record.isEmpty)
            if record.count != header.count && !extraEmpty {
                sink.add(ImportProblem(file: name, line: record.line, column: record.count > header.count ? header.count + 1 : nil,
                                       reason: "found \(record.count) field\(record.count == 1 ? "" : "s"), expected \(header.count) as in the header"))
                return
            }
            // Only mapped columns are read by the row parser; the others stay empty, uncopied.
            var fields = [String](repeating: "", count: header.count) + extra.map(\.value)
            var failed = false
            // Schema order, so a row's problems come out left to right.
            for field in mapping.kind.fields where field != CanonicalField.customerName || customerColumn == nil {
                guard let sources = mapping.sources[field] else { continue }
                let raw = sources.count == 1 ? record.string(sources[0]) : sources.map { FastText.trimmed(record.string($0)) }.filter { !$0.isEmpty }.joined(separator: " ")
                var outcome = normaliser.normalise(raw, field: field)
                if outcome == .value(""), let d = mapping.defaults[field] { outcome = .value(d) }
                switch outcome {
                case .value(let v): fields[sources[0]] = v
                case .problem(let reason):
                    sink.add(ImportProblem(file: name, line: record.line, column: sources[0] + 1, reason: "\(ImportText.quoted(raw)) \(reason)"))
                    failed = true
                }
            }
            if let customerColumn, mapping.kind != .customers, fieldOf[customerColumn] >= 0 {
                let idSlot = mapping.sources["customer_id"]?.first
                let hasId = idSlot.map { !fields[$0].isEmpty } ?? false
                if !hasId, let nameSources = mapping.sources[CanonicalField.customerName] {
                    let raw = FastText.trimmed(nameSources.map { FastText.trimmed(record.string($0)) }.joined(separator: " "))
                    switch resolve(raw, custom: mapping.values[CanonicalField.customerName] ?? [:], state: state) {
                    case .id(let id): fields[fieldOf[customerColumn]] = id
                    case .empty: fields[fieldOf[customerColumn]] = ""
                    case .ambiguous(let ids):
                        sink.add(ImportProblem(file: name, line: record.line, column: nameSources[0] + 1,
                                               reason: "\(ImportText.quoted(raw)) is the name of several customers (\(ids.joined(separator: ", "))); use the customer id or map the name in a mapping file ([values.customer_name])"))
                        failed = true
                    case .unknown:
                        let seen = unknownNames[raw]
                        unknownNames[raw] = (seen?.line ?? record.line, nameSources[0] + 1, (seen?.rows ?? 0) + 1)
                        failed = true
                    }
                }
            }
            if let customerColumn, mapping.kind != .customers, fieldOf[customerColumn] >= 0, !failed {
                let id = fields[fieldOf[customerColumn]]
                if !id.isEmpty, !state.knownCustomers.contains(id) {
                    let seen = unknownIds[id]
                    let name = mapping.sources[CanonicalField.customerName].map { $0.map { record.string($0) }.joined(separator: " ") }
                    unknownIds[id] = (seen?.line ?? record.line, fieldOf[customerColumn] + 1, (seen?.rows ?? 0) + 1, seen?.name ?? name)
                    failed = true
                }
            }
            if failed { return }
            var row = Row(schema: schema, record: CSVRecord(line: record.line, endOffset: record.endOffset, fields: fields), fieldOf: fieldOf)
            if let rec = parse(&row, &state) {
                out.append(rec)
                if report.preview.count < 5 { report.preview.append(render(rec).map { $0 ?? "" }) }
            }
            for p in row.problems { sink.add(p) }
        }
        for (raw, seen) in unknownNames.sorted(by: { $0.value.line < $1.value.line }) {
            sink.add(ImportProblem(file: name, line: seen.line, column: seen.column, reason:
                "\(ImportText.quoted(raw)) (\(seen.rows) row\(seen.rows == 1 ? "" : "s")) is neither the id nor the name of a customer in this import or the database; "
                + knownHint(state) + "import the customers first or together (e.g. a relations export), or map the name in a mapping file ([values.customer_name])"))
        }
        for (id, seen) in unknownIds.sorted(by: { $0.value.line < $1.value.line }) {
            let named = seen.name.map { " (\($0))" } ?? ""
            sink.add(ImportProblem(file: name, line: seen.line, column: seen.column, reason:
                "customer \(ImportText.quoted(id))\(named) on \(seen.rows) row\(seen.rows == 1 ? "" : "s") is not a customer in this import or the database; "
                + "import the customers first or in the same command, e.g. `snoei import relaties.csv \(name)` with a relations export"))
        }
        report.rows = min(rows, limits.maxRows)
        report.accepted = out.count
        return (out, report)
    }

    enum Resolution { case id(String), empty, ambiguous([String]), unknown }

    /// A client or contact name to a customer id: an id as such, a mapped name, else a
    /// unique customer with that name (compared without case, accents or punctuation).
    func resolve(_ raw: String, custom: [String: String], state: ImportState) -> Resolution {
        if raw.isEmpty { return .empty }
        if let id = custom[raw] ?? custom[HeaderSynonyms.normalise(raw)] { return .id(id) }
        if state.knownCustomers.contains(raw) { return .id(raw) }
        let ids = customersByName[HeaderSynonyms.normalise(raw)] ?? []
        if ids.count == 1 { return .id(ids[0]) }
        return ids.isEmpty ? .unknown : .ambiguous(ids.sorted())
    }

    func knownHint(_ state: ImportState) -> String {
        let names = customerNames
        if names.isEmpty { return "no customers are known yet; " }
        return "known names include \(names.prefix(5).map { "\"\($0)\"" }.joined(separator: ", "))\(names.count > 5 ? " (\(names.count) in all)" : ""); "
    }
}

extension CSVRecord {
    /// A record built from field texts, for rows that were normalised from an export.
    init(line: Int, endOffset: Int, fields: [String]) {
        self.init()
        self.line = line
        self.endOffset = endOffset
        for f in fields {
            bytes.append(contentsOf: f.utf8)
            ends.append(bytes.count)
        }
    }
}
