/// Records that come with e-invoices and bank statements (issue 6), next to the canonical ledger.

/// A credit on the bank statement that no rule could tie to an invoice. It waits in the
/// `unmatched_payments` table until a person assigns it (`snoei payments assign`); it is
/// never dropped and changes no figure until then.
public struct UnmatchedPaymentRecord: Hashable, Sendable {
    /// The stable id of the statement entry; becomes the `payment_id` once assigned.
    public var entryId: String
    public var date: Day
    public var amount: Money
    public var counterpartyName: String?
    public var counterpartyIBAN: String?
    /// A structured reference (Belgian OGM/VCS, Dutch betalingskenmerk, RF…), normalised.
    public var reference: String?
    /// The unstructured remittance text.
    public var text: String?
    /// The statement file it came from, for the person assigning it.
    public var source: String

    public init(entryId: String, date: Day, amount: Money, counterpartyName: String? = nil, counterpartyIBAN: String? = nil,
                reference: String? = nil, text: String? = nil, source: String) {
        self.entryId = entryId; self.date = date; self.amount = amount; self.counterpartyName = counterpartyName
        self.counterpartyIBAN = counterpartyIBAN; self.reference = reference; self.text = text; self.source = source
    }
}

/// A registration number or bank account known to belong to a customer (`customer_identifiers`):
/// `key` is `scheme:value`, e.g. `kvk:12345678`, `vat:NL123456789B01`, `iban:NL91ABNA0417164300`.
public struct CustomerIdentifierRecord: Hashable, Sendable {
    public var key: String
    public var customerId: String

    public init(key: String, customerId: String) { self.key = key; self.customerId = customerId }
}
