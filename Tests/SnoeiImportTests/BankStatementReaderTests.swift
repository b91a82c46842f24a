import SnoeiCore
import Testing
@testable import SnoeiImport

@Suite struct BankStatementReaderTests {
    func camt(_ file: SourceFile) throws -> BankStatementRead { CAMT053Reader.read(try XMLReader.parse(file.bytes), file: file.name) }

    @Test func camt053Version02() throws {
        let s = try camt(fixture("bank/camt053-2026-11-02.xml"))
        #expect(s.problems.isEmpty)
        #expect(s.notBooked == 1)
        #expect(s.entries.map(\.entryId) == ["NL91ABNA0417164300:ABN-0001", "NL91ABNA0417164300:ABN-0002", "NL91ABNA0417164300:ABN-0003",
                                             "NL91ABNA0417164300:ABN-0004", "NL91ABNA0417164300:ABN-0005"].map { "camt:" + $0 })
        #expect(s.entries.map(\.isCredit) == [true, true, true, false, true])
        #expect(s.entries.map(\.amount.cents) == [121_000, 30_000, 100_000, 4_500, 9_999])
        let first = s.entries[0]
        #expect(first.bookingDate == day("2026-11-02") && first.counterpartyName == "Bakkerij De Zon B.V.")
        #expect(first.counterpartyIBAN == "NL44RABO0123456789" && first.structuredReference == "2000020261010001")
        #expect(s.entries[1].effectiveReference == "090933755493")
        #expect(s.entries[2].text == "Factuur INV-2026-103, eerste deel")
        #expect(s.entries[3].counterpartyName == "Kantoorartikelen BV")
    }

    @Test func camt053Version08WithoutBankReferenceUsesStatementAndIndex() throws {
        let s = try camt(fixture("bank/camt053-2026-11-09.xml"))
        #expect(s.entries.count == 1)
        #expect(s.entries[0].entryId == "camt:NL91ABNA0417164300:2026-11-09-0001#1")
        #expect(s.entries[0].counterpartyName == "Garage Van Dijk" && s.entries[0].amount == Money(cents: 142_000))
    }

    @Test func otherMessagesAndVersionsAreRefusedClearly() throws {
        let camt052 = #"<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.052.001.02"><BkToCstmrAcctRpt/></Document>"#
        let r = CAMT053Reader.read(try XMLReader.parse(Array(camt052.utf8)), file: "r.xml")
        #expect(r.problems.map(\.description) == ["r.xml:1:1: namespace urn:iso:std:iso:20022:tech:xsd:camt.052.001.02 is camt.052.001.02; Snoei reads end-of-day statements, camt.053.001.02 or later"])
        let v1 = #"<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.01"/>"#
        #expect(CAMT053Reader.read(try XMLReader.parse(Array(v1.utf8)), file: "r.xml").problems.count == 1)
    }

    @Test func camtEntryProblemsNameTheEntry() throws {
        let bad = """
        <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt><Stmt><Id>S</Id><Acct><Id><IBAN>NL91ABNA0417164300</IBAN></Id></Acct>
        <Ntry><Amt Ccy="EUR">12,50</Amt><CdtDbtInd>CRDT</CdtDbtInd><BookgDt><Dt>2026-11-02</Dt></BookgDt></Ntry>
        <Ntry><Amt Ccy="USD">1.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><BookgDt><Dt>2026-11-02</Dt></BookgDt></Ntry>
        <Ntry><Amt Ccy="EUR">1.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><BookgDt><Dt>2026-13-02</Dt></BookgDt></Ntry>
        </Stmt></BkToCstmrStmt></Document>
        """
        let r = CAMT053Reader.read(try XMLReader.parse(Array(bad.utf8)), file: "b.xml")
        #expect(r.entries.isEmpty)
        #expect(r.problems.map(\.description) == [
            "b.xml:2:1: entry 1 of statement S has no valid Amt",
            "b.xml:3:7: entry 2 of statement S is in USD; Snoei holds amounts in EUR",
            "b.xml:4:1: entry 3 of statement S has no booking date (BookgDt/Dt)",
        ])
    }

    @Test func mt940WithSEPASubfieldsAndPlainText() throws {
        let file = try fixture("bank/mt940-2026-11-16.sta")
        guard case .mt940(let text) = FileKindDetector.detect(file.bytes) else { Issue.record("not detected as MT940"); return }
        let s = MT940Reader.read(text, file: file.name)
        #expect(s.problems.isEmpty)
        #expect(s.entries.map(\.entryId) == ["mt940:BE68539007547034:00046/001:1", "mt940:BE68539007547034:00046/001:2", "mt940:BE68539007547034:00046/001:3"])
        #expect(s.entries.map(\.isCredit) == [true, false, true])
        #expect(s.entries.map(\.amount.cents) == [30_500, 1_250, 5_000])
        #expect(s.entries[0].bookingDate == day("2026-11-16"))
        #expect(s.entries[0].counterpartyName == "Brasserie Esprit BV" && s.entries[0].counterpartyIBAN == "BE71096123456769")
        // The reference was wrapped over two lines by the bank.
        #expect(s.entries[0].structuredReference == "090933755493")
        #expect(s.entries[2].text == "Voorschot tafelreservering kerstdiner" && s.entries[2].effectiveReference == nil)
    }

    @Test func mt940LineErrorsNameTheLine() {
        let text = ":20:X\n:25:NL91ABNA0417164300\n:28C:1\n:61:261316C1,00NTRF\n:61:261102X1,00NTRF\n:61:261102C1.00NTRF\n"
        let s = MT940Reader.read(text, file: "m.sta")
        #expect(s.problems.map(\.description) == [
            "m.sta:4:1: :61: does not start with a value date YYMMDD",
            "m.sta:5:1: :61: expected C, D, RC or RD after the date",
            "m.sta:6:1: :61: amount \"1.00\" is not an amount like 1250,00",
        ])
    }

    @Test func mt940EntryDateAcrossTheYearEnd() {
        let s = MT940Reader.read(":20:X\n:25:NL91ABNA0417164300\n:28C:1\n:61:2701021231C1,00NTRF\n", file: "m.sta")
        #expect(s.entries.first?.bookingDate == day("2026-12-31"))
    }

    @Test func mt940INGStyleCounterpartyAndStructuredRemittance() {
        let text = """
        :20:ING
        :25:NL91INGB0001234567EUR
        :28C:00012
        :61:2611021102C605,00NTRFEREF//00000000001
        /TRCD/00100/
        :86:/EREF/NOTPROVIDED//CNTP/BE71096123456769/GKCCBEBB/Brasserie Esprit BV/Gent///REMI/STRD/CUR/+++090/
        9337/55493+++/
        :61:2611021102C20,00NTRFEREF
        :86:/CNTP/NL02RABO0123456789/RABONL2U/Garage Van Dijk/Utrecht///REMI/USTD//INV-2026-103 restant/
        """
        let s = MT940Reader.read(text, file: "ing.sta")
        #expect(s.problems.isEmpty)
        #expect(s.entries.map(\.entryId) == ["mt940:NL91INGB0001234567:00012:1", "mt940:NL91INGB0001234567:00012:2"])
        #expect(s.entries[0].counterpartyIBAN == "BE71096123456769" && s.entries[0].counterpartyName == "Brasserie Esprit BV")
        #expect(s.entries[0].structuredReference == "090933755493")
        #expect(s.entries[1].counterpartyName == "Garage Van Dijk" && s.entries[1].text == "INV-2026-103 restant")
    }

    @Test func aCAMTBatchBookingBecomesOnePaymentPerTransaction() throws {
        let xml = """
        <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt><Stmt><Id>S</Id><Acct><Id><IBAN>NL91ABNA0417164300</IBAN></Id></Acct>
        <Ntry><Amt Ccy="EUR">150.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><BookgDt><Dt>2026-11-02</Dt></BookgDt><AcctSvcrRef>B1</AcctSvcrRef><NtryDtls>
        <TxDtls><Amt Ccy="EUR">100.00</Amt><RmtInf><Ustrd>INV-1</Ustrd></RmtInf></TxDtls>
        <TxDtls><AmtDtls><TxAmt><Amt Ccy="EUR">50.00</Amt></TxAmt></AmtDtls><RmtInf><Ustrd>INV-2</Ustrd></RmtInf></TxDtls>
        </NtryDtls></Ntry></Stmt></BkToCstmrStmt></Document>
        """
        let s = CAMT053Reader.read(try XMLReader.parse(Array(xml.utf8)), file: "b.xml")
        #expect(s.entries.map(\.entryId) == ["camt:NL91ABNA0417164300:B1/1", "camt:NL91ABNA0417164300:B1/2"])
        #expect(s.entries.map(\.amount.cents) == [10_000, 5_000])
        #expect(s.entries.map(\.text) == ["INV-1", "INV-2"])
    }
}
