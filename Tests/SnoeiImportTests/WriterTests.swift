import Testing
import Foundation
import SnoeiCore
@testable import SnoeiImport

@Suite struct WriterTests {
    func text(_ ledger: TempLedger, _ file: String) throws -> String {
        try String(contentsOf: ledger.url.appendingPathComponent(file), encoding: .utf8)
    }

    @Test func writesCanonicalText() throws {
        var x = LedgerRecords()
        let day = Day(iso: "2026-01-05")!
        x.customers = [CustomerRecord(customerId: "C1", name: "Vries, \"de\"", noticeDays: 30),
                       CustomerRecord(customerId: "C2", name: "two\nlines")]
        x.invoices = [InvoiceRecord(invoiceId: "F1", customerId: "C1", issueDate: day, dueDate: day + 30,
                                    amount: Money(cents: -1250), vat: Money(cents: 5), cost: nil, reference: "R")]
        x.timeEntries = [TimeEntryRecord(customerId: "C1", date: day, hours: 1500, activity: .support, billable: false)]
        let out = try TempLedger()
        try CanonicalLedgerWriter.write(x, to: out.url)
        #expect(try text(out, "customers.csv") == """
            customer_id,name,segment,account_manager,since,tier,contract_end,notice_days,cancel_channel
            C1,"Vries, ""de\""",,,,,,30,
            C2,"two
            lines",,,,,,,

            """)
        #expect(try text(out, "invoices.csv") == "invoice_id,customer_id,issue_date,due_date,amount,vat,cost,reference\nF1,C1,2026-01-05,2026-02-04,-12.50,0.05,,R\n")
        #expect(try text(out, "time_entries.csv") == "customer_id,date,hours,activity,billable,employee\nC1,2026-01-05,1.5,support,false,\n")
        // Empty tables still get their header; values_fit.csv only when there are scores.
        #expect(try text(out, "referrals.csv") == "customer_id,referred_customer_id,date\n")
        #expect(!FileManager.default.fileExists(atPath: out.url.appendingPathComponent("values_fit.csv").path))
        let names = try FileManager.default.contentsOfDirectory(atPath: out.url.path)
        #expect(names.count == 8)
        #expect(!names.contains { $0.hasSuffix(".partial") })
    }

    @Test func hoursTextIsShortAndExact() {
        #expect(FieldFormats.hours(1500) == "1.5")
        #expect(FieldFormats.hours(2000) == "2")
        #expect(FieldFormats.hours(1) == "0.001")
        #expect(FieldFormats.hours(12_050) == "12.05")
        #expect(FieldFormats.hours(0) == "0")
        for h in [MilliHours(0), 1, 9, 10, 99, 100, 999, 1000, 1001, 1010, 1100, 123_456_789, 999_999_999_999] {
            #expect(FieldFormats.parseHours(ArraySlice(FieldFormats.hours(h).utf8)) == .ok(h), "\(h)")
        }
    }

    @Test func overwritesAnEarlierExport() throws {
        let out = try TempLedger()
        var x = LedgerRecords()
        x.customers = [CustomerRecord(customerId: "A", name: "First")]
        x.valuesFit = [ValuesFitRecord(customerId: "A", criterion: "respect", score: 4)]
        try CanonicalLedgerWriter.write(x, to: out.url)
        x.customers[0].name = "Second"
        try CanonicalLedgerWriter.write(x, to: out.url)
        let back = try out.read()
        #expect(back.records == x)
    }

    /// The demo firm covers every record type with thousands of rows and odd names.
    @Test func demoFirmRoundTrip() throws {
        let records = DemoFirm.generate(seed: 7, end: Day(iso: "2026-11-24")!)
        #expect(records.rowCount > 10_000)
        let out = try TempLedger()
        try CanonicalLedgerWriter.write(records, to: out.url)
        let back = try out.read()
        #expect(back.problems.isEmpty, "\(back.problems.prefix(5))")
        #expect(back.records.customers == records.customers)
        #expect(back.records.invoices == records.invoices)
        #expect(back.records.payments == records.payments)
        #expect(back.records.timeEntries == records.timeEntries)
        #expect(back.records == records)
    }
}
