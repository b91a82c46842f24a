extension Ledger {
    /// Rows each table should be able to take without reallocating its columns.
    struct Room {
        var customers = 0, invoices = 0, payments = 0, timeEntries = 0, contacts = 0
        var deviations = 0, incidents = 0, referrals = 0, valuesFit = 0

        init() {}

        /// Room for 1/64 of each table's rows.
        init(proportionalTo l: Ledger) {
            customers = l.customers.count / 64; invoices = l.invoices.count / 64; payments = l.payments.count / 64
            timeEntries = l.timeEntries.count / 64; contacts = l.contacts.count / 64; deviations = l.deviations.count / 64
            incidents = l.incidents.count / 64; referrals = l.referrals.count / 64; valuesFit = l.valuesFit.count / 64
        }

        init(for d: LedgerRecords) {
            customers = d.customers.count; invoices = d.invoices.count; payments = d.payments.count
            timeEntries = d.timeEntries.count; contacts = d.contacts.count; deviations = d.deviations.count
            incidents = d.incidents.count; referrals = d.referrals.count; valuesFit = d.valuesFit.count
        }
    }

    /// Makes room in every column for `room`'s rows, so that appending them writes in place
    /// (`IncrementalAnalysis`). A column without that room is copied once into one with room
    /// for them plus 1/64 of its rows (some ten days of a generated ledger), so updates day
    /// after day copy a column about once a week instead of once per update (a Swift array
    /// that is full copies itself to grow, 160 MB for 20 million amounts).
    mutating func makeRoom(_ room: Room) {
        func grow<T>(_ column: inout [T], _ count: Int, _ rows: Int) {
            guard column.capacity - count < rows else { return }
            column.reserveCapacity(count + max(rows, count / 64, 256))
        }
        var n = customers.count, r = room.customers
        grow(&customers.ids, n, r); grow(&customers.names, n, r); grow(&customers.segments, n, r)
        grow(&customers.accountManagers, n, r); grow(&customers.since, n, r); grow(&customers.tiers, n, r)
        grow(&customers.contractEnds, n, r); grow(&customers.noticeDays, n, r); grow(&customers.cancelChannels, n, r)
        n = invoices.count; r = room.invoices
        grow(&invoices.ids, n, r); grow(&invoices.customer, n, r); grow(&invoices.issue, n, r); grow(&invoices.due, n, r)
        grow(&invoices.amount, n, r); grow(&invoices.vat, n, r); grow(&invoices.cost, n, r); grow(&invoices.reference, n, r)
        n = payments.count; r = room.payments
        grow(&payments.ids, n, r); grow(&payments.date, n, r); grow(&payments.amount, n, r); grow(&payments.invoice, n, r)
        n = timeEntries.count; r = room.timeEntries
        grow(&timeEntries.customer, n, r); grow(&timeEntries.date, n, r); grow(&timeEntries.hours, n, r)
        grow(&timeEntries.activity, n, r)
        n = contacts.count; r = room.contacts
        grow(&contacts.customer, n, r); grow(&contacts.date, n, r); grow(&contacts.channel, n, r)
        grow(&contacts.kind, n, r); grow(&contacts.selfCaused, n, r)
        n = deviations.count; r = room.deviations
        grow(&deviations.customer, n, r); grow(&deviations.date, n, r); grow(&deviations.kind, n, r); grow(&deviations.cost, n, r)
        n = incidents.count; r = room.incidents
        grow(&incidents.customer, n, r); grow(&incidents.date, n, r); grow(&incidents.kind, n, r); grow(&incidents.severity, n, r)
        n = referrals.count; r = room.referrals
        grow(&referrals.customer, n, r); grow(&referrals.referred, n, r); grow(&referrals.date, n, r)
        n = valuesFit.count; r = room.valuesFit
        grow(&valuesFit.customer, n, r); grow(&valuesFit.criterion, n, r); grow(&valuesFit.score, n, r)
    }
}
