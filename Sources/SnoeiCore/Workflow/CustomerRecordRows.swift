/// One customer's rows in `LedgerRecords`, from the ledger's per-customer index when it fits
/// the records (O(the customer's rows)), else by a scan; both give rows in table order.
enum CustomerRecordRows {
    static func rows<R>(_ group: ArraySlice<Int32>?, _ records: [R], ledgerCount: Int, id: String,
                        _ customer: (R) -> String) -> [Int] {
        if let group, records.count == ledgerCount {
            let rows = group.map { Int($0) }
            if rows.allSatisfy({ $0 < records.count && customer(records[$0]) == id }) { return rows }
        }
        return records.indices.filter { customer(records[$0]) == id }
    }

    static func contacts(row: Int, ledger: Ledger, records: LedgerRecords) -> [Int] {
        rows(ledger.customerRows?.contacts[row], records.contacts, ledgerCount: ledger.contacts.count,
             id: ledger.customers.ids[row]) { $0.customerId }
    }

    static func deviations(row: Int, ledger: Ledger, records: LedgerRecords) -> [Int] {
        rows(ledger.customerRows?.deviations[row], records.deviations, ledgerCount: ledger.deviations.count,
             id: ledger.customers.ids[row]) { $0.customerId }
    }

    static func incidents(row: Int, ledger: Ledger, records: LedgerRecords) -> [Int] {
        rows(ledger.customerRows?.incidents[row], records.incidents, ledgerCount: ledger.incidents.count,
             id: ledger.customers.ids[row]) { $0.customerId }
    }

    /// Invoices by the ledger's rows (the analysis's own table), not the records'.
    static func invoices(row: Int, ledger: Ledger) -> [Int] {
        if let index = ledger.customerRows { return index.invoices[row].map { Int($0) } }
        let r = Int32(row)
        return ledger.invoices.customer.indices.filter { ledger.invoices.customer[$0] == r }
    }
}
