import SnoeiCore

/// Maps read e-invoices and statement entries onto ledger records.
///
/// **Buyer → customer.** An invoice's buyer is found, in order: by any of its identifiers
/// already recorded in `customer_identifiers`; by an existing customer whose id is the
/// derived id (`KVK-12345678`, `KBO-0123456789`, `VAT-NL123456789B01`, from the first of KvK,
/// KBO, VAT the buyer carries) or the bare number; else a new customer is created under the
/// derived id with the party's name (reported). The buyer's identifiers are then recorded for
/// that customer, so the next invoice finds it even when it carries another of them.
struct LedgerMapper {
    var known: KnownLedger
    let maxErrors: Int
    private var identifiers: [String: String]
    private var newCustomerIds: Set<String> = []

    init(known: KnownLedger, maxErrors: Int) {
        self.known = known; self.maxErrors = maxErrors; identifiers = known.identifiers
    }

    static func derivedId(_ id: PartyIdentifier) -> String { "\(id.scheme.rawValue.uppercased())-\(id.value)" }

    mutating func mapInvoices(into result: inout ElectronicImport) {
        var firstFile: [String: String] = [:]
        for invoice in result.invoices {
            if let other = firstFile[invoice.id] {
                result.add(ImportProblem(file: invoice.file, line: invoice.line, reason: "invoice \(invoice.id) is also in \(other)"), limit: maxErrors)
                continue
            }
            firstFile[invoice.id] = invoice.file
            guard let customer = resolve(invoice, into: &result) else { continue }
            result.records.invoices.append(InvoiceRecord(
                invoiceId: invoice.id, customerId: customer, issueDate: invoice.issueDate, dueDate: invoice.dueDate,
                amount: invoice.taxExclusive, vat: invoice.payable - invoice.taxExclusive, reference: invoice.paymentId))
        }
    }

    private mutating func resolve(_ invoice: EInvoice, into result: inout ElectronicImport) -> String? {
        let ids = invoice.buyer.identifiers.filter { $0.scheme != .iban }
        let recorded = identifiers
        var customer = ids.lazy.compactMap { recorded[$0.key] }.first
        let preferred = PartyIdentifier.Scheme.allCases.lazy.compactMap { s in ids.first { $0.scheme == s } }.first
        if customer == nil, let preferred {
            let derived = Self.derivedId(preferred)
            if known.customerIds.contains(derived) || newCustomerIds.contains(derived) { customer = derived }
            else if let bare = ids.first(where: { known.customerIds.contains($0.value) }) { customer = bare.value }
            else if let name = invoice.buyer.name {
                customer = derived
                newCustomerIds.insert(derived)
                result.records.customers.append(CustomerRecord(customerId: derived, name: name))
                result.newCustomers.append(.init(customerId: derived, name: name, identifier: preferred))
            }
        }
        guard let customer else {
            let reason = preferred.map { "buyer \($0) is not a known customer and the invoice gives no name for it" }
                ?? "buyer \(ImportText.quoted(invoice.buyer.name ?? "")) carries no KvK (0106), KBO (0208) or VAT number to tie it to a customer"
            result.add(ImportProblem(file: invoice.file, line: invoice.line, reason: "\(invoice.id): \(reason)"), limit: maxErrors)
            return nil
        }
        for id in ids where identifiers[id.key] == nil {
            identifiers[id.key] = customer
            result.identifiers.append(CustomerIdentifierRecord(key: id.key, customerId: customer))
        }
        return customer
    }

    /// Credits new to the database go through the allocator; what it cannot place waits as
    /// unmatched. Entries already stored, or seen earlier in this import, are skipped.
    mutating func mapStatements(_ statements: [BankStatementRead], into result: inout ElectronicImport) {
        var allocator = PaymentAllocator(invoices: openInvoices(result.records.invoices), accounts: accounts())
        var seen: [String: String] = [:]
        let storedPayments = Set(known.payments.map(\.paymentId))
        for statement in statements {
            result.notBooked += statement.notBooked
            for entry in statement.entries {
                guard entry.isCredit else { result.debits += 1; continue }
                if let other = seen[entry.entryId] {
                    result.duplicates += 1
                    result.add(ImportProblem(file: entry.file, line: entry.line, reason: "entry \(entry.entryId) is also in \(other); counted once", severity: .warning), limit: maxErrors)
                    continue
                }
                seen[entry.entryId] = entry.file
                if storedPayments.contains(entry.entryId) || known.unmatchedIds.contains(entry.entryId) {
                    result.alreadyImported += 1
                    continue
                }
                let outcome = allocator.allocate(entry)
                result.outcomes.append(outcome)
                let reference = entry.effectiveReference ?? entry.text.map { String($0.prefix(140)) }
                if let invoiceId = outcome.invoiceId {
                    result.records.payments.append(PaymentRecord(paymentId: entry.entryId, date: entry.bookingDate, amount: entry.amount,
                                                                 invoiceId: invoiceId, customerId: outcome.customerId, reference: reference))
                    if let iban = entry.counterpartyIBAN, let customer = outcome.customerId, identifiers["iban:\(iban)"] == nil {
                        identifiers["iban:\(iban)"] = customer
                        result.identifiers.append(CustomerIdentifierRecord(key: "iban:\(iban)", customerId: customer))
                    }
                } else {
                    result.unmatched.append(UnmatchedPaymentRecord(
                        entryId: entry.entryId, date: entry.bookingDate, amount: entry.amount, counterpartyName: entry.counterpartyName,
                        counterpartyIBAN: entry.counterpartyIBAN, reference: entry.effectiveReference, text: entry.text, source: entry.file))
                }
            }
        }
    }

    /// Every invoice known after this import, with what the stored payments paid on it
    /// (matched by FORMAT.md rule 4, as the analysis does).
    private func openInvoices(_ imported: [InvoiceRecord]) -> [PaymentAllocator.Invoice] {
        var byId: [String: InvoiceRecord] = [:]
        for invoice in known.invoices { byId[invoice.invoiceId] = invoice }
        for invoice in imported { byId[invoice.invoiceId] = invoice }
        let all = byId.values.sorted { $0.invoiceId < $1.invoiceId }
        let matcher = PaymentMatcher(invoiceIds: all.map(\.invoiceId), references: all.map(\.reference))
        var paid = [Money](repeating: .zero, count: all.count)
        for payment in known.payments {
            let row = matcher.match(invoiceId: payment.invoiceId, reference: payment.reference)
            if row >= 0 { paid[Int(row)] += payment.amount }
        }
        return all.enumerated().map { k, inv in
            PaymentAllocator.Invoice(invoiceId: inv.invoiceId, customerId: inv.customerId, reference: inv.reference,
                                     dueDate: inv.dueDate, payable: inv.payable, paid: paid[k])
        }
    }

    private func accounts() -> [String: String] {
        var out: [String: String] = [:]
        for (key, customer) in identifiers where key.hasPrefix("iban:") { out[String(key.dropFirst(5))] = customer }
        return out
    }
}
