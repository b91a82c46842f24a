/// The data a leaving customer takes along (the exit checklist's `data_export` step): its own
/// record, invoices, payments, hours spent and contact history, in the canonical format so the
/// next firm can read it.
///
/// What stays behind is the firm's own assessment, not the customer's data: invoice cost
/// prices, whether a contact was self-caused, deviations from the sales standards, incidents,
/// referrals and values-fit scores. A complete art. 15 export (everything held about the
/// customer, assessments included) is a separate, wider export.
public enum HandoverExport {
    /// Nil when there is no customer with this id.
    public static func records(for customerId: String, in all: LedgerRecords) -> LedgerRecords? {
        guard let customer = all.customers.first(where: { $0.customerId == customerId }) else { return nil }
        var out = LedgerRecords()
        out.customers = [customer]
        out.invoices = all.invoices.filter { $0.customerId == customerId }.map { invoice in
            var copy = invoice
            copy.cost = nil
            return copy
        }
        let invoiceIds = Set(out.invoices.map(\.invoiceId))
        // A payment belongs to the customer by its invoice, or by its own customer id (an
        // advance or an overpayment that was never matched to an invoice).
        out.payments = all.payments.filter { p in
            p.customerId == customerId || p.invoiceId.map(invoiceIds.contains) == true
        }
        out.timeEntries = all.timeEntries.filter { $0.customerId == customerId }
        out.contacts = all.contacts.filter { $0.customerId == customerId }.map { contact in
            var copy = contact
            copy.selfCaused = nil
            return copy
        }
        return out
    }
}
