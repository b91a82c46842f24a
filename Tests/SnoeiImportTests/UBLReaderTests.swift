import SnoeiCore
import Testing
@testable import SnoeiImport

@Suite struct UBLReaderTests {
    func read(_ file: SourceFile) throws -> (EInvoice?, [ImportProblem]) {
        UBLReader.read(try XMLReader.parse(file.bytes), file: file.name)
    }

    func read(_ text: String) throws -> (EInvoice?, [ImportProblem]) { try read(SourceFile(name: "t.xml", bytes: Array(text.utf8))) }

    @Test func siUBLInvoiceWithKvKBuyer() throws {
        let (invoice, problems) = try read(fixture("einvoice/INV-2026-101.xml"))
        #expect(problems.isEmpty)
        let i = try #require(invoice)
        #expect(i.kind == .invoice && i.id == "INV-2026-101")
        #expect(i.issueDate == day("2026-10-01") && i.dueDate == day("2026-10-31") && i.dueDateSource == .explicit)
        #expect(i.taxExclusive == Money(cents: 100_000) && i.payable == Money(cents: 121_000))
        #expect(i.paymentId == "2000 0202 6101 0001")
        #expect(i.buyer.name == "Bakkerij De Zon B.V.")
        #expect(i.buyer.identifiers.map(\.key) == ["kvk:12345678", "vat:NL001234567B01"])
    }

    @Test func peppolInvoiceInLatin1WithKBOBuyerAndDerivedDueDate() throws {
        let (invoice, problems) = try read(fixture("einvoice/INV-2026-102.xml"))
        let i = try #require(invoice)
        #expect(i.buyer.name == "Brasserie Ésprit BV")
        #expect(i.buyer.identifiers.map(\.key) == ["kbo:0123456789"])
        #expect(i.dueDate == day("2026-11-04"))
        #expect(i.dueDateSource == .paymentTerms("the payment terms \"Betaling binnen 30 dagen na factuurdatum\""))
        #expect(problems.map(\.severity) == [.warning])
        #expect(problems.first?.description == "einvoice/INV-2026-102.xml:3:1: INV-2026-102: no due date; derived from the payment terms \"Betaling binnen 30 dagen na factuurdatum\": 2026-11-04")
    }

    @Test func creditNoteBecomesANegativeInvoice() throws {
        let (invoice, problems) = try read(fixture("einvoice/CN-2026-007.xml"))
        #expect(problems.isEmpty)
        let i = try #require(invoice)
        #expect(i.kind == .creditNote)
        #expect(i.taxExclusive == Money(cents: -10_000) && i.payable == Money(cents: -12_100))
        #expect(i.dueDate == day("2026-10-15") && i.dueDateSource == .explicit)
    }

    static func minimal(_ totals: String = "<cbc:TaxExclusiveAmount currencyID='EUR'>10.00</cbc:TaxExclusiveAmount><cbc:PayableAmount currencyID='EUR'>12.10</cbc:PayableAmount>",
                        terms: String = "<cbc:DueDate>2026-02-01</cbc:DueDate>", buyer: String = "<cbc:EndpointID schemeID='0106'>12345678</cbc:EndpointID>") -> String {
        """
        <Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2" xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2" xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
        <cbc:ID>X1</cbc:ID><cbc:IssueDate>2026-01-02</cbc:IssueDate>\(terms)
        <cac:AccountingCustomerParty><cac:Party>\(buyer)</cac:Party></cac:AccountingCustomerParty>
        <cac:LegalMonetaryTotal>\(totals)</cac:LegalMonetaryTotal></Invoice>
        """
    }

    @Test func amountsAreExactDecimals() throws {
        let (ok, _) = try read(Self.minimal("<cbc:TaxExclusiveAmount>0.10</cbc:TaxExclusiveAmount><cbc:PayableAmount>12.300</cbc:PayableAmount>"))
        #expect(ok?.taxExclusive == Money(cents: 10) && ok?.payable == Money(cents: 1230))
        let (bad, problems) = try read(Self.minimal("<cbc:TaxExclusiveAmount>10.005</cbc:TaxExclusiveAmount><cbc:PayableAmount>1e3</cbc:PayableAmount>"))
        #expect(bad == nil)
        #expect(problems.map(\.reason) == [
            "TaxExclusiveAmount \"10.005\" is not an amount with at most two decimals",
            "PayableAmount \"1e3\" is not an amount with at most two decimals",
        ])
        // Each names the element's own line and column.
        #expect(problems.map(\.line) == [4, 4])
        #expect(problems[0].column! < problems[1].column!)
    }

    @Test func dueDateFromSettlementPeriodOrIssueDate() throws {
        let period = "<cac:PaymentTerms><cac:SettlementPeriod><cbc:DurationMeasure unitCode='DAY'>14</cbc:DurationMeasure></cac:SettlementPeriod></cac:PaymentTerms>"
        let (a, pa) = try read(Self.minimal(terms: period))
        #expect(a?.dueDate == day("2026-01-16") && pa.count == 1 && pa[0].severity == .warning)
        let (b, pb) = try read(Self.minimal(terms: ""))
        #expect(b?.dueDate == day("2026-01-02") && b?.dueDateSource == .issueDate)
        #expect(pb.first?.reason == "X1: no due date and no payment terms; due on the issue date 2026-01-02")
    }

    @Test func missingPartsAndForeignCurrencyAreErrors() throws {
        let (none, problems) = try read(Self.minimal("<cbc:PayableAmount currencyID='USD'>1.00</cbc:PayableAmount>", buyer: ""))
        #expect(none == nil)
        #expect(problems.map(\.reason) == [
            "LegalMonetaryTotal has no cbc:TaxExclusiveAmount",
            "PayableAmount is in USD; Snoei holds amounts in EUR",
            "the buyer has no KvK (0106), KBO (0208) or VAT number and no name",
        ])
    }

    @Test func identifiersAreNormalisedAndChecked() {
        #expect(PartyIdentifier(scheme: .kbo, value: "BE 0123.456.789")?.key == "kbo:0123456789")
        #expect(PartyIdentifier(scheme: .kvk, value: "1234567") == nil)
        #expect(PartyIdentifier(scheme: .vat, value: "nl0012.34.567b01")?.value == "NL001234567B01")
        #expect(PartyIdentifier.scheme(forCode: "0106") == .kvk && PartyIdentifier.scheme(forCode: "0208") == .kbo)
        #expect(PartyIdentifier.scheme(forCode: "0088") == nil)
    }
}
