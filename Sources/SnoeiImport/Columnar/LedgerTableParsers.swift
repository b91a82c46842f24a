import SnoeiCore

// customers.csv, invoices.csv and payments.csv straight into `Ledger` columns. Column
// numbers follow `LedgerSchema`; the checks are those of `CustomerRows`, `InvoiceRows` and
// `PaymentRows`. Ids are checked for uniqueness afterwards, over the whole file.

struct CustomerTableParser: TableParser {
    var schema: FileSchema { LedgerSchema.customers }

    func makeTable(reserving n: Int) -> Ledger.Customers {
        var t = Ledger.Customers()
        t.ids.reserveCapacity(n); t.names.reserveCapacity(n); t.segments.reserveCapacity(n)
        t.accountManagers.reserveCapacity(n); t.since.reserveCapacity(n); t.tiers.reserveCapacity(n)
        t.contractEnds.reserveCapacity(n); t.noticeDays.reserveCapacity(n); t.cancelChannels.reserveCapacity(n)
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
        t.ids.reserveCapacity(n); t.customer.reserveCapacity(n); t.issue.reserveCapacity(n); t.due.reserveCapacity(n)
        t.amount.reserveCapacity(n); t.vat.reserveCapacity(n); t.cost.reserveCapacity(n); t.reference.reserveCapacity(n)
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
        let k = byReference.find(reference)
        if k >= 0 { return ambiguous[k] ? -1 : referenceRows[k] }
        return Int32(byId.find(reference))
    }
}

struct PaymentTableParser: TableParser {
    let customers: StringKeyTable?
    let matcher: InvoiceMatcher
    var schema: FileSchema { LedgerSchema.payments }

    func makeTable(reserving n: Int) -> Ledger.Payments {
        var t = Ledger.Payments()
        t.ids.reserveCapacity(n); t.date.reserveCapacity(n); t.amount.reserveCapacity(n); t.invoice.reserveCapacity(n)
        return t
    }

    func add(_ r: inout RecordFields, to t: inout Ledger.Payments) {
        let id = r.text(0), date = r.day(1), amount = r.cents(2)
        let invoice = r.raw(3)
        _ = r.customer(4, customers)  // checked, never used for matching (rule 4)
        let reference = r.raw(5)
        guard !r.failed, let id, let date, let amount else { return }
        t.ids.append(id); t.date.append(date); t.amount.append(amount)
        let match = matcher.match(invoiceId: invoice, reference: reference)
        t.invoice.append(match)
        // What an unmatched payment named, for an invoice imported later (`IncrementalAnalysis`).
        if match < 0 {
            t.unmatchedKeys[Int32(t.invoice.count - 1)] = PaymentKey(invoiceId: invoice.map(ByteFields.string),
                                                                      reference: reference.map(ByteFields.string))
        }
    }

    func merge(_ p: inout [Ledger.Payments]) -> Ledger.Payments {
        var t = Ledger.Payments()
        t.ids = concatenate(&p, \.ids); t.date = concatenate(&p, \.date)
        t.amount = concatenate(&p, \.amount)
        // Chunk-local rows of unmatched payments become rows of the whole table.
        var offset: Int32 = 0
        for chunk in p {
            for (row, key) in chunk.unmatchedKeys { t.unmatchedKeys[row + offset] = key }
            offset += Int32(chunk.invoice.count)
        }
        t.invoice = concatenate(&p, \.invoice)
        return t
    }
}
