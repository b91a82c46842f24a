public import SnoeiCore

/// Column-by-column comparison of two ledgers: every column the analysis reads (all of
/// them but `customerRows`), reporting the first differing row of each. Used to check the
/// fast loader against the canonical reader, in tests and in `ledger-bench --verify`.
public enum LedgerDifferences {
    public static func between(_ a: Ledger, _ b: Ledger) -> [String] {
        var out: [String] = []
        func column<T: Equatable>(_ name: String, _ x: [T], _ y: [T]) {
            if x.count != y.count { out.append("\(name): \(x.count) rows vs \(y.count)"); return }
            if let i = x.indices.first(where: { x[$0] != y[$0] }) {
                out.append("\(name)[\(i)]: \(String(describing: x[i])) vs \(String(describing: y[i]))")
            }
        }
        column("customers.ids", a.customers.ids, b.customers.ids)
        column("customers.names", a.customers.names, b.customers.names)
        column("customers.segments", a.customers.segments, b.customers.segments)
        column("customers.accountManagers", a.customers.accountManagers, b.customers.accountManagers)
        column("customers.since", a.customers.since, b.customers.since)
        column("customers.tiers", a.customers.tiers, b.customers.tiers)
        column("customers.contractEnds", a.customers.contractEnds, b.customers.contractEnds)
        column("customers.noticeDays", a.customers.noticeDays, b.customers.noticeDays)
        column("customers.cancelChannels", a.customers.cancelChannels, b.customers.cancelChannels)
        column("invoices.ids", a.invoices.ids, b.invoices.ids)
        column("invoices.customer", a.invoices.customer, b.invoices.customer)
        column("invoices.issue", a.invoices.issue, b.invoices.issue)
        column("invoices.due", a.invoices.due, b.invoices.due)
        column("invoices.amount", a.invoices.amount, b.invoices.amount)
        column("invoices.vat", a.invoices.vat, b.invoices.vat)
        column("invoices.cost", a.invoices.cost, b.invoices.cost)
        column("invoices.reference", a.invoices.reference, b.invoices.reference)
        column("payments.ids", a.payments.ids, b.payments.ids)
        column("payments.date", a.payments.date, b.payments.date)
        column("payments.amount", a.payments.amount, b.payments.amount)
        column("payments.invoice", a.payments.invoice, b.payments.invoice)
        if a.payments.unmatchedKeys != b.payments.unmatchedKeys {
            out.append("payments.unmatchedKeys: \(a.payments.unmatchedKeys.count) against \(b.payments.unmatchedKeys.count)")
        }
        column("timeEntries.customer", a.timeEntries.customer, b.timeEntries.customer)
        column("timeEntries.date", a.timeEntries.date, b.timeEntries.date)
        column("timeEntries.hours", a.timeEntries.hours, b.timeEntries.hours)
        column("timeEntries.activity", a.timeEntries.activity, b.timeEntries.activity)
        column("contacts.customer", a.contacts.customer, b.contacts.customer)
        column("contacts.date", a.contacts.date, b.contacts.date)
        column("contacts.channel", a.contacts.channel, b.contacts.channel)
        column("contacts.kind", a.contacts.kind, b.contacts.kind)
        column("contacts.selfCaused", a.contacts.selfCaused, b.contacts.selfCaused)
        column("deviations.customer", a.deviations.customer, b.deviations.customer)
        column("deviations.date", a.deviations.date, b.deviations.date)
        column("deviations.kind", a.deviations.kind, b.deviations.kind)
        column("deviations.cost", a.deviations.cost, b.deviations.cost)
        column("incidents.customer", a.incidents.customer, b.incidents.customer)
        column("incidents.date", a.incidents.date, b.incidents.date)
        column("incidents.kind", a.incidents.kind, b.incidents.kind)
        column("incidents.severity", a.incidents.severity, b.incidents.severity)
        column("referrals.customer", a.referrals.customer, b.referrals.customer)
        column("referrals.referred", a.referrals.referred, b.referrals.referred)
        column("referrals.date", a.referrals.date, b.referrals.date)
        column("valuesFit.customer", a.valuesFit.customer, b.valuesFit.customer)
        column("valuesFit.criterion", a.valuesFit.criterion, b.valuesFit.criterion)
        column("valuesFit.score", a.valuesFit.score, b.valuesFit.score)
        return out
    }
}
