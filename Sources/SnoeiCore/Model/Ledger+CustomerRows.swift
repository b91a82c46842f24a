extension Ledger {
    /// Each customer's rows in the tables a page about one customer lists (its timeline), so
    /// that page costs O(the customer's rows) instead of a scan of the whole ledger.
    ///
    /// Built by `init(records:)` when customer ids and invoice ids are unique (as the store and
    /// the importer guarantee); nil otherwise, and for a ledger assembled by hand, in which
    /// case readers scan. Row numbers are those of the ledger's tables, which are also the
    /// positions in the `LedgerRecords` the ledger was built from.
    public struct CustomerRows: Sendable {
        /// Rows grouped by key, ascending within each group (compressed sparse rows).
        public struct Groups: Sendable {
            let offsets: [Int32]
            let rows: [Int32]

            /// Rows of key `k` in ascending order.
            public subscript(_ k: Int) -> ArraySlice<Int32> { rows[Int(offsets[k])..<Int(offsets[k + 1])] }

            /// Groups `keys` (one key, or -1 for none, per row, in row order) into `count` groups.
            init(count: Int, rows n: Int, keys: (Int, inout [Int32]) -> Void) {
                var counts = [Int32](repeating: 0, count: count + 1)
                var buffer = [Int32]()
                for j in 0..<n {
                    buffer.removeAll(keepingCapacity: true)
                    keys(j, &buffer)
                    for k in buffer { counts[Int(k) + 1] += 1 }
                }
                for k in 0..<count { counts[k + 1] += counts[k] }
                var cursor = counts
                var rows = [Int32](repeating: 0, count: Int(counts[count]))
                for j in 0..<n {
                    buffer.removeAll(keepingCapacity: true)
                    keys(j, &buffer)
                    for k in buffer {
                        rows[Int(cursor[Int(k)])] = Int32(j)
                        cursor[Int(k)] += 1
                    }
                }
                offsets = counts
                self.rows = rows
            }
        }

        /// Invoices of each customer.
        public let invoices: Groups
        /// Payments of each customer: those whose `customer_id` names it and those whose
        /// `invoice_id` names one of its invoices (one payment may belong to two customers).
        public let payments: Groups
        /// Payments whose `invoice_id` names each invoice (the literal id, not rule 4's match).
        public let paymentsNamingInvoice: Groups
        public let contacts: Groups
        public let deviations: Groups
        public let incidents: Groups
    }

    /// The index; customer ids and invoice ids must be unique. `namedInvoice`: per payment, the
    /// row of the invoice its `invoice_id` names, or -1.
    static func customerRows(_ r: LedgerRecords, _ ledger: Ledger, namedInvoice named: [Int32],
                             customerIndex: [String: Int32]) -> CustomerRows {
        let n = ledger.customers.count
        let invoiceCustomer = ledger.invoices.customer
        // The customer each payment's customer_id names; usually that of the invoice it names,
        // which saves a lookup.
        var payer = [Int32](repeating: -1, count: r.payments.count)
        for (j, p) in r.payments.enumerated() {
            guard let id = p.customerId else { continue }
            if named[j] >= 0, r.invoices[Int(named[j])].customerId == id {
                payer[j] = invoiceCustomer[Int(named[j])]
            } else if let c = customerIndex[id] {
                payer[j] = c
            }
        }
        func one(_ column: [Int32]) -> CustomerRows.Groups {
            CustomerRows.Groups(count: n, rows: column.count) { j, out in out.append(column[j]) }
        }
        return CustomerRows(
            invoices: one(invoiceCustomer),
            payments: CustomerRows.Groups(count: n, rows: r.payments.count) { j, out in
                let byInvoice = named[j] >= 0 ? invoiceCustomer[Int(named[j])] : -1
                if payer[j] >= 0 { out.append(payer[j]) }
                if byInvoice >= 0, byInvoice != payer[j] { out.append(byInvoice) }
            },
            paymentsNamingInvoice: CustomerRows.Groups(count: r.invoices.count, rows: r.payments.count) { j, out in
                if named[j] >= 0 { out.append(named[j]) }
            },
            contacts: one(ledger.contacts.customer),
            deviations: one(ledger.deviations.customer),
            incidents: one(ledger.incidents.customer))
    }
}
