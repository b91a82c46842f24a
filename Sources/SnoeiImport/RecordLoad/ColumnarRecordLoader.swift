public import Foundation
public import SnoeiCore

/// Reads a canonical ledger folder into `LedgerRecords` on several threads: the first
/// import's fast path (`snoei import DIR` into an empty SQLite store).
///
/// Each file is parsed in chunks in parallel (`ChunkedParse`) with the canonical reader's
/// rules (`RecordFields`), into the very records `CanonicalLedgerReader` makes; repeated
/// ids are found with byte-keyed hash tables. It only ever answers for a clean folder:
/// whenever the canonical reader would report anything — an error, a warning (a due date
/// before the issue date, an unknown file), a limit reached — it returns nil, and that
/// reader must run instead, so every message, its order and the error limit stay exactly
/// theirs. A folder with a problem is read twice; a clean one several times faster.
///
/// Customers are checked against customers.csv only: use it when the database holds no
/// customers yet (otherwise a row may name a customer known only to the database).
public struct ColumnarRecordLoader: Sendable {
    public var options: ImportOptions
    public var threads: Int
    /// Target chunk size in bytes; nil lets `ChunkedParse` choose (tests force tiny ones).
    var chunkBytes: Int?

    public init(options: ImportOptions = .init(), threads: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.options = options
        self.threads = max(1, threads)
    }

    init(options: ImportOptions = .init(), threads: Int, chunkBytes: Int?) {
        self.init(options: options, threads: threads)
        self.chunkBytes = chunkBytes
    }

    /// The folder's records, or nil when `CanonicalLedgerReader` has to read it (see above).
    public func read(folder: URL) -> LedgerRecords? {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDir), isDir.boolValue,
              let entries = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return nil }
        let present = Set(entries)
        let known = Set(LedgerSchema.all.map(\.file))
        // The canonical reader warns about these.
        if entries.contains(where: { $0.lowercased().hasSuffix(".csv") && !$0.hasPrefix(".") && !known.contains($0) }) {
            return nil
        }
        guard present.contains(LedgerSchema.customers.file) else { return nil }

        /// One file's records; nil when anything would be reported about it.
        func file<P: TableParser, R>(_ parser: P) -> [R]? where P.Table == RecordChunk<R> {
            guard present.contains(parser.schema.file) else { return [] }
            let path = folder.appendingPathComponent(parser.schema.file).path
            guard let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int,
                  size <= options.limits.maxFileBytes,
                  let mapped = try? MappedFile(path: path) else { return nil }
            let out = ChunkedParse(parser: parser, threads: threads, chunkBytes: chunkBytes).run(mapped)
            mapped.unmap()
            // `records` counts every record scanned, blank lines too: at the limit, the
            // canonical reader decides.
            guard out.headerOK, out.problems.isEmpty, !out.table.warned, out.records < options.limits.maxRows else {
                return nil
            }
            return out.table.records
        }
        /// Whether every id is new in its file (the canonical reader reports a repeated one).
        func unique(_ ids: [String]) -> StringKeyTable? {
            let table = StringKeyTable(keys: ids, threads: threads)
            return table.duplicates.isEmpty ? table : nil
        }

        var r = LedgerRecords()
        guard let customers = file(CustomerRecordParser()),
              let customerIds = unique(customers.map(\.customerId)) else { return nil }
        r.customers = customers
        guard let invoices = file(InvoiceRecordParser(customers: customerIds)),
              unique(invoices.map(\.invoiceId)) != nil else { return nil }
        r.invoices = invoices
        guard let payments = file(PaymentRecordParser(customers: customerIds)),
              unique(payments.map(\.paymentId)) != nil else { return nil }
        r.payments = payments
        guard let timeEntries = file(TimeEntryRecordParser(customers: customerIds)) else { return nil }
        r.timeEntries = timeEntries
        guard let contacts = file(ContactRecordParser(customers: customerIds)) else { return nil }
        r.contacts = contacts
        guard let deviations = file(DeviationRecordParser(customers: customerIds)) else { return nil }
        r.deviations = deviations
        guard let incidents = file(IncidentRecordParser(customers: customerIds)) else { return nil }
        r.incidents = incidents
        guard let referrals = file(ReferralRecordParser(customers: customerIds)) else { return nil }
        r.referrals = referrals
        guard let valuesFit = file(ValuesFitRecordParser(customers: customerIds)) else { return nil }
        r.valuesFit = valuesFit
        return r
    }
}
