/// Each customer's invoices and values-fit scores, and each invoice's payments, so a few
/// customers can be cut out of a large ledger (`invoiceLedger(of:in:)`) and their invoice
/// figures computed alone by the very code that analyses the whole: the same figures by
/// construction. (Time entries, contacts, deviations and incidents need no index: an update
/// adds the new ones to the figures, see `CustomerFigures+Rows`.)
struct LedgerRowIndex: Sendable {
    var invoices: RowIndex
    var paymentsByInvoice: RowIndex
    var valuesFit: RowIndex

    init(_ l: Ledger) {
        let n = l.customers.count
        invoices = RowIndex(owners: n, count: l.invoices.count) { l.invoices.customer[$0] }
        paymentsByInvoice = RowIndex(owners: l.invoices.count, count: l.payments.count) { l.payments.invoice[$0] }
        valuesFit = RowIndex(owners: n, count: l.valuesFit.count) { l.valuesFit.customer[$0] }
    }

    /// The invoices, payments and values-fit scores of `customers` (ascending rows) alone, in
    /// their original order, customer references renumbered 0..<customers.count; the other
    /// tables are empty. Columns the figures do not read (ids, names, references, the
    /// customers' optional details) hold empty values: copying those strings cost more than
    /// computing the figures. `IncrementalAnalysisTests` compare every figure with a full
    /// analysis, so a figure that starts to read one of them shows up there.
    func invoiceLedger(of customers: [Int32], in l: Ledger) -> Ledger {
        // Which rows, in order, and their new owners; then each column is one gather.
        var invoice = Rows(), payment = Rows(), fit = Rows()
        for (new, old) in customers.enumerated() {
            let c = Int32(new)
            invoices.forEachRow(of: old) { i in
                // A payment's owner is its invoice's new row.
                payment.add(paymentsByInvoice, Int32(i), Int32(invoice.rows.count))
                invoice.rows.append(Int32(i)); invoice.owner.append(c)
            }
            fit.add(valuesFit, old, c)
        }
        var s = Ledger()
        let n = customers.count
        s.customers.ids = Array(repeating: "", count: n); s.customers.names = Array(repeating: "", count: n)
        s.customers.segments = Array(repeating: nil, count: n); s.customers.accountManagers = Array(repeating: nil, count: n)
        s.customers.since = Array(repeating: nil, count: n); s.customers.tiers = Array(repeating: nil, count: n)
        s.customers.contractEnds = Array(repeating: nil, count: n); s.customers.noticeDays = Array(repeating: nil, count: n)
        s.customers.cancelChannels = Array(repeating: nil, count: n)
        let v = invoice.rows
        s.invoices.ids = Array(repeating: "", count: v.count); s.invoices.reference = Array(repeating: nil, count: v.count)
        s.invoices.customer = invoice.owner
        s.invoices.issue = gather(l.invoices.issue, v); s.invoices.due = gather(l.invoices.due, v)
        s.invoices.amount = gather(l.invoices.amount, v); s.invoices.vat = gather(l.invoices.vat, v)
        s.invoices.cost = gather(l.invoices.cost, v)
        s.payments.ids = Array(repeating: "", count: payment.rows.count)
        s.payments.date = gather(l.payments.date, payment.rows); s.payments.amount = gather(l.payments.amount, payment.rows)
        s.payments.invoice = payment.owner
        s.valuesFit.customer = fit.owner; s.valuesFit.criterion = gather(l.valuesFit.criterion, fit.rows)
        s.valuesFit.score = gather(l.valuesFit.score, fit.rows)
        return s
    }

    /// Rows of one table picked for `invoiceLedger`, with their new owners.
    private struct Rows {
        var rows = [Int32](), owner = [Int32]()
        mutating func add(_ index: RowIndex, _ old: Int32, _ new: Int32) {
            index.forEachRow(of: old) { rows.append(Int32($0)); owner.append(new) }
        }
    }

    private func gather<T>(_ column: [T], _ rows: [Int32]) -> [T] {
        column.withUnsafeBufferPointer { source in
            [T](unsafeUninitializedCapacity: rows.count) { out, initialized in
                for (k, r) in rows.enumerated() { (out.baseAddress! + k).initialize(to: source[Int(r)]) }
                initialized = rows.count
            }
        }
    }
}
