import Dispatch
public import Foundation
public import SnoeiCore

/// Reads a canonical ledger folder (FORMAT.md) straight into the columnar `Ledger`, on
/// several threads, without building `LedgerRecords` first: the fast path for analysing
/// large ledgers from CSV (`snoei analyze --from DIR`, `ledger-bench`).
///
/// Each file is mapped, cut into chunks at line ends and parsed chunk by chunk in parallel
/// (`ChunkedParse`, correct with quoted fields holding newlines); values go from bytes to
/// cents, `Day`s and thousandths with the canonical reader's rules; customer and invoice
/// ids are resolved with byte-keyed hash tables (`StringKeyTable`), payments matched by
/// FORMAT rule 4 like `PaymentMatcher`. The result equals
/// `Ledger(records: CanonicalLedgerReader().read(folder:).records)` column by column, except
/// that `customerRows` (the per-customer index for profile pages) stays nil.
///
/// Any problem the canonical reader rejects throws `ColumnarLoadError` with the problems
/// (file, line, column, reason; at most 100). Warnings (due before issue, unknown files) are
/// not reported, and the import size limits do not apply: this path stores nothing.
public struct ColumnarLedgerLoader: Sendable {
    public var threads: Int
    /// Target chunk size in bytes; nil picks about four chunks per thread (tests force tiny ones).
    var chunkBytes: Int?

    /// False: the ledger comes without what only names or matches invoice and payment rows
    /// (`Ledger.dropRowIdentifiers`), each dropped as soon as matching and the checks for
    /// repeated ids are done with it, so that the load's memory peak does not hold them.
    public var keepsRowIdentifiers: Bool

    public init(threads: Int = ProcessInfo.processInfo.activeProcessorCount, keepsRowIdentifiers: Bool = true) {
        self.threads = max(1, threads)
        self.keepsRowIdentifiers = keepsRowIdentifiers
    }

    init(threads: Int, chunkBytes: Int?, keepsRowIdentifiers: Bool = true) {
        self.init(threads: threads, keepsRowIdentifiers: keepsRowIdentifiers)
        self.chunkBytes = chunkBytes
    }

    public struct FileStats: Sendable {
        public var file: String
        public var bytes: Int
        public var rows: Int
        /// Parse, merge and, for ids, the hash tables built from this file.
        public var seconds: Double
    }

    public struct Stats: Sendable {
        /// In the order of FORMAT.md's files.
        public var files: [FileStats] = []
        public var seconds: Double = 0
        public var bytes: Int { files.reduce(0) { $0 + $1.bytes } }
        public var rows: Int { files.reduce(0) { $0 + $1.rows } }
    }

    public func load(folder: URL) throws -> Ledger { try loadMeasured(folder: folder).ledger }

    public func loadMeasured(folder: URL) throws -> (ledger: Ledger, stats: Stats) {
        let started = ContinuousClock.now
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDir) else {
            throw LedgerReadError.folderMissing(path: folder.path)
        }
        guard isDir.boolValue else { throw LedgerReadError.notAFolder(path: folder.path) }
        let present: Set<String>
        do { present = Set(try FileManager.default.contentsOfDirectory(atPath: folder.path)) } catch {
            throw LedgerReadError.unreadable(path: folder.path, reason: error.localizedDescription)
        }
        var part = Part()
        var ledger = Ledger()

        var customers: StringKeyTable?
        if let out = try file(CustomerTableParser(), folder: folder, present: present, into: &part, after: { out in
            guard out.headerOK else { return }
            customers = StringKeyTable(keys: out.table.ids, threads: threads)
        }) {
            ledger.customers = out.table
            if let customers { duplicates(customers.duplicates, CustomerTableParser(), out, folder: folder, column: 0, into: &part) }
        } else {
            part.problems.append(ImportProblem(file: LedgerSchema.customers.file, line: 0, reason: "file is missing"))
        }

        // Two pipelines side by side: invoices then payments (which need the invoice ids), and
        // the activity files (which need only the customers). Each parses on every core, but
        // billing has stretches on about one thread (joining chunks, building id tables), the
        // longest after invoices.csv is parsed: the activity pipeline keeps contacts.csv and
        // the smaller files for that stretch, so the idle core parses them.
        let known = customers
        let invoicesParsed = Gate()
        let ((billed, billingPart), (worked, activityPart)) = try bothAtOnce(
            { try billing(folder: folder, present: present, customers: known, invoicesParsed: invoicesParsed) },
            { [self] in try activity(folder: folder, present: present, customers: known, after: invoicesParsed) })
        ledger.invoices = billed.invoices; ledger.payments = billed.payments
        ledger.timeEntries = worked.timeEntries; ledger.contacts = worked.contacts; ledger.deviations = worked.deviations
        ledger.incidents = worked.incidents; ledger.referrals = worked.referrals; ledger.valuesFit = worked.valuesFit
        for p in [billingPart, activityPart] {
            part.problems += p.problems
            part.stats += p.stats
        }

        if !part.problems.isEmpty {
            throw ColumnarLoadError(problems: Array(Self.inFileOrder(part.problems).prefix(RecordFields.problemLimit)))
        }
        let order = LedgerSchema.all.map(\.file)
        var stats = Stats(files: part.stats.sorted { (order.firstIndex(of: $0.file) ?? 0) < (order.firstIndex(of: $1.file) ?? 0) })
        stats.seconds = (ContinuousClock.now - started).seconds
        return (ledger, stats)
    }

    /// Problems and timings of the files one pipeline read.
    private struct Part {
        var problems: [ImportProblem] = []
        var stats: [FileStats] = []
    }

    /// invoices.csv, then payments.csv matched to its invoices (FORMAT rule 4).
    private func billing(folder: URL, present: Set<String>, customers: StringKeyTable?, invoicesParsed: Gate) throws -> (Ledger, Part) {
        defer { invoicesParsed.open() }  // also when invoices.csv is missing or unreadable
        var part = Part()
        var ledger = Ledger()
        var matcher: InvoiceMatcher?
        if let out = try file(InvoiceTableParser(customers: customers), folder: folder, present: present, into: &part,
                              whenParsed: invoicesParsed.open, after: { out in
            matcher = InvoiceMatcher(invoices: out.table, threads: threads)
        }) {
            ledger.invoices = out.table
            duplicates(matcher!.byId.duplicates, InvoiceTableParser(customers: nil), out, folder: folder, column: 0, into: &part)
            // The matcher holds the ids (until it is released) and its own list of references.
            if !keepsRowIdentifiers { ledger.invoices.ids = []; ledger.invoices.reference = [] }
        }
        invoicesParsed.open()  // when there was no invoices.csv
        // Released as soon as every payment is matched, before the payment columns are joined
        // (where the load's memory peaks): at a million customers its tables are 300 MB.
        let invoices = InvoiceMatcher.Handle(matcher ?? InvoiceMatcher(invoices: Ledger.Invoices(), threads: 1))
        matcher = nil
        var paymentIds: StringKeyTable?
        let payments = PaymentTableParser(customers: customers, matcher: invoices, keepsUnmatchedKeys: keepsRowIdentifiers)
        if let out = try file(payments, folder: folder, present: present, into: &part,
                              whenParsed: invoices.release, after: { out in
            paymentIds = StringKeyTable(keys: out.table.payments.ids, threads: threads)
        }) {
            ledger.payments = out.table.payments
            duplicates(paymentIds!.duplicates, payments, out, folder: folder, column: 0, into: &part)
            if !keepsRowIdentifiers { ledger.payments.ids = [] }
        }
        return (ledger, part)
    }

    /// The files that name customers only: hours, contacts, deviations, incidents, referrals, values fit.
    private func activity(folder: URL, present: Set<String>, customers: StringKeyTable?, after invoicesParsed: Gate) throws -> (Ledger, Part) {
        var part = Part()
        var ledger = Ledger()
        func load<P: TableParser>(_ parser: P) throws -> P.Table? {
            try file(parser, folder: folder, present: present, into: &part)?.table
        }
        if let t = try load(TimeEntryTableParser(customers: customers)) { ledger.timeEntries = t }
        invoicesParsed.wait()
        if let t = try load(ContactTableParser(customers: customers)) { ledger.contacts = t }
        if let t = try load(DeviationTableParser(customers: customers)) { ledger.deviations = t }
        if let t = try load(IncidentTableParser(customers: customers)) { ledger.incidents = t }
        if let t = try load(ReferralTableParser(customers: customers)) { ledger.referrals = t }
        if let t = try load(ValuesFitTableParser(customers: customers)) { ledger.valuesFit = t }
        return (ledger, part)
    }

    /// Parses one file if present; `after` builds what later files need, inside the timing.
    private func file<P: TableParser>(_ parser: P, folder: URL, present: Set<String>, into part: inout Part,
                                      whenParsed: () -> Void = {},
                                      after: (inout ChunkedParse<P>.Output) -> Void = { _ in }) throws -> ChunkedParse<P>.Output? {
        guard present.contains(parser.schema.file) else { return nil }
        let start = ContinuousClock.now
        let path = folder.appendingPathComponent(parser.schema.file).path
        let mapped = try MappedFile(path: path)
        var out = ChunkedParse(parser: parser, threads: threads, chunkBytes: chunkBytes).run(mapped, whenParsed: whenParsed)
        mapped.unmap()
        part.problems += out.problems
        after(&out)
        part.stats.append(FileStats(file: parser.schema.file, bytes: mapped.count, rows: out.records,
                                    seconds: (ContinuousClock.now - start).seconds))
        return out
    }

    /// Repeated ids. The hash table finds them among the rows kept; to report them as the
    /// canonical reader does (line of the repetition, first line, rows with other errors
    /// included), the error path reads the file once more.
    private func duplicates<P: TableParser>(_ pairs: [(first: Int, again: Int)], _ parser: P, _ out: ChunkedParse<P>.Output,
                                            folder: URL, column c: Int, into part: inout Part) {
        guard !pairs.isEmpty || !out.problems.isEmpty, out.fieldOf.indices.contains(c) else { return }
        let schema = parser.schema
        part.problems += Self.repeatedIds(path: folder.appendingPathComponent(schema.file).path, field: out.fieldOf[c],
                                          name: schema.columns[c].name, file: schema.file)
    }

    /// In file order (as `LedgerSchema.all`), then by line, as the canonical reader lists them.
    static func inFileOrder(_ problems: [ImportProblem]) -> [ImportProblem] {
        let order = LedgerSchema.all.map(\.file)
        return problems.enumerated().sorted {
            let (x, y) = ($0.element, $1.element)
            let fx = order.firstIndex(of: x.file) ?? 0, fy = order.firstIndex(of: y.file) ?? 0
            return fx != fy ? fx < fy : x.line != y.line ? x.line < y.line : $0.offset < $1.offset
        }.map(\.element)
    }

    /// Ids that appear again in one file, as `Row.uniqueId` reports them; the error path only.
    static func repeatedIds(path: String, field: Int, name: String, file: String) -> [ImportProblem] {
        guard let mapped = try? MappedFile(path: path), let base = mapped.base else { return [] }
        var seen: [String: Int] = [:]
        var problems: [ImportProblem] = []
        var header = true
        var fields = 0
        CSVReader(file: file).read(UnsafeBufferPointer(start: base, count: mapped.count)) { event in
            guard case .record(let r) = event else { header = false; return }
            if header { header = false; fields = r.count; return }
            guard r.count == fields, field < r.count, !r.isEmpty(field), problems.count < RecordFields.problemLimit else { return }
            let id = r.string(field)
            if let first = seen[id] {
                problems.append(ImportProblem(file: file, line: r.line, column: field + 1,
                                              reason: "\(name) \(ImportText.quoted(id)) appears again; first on line \(first)"))
            } else {
                seen[id] = r.line
            }
        }
        return problems
    }
}

/// Opened once, by one side; waited for by the other. Opening again does nothing.
private final class Gate: @unchecked Sendable {
    private let condition = NSCondition()
    private var isOpen = false

    func open() {
        condition.lock()
        isOpen = true
        condition.broadcast()
        condition.unlock()
    }

    func wait() {
        condition.lock()
        while !isOpen { condition.wait() }
        condition.unlock()
    }
}

/// The problems that made `ColumnarLedgerLoader` refuse a folder, as the canonical
/// reader would report them (file:line:column: reason).
public struct ColumnarLoadError: Error, Sendable, CustomStringConvertible {
    public var problems: [ImportProblem]

    public var description: String { problems.map(\.description).joined(separator: "\n") }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
