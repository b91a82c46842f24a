public import SnoeiCore

/// Ties bank credits to invoices. Pure: it sees only what it is given (the invoices with what
/// was paid on them so far, the accounts known per customer) and returns one outcome per credit.
///
/// Rules, in order; the first that gives exactly one invoice wins:
/// 1. **Structured reference** — the credit's structured reference (or one with valid check
///    digits in its text) equals an invoice's `reference` or id, compared in normalised form.
/// 2. **Invoice number in the text** — a word of the remittance text equals an invoice id
///    (case-insensitive). Several ids: the one still open, if exactly one is.
/// 3. **Amount and account** — the counterparty IBAN belongs to a customer (learnt from earlier
///    matches and assignments, and from rules 1–2 earlier in the same import) and exactly the
///    amount is open on that customer's invoices; with several such invoices, the oldest due.
///
/// Only invoices with something payable are candidates (never a credit note).
/// Rules 1 and 2 accept any amount (partial payments, over-payments); rule 3 needs the exact
/// open amount. Each match lowers the invoice's open amount for the credits after it, so two
/// equal transfers settle two equal invoices. Everything else is left for a person.
public struct PaymentAllocator: Sendable {
    public struct Invoice: Sendable, Equatable {
        public var invoiceId: String
        public var customerId: String
        public var reference: String?
        public var dueDate: Day
        public var payable: Money
        public var paid: Money

        public init(invoiceId: String, customerId: String, reference: String?, dueDate: Day, payable: Money, paid: Money) {
            self.invoiceId = invoiceId; self.customerId = customerId; self.reference = reference
            self.dueDate = dueDate; self.payable = payable; self.paid = paid
        }

        public var open: Money { payable - paid }
    }

    public enum Rule: String, Sendable { case structuredReference = "structured reference", invoiceNumber = "invoice number in the text", amountAndAccount = "amount and account" }

    public struct Outcome: Sendable, Equatable {
        public var entry: BankEntry
        public var invoiceId: String?
        public var customerId: String?
        public var rule: Rule?
    }

    private var invoices: [Invoice]
    private var byReference: [String: [Int]] = [:]
    private var byId: [String: Int] = [:]
    private var byCustomer: [String: [Int]] = [:]
    /// Normalised IBAN → customer.
    public private(set) var accounts: [String: String]

    public init(invoices: [Invoice], accounts: [String: String]) {
        self.invoices = invoices
        self.accounts = accounts
        // Credit notes (nothing payable) are never the target of money coming in: a transfer
        // that mentions one next to the invoice it corrects goes to that invoice.
        for (k, inv) in invoices.enumerated() where inv.payable.cents > 0 {
            byId[inv.invoiceId.uppercased()] = k
            byCustomer[inv.customerId, default: []].append(k)
            let keys = [inv.reference.map(StructuredReference.normalised), StructuredReference.normalised(inv.invoiceId)]
            for key in Set(keys.compactMap { $0 }) where !key.isEmpty { byReference[key, default: []].append(k) }
        }
    }

    /// Allocates credits in order; debits must be filtered out before.
    public mutating func allocate(_ credits: [BankEntry]) -> [Outcome] {
        credits.map { allocate($0) }
    }

    public mutating func allocate(_ entry: BankEntry) -> Outcome {
        var found: (Int, Rule)?
        if let ref = entry.effectiveReference.map(StructuredReference.normalised), let rows = byReference[ref], Set(rows).count == 1 {
            found = (rows[0], .structuredReference)
        } else if let row = invoiceNumber(in: entry.text) {
            found = (row, .invoiceNumber)
        } else if let iban = entry.counterpartyIBAN, let customer = accounts[iban] {
            let candidates = (byCustomer[customer] ?? []).filter { invoices[$0].open == entry.amount && entry.amount.cents > 0 }
            if let row = candidates.min(by: { (invoices[$0].dueDate, invoices[$0].invoiceId) < (invoices[$1].dueDate, invoices[$1].invoiceId) }) {
                found = (row, .amountAndAccount)
            }
        }
        guard let (row, rule) = found else { return Outcome(entry: entry, invoiceId: nil, customerId: nil, rule: nil) }
        // Saturating: a hostile statement of many maximal amounts must not trap the import.
        let (sum, overflow) = invoices[row].paid.cents.addingReportingOverflow(entry.amount.cents)
        invoices[row].paid = Money(cents: overflow ? .max : sum)
        let customer = invoices[row].customerId
        if let iban = entry.counterpartyIBAN, accounts[iban] == nil { accounts[iban] = customer }
        return Outcome(entry: entry, invoiceId: invoices[row].invoiceId, customerId: customer, rule: rule)
    }

    /// The one invoice whose id is a word of the text (words split at white space and
    /// punctuation other than `-`, `/`, `_` and `.`, which invoice numbers use).
    private func invoiceNumber(in text: String?) -> Int? {
        guard let text else { return nil }
        let words = text.uppercased().split { !($0.isLetter || $0.isNumber || "-/_.".contains($0)) }
        var rows: [Int] = []
        for word in words {
            var w = Substring(word)
            while let last = w.last, ".-/_".contains(last) { w = w.dropLast() }
            if let row = byId[String(w)], !rows.contains(row) { rows.append(row) }
        }
        if rows.count == 1 { return rows[0] }
        let open = rows.filter { invoices[$0].open.cents > 0 }
        return open.count == 1 ? open[0] : nil
    }

    /// The invoice as it stands after the allocations so far.
    public func invoice(_ id: String) -> Invoice? { byId[id.uppercased()].map { invoices[$0] } }
}
