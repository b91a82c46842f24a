import Foundation
import Testing

/// `snoei import` of e-invoices and bank statements, and `snoei payments`, end to end.
@Suite struct EInvoiceCLITests {
    static func invoice(_ id: String, kvk: String, name: String, paymentId: String, payable: String, excl: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"
          xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
          xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
          <cbc:ID>\(id)</cbc:ID><cbc:IssueDate>2026-10-01</cbc:IssueDate><cbc:DueDate>2026-10-31</cbc:DueDate>
          <cac:AccountingCustomerParty><cac:Party><cbc:EndpointID schemeID="0106">\(kvk)</cbc:EndpointID>
            <cac:PartyName><cbc:Name>\(name)</cbc:Name></cac:PartyName></cac:Party></cac:AccountingCustomerParty>
          <cac:PaymentMeans><cbc:PaymentMeansCode>30</cbc:PaymentMeansCode><cbc:PaymentID>\(paymentId)</cbc:PaymentID></cac:PaymentMeans>
          <cac:LegalMonetaryTotal><cbc:TaxExclusiveAmount currencyID="EUR">\(excl)</cbc:TaxExclusiveAmount>
            <cbc:PayableAmount currencyID="EUR">\(payable)</cbc:PayableAmount></cac:LegalMonetaryTotal>
        </Invoice>
        """
    }

    static func entry(_ ref: String, _ amount: String, _ sign: String, remittance: String, iban: String = "NL20INGB0001234567") -> String {
        """
        <Ntry><Amt Ccy="EUR">\(amount)</Amt><CdtDbtInd>\(sign)</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>2026-11-02</Dt></BookgDt>
          <AcctSvcrRef>\(ref)</AcctSvcrRef><NtryDtls><TxDtls><RltdPties><Dbtr><Nm>Payer \(ref)</Nm></Dbtr>
          <DbtrAcct><Id><IBAN>\(iban)</IBAN></Id></DbtrAcct></RltdPties><RmtInf>\(remittance)</RmtInf></TxDtls></NtryDtls></Ntry>
        """
    }

    static let statement = """
        <?xml version="1.0" encoding="UTF-8"?>
        <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt><Stmt><Id>S1</Id>
        <Acct><Id><IBAN>NL91ABNA0417164300</IBAN></Id></Acct>
        \(entry("R1", "605.00", "CRDT", remittance: "<Ustrd>+++090/9337/55493+++</Ustrd>"))
        \(entry("R2", "100.00", "CRDT", remittance: "<Ustrd>voorschot</Ustrd>"))
        \(entry("R3", "12.50", "DBIT", remittance: "<Ustrd>kosten</Ustrd>"))
        </Stmt></BkToCstmrStmt></Document>
        """

    func setUp(_ cli: CLI) throws {
        try cli.write("invoices/INV-1.xml", Self.invoice("INV-1", kvk: "12345678", name: "Bakkerij De Zon", paymentId: "+++090/9337/55493+++", payable: "605.00", excl: "500.00"))
        try cli.write("invoices/INV-2.xml", Self.invoice("INV-2", kvk: "87654321", name: "Garage Van Dijk", paymentId: "INV-2", payable: "121.00", excl: "100.00"))
        try cli.write("stmt.xml", Self.statement)
    }

    @Test func invoicesThenAStatementThenAssigningTheRest() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try setUp(cli)
        let dry = try cli.run("import", "invoices", "--dry-run")
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(dry.stdout.contains(try Regex(#"KVK-12345678\s+Bakkerij De Zon\s+KVK 12345678"#)), "\(dry.stdout)")
        #expect(dry.stdout.contains("Dry run"))
        #expect(!cli.exists("snoei.sqlite"))
        let invoices = try cli.run("import", "invoices")
        #expect(invoices.status == 0, "\(invoices.stderr)")
        #expect(invoices.stdout.contains(try Regex(#"invoices\s+2\s+2\s+0\s+0"#)), "\(invoices.stdout)")

        let statementDry = try cli.run("import", "stmt.xml", "--dry-run")
        #expect(statementDry.stdout.contains(try Regex(#"605\.00\s+Payer R1\s+INV-1\s+structured reference"#)), "\(statementDry.stdout)")
        #expect(statementDry.stdout.contains("1 debit (money going out) ignored"))
        #expect(statementDry.stdout.contains("1 unmatched credit kept for a person to assign"))
        #expect(try cli.run("payments", "unmatched").stdout.contains("No unmatched payments."))

        let imported = try cli.run("import", "stmt.xml")
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains(try Regex(#"payments\s+1\s+1\s+0\s+0"#)), "\(imported.stdout)")
        #expect(imported.stdout.contains(try Regex(#"unmatched payments\s+1\s+1\s+0\s+0"#)))
        let again = try cli.run("import", "stmt.xml")
        #expect(again.status == 0)
        #expect(again.stdout.contains("2 credits already imported"), "\(again.stdout)")
        #expect(again.stdout.contains("Nothing changed"))

        let list = try cli.run("payments", "unmatched")
        #expect(list.stdout.contains(try Regex(#"camt:NL91ABNA0417164300:R2\s+2026-11-02\s+100\.00\s+Payer R2"#)), "\(list.stdout)")
        let wrong = try cli.run("payments", "assign", "camt:NL91ABNA0417164300:R2", "--invoice", "INV-9")
        #expect(wrong.status == 3 && wrong.stderr.contains("There is no invoice INV-9."))
        let assigned = try cli.run("payments", "assign", "camt:NL91ABNA0417164300:R2", "--invoice", "INV-2")
        #expect(assigned.status == 0, "\(assigned.stderr)")
        #expect(assigned.stdout.contains("assigned to invoice INV-2 (customer KVK-87654321)"))
        #expect(try cli.run("payments", "unmatched").stdout.contains("No unmatched payments."))
        #expect(try cli.run("import", "stmt.xml").stdout.contains("Nothing changed"))
    }

    @Test func brokenInputIsRefusedWithAPositionAndChangesNothing() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try setUp(cli)
        #expect(try cli.run("import", "invoices").status == 0)
        let before = try cli.run("export", "before")
        #expect(before.status == 0, "\(before.stderr)")
        try cli.write("cut.xml", String(Self.statement.prefix(700)))
        let cut = try cli.run("import", "cut.xml")
        #expect(cut.status == 2)
        #expect(cut.stderr.contains(try Regex(#"cut\.xml:\d+:\d+: the file ends inside"#)), "\(cut.stderr)")
        #expect(cut.stderr.contains("nothing was imported"))
        try cli.write("evil.xml", "<?xml version=\"1.0\"?>\n<!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<d>&x;</d>")
        let evil = try cli.run("import", "evil.xml")
        #expect(evil.status == 2 && evil.stderr.contains("evil.xml:2:1: DOCTYPE declarations are refused"), "\(evil.stderr)")
        // One good and one broken file in a folder: all or nothing.
        try cli.write("mixed/a.xml", Self.statement)
        try cli.write("mixed/b.xml", "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.054.001.02\"/>")
        let mixed = try cli.run("import", "mixed")
        #expect(mixed.status == 2 && mixed.stderr.contains("b.xml:1:1: namespace"), "\(mixed.stderr)")
        #expect(try cli.run("export", "after").status == 0)
        for file in ["customers.csv", "invoices.csv", "payments.csv"] {
            #expect(try cli.read("before/\(file)") == (try cli.read("after/\(file)")))
        }
        #expect(try cli.run("payments", "unmatched").stdout.contains("No unmatched payments."))
    }

    @Test func anMT940StatementIsMatchedToo() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try setUp(cli)
        #expect(try cli.run("import", "invoices").status == 0)
        try cli.write("nov.sta", ":20:S\n:25:NL91ABNA0417164300EUR\n:28C:7/1\n:61:2611021102C121,00NTRFNONREF\n:86:/NAME/Garage Van Dijk/REMI/Factuur INV-2/\n:62F:C261102EUR121,00\n-\n")
        let r = try cli.run("import", "nov.sta")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains(try Regex(#"121\.00\s+Garage Van Dijk\s+INV-2\s+structured reference|121\.00\s+Garage Van Dijk\s+INV-2\s+invoice number in the text"#)), "\(r.stdout)")
    }
}
