import SnoeiCore
import Testing
@testable import SnoeiImport

@Suite struct PaymentAllocatorTests {
    static func invoice(_ id: String, _ customer: String, ref: String? = nil, due: String = "2026-10-31", payable: Int64, paid: Int64 = 0) -> PaymentAllocator.Invoice {
        .init(invoiceId: id, customerId: customer, reference: ref, dueDate: day(due), payable: Money(cents: payable), paid: Money(cents: paid))
    }

    static func credit(_ cents: Int64, ref: String? = nil, text: String? = nil, iban: String? = nil, id: String = "e") -> BankEntry {
        BankEntry(entryId: id, account: "NL91ABNA0417164300", bookingDate: day("2026-11-02"), amount: Money(cents: cents), isCredit: true,
                  counterpartyIBAN: iban, structuredReference: ref, text: text, file: "s.xml", line: 1)
    }

    let invoices = [
        invoice("INV-1", "C1", ref: "+++090/9337/55493+++", payable: 60_500),
        invoice("INV-2", "C2", ref: "2000020261010001", payable: 121_000),
        invoice("INV-3", "C3", due: "2026-11-30", payable: 50_000),
        invoice("INV-4", "C3", due: "2026-10-15", payable: 50_000),
    ]

    @Test func rule1StructuredReferenceInItsFieldOrInTheText() {
        var a = PaymentAllocator(invoices: invoices, accounts: [:])
        let byField = a.allocate(Self.credit(60_500, ref: "090933755493"))
        #expect(byField.invoiceId == "INV-1" && byField.rule == .structuredReference && byField.customerId == "C1")
        let inText = a.allocate(Self.credit(121_000, text: "betalingskenmerk 2000 0202 6101 0001"))
        #expect(inText.invoiceId == "INV-2" && inText.rule == .structuredReference)
    }

    @Test func aWrongCheckDigitNeverMatches() {
        var a = PaymentAllocator(invoices: invoices, accounts: [:])
        #expect(a.allocate(Self.credit(60_500, text: "+++090/9337/55494+++")).invoiceId == nil)
    }

    @Test func rule2InvoiceNumberInTheText() {
        var a = PaymentAllocator(invoices: invoices, accounts: [:])
        let o = a.allocate(Self.credit(10_000, text: "Factuur inv-3, eerste deel."))
        #expect(o.invoiceId == "INV-3" && o.rule == .invoiceNumber)
        // Two invoice numbers, both open: nobody can tell which; left for a person.
        #expect(a.allocate(Self.credit(10_000, text: "INV-3 en INV-4")).invoiceId == nil)
    }

    @Test func rule3AmountAndAKnownAccountTakesTheOldestDue() {
        var a = PaymentAllocator(invoices: invoices, accounts: ["NL02RABO0123456789": "C3"])
        let first = a.allocate(Self.credit(50_000, iban: "NL02RABO0123456789", id: "e1"))
        #expect(first.invoiceId == "INV-4" && first.rule == .amountAndAccount)
        let second = a.allocate(Self.credit(50_000, iban: "NL02RABO0123456789", id: "e2"))
        #expect(second.invoiceId == "INV-3")
        // Both settled: a third equal transfer matches nothing.
        #expect(a.allocate(Self.credit(50_000, iban: "NL02RABO0123456789", id: "e3")).invoiceId == nil)
        // Another amount, or an unknown account: no match by rule 3.
        var b = PaymentAllocator(invoices: invoices, accounts: ["NL02RABO0123456789": "C3"])
        #expect(b.allocate(Self.credit(49_999, iban: "NL02RABO0123456789")).invoiceId == nil)
        #expect(b.allocate(Self.credit(50_000, iban: "NL20INGB0001234567")).invoiceId == nil)
    }

    @Test func partialPaymentsLowerWhatIsOpenAndTeachTheAccount() {
        var a = PaymentAllocator(invoices: invoices, accounts: [:])
        let part = a.allocate(Self.credit(30_000, ref: "090933755493", iban: "BE68539007547034"))
        #expect(part.invoiceId == "INV-1")
        #expect(a.invoice("INV-1")?.open == Money(cents: 30_500))
        #expect(a.accounts["BE68539007547034"] == "C1")
        // The rest, without a reference, now matches by amount and the learnt account.
        let rest = a.allocate(Self.credit(30_500, iban: "BE68539007547034"))
        #expect(rest.invoiceId == "INV-1" && rest.rule == .amountAndAccount)
        #expect(a.invoice("INV-1")?.open == .zero)
    }

    @Test func aReferenceSharedByTwoInvoicesMatchesNeither() {
        var a = PaymentAllocator(invoices: [Self.invoice("A", "C1", ref: "R-1", payable: 100), Self.invoice("B", "C2", ref: "R-1", payable: 100)], accounts: [:])
        #expect(a.allocate(Self.credit(100, ref: "R1")).invoiceId == nil)
    }

    @Test func theFirstRuleThatFitsWins() {
        // A structured reference to INV-1 beats the invoice number INV-3 in the text.
        var a = PaymentAllocator(invoices: invoices, accounts: [:])
        #expect(a.allocate(Self.credit(100, ref: "090933755493", text: "INV-3")).invoiceId == "INV-1")
    }

    @Test func aCreditNoteIsNeverTheTarget() {
        var a = PaymentAllocator(invoices: invoices + [Self.invoice("CN-7", "C3", ref: "+++012/3456/78939+++", payable: -12_100)], accounts: [:])
        #expect(a.allocate(Self.credit(100, ref: "012345678939")).invoiceId == nil)
        // "INV-3 minus CN-7": the invoice, not the credit note.
        #expect(a.allocate(Self.credit(37_900, text: "INV-3 minus CN-7")).invoiceId == "INV-3")
    }
}
