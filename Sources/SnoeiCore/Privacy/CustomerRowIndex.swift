/// Which rows of a ledger are about which customer, found in one pass over every table, so
/// that privacy work on one customer (or on every customer past retention) costs O(its rows).
///
/// A row is about a customer when its `customer_id` names it, with two refinements:
/// - Payments: those that settle one of its invoices (FORMAT.md rule 4), and those whose own
///   `customer_id` names it. A payment that names one customer but settles another's invoice
///   is about both, but it is the record of the customer whose invoice it settles: only that
///   customer's erasure touches it (`settling`).
/// - Referrals: those the customer made. That another customer referred it is the referrer's
///   record; an export does not disclose other customers (art. 15(4)) and an erasure leaves
///   the referrer's figures alone.
struct CustomerRowIndex {
    struct Rows {
        var customer: Int?
        var invoices: [Int] = []
        /// Payments about the customer (exported).
        var payments: [Int] = []
        /// Payments that are the customer's record (erased with it): they settle one of its
        /// invoices, or settle no invoice and name it.
        var settling: [Int] = []
        var timeEntries: [Int] = []
        var contacts: [Int] = []
        var deviations: [Int] = []
        var incidents: [Int] = []
        var referrals: [Int] = []
        var valuesFit: [Int] = []
    }

    let records: LedgerRecords
    private(set) var rows: [String: Rows] = [:]
    /// Per payment, the row of the invoice it settles by rule 4, or -1.
    let settles: [Int32]

    init(_ r: LedgerRecords) {
        records = r
        let matcher = PaymentMatcher(invoiceIds: r.invoices.map(\.invoiceId), references: r.invoices.map(\.reference))
        settles = r.payments.map { matcher.match(invoiceId: $0.invoiceId, reference: $0.reference) }
        var rows = [String: Rows](minimumCapacity: r.customers.count)
        for (i, c) in r.customers.enumerated() where rows[c.customerId]?.customer == nil {
            rows[c.customerId, default: Rows()].customer = i
        }
        for (i, x) in r.invoices.enumerated() { rows[x.customerId, default: Rows()].invoices.append(i) }
        for (i, p) in r.payments.enumerated() {
            let owner = settles[i] >= 0 ? r.invoices[Int(settles[i])].customerId : nil
            if let owner {
                rows[owner, default: Rows()].payments.append(i)
                rows[owner, default: Rows()].settling.append(i)
            }
            if let named = p.customerId, named != owner {
                rows[named, default: Rows()].payments.append(i)
                if owner == nil { rows[named, default: Rows()].settling.append(i) }
            }
        }
        for (i, x) in r.timeEntries.enumerated() { rows[x.customerId, default: Rows()].timeEntries.append(i) }
        for (i, x) in r.contacts.enumerated() { rows[x.customerId, default: Rows()].contacts.append(i) }
        for (i, x) in r.deviations.enumerated() { rows[x.customerId, default: Rows()].deviations.append(i) }
        for (i, x) in r.incidents.enumerated() { rows[x.customerId, default: Rows()].incidents.append(i) }
        for (i, x) in r.referrals.enumerated() { rows[x.customerId, default: Rows()].referrals.append(i) }
        for (i, x) in r.valuesFit.enumerated() { rows[x.customerId, default: Rows()].valuesFit.append(i) }
        self.rows = rows
    }

    /// The customer's rows of every table as records, in table order; nil for an unknown customer.
    func records(of id: String) -> LedgerRecords? {
        guard let x = rows[id], let c = x.customer else { return nil }
        let r = records
        var out = LedgerRecords()
        out.customers = [r.customers[c]]
        out.invoices = x.invoices.map { r.invoices[$0] }
        out.payments = x.payments.sorted().map { r.payments[$0] }
        out.timeEntries = x.timeEntries.map { r.timeEntries[$0] }
        out.contacts = x.contacts.map { r.contacts[$0] }
        out.deviations = x.deviations.map { r.deviations[$0] }
        out.incidents = x.incidents.map { r.incidents[$0] }
        out.referrals = x.referrals.map { r.referrals[$0] }
        out.valuesFit = x.valuesFit.map { r.valuesFit[$0] }
        return out
    }

    /// What the customer owes as of `day`: Σ open(i) over its invoices issued ≤ day with
    /// open(i) > 0.005 (FORMAT.md; credit notes and over-payments do not net against it).
    func openBalance(of id: String, asOf day: Day) -> Money {
        guard let x = rows[id] else { return .zero }
        var paid = [Int: Int64]()
        for p in x.settling where settles[p] >= 0 && records.payments[p].date <= day {
            paid[Int(settles[p]), default: 0] += records.payments[p].amount.cents
        }
        var open: Int64 = 0
        for i in x.invoices where records.invoices[i].issueDate <= day {
            let o = records.invoices[i].payable.cents - (paid[i] ?? 0)
            if o > 0 { open += o }
        }
        return Money(cents: open)
    }
}

extension Day {
    /// The day of an ISO 8601 timestamp (`2026-03-01T09:00:00Z` → 2026-03-01), nil if it has none.
    init?(timestamp: String) { self.init(iso: String(timestamp.prefix(10))) }

    /// The same day `years` later, clamped to the month's end (29 Feb + 1 year = 28 Feb).
    func addingYears(_ years: Int) -> Day { addingMonths(12 * years) }
}
