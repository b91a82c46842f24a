/// Each customer's rows in every table the figures read, and each invoice's payments, so a few
/// customers can be cut out of a large ledger (`figureLedger(of:in:)`) and analysed alone with the
/// very code that analyses the whole: the same figures by construction.
struct LedgerRowIndex: Sendable {
    var invoices: RowIndex
    var paymentsByInvoice: RowIndex
    var timeEntries: RowIndex
    var contacts: RowIndex
    var deviations: RowIndex
    var incidents: RowIndex
    var valuesFit: RowIndex

    init(_ l: Ledger) {
        let n = l.customers.count
        invoices = RowIndex(owners: n, count: l.invoices.count) { l.invoices.customer[$0] }
        paymentsByInvoice = RowIndex(owners: l.invoices.count, count: l.payments.count) { l.payments.invoice[$0] }
        timeEntries = RowIndex(owners: n, count: l.timeEntries.count) { l.timeEntries.customer[$0] }
        contacts = RowIndex(owners: n, count: l.contacts.count) { l.contacts.customer[$0] }
        deviations = RowIndex(owners: n, count: l.deviations.count) { l.deviations.customer[$0] }
        incidents = RowIndex(owners: n, count: l.incidents.count) { l.incidents.customer[$0] }
        valuesFit = RowIndex(owners: n, count: l.valuesFit.count) { l.valuesFit.customer[$0] }
    }

    /// The ledger of `customers` (ascending rows) alone, for their figures: their rows in their
    /// original order, customer references renumbered 0..<customers.count. Referrals are left
    /// out: they link customers to each other and are counted over the whole ledger. Columns
    /// the figures do not read (ids, names, references, the customers' optional details) hold
    /// empty values: copying those strings cost more than computing the figures.
    /// `IncrementalAnalysisTests` compare every figure with a full analysis, so a figure that
    /// starts to read one of them shows up there.
    func figureLedger(of customers: [Int32], in l: Ledger) -> Ledger {
        // Which rows, in order, and their new owners; then each column is one gather.
        var invoice = Rows(), payment = Rows()
        var time = Rows(), contact = Rows(), deviation = Rows(), incident = Rows(), fit = Rows()
        for (new, old) in customers.enumerated() {
            let c = Int32(new)
            invoices.forEachRow(of: old) { i in
                // A payment's owner is its invoice's new row.
                payment.add(paymentsByInvoice, Int32(i), Int32(invoice.rows.count))
                invoice.rows.append(Int32(i)); invoice.owner.append(c)
            }
            time.add(timeEntries, old, c); contact.add(contacts, old, c); deviation.add(deviations, old, c)
            incident.add(incidents, old, c); fit.add(valuesFit, old, c)
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
        s.timeEntries.customer = time.owner; s.timeEntries.date = gather(l.timeEntries.date, time.rows)
        s.timeEntries.hours = gather(l.timeEntries.hours, time.rows); s.timeEntries.activity = gather(l.timeEntries.activity, time.rows)
        s.contacts.customer = contact.owner; s.contacts.date = gather(l.contacts.date, contact.rows)
        s.contacts.channel = gather(l.contacts.channel, contact.rows); s.contacts.kind = gather(l.contacts.kind, contact.rows)
        s.contacts.selfCaused = gather(l.contacts.selfCaused, contact.rows)
        s.deviations.customer = deviation.owner; s.deviations.date = gather(l.deviations.date, deviation.rows)
        s.deviations.kind = gather(l.deviations.kind, deviation.rows); s.deviations.cost = gather(l.deviations.cost, deviation.rows)
        s.incidents.customer = incident.owner; s.incidents.date = gather(l.incidents.date, incident.rows)
        s.incidents.kind = gather(l.incidents.kind, incident.rows); s.incidents.severity = gather(l.incidents.severity, incident.rows)
        s.valuesFit.customer = fit.owner; s.valuesFit.criterion = gather(l.valuesFit.criterion, fit.rows)
        s.valuesFit.score = gather(l.valuesFit.score, fit.rows)
        return s
    }

    /// Rows of one table picked for `figureLedger`, with their new owners.
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
