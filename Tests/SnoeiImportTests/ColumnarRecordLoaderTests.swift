import Foundation
import SnoeiCore
@testable import SnoeiImport
import Testing

/// The first import's fast reader must give exactly the canonical reader's records for a
/// clean folder (whatever the threads and chunk boundaries), and step aside (nil) for any
/// folder the canonical reader would say something about, so its messages stay the only ones.
@Suite struct ColumnarRecordLoaderTests {
    func expectSameRecords(_ folder: URL, chunkSizes: [Int?] = [nil, 1, 7, 64, 1000],
                           sourceLocation: SourceLocation = #_sourceLocation) throws {
        let read = try CanonicalLedgerReader().read(folder: folder)
        try #require(read.errors.isEmpty && read.warnings.isEmpty, "\(read.problems.prefix(3))",
                     sourceLocation: sourceLocation)
        for threads in [1, 2, 3] {
            for chunk in chunkSizes {
                let records = ColumnarRecordLoader(threads: threads, chunkBytes: chunk).read(folder: folder)
                #expect(records == read.records, "threads \(threads), chunk \(String(describing: chunk))",
                        sourceLocation: sourceLocation)
            }
        }
    }

    @Test(arguments: [1, 2] as [UInt64])
    func generatedLedgers(seed: UInt64) throws {
        let folder = try TempLedger()
        _ = try LedgerGenerator(customers: 60 + Int(seed) * 20, seed: seed).write(to: folder.url)
        // The generator writes a due date before its issue date now and then (a warning):
        // without those invoices the folder is clean.
        let path = folder.url.appendingPathComponent("invoices.csv")
        let lines = try String(contentsOf: path, encoding: .utf8).split(separator: "\n").enumerated().filter { n, line in
            let f = line.split(separator: ",", omittingEmptySubsequences: false)
            return n == 0 || f.count < 4 || f[3] >= f[2]
        }.map(\.element)
        try (lines.joined(separator: "\n") + "\n").write(to: path, atomically: true, encoding: .utf8)
        try expectSameRecords(folder.url, chunkSizes: [nil, 13, 4096])
        let records = try #require(ColumnarRecordLoader().read(folder: folder.url))
        #expect(records.invoices.count > 500 && records.timeEntries.count > 500)
    }

    @Test func trickyCSV() throws {
        // BOM, CRLF, quoted commas, doubled quotes, newlines inside quotes, empty optional
        // fields, columns in another order, a lone-CR line end, a trailing blank line, and a
        // time entry repeated exactly (two records, as the canonical reader keeps them).
        let folder = try TempLedger([
            "customers.csv": "\u{FEFF}name,customer_id,segment,since\r\n\"Acme, \"\"the\"\" best\",C1,,2020-01-01\r\n\"Multi\nline\r\nname\",C2,retail,\r\nZoë,C3,\"\",\r\n",
            "invoices.csv": "invoice_id,customer_id,issue_date,due_date,amount,vat,cost,reference\nI1,C1,2026-01-01,2026-01-31,100.5,,,\"R,1\"\nI2,C2,2026-02-01,2026-02-15,-20,-4.2,1,\nI3,C3,2026-03-01,2026-03-31,+7.00,0,,\"R,1\"\rI4,C1,2025-12-01,2026-01-01,.5,,,R4\n\n",
            "payments.csv": "payment_id,date,amount,reference,invoice_id,customer_id\nP1,2026-02-01,121.61,,I1,C1\nP2,2026-02-02,10,\"R,1\",,\nP3,2026-02-03,1,R4,,C3\nP6,2026-02-06,4,,I9,\n",
            "time_entries.csv": "customer_id,date,hours,activity,billable,employee\nC1,2026-01-06,1.5,support,,\"Anna, \"\"A\"\"\"\nC1,2026-01-06,1.5,support,,\"Anna, \"\"A\"\"\"\nC2,2026-01-07,+0.125,meeting,true,\nC3,2026-01-08,0,admin,false,Bo\n",
            "contacts.csv": "customer_id,date,channel,kind,topic,self_caused\nC1,2026-01-10,email,question,,\nC2,2026-01-11,call,change_request,lead_time,true\n",
            "incidents.csv": "customer_id,date,kind,severity,note\nC1,2026-03-07,review_threat,3,\"Said: \"\"one star\"\",\nthen left\"\nC2,2026-03-08,smear,5,\n",
            "deviations.csv": "customer_id,date,kind,cost,note\r\nC3,2026-03-02,rush_delivery,250.00,\"weekend\r\ndelivery\"\r\n",
            "referrals.csv": "customer_id,referred_customer_id,date\nC1,C3,2021-07-01\n",
            "values_fit.csv": "customer_id,criterion,score\nC1,respect,5\nC3,\"fair, honest\",1\n",
        ])
        try expectSameRecords(folder.url, chunkSizes: [nil] + Array(1...12) + [50, 100])
        let records = try #require(ColumnarRecordLoader().read(folder: folder.url))
        #expect(records.timeEntries.count == 4)
        #expect(records.payments.map(\.customerId) == ["C1", nil, "C3", nil])
        #expect(records.incidents[0].note == "Said: \"one star\",\nthen left")
    }

    static let customers = "customer_id,name\nC1,One\nC2,Two\n"

    /// Folders the canonical reader reports something about (an error or a warning).
    static let reported: [(String, [String: String])] = [
        ("a bad date", ["customers.csv": customers, "invoices.csv": "invoice_id,customer_id,issue_date,due_date,amount\nI1,C1,2026-02-30,2026-03-30,1\n"]),
        ("a due date before the issue date", ["customers.csv": customers, "invoices.csv": "invoice_id,customer_id,issue_date,due_date,amount\nI1,C1,2026-03-01,2026-02-01,1\n"]),
        ("an unknown customer", ["customers.csv": customers, "time_entries.csv": "customer_id,date,hours,activity\nC9,2026-01-01,1,support\n"]),
        ("an unknown customer in payments", ["customers.csv": customers, "payments.csv": "payment_id,date,amount,customer_id\nP1,2026-01-01,1,C9\n"]),
        ("a repeated customer id", ["customers.csv": customers + "C1,Again\n"]),
        ("a repeated invoice id", ["customers.csv": customers, "invoices.csv": "invoice_id,customer_id,issue_date,due_date,amount\nI1,C1,2026-01-01,2026-02-01,1\nI1,C2,2026-01-01,2026-02-01,1\n"]),
        ("a repeated payment id", ["customers.csv": customers, "payments.csv": "payment_id,date,amount\nP1,2026-01-01,1\nP1,2026-01-02,2\n"]),
        ("an unknown file", ["customers.csv": customers, "invoice.csv": "invoice_id\n"]),
        ("no customers.csv", ["invoices.csv": "invoice_id,customer_id,issue_date,due_date,amount\n"]),
        ("an unknown column", ["customers.csv": "customer_id,name,colour\nC1,One,red\n"]),
        ("a missing required column", ["customers.csv": "customer_id\nC1\n"]),
        ("an empty file", ["customers.csv": customers, "contacts.csv": ""]),
        ("a short row", ["customers.csv": customers, "values_fit.csv": "customer_id,criterion,score\nC1,respect\n"]),
        ("a bad vocabulary word", ["customers.csv": customers, "contacts.csv": "customer_id,date,channel,kind\nC1,2026-01-01,pigeon,question\n"]),
        ("an unclosed quote", ["customers.csv": customers + "C3,\"Three\n"]),
    ]

    @Test func anythingTheCanonicalReaderWouldReportIsLeftToIt() throws {
        for (what, files) in Self.reported {
            let folder = try TempLedger(files)
            let read = try CanonicalLedgerReader().read(folder: folder.url)
            #expect(!read.problems.isEmpty, "\(what): the canonical reader found nothing")
            #expect(ColumnarRecordLoader().read(folder: folder.url) == nil, "\(what)")
        }
        #expect(ColumnarRecordLoader().read(folder: URL(fileURLWithPath: "/nonexistent-\(UUID())")) == nil)
    }

    @Test func theImportLimitsAreLeftToTheCanonicalReader() throws {
        let folder = try TempLedger(["customers.csv": Self.customers])
        #expect(ColumnarRecordLoader().read(folder: folder.url)?.customers.count == 2)
        let fewRows = ImportOptions(limits: ImportLimits(maxFileBytes: 1 << 20, maxRows: 2))
        #expect(ColumnarRecordLoader(options: fewRows).read(folder: folder.url) == nil)
        let smallFiles = ImportOptions(limits: ImportLimits(maxFileBytes: 10, maxRows: 100))
        #expect(ColumnarRecordLoader(options: smallFiles).read(folder: folder.url) == nil)
        #expect(try !CanonicalLedgerReader(options: smallFiles).read(folder: folder.url).errors.isEmpty)
    }
}
