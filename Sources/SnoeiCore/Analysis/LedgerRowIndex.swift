/// Each customer's rows in every table the figures read, and each invoice's payments, so a few
/// customers can be cut out of a large ledger (`subledger(of:)`) and analysed alone with the
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

    /// The ledger of `customers` (ascending rows) alone: their rows in their original order,
    /// customer references renumbered 0..<customers.count. Referrals are left out: they link
    /// customers to each other and are counted over the whole ledger.
    func subledger(of customers: [Int32], in l: Ledger) -> Ledger {
        var s = Ledger()
        for (new, old) in customers.enumerated() {
            let o = Int(old), c = Int32(new)
            s.customers.ids.append(l.customers.ids[o]); s.customers.names.append(l.customers.names[o])
            s.customers.segments.append(l.customers.segments[o]); s.customers.accountManagers.append(l.customers.accountManagers[o])
            s.customers.since.append(l.customers.since[o]); s.customers.tiers.append(l.customers.tiers[o])
            s.customers.contractEnds.append(l.customers.contractEnds[o]); s.customers.noticeDays.append(l.customers.noticeDays[o])
            s.customers.cancelChannels.append(l.customers.cancelChannels[o])
            for i in invoices.rows(of: old).map(Int.init) {
                let newInvoice = Int32(s.invoices.count)
                s.invoices.ids.append(l.invoices.ids[i]); s.invoices.customer.append(c)
                s.invoices.issue.append(l.invoices.issue[i]); s.invoices.due.append(l.invoices.due[i])
                s.invoices.amount.append(l.invoices.amount[i]); s.invoices.vat.append(l.invoices.vat[i])
                s.invoices.cost.append(l.invoices.cost[i]); s.invoices.reference.append(l.invoices.reference[i])
                for p in paymentsByInvoice.rows(of: Int32(i)).map(Int.init) {
                    s.payments.ids.append(l.payments.ids[p]); s.payments.date.append(l.payments.date[p])
                    s.payments.amount.append(l.payments.amount[p]); s.payments.invoice.append(newInvoice)
                }
            }
            for i in timeEntries.rows(of: old).map(Int.init) {
                s.timeEntries.customer.append(c); s.timeEntries.date.append(l.timeEntries.date[i])
                s.timeEntries.hours.append(l.timeEntries.hours[i]); s.timeEntries.activity.append(l.timeEntries.activity[i])
            }
            for i in contacts.rows(of: old).map(Int.init) {
                s.contacts.customer.append(c); s.contacts.date.append(l.contacts.date[i])
                s.contacts.channel.append(l.contacts.channel[i]); s.contacts.kind.append(l.contacts.kind[i])
                s.contacts.selfCaused.append(l.contacts.selfCaused[i])
            }
            for i in deviations.rows(of: old).map(Int.init) {
                s.deviations.customer.append(c); s.deviations.date.append(l.deviations.date[i])
                s.deviations.kind.append(l.deviations.kind[i]); s.deviations.cost.append(l.deviations.cost[i])
            }
            for i in incidents.rows(of: old).map(Int.init) {
                s.incidents.customer.append(c); s.incidents.date.append(l.incidents.date[i])
                s.incidents.kind.append(l.incidents.kind[i]); s.incidents.severity.append(l.incidents.severity[i])
            }
            for i in valuesFit.rows(of: old).map(Int.init) {
                s.valuesFit.customer.append(c); s.valuesFit.criterion.append(l.valuesFit.criterion[i])
                s.valuesFit.score.append(l.valuesFit.score[i])
            }
        }
        return s
    }
}
