import Foundation
import SnoeiCore
@testable import SnoeiImport
import Testing

/// The fast loader must give exactly the ledger of the canonical path, column by column,
/// and the same figures, whatever the threads and wherever the chunk boundaries fall.
@Suite struct ColumnarLoaderTests {
    static let asOf = Day(iso: "2026-11-24")!

    /// Compares the loader (several thread counts and chunk sizes) with the canonical path.
    func expectSameAsCanonical(_ folder: URL, chunkSizes: [Int?] = [nil, 1, 7, 64, 1000], asOf: Day = asOf,
                               sourceLocation: SourceLocation = #_sourceLocation) throws {
        let read = try CanonicalLedgerReader().read(folder: folder)
        try #require(read.errors.isEmpty, "\(read.errors.prefix(3))", sourceLocation: sourceLocation)
        let expected = try Ledger(records: read.records)
        let expectedCSV = AnalysisCSV.render(Analysis(ledger: expected, policy: .standard, asOf: asOf))
        for threads in [1, 2, 3] {
            for chunk in chunkSizes {
                let ledger = try ColumnarLedgerLoader(threads: threads, chunkBytes: chunk).load(folder: folder)
                let differences = LedgerDifferences.between(ledger, expected)
                #expect(differences.isEmpty, "threads \(threads), chunk \(String(describing: chunk)): \(differences)",
                        sourceLocation: sourceLocation)
                let csv = AnalysisCSV.render(Analysis(ledger: ledger, policy: .standard, asOf: asOf))
                #expect(csv == expectedCSV, "figures differ: threads \(threads), chunk \(String(describing: chunk))",
                        sourceLocation: sourceLocation)
                // Without the row identifiers (`analyze --from`): the same ledger less those, the same figures.
                let lean = try ColumnarLedgerLoader(threads: threads, chunkBytes: chunk, keepsRowIdentifiers: false).load(folder: folder)
                var expectedLean = expected
                expectedLean.dropRowIdentifiers()
                let leanDifferences = LedgerDifferences.between(lean, expectedLean)
                #expect(leanDifferences.isEmpty, "without ids: threads \(threads), chunk \(String(describing: chunk)): \(leanDifferences)",
                        sourceLocation: sourceLocation)
                #expect(AnalysisCSV.render(Analysis(ledger: lean, policy: .standard, asOf: asOf)) == expectedCSV,
                        "figures differ without ids: threads \(threads), chunk \(String(describing: chunk))", sourceLocation: sourceLocation)
            }
        }
    }

    @Test func fixtureLedger() throws {
        try expectSameAsCanonical(try fixtureFolder(), asOf: Day(iso: "2026-03-31")!)
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func generatedLedgers(seed: UInt64) throws {
        let folder = try TempLedger()
        _ = try LedgerGenerator(customers: 60 + Int(seed) * 20, seed: seed).write(to: folder.url)
        try expectSameAsCanonical(folder.url, chunkSizes: [nil, 13, 200, 4096])
        // A row count the comparison above could not get right by accident.
        let ledger = try ColumnarLedgerLoader().load(folder: folder.url)
        #expect(ledger.invoices.count > 500)
        #expect(ledger.payments.invoice.contains(-1))
    }

    @Test func trickyCSV() throws {
        // BOM, CRLF, quoted commas, doubled quotes, newlines (LF and CRLF) inside quotes,
        // empty optional fields, columns in another order, a lone-CR line end, a trailing blank line.
        let folder = try TempLedger([
            "customers.csv": "\u{FEFF}name,customer_id,segment,since\r\n\"Acme, \"\"the\"\" best\",C1,,2020-01-01\r\n\"Multi\nline\r\nname\",C2,retail,\r\nZoë,C3,\"\",\r\n",
            "invoices.csv": "invoice_id,customer_id,issue_date,due_date,amount,vat,cost,reference\nI1,C1,2026-01-01,2026-01-31,100.5,,,\"R,1\"\nI2,C2,2026-02-01,2026-01-15,-20,-4.2,1,\nI3,C3,2026-03-01,2026-03-31,+7.00,0,,\"R,1\"\rI4,C1,2025-12-01,2026-01-01,.5,,,R4\nI5,C2,2026-04-01,2026-04-30,9,,,\"Q\"\"5\"\n\n",
            "payments.csv": "payment_id,date,amount,reference,invoice_id\nP1,2026-02-01,121.61,,I1\nP9,2026-04-04,5,\"two\nlines\",\nP2,2026-02-02,10,\"R,1\",\nP3,2026-02-03,1,R4,\nP4,2026-02-04,2,I3,\nP5,2026-02-05,3,nope,\nP6,2026-02-06,4,,I9\nP7,2026-04-02,9,\"Q\"\"5\",\nP8,2026-04-03,1,,\"I\"\"1\"\n",
            "time_entries.csv": "customer_id,date,hours,activity,billable,employee\nC1,2026-01-06,1.5,support,,\"Anna, \"\"A\"\"\"\nC2,2026-01-07,+0.125,meeting,true,\nC3,2026-01-08,0,admin,false,Bo\n",
            "contacts.csv": "customer_id,date,channel,kind,topic,self_caused\nC1,2026-01-10,email,question,,\nC2,2026-01-11,call,change_request,lead_time,true\n",
            "incidents.csv": "customer_id,date,kind,severity,note\nC1,2026-03-07,review_threat,3,\"Said: \"\"one star\"\",\nthen left\"\nC2,2026-03-08,smear,5,\n",
            "deviations.csv": "customer_id,date,kind,cost,note\r\nC3,2026-03-02,rush_delivery,250.00,\"weekend\r\ndelivery\"\r\n",
            "referrals.csv": "customer_id,referred_customer_id,date\nC1,C3,2021-07-01\n",
            "values_fit.csv": "customer_id,criterion,score\nC1,respect,5\nC3,\"fair, honest\",1\n",
        ])
        try expectSameAsCanonical(folder.url, chunkSizes: [nil] + Array(1...24) + [50, 100])
        let ledger = try ColumnarLedgerLoader(threads: 2, chunkBytes: 3).load(folder: folder.url)
        #expect(ledger.customers.names == ["Acme, \"the\" best", "Multi\nline\r\nname", "Zoë"])
        // "R,1" is ambiguous. P9, the second row, holds a line feed: chunks cut inside it are parsed again.
        #expect(ledger.payments.invoice == [0, -1, -1, 3, 2, -1, -1, 4, -1])
        #expect(ledger.payments.unmatchedKeys[8] == PaymentKey(invoiceId: "I\"1", reference: nil))  // doubled quotes, unescaped
        #expect(ledger.payments.unmatchedKeys[1] == PaymentKey(invoiceId: nil, reference: "two\nlines"))
        #expect(ledger.invoices.amount == [10050, -2000, 700, 50, 900])
    }

    @Test func headerOnlyFilesAndMissingOptionalFiles() throws {
        let folder = try TempLedger(["customers.csv": "customer_id,name\nC1,A\n", "invoices.csv": "invoice_id,customer_id,issue_date,due_date,amount\n"])
        try expectSameAsCanonical(folder.url)
    }

    // MARK: problems

    /// The loader refuses what the canonical reader refuses, at the same file:line:column.
    func expectSameProblems(_ files: [String: String], sourceLocation: SourceLocation = #_sourceLocation) throws {
        var all = files
        if all["customers.csv"] == nil { all["customers.csv"] = twoCustomers }
        let folder = try TempLedger(all)
        let canonical = try folder.read().errors.map { "\($0.file):\($0.line):\($0.column.map(String.init) ?? "-")" }
        try #require(!canonical.isEmpty, sourceLocation: sourceLocation)
        for chunk in [nil, 1, 5] as [Int?] {
            let error = #expect(throws: ColumnarLoadError.self, sourceLocation: sourceLocation) {
                try ColumnarLedgerLoader(threads: 2, chunkBytes: chunk).load(folder: folder.url)
            }
            let found = error?.problems.map { "\($0.file):\($0.line):\($0.column.map(String.init) ?? "-")" } ?? []
            #expect(found == canonical, "chunk \(String(describing: chunk)): \(error?.description ?? "")", sourceLocation: sourceLocation)
        }
    }

    @Test func badValuesAreReportedWhereTheyAre() throws {
        let header = "invoice_id,customer_id,issue_date,due_date,amount\n"
        try expectSameProblems(["invoices.csv": header + "I1,C1,2026-01-01,2026-01-31,1\nI2,C1,2026-02-30,2026-03-30,1\n"])
        try expectSameProblems(["invoices.csv": header + "I1,GHOST,2026-01-01,2026-01-31,1\n\"I\n2\",C1,2026-01-01,2026-01-31,\"12,50\"\n"])
        try expectSameProblems(["invoices.csv": header + "I1,C1,2026-01-01,2026-01-31\nI2,C1,2026-01-01,2026-01-31,1,2\n\nI3,C1,2026-01-01,2026-01-31,1\n"])
        try expectSameProblems(["invoices.csv": header + "I1,C1,2026-01-01,2026-01-31,1\nI1,C2,2026-01-01,2026-01-31,2\n"])
        try expectSameProblems(["invoices.csv": header + "I1,C1,2026-01-01,2026-01-31,1.005\nI2,C1,2026-01-01,2026-01-31,\"1\"x\n"])
        try expectSameProblems(["time_entries.csv": "customer_id,date,hours,activity\nC1,2026-01-01,-1,support\nC2,2026-01-01,1,golf\n"])
        try expectSameProblems(["contacts.csv": "customer_id,date,channel,kind,self_caused\nC1,2026-01-01,fax,question,yes\n"])
        try expectSameProblems(["incidents.csv": "customer_id,date,kind,severity\nC1,2026-01-01,smear,6\n"])
        try expectSameProblems(["payments.csv": "payment_id,date,amount\nP1,2026-01-01,1\nP1,2026-01-02,2\n"])
        try expectSameProblems(["customers.csv": "customer_id,name\nC1,A\nC1,B\nC2,\n"])
        try expectSameProblems(["invoices.csv": header + "I1,C1,2026-01-01,2026-01-31,\"1\n"])  // never closed
        try expectSameProblems(["invoices.csv": header + "I1,C1,2026-01-01,2026-01-31,abc\nI2,C1,2026-01-01,,1\n"])
    }

    @Test func invalidUTF8IsReported() throws {
        let folder = try TempLedger(["customers.csv": twoCustomers])
        let good = "invoice_id,customer_id,issue_date,due_date,amount\nI1,C1,2026-01-01,2026-01-31,1\n"
        try folder.write("invoices.csv", Array(good.utf8) + [0x49, 0xFF, 0x32] + Array(",C1,2026-01-01,2026-01-31,1\n".utf8))
        let canonical = try folder.read().errors
        try #require(canonical.count == 1)
        let error = #expect(throws: ColumnarLoadError.self) { try ColumnarLedgerLoader().load(folder: folder.url) }
        #expect(error?.problems.map(\.description) == canonical.map(\.description))
    }

    @Test func headerProblems() throws {
        try expectSameProblems(["invoices.csv": "invoice_id,customer_id,issue_date,amount,colour\nI1,C1,2026-01-01,1,red\n"])
        try expectSameProblems(["invoices.csv": "invoice_id,customer_id,issue_date,due_date,amount,amount\n"])
        try expectSameProblems(["invoices.csv": ""])
        try expectSameProblems(["customers.csv": "\ncustomer_id,name\n"])
        let missing = try TempLedger(["invoices.csv": "invoice_id,customer_id,issue_date,due_date,amount\n"])
        let error = #expect(throws: ColumnarLoadError.self) { try ColumnarLedgerLoader().load(folder: missing.url) }
        #expect(error?.description == "customers.csv: file is missing")
        #expect(throws: LedgerReadError.self) { try ColumnarLedgerLoader().load(folder: missing.url.appendingPathComponent("nope")) }
    }
}
