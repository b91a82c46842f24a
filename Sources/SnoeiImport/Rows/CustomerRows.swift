import SnoeiCore

/// customers.csv; runs first and registers each id for the other files' checks.
enum CustomerRows {
    static let schema = LedgerSchema.customers

    static func parse(_ row: inout Row, _ state: inout ImportState) -> CustomerRecord? {
        // Column numbers follow LedgerSchema.customers.
        let id = row.uniqueId(0, &state.customerLines)
        if let id { state.knownCustomers.insert(id) }
        let name = row.text(1)
        let segment = row.text(2)
        let accountManager = row.text(3)
        let since = row.day(4)
        let tier = row.text(5)
        let contractEnd = row.day(6)
        let noticeDays = row.count(7)
        let cancelChannel = row.text(8)
        guard !row.failed, let id, let name else { return nil }
        return CustomerRecord(customerId: id, name: name, segment: segment, accountManager: accountManager,
                              since: since, tier: tier, contractEnd: contractEnd, noticeDays: noticeDays,
                              cancelChannel: cancelChannel)
    }
}
