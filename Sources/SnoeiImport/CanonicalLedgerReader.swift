public import Foundation
public import SnoeiCore

/// Reads a canonical ledger folder (FORMAT.md) into `LedgerRecords`, collecting every
/// data problem instead of stopping at the first, so one run shows what to fix.
public struct CanonicalLedgerReader: Sendable {
    public struct ReadResult: Sendable {
        /// Rows with an error are left out; with any error the result must not be stored.
        public var records: LedgerRecords
        public var errors: [ImportProblem]
        public var warnings: [ImportProblem]
        /// Errors beyond `maxErrors`: counted, not kept.
        public var suppressedErrors: Int
        /// Warnings beyond `maxErrors`: counted, not kept.
        public var suppressedWarnings: Int

        public init(records: LedgerRecords = .init(), errors: [ImportProblem] = [], warnings: [ImportProblem] = [],
                    suppressedErrors: Int = 0, suppressedWarnings: Int = 0) {
            self.records = records; self.errors = errors; self.warnings = warnings
            self.suppressedErrors = suppressedErrors; self.suppressedWarnings = suppressedWarnings
        }

        public var problems: [ImportProblem] { errors + warnings }
        public var isValid: Bool { errors.isEmpty && suppressedErrors == 0 }
    }

    public var options: ImportOptions

    public init(options: ImportOptions = .init()) { self.options = options }

    /// The file names a ledger folder may hold, in reading order.
    public static var fileNames: [String] { LedgerSchema.all.map(\.file) }

    /// Throws `LedgerReadError` only when the folder or a file in it cannot be read at all.
    public func read(folder: URL, knownCustomerIds: Set<String> = [],
                     progress: (@Sendable (ImportProgress) -> Void)? = nil) throws -> ReadResult {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDir) else {
            throw LedgerReadError.folderMissing(path: folder.path)
        }
        guard isDir.boolValue else { throw LedgerReadError.notAFolder(path: folder.path) }
        let entries: [String]
        do { entries = try FileManager.default.contentsOfDirectory(atPath: folder.path) } catch {
            throw LedgerReadError.unreadable(path: folder.path, reason: error.localizedDescription)
        }
        let present = Set(entries)

        var sink = ProblemSink(limit: options.maxErrors)
        var state = ImportState(knownCustomers: knownCustomerIds)
        var records = LedgerRecords()

        func load(_ schema: FileSchema) throws -> Data? {
            guard present.contains(schema.file) else { return nil }
            let url = folder.appendingPathComponent(schema.file)
            // Checked before reading, so a huge file is refused without being mapped.
            if let size = (try? FileManager.default.attributesOfItem(atPath: url.path))?[.size] as? Int,
               size > options.limits.maxFileBytes {
                sink.add(ImportProblem(file: schema.file, line: 0, reason: "the file is \(PreparedExport.megabytes(size)), above the limit of \(PreparedExport.megabytes(options.limits.maxFileBytes)); raise it with --max-file-size if the file is right"))
                return nil
            }
            do { return try Data(contentsOf: url, options: .mappedIfSafe) } catch {
                throw LedgerReadError.unreadable(path: url.path, reason: error.localizedDescription)
            }
        }
        func file<R>(_ schema: FileSchema, _ parse: (inout Row, inout ImportState) -> R?) throws -> [R] {
            guard let data = try load(schema) else { return [] }
            let file = LedgerFileReader(schema: schema, options: options, progress: progress)
            return file.read(data, sink: &sink, state: &state, parse: parse)
        }

        if let data = try load(CustomerRows.schema) {
            let file = LedgerFileReader(schema: CustomerRows.schema, options: options, progress: progress)
            var headerOK = false
            records.customers = file.read(data, sink: &sink, state: &state, headerOK: &headerOK, parse: CustomerRows.parse)
            state.checkCustomers = headerOK
        } else {
            sink.add(ImportProblem(file: CustomerRows.schema.file, line: 0, reason: "file is missing"))
        }
        records.invoices = try file(InvoiceRows.schema, InvoiceRows.parse)
        records.payments = try file(PaymentRows.schema, PaymentRows.parse)
        records.timeEntries = try file(TimeEntryRows.schema, TimeEntryRows.parse)
        records.contacts = try file(ContactRows.schema, ContactRows.parse)
        records.deviations = try file(DeviationRows.schema, DeviationRows.parse)
        records.incidents = try file(IncidentRows.schema, IncidentRows.parse)
        records.referrals = try file(ReferralRows.schema, ReferralRows.parse)
        records.valuesFit = try file(ValuesFitRows.schema, ValuesFitRows.parse)

        // A misspelt file name would otherwise drop its rows without a word.
        let known = Set(LedgerSchema.all.map(\.file))
        for name in entries.sorted() where name.lowercased().hasSuffix(".csv") && !name.hasPrefix(".") && !known.contains(name) {
            sink.add(ImportProblem(file: name, line: 0, reason: "not a file of the canonical ledger; ignored", severity: .warning))
        }

        return ReadResult(records: records, errors: sink.errors, warnings: sink.warnings,
                          suppressedErrors: sink.suppressedErrors, suppressedWarnings: sink.suppressedWarnings)
    }
}

public typealias ReadResult = CanonicalLedgerReader.ReadResult
