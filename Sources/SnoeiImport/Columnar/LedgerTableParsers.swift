import SnoeiCore

// customers.csv, invoices.csv and payments.csv straight into `Ledger` columns. Column
// numbers follow `LedgerSchema`; the checks are those of `CustomerRows`, `InvoiceRows` and
// `PaymentRows`. Ids are checked for uniqueness afterwards, over the whole file.

struct CustomerTableParser: TableParser {
    var schema: FileSchema { LedgerSchema.customers }

    func makeTable(reserving n: Int) -> Ledger.Customers {
        var t = Ledger.Customers()
        reserve(&t.ids, n); reserve(&t.names, n); reserve(&t.segments, n)
        reserve(&t.accountManagers, n); reserve(&t.since, n); reserve(&t.tiers, n)
        reserve(&t.contractEnds, n); reserve(&t.noticeDays, n); reserve(&t.cancelChannels, n)
        return t
    }

    func add(_ r: inout RecordFields, to t: inout Ledger.Customers) {
        let id = r.text(0), name = r.text(1), segment = r.text(2), manager = r.text(3), since = r.day(4)
        let tier = r.text(5), end = r.day(6), notice = r.count(7), cancel = r.text(8)
        guard !r.failed, let id, let name else { return }
        t.ids.append(id); t.names.append(name); t.segments.append(segment); t.accountManagers.append(manager)
        t.since.append(since); t.tiers.append(tier); t.contractEnds.append(end); t.noticeDays.append(notice)
        t.cancelChannels.append(cancel)
    }

    func merge(_ p: inout [Ledger.Customers]) -> Ledger.Customers {
        var t = Ledger.Customers()
        t.ids = concatenate(&p, \.ids); t.names = concatenate(&p, \.names); t.segments = concatenate(&p, \.segments)
        t.accountManagers = concatenate(&p, \.accountManagers); t.since = concatenate(&p, \.since)
        t.tiers = concatenate(&p, \.tiers); t.contractEnds = concatenate(&p, \.contractEnds)
        t.noticeDays = concatenate(&p, \.noticeDays); t.cancelChannels = concatenate(&p, \.cancelChannels)
        return t
    }
}

struct InvoiceTableParser: TableParser {
    let customers: StringKeyTable?
    var schema: FileSchema { LedgerSchema.invoices }

    func makeTable(reserving n: Int) -> Ledger.Invoices {
        var t = Ledger.Invoices()
        reserve(&t.ids, n); reserve(&t.customer, n); reserve(&t.issue, n); reserve(&t.due, n)
        reserve(&t.amount, n); reserve(&t.vat, n); reserve(&t.cost, n); reserve(&t.reference, n)
        return t
    }

    func add(_ r: inout RecordFields, to t: inout Ledger.Invoices) {
        let id = r.text(0), customer = r.customer(1, customers), issue = r.day(2), due = r.day(3)
        let amount = r.cents(4), vat = r.cents(5), cost = r.cents(6), reference = r.text(7)
        guard !r.failed, let id, let customer, let issue, let due, let amount else { return }
        t.ids.append(id); t.customer.append(customer); t.issue.append(issue); t.due.append(due)
        t.amount.append(amount); t.vat.append(vat ?? 0); t.cost.append(cost ?? 0); t.reference.append(reference)
    }

    func merge(_ p: inout [Ledger.Invoices]) -> Ledger.Invoices {
        var t = Ledger.Invoices()
        t.ids = concatenate(&p, \.ids); t.customer = concatenate(&p, \.customer); t.issue = concatenate(&p, \.issue)
        t.due = concatenate(&p, \.due); t.amount = concatenate(&p, \.amount); t.vat = concatenate(&p, \.vat)
        t.cost = concatenate(&p, \.cost); t.reference = concatenate(&p, \.reference)
        return t
    }
}

/// FORMAT rule 4 over byte ranges, the same decisions as `PaymentMatcher`.
struct InvoiceMatcher: Sendable {
    let byId: StringKeyTable
    /// Invoices with a non-empty reference; `ambiguous` marks references several carry.
    let byReference: StringKeyTable
    let referenceRows: [Int32]
    let ambiguous: [Bool]

    /// The matcher as payments.csv's parse shares it, released (`release`) once every chunk
    /// is parsed and no chunk reads it any more.
    final class Handle: @unchecked Sendable {
        private var held: InvoiceMatcher?
        init(_ matcher: InvoiceMatcher) { held = matcher }
        var matcher: InvoiceMatcher { held! }
        func release() { held = nil }
    }

    init(invoices: Ledger.Invoices, threads: Int) {
        byId = StringKeyTable(keys: invoices.ids, threads: threads)
        var keys: [String] = [], rows: [Int32] = []
        for (i, ref) in invoices.reference.enumerated() {
            if let ref, !ref.isEmpty { keys.append(ref); rows.append(Int32(i)) }
        }
        byReference = StringKeyTable(keys: keys, threads: threads)
        var ambiguous = [Bool](repeating: false, count: keys.count)
        for d in byReference.duplicates { ambiguous[d.first] = true }
        referenceRows = rows
        self.ambiguous = ambiguous
    }

    /// The invoice row, or -1 when unmatched. A repeated invoice id (an import error anyway)
    /// matches its first invoice here, its last in `PaymentMatcher`.
    @inline(__always)
    func match(invoiceId: UnsafeBufferPointer<UInt8>?, reference: UnsafeBufferPointer<UInt8>?) -> Int32 {
        if let invoiceId { return Int32(byId.find(invoiceId)) }
        guard let reference else { return -1 }
        return matchReference(byReference.find(reference)) ?? Int32(byId.find(reference))
    }

    /// The invoice of a reference found among the invoices' references (nil: not found there).
    @inline(__always)
    private func matchReference(_ k: Int) -> Int32? {
        guard k >= 0 else { return nil }
        return ambiguous[k] ? -1 : referenceRows[k]
    }

    /// `match` for every payment of a chunk still unmatched (`PaymentColumns.pending`), with
    /// the lookups of each kind batched (`StringKeyTable.find(batch:)`).
    func matchPending(_ t: inout PaymentColumns, file base: UnsafePointer<UInt8>, keepingKeys: Bool) {
        var idRows: [Int32] = [], idKeys: [UnsafeBufferPointer<UInt8>] = []
        var refRows: [Int32] = [], referenceKeys: [UnsafeBufferPointer<UInt8>] = []
        guard !t.pending.isEmpty else { return }
        idRows.reserveCapacity(t.pending.count); idKeys.reserveCapacity(t.pending.count)
        for p in t.pending {
            if p.invoiceId.count > 0 {
                idRows.append(p.row); idKeys.append(p.invoiceId.bytes(base))
            } else {
                refRows.append(p.row); referenceKeys.append(p.reference.bytes(base))
            }
        }
        var found = [Int32](repeating: -1, count: t.pending.count)
        found.withUnsafeMutableBufferPointer { found in
            idKeys.withUnsafeBufferPointer { byId.find(batch: $0, into: found.baseAddress!) }
            for (i, row) in idRows.enumerated() { t.payments.invoice[Int(row)] = found[i] }
            // A reference is an invoice's reference first, else an invoice id (rule 4).
            referenceKeys.withUnsafeBufferPointer { byReference.find(batch: $0, into: found.baseAddress!) }
            var againRows: [Int32] = [], againKeys: [UnsafeBufferPointer<UInt8>] = []
            for (i, row) in refRows.enumerated() {
                if let invoice = matchReference(Int(found[i])) {
                    t.payments.invoice[Int(row)] = invoice
                } else {
                    againRows.append(row); againKeys.append(referenceKeys[i])
                }
            }
            againKeys.withUnsafeBufferPointer { byId.find(batch: $0, into: found.baseAddress!) }
            for (i, row) in againRows.enumerated() { t.payments.invoice[Int(row)] = found[i] }
        }
        for p in t.pending where keepingKeys && t.payments.invoice[Int(p.row)] < 0 {
            t.payments.unmatchedKeys[p.row] = PaymentKey(invoiceId: p.invoiceId.string(base), reference: p.reference.string(base))
        }
        t.pending.removeAll(keepingCapacity: true)
    }
}

/// Where a field of the current chunk lies in the mapped file; `count` -1: empty.
struct FileRange {
    var start: Int
    var count: Int

    static let empty = FileRange(start: 0, count: -1)

    init(start: Int, count: Int) { self.start = start; self.count = count }

    init(_ field: UnsafeBufferPointer<UInt8>?, in base: UnsafePointer<UInt8>) {
        guard let field, let p = field.baseAddress else { self = .empty; return }
        self.init(start: p - base, count: field.count)
    }

    func bytes(_ base: UnsafePointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: base + start, count: max(0, count))
    }

    func string(_ base: UnsafePointer<UInt8>) -> String? { count < 0 ? nil : ByteFields.string(bytes(base)) }
}

/// payments.csv's columns as a chunk fills them, with the payments whose invoice is still to
/// be matched: they are matched together, every `batch` payments and at the end of the chunk.
struct PaymentColumns: Sendable {
    struct Pending: Sendable {
        var row: Int32
        var invoiceId: FileRange
        var reference: FileRange
    }

    /// Payments matched together: enough to keep many lookups in flight, few enough that the
    /// list stays in the cache.
    static let batch = 512

    var payments = Ledger.Payments()
    var pending: [Pending] = []
}

struct PaymentTableParser: TableParser {
    let customers: StringKeyTable?
    let matcher: InvoiceMatcher.Handle
    /// What each unmatched payment named, for `IncrementalAnalysis`; not kept when the ledger
    /// only reports an analysis.
    var keepsUnmatchedKeys = true
    var schema: FileSchema { LedgerSchema.payments }

    func makeTable(reserving n: Int) -> PaymentColumns {
        var t = PaymentColumns()
        reserve(&t.payments.ids, n); reserve(&t.payments.date, n); reserve(&t.payments.amount, n)
        reserve(&t.payments.invoice, n); t.pending.reserveCapacity(PaymentColumns.batch)
        return t
    }

    func add(_ r: inout RecordFields, to t: inout PaymentColumns) {
        let id = r.text(0), date = r.day(1), amount = r.cents(2)
        let invoice = r.raw(3)
        _ = r.customer(4, customers)  // checked, never used for matching (rule 4)
        let reference = r.raw(5)
        guard !r.failed, let id, let date, let amount else { return }
        t.payments.ids.append(id); t.payments.date.append(date); t.payments.amount.append(amount)
        let row = Int32(t.payments.invoice.count)
        if invoice == nil && reference == nil {
            t.payments.invoice.append(-1)
            if keepsUnmatchedKeys { t.payments.unmatchedKeys[row] = PaymentKey(invoiceId: nil, reference: nil) }
        } else if r.scanner.inFile(invoice), r.scanner.inFile(reference) {
            // Matched in a batch with the next ones (or in `finish`), while the file is still mapped.
            t.payments.invoice.append(-1)
            let base = r.scanner.base
            t.pending.append(.init(row: row, invoiceId: FileRange(invoice, in: base), reference: FileRange(reference, in: base)))
            if t.pending.count == PaymentColumns.batch { matcher.matcher.matchPending(&t, file: base, keepingKeys: keepsUnmatchedKeys) }
        } else {
            // A field that held doubled quotes lives in the scanner's scratch space: match it now.
            let match = matcher.matcher.match(invoiceId: invoice, reference: reference)
            t.payments.invoice.append(match)
            // What an unmatched payment named, for an invoice imported later (`IncrementalAnalysis`).
            if match < 0, keepsUnmatchedKeys {
                t.payments.unmatchedKeys[row] = PaymentKey(invoiceId: invoice.map(ByteFields.string), reference: reference.map(ByteFields.string))
            }
        }
    }

    func finish(_ t: inout PaymentColumns, file base: UnsafePointer<UInt8>) {
        matcher.matcher.matchPending(&t, file: base, keepingKeys: keepsUnmatchedKeys)
    }

    func merge(_ p: inout [PaymentColumns]) -> PaymentColumns {
        // The unmatched payments' keys (chunk-local rows become rows of the whole table) are
        // gathered on a thread of their own while the columns are joined: at a million
        // customers 1.8 M dictionary entries, as long as joining the columns.
        var keys: [[Int32: PaymentKey]] = [], counts: [Int32] = []
        for i in p.indices {
            keys.append(p[i].payments.unmatchedKeys)
            counts.append(Int32(p[i].payments.invoice.count))
            p[i].payments.unmatchedKeys = [:]
        }
        let chunkKeys = keys, rowsPerChunk = counts
        var t = PaymentColumns()
        t.payments.unmatchedKeys = bothAtOnce({
            t.payments.ids = concatenate(&p, \.payments.ids); t.payments.date = concatenate(&p, \.payments.date)
            t.payments.amount = concatenate(&p, \.payments.amount); t.payments.invoice = concatenate(&p, \.payments.invoice)
        }, {
            var all = [Int32: PaymentKey]()
            all.reserveCapacity(chunkKeys.reduce(0) { $0 + $1.count })
            var offset: Int32 = 0
            for (k, chunk) in chunkKeys.enumerated() {
                for (row, key) in chunk { all[row + offset] = key }
                offset += rowsPerChunk[k]
            }
            return all
        }).1
        return t
    }
}
