public import SnoeiCore

/// One booked transaction of a bank statement (CAMT.053 or MT940), as read.
public struct BankEntry: Sendable, Equatable {
    /// Stable across imports of the same statement: `camt:` or `mt940:`, the account, then the
    /// bank's own reference for the entry (AcctSvcrRef) or the statement id and the entry's
    /// number within it. It becomes the `payment_id`, which is why re-importing adds nothing.
    public var entryId: String
    public var account: String
    public var bookingDate: Day
    /// Always positive; `isCredit` says which way the money went.
    public var amount: Money
    public var isCredit: Bool
    public var counterpartyName: String?
    public var counterpartyIBAN: String?
    /// A structured reference, normalised (see `StructuredReference.normalised`).
    public var structuredReference: String?
    public var text: String?
    public var file: String
    public var line: Int

    public init(entryId: String, account: String, bookingDate: Day, amount: Money, isCredit: Bool,
                counterpartyName: String? = nil, counterpartyIBAN: String? = nil, structuredReference: String? = nil,
                text: String? = nil, file: String, line: Int) {
        self.entryId = entryId; self.account = account; self.bookingDate = bookingDate; self.amount = amount
        self.isCredit = isCredit; self.counterpartyName = counterpartyName; self.counterpartyIBAN = counterpartyIBAN
        self.structuredReference = structuredReference; self.text = text; self.file = file; self.line = line
    }

    /// The structured reference, or one found in the free text with valid check digits.
    public var effectiveReference: String? {
        structuredReference ?? text.flatMap(StructuredReference.find(in:))
    }
}

/// What a statement file held.
public struct BankStatementRead: Sendable {
    public var entries: [BankEntry] = []
    /// Entries not booked yet (CAMT status PDNG/INFO): not money received, so not imported.
    public var notBooked = 0
    public var problems: [ImportProblem] = []

    public init() {}
}
