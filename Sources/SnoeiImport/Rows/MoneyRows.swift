import SnoeiCore

/// invoices.csv
enum InvoiceRows {
    static let schema = LedgerSchema.invoices

    static func parse(_ row: inout Row, _ state: inout ImportState) -> InvoiceRecord? {
        let id = row.uniqueId(0, &state.invoiceLines)
        let customer = row.customer(1, state)
        let issue = row.day(2)
        let due = row.day(3)
        let amount = row.money(4)
        let vat = row.money(5)
        let cost = row.money(6)
        let reference = row.text(7)
        guard !row.failed, let id, let customer, let issue, let due, let amount else { return nil }
        // Allowed (a prepaid or back-dated invoice) but usually a swapped pair of columns.
        if due < issue { row.warn(3, "due date \(due.iso) is before the issue date \(issue.iso)") }
        return InvoiceRecord(invoiceId: id, customerId: customer, issueDate: issue, dueDate: due, amount: amount,
                             vat: vat ?? .zero, cost: cost, reference: reference)
    }
}

/// payments.csv; an invoice_id that matches no invoice is fine (the payment stays unmatched).
enum PaymentRows {
    static let schema = LedgerSchema.payments

    static func parse(_ row: inout Row, _ state: inout ImportState) -> PaymentRecord? {
        let id = row.uniqueId(0, &state.paymentLines)
        let date = row.day(1)
        let amount = row.money(2)
        let invoice = row.text(3)
        let customer = row.customer(4, state)
        let reference = row.text(5)
        guard !row.failed, let id, let date, let amount else { return nil }
        return PaymentRecord(paymentId: id, date: date, amount: amount, invoiceId: invoice,
                             customerId: customer, reference: reference)
    }
}
