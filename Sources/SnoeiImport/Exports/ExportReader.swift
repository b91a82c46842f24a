import SnoeiCore

/// Reads exports (accounting, time trackers, spreadsheets) into `LedgerRecords`: each file
/// is decoded, its dialect detected, its columns mapped and its rows checked by the
/// canonical row parsers. Like `CanonicalLedgerReader` it collects every problem; with
/// any error the result must not be stored.
public struct ExportReader: Sendable {
    public var options: ImportOptions

    public init(options: ImportOptions = .init()) { self.options = options }

    var limits: ImportLimits { options.limits }

    public func read(_ sources: [ExportSource], known: KnownCustomers = .init()) -> ExportReadResult {
        var sink = ProblemSink(limit: options.maxErrors)
        var state = ImportState(knownCustomers: Set(known.names.keys))
        // Exports never carry a canonical customers.csv; every reference is checked against
        // the customers of this import and the database.
        state.checkCustomers = true
        var records = LedgerRecords()
        var reports: [ExportFileReport] = []
        var prepared: [PreparedExport] = []
        for source in sources {
            switch PreparedExport.prepare(source, limits: limits) {
            case .success(let p):
                prepared.append(p)
                if let note = p.report.dateNote {
                    sink.add(ImportProblem(file: p.report.file, line: 0, reason: note, severity: .warning))
                }
            case .failure(let f):
                reports.append(f.report)
                for problem in f.problems { sink.add(problem) }
            }
        }
        // Customers first, so invoices and hours can name the customers of the same import.
        prepared.sort { $0.mapping.kind < $1.mapping.kind }
        var names = known.names
        for p in prepared {
            if p.mapping.kind != .customers {
                for c in records.customers { names[c.customerId] = c.name }
            }
            var byName: [String: [String]] = [:]
            for (id, name) in names { byName[HeaderSynonyms.normalise(name), default: []].append(id) }
            let reader = ExportRowReader(prepared: p, limits: limits, customersByName: byName,
                                         customerNames: names.values.sorted())
            let report: ExportFileReport
            switch p.mapping.kind {
            case .customers: (records.customers, report) = append(records.customers, reader, &sink, &state, CustomerRows.parse, CanonicalRowFields.fields)
            case .invoices: (records.invoices, report) = append(records.invoices, reader, &sink, &state, InvoiceRows.parse, CanonicalRowFields.fields)
            case .payments: (records.payments, report) = append(records.payments, reader, &sink, &state, PaymentRows.parse, CanonicalRowFields.fields)
            case .timeEntries: (records.timeEntries, report) = append(records.timeEntries, reader, &sink, &state, TimeEntryRows.parse, CanonicalRowFields.fields)
            case .contacts: (records.contacts, report) = append(records.contacts, reader, &sink, &state, ContactRows.parse, CanonicalRowFields.fields)
            case .deviations: (records.deviations, report) = append(records.deviations, reader, &sink, &state, DeviationRows.parse, CanonicalRowFields.fields)
            case .incidents: (records.incidents, report) = append(records.incidents, reader, &sink, &state, IncidentRows.parse, CanonicalRowFields.fields)
            case .referrals: (records.referrals, report) = append(records.referrals, reader, &sink, &state, ReferralRows.parse, CanonicalRowFields.fields)
            case .valuesFit: (records.valuesFit, report) = append(records.valuesFit, reader, &sink, &state, ValuesFitRows.parse, CanonicalRowFields.fields)
            }
            reports.append(report)
        }
        let result = ReadResult(records: records, errors: sink.errors, warnings: sink.warnings,
                                suppressedErrors: sink.suppressedErrors, suppressedWarnings: sink.suppressedWarnings)
        return ExportReadResult(result: result, files: reports)
    }

    private func append<R>(_ existing: [R], _ reader: ExportRowReader, _ sink: inout ProblemSink, _ state: inout ImportState,
                           _ parse: (inout Row, inout ImportState) -> R?, _ render: (R) -> [String?]) -> ([R], ExportFileReport) {
        let (rows, report) = reader.read(sink: &sink, state: &state, parse: parse, render: render)
        return (existing + rows, report)
    }

}
