/// Appending an import's rows to the ledger, keeping the update's indexes in step and noting
/// which customers the rows touch and how.
extension IncrementalAnalysis {
    /// What an import touched, for the steps after it is appended.
    struct Touched {
        /// Every customer with a new or changed row: their figures and verdicts are redone.
        var affected = Set<Int32>()
        /// Customers with new values-fit scores: their invoice and values-fit figures are
        /// computed again from all their rows. For the others, new rows are added on.
        var recompute = Set<Int32>()
        /// Earlier payments that the import's invoices matched.
        var rematched = [Int32]()
        /// The first new row of each table.
        let firstNew: (invoices: Int, payments: Int, timeEntries: Int, contacts: Int, deviations: Int, incidents: Int, referrals: Int)

        init(_ l: Ledger) {
            firstNew = (l.invoices.count, l.payments.count, l.timeEntries.count, l.contacts.count, l.deviations.count,
                        l.incidents.count, l.referrals.count)
        }
    }

    mutating func append(_ d: LedgerRecords, owners: DeltaOwners, to l: inout Ledger, touched: inout Touched,
                         unmatched: inout (count: Int, amount: Money), asOf: Day) {
        appendCustomers(d.customers, to: &l, affected: &touched.affected)
        appendInvoicesAndPayments(d, owners: owners.invoices, to: &l, touched: &touched, unmatched: &unmatched, asOf: asOf)
        for (t, c) in zip(d.timeEntries, owners.timeEntries) {
            l.timeEntries.customer.append(c); l.timeEntries.date.append(t.date)
            l.timeEntries.hours.append(t.hours); l.timeEntries.activity.append(t.activity)
            touched.affected.insert(c)
        }
        for (k, c) in zip(d.contacts, owners.contacts) {
            l.contacts.customer.append(c); l.contacts.date.append(k.date); l.contacts.channel.append(k.channel)
            l.contacts.kind.append(k.kind); l.contacts.selfCaused.append(k.selfCaused ?? false)
            touched.affected.insert(c)
        }
        for (x, c) in zip(d.deviations, owners.deviations) {
            l.deviations.customer.append(c); l.deviations.date.append(x.date); l.deviations.kind.append(x.kind)
            l.deviations.cost.append(x.cost.cents)
            touched.affected.insert(c)
        }
        for (x, c) in zip(d.incidents, owners.incidents) {
            l.incidents.customer.append(c); l.incidents.date.append(x.date); l.incidents.kind.append(x.kind)
            l.incidents.severity.append(UInt8(clamping: x.severity))
            touched.affected.insert(c)
        }
        for (k, f) in d.referrals.enumerated() {
            l.referrals.customer.append(owners.referrers[k]); l.referrals.referred.append(owners.referred[k])
            l.referrals.date.append(f.date)
        }
        for (v, c) in zip(d.valuesFit, owners.valuesFit) {
            index.valuesFit.append(row: Int32(l.valuesFit.count), owner: c)
            l.valuesFit.customer.append(c); l.valuesFit.criterion.append(v.criterion); l.valuesFit.score.append(UInt8(clamping: v.score))
            touched.affected.insert(c)
            touched.recompute.insert(c)
        }
    }

    /// New customers are appended; a known id updates that customer's columns.
    private mutating func appendCustomers(_ customers: [CustomerRecord], to l: inout Ledger, affected: inout Set<Int32>) {
        for c in customers {
            let r: Int
            if let known = customerIndex[c.customerId] {
                r = Int(known)
            } else {
                r = l.customers.count
                customerIndex[c.customerId] = Int32(r)
                l.customers.ids.append(c.customerId); l.customers.names.append(c.name)
                l.customers.segments.append(nil); l.customers.accountManagers.append(nil); l.customers.since.append(nil)
                l.customers.tiers.append(nil); l.customers.contractEnds.append(nil); l.customers.noticeDays.append(nil)
                l.customers.cancelChannels.append(nil)
            }
            l.customers.names[r] = c.name; l.customers.segments[r] = c.segment; l.customers.accountManagers[r] = c.accountManager
            l.customers.since[r] = c.since; l.customers.tiers[r] = c.tier; l.customers.contractEnds[r] = c.contractEnd
            l.customers.noticeDays[r] = c.noticeDays; l.customers.cancelChannels[r] = c.cancelChannel
            affected.insert(Int32(r))
        }
    }

    /// `unmatched` follows the portfolio's count of unmatched payments dated up to `asOf`.
    private mutating func appendInvoicesAndPayments(_ d: LedgerRecords, owners: [Int32], to l: inout Ledger, touched: inout Touched,
                                                    unmatched: inout (count: Int, amount: Money), asOf: Day) {
        var reconsider = [Int32]()
        for (v, c) in zip(d.invoices, owners) {
            let row = Int32(l.invoices.count)
            index.invoices.append(row: row, owner: c)
            matcher.add(invoiceId: v.invoiceId, reference: v.reference, row: row)
            l.invoices.ids.append(v.invoiceId); l.invoices.customer.append(c)
            l.invoices.issue.append(v.issueDate); l.invoices.due.append(v.dueDate)
            l.invoices.amount.append(v.amount.cents); l.invoices.vat.append(v.vat.cents)
            l.invoices.cost.append(v.cost?.cents ?? 0); l.invoices.reference.append(v.reference)
            touched.affected.insert(c)
            // Earlier payments that named this invoice before it was known.
            reconsider += unmatchedByKey.removeValue(forKey: v.invoiceId) ?? []
            if let ref = v.reference, !ref.isEmpty { reconsider += unmatchedByKey.removeValue(forKey: ref) ?? [] }
        }
        for p in reconsider.sorted() {
            guard let key = l.payments.unmatchedKeys[p] else { continue }
            let m = matcher.match(invoiceId: key.invoiceId, reference: key.reference)
            if m >= 0 {
                l.payments.invoice[Int(p)] = m
                l.payments.unmatchedKeys[p] = nil
                if l.payments.date[Int(p)] <= asOf {
                    unmatched.count -= 1
                    unmatched.amount.cents -= l.payments.amount[Int(p)]
                }
                index.paymentsByInvoice.append(row: p, owner: m)
                touched.rematched.append(p)
                touched.affected.insert(l.invoices.customer[Int(m)])
            } else if let k = Self.lookupKey(key) {
                unmatchedByKey[k, default: []].append(p)
            }
        }
        for p in d.payments {
            let row = Int32(l.payments.count)
            let m = matcher.match(invoiceId: p.invoiceId, reference: p.reference)
            l.payments.ids.append(p.paymentId); l.payments.date.append(p.date); l.payments.amount.append(p.amount.cents)
            l.payments.invoice.append(m)
            if m >= 0 {
                index.paymentsByInvoice.append(row: row, owner: m)
                touched.affected.insert(l.invoices.customer[Int(m)])
            } else {
                if p.date <= asOf {
                    unmatched.count += 1
                    unmatched.amount += p.amount
                }
                let key = PaymentKey(invoiceId: p.invoiceId, reference: p.reference)
                l.payments.unmatchedKeys[row] = key
                if let k = Self.lookupKey(key) { unmatchedByKey[k, default: []].append(row) }
            }
        }
    }
}
