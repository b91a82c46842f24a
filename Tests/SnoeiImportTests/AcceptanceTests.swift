import Testing
import Foundation
import SnoeiCore
import SnoeiImport

/// What FORMAT.md says an import accepts.
@Suite struct AcceptanceTests {
    @Test func byteOrderMark() throws {
        let ledger = try TempLedger()
        try ledger.write("customers.csv", [0xEF, 0xBB, 0xBF] + Array(twoCustomers.utf8))
        let r = try ledger.read()
        #expect(r.problems.isEmpty)
        #expect(r.records.customers.map(\.customerId) == ["C1", "C2"])
    }

    @Test func crlfLineEnds() throws {
        let r = try read([
            "customers.csv": "customer_id,name,notice_days\r\nC1,Acme,30\r\nC2,\"Beta\r\nBV\",\r\n",
            "time_entries.csv": "customer_id,date,hours,activity,billable\r\nC2,2026-01-05,1.5,support,true\r\n",
        ])
        #expect(r.problems.isEmpty)
        #expect(r.records.customers == [
            CustomerRecord(customerId: "C1", name: "Acme", noticeDays: 30),
            CustomerRecord(customerId: "C2", name: "Beta\r\nBV"),
        ])
        #expect(r.records.timeEntries == [TimeEntryRecord(customerId: "C2", date: Day(iso: "2026-01-05")!, hours: 1500, activity: .support, billable: true)])
    }

    @Test func headerOnlyFiles() throws {
        var files: [String: String] = ["customers.csv": "customer_id,name\n"]
        files["invoices.csv"] = "invoice_id,customer_id,issue_date,due_date,amount,vat,cost,reference\n"
        files["payments.csv"] = "payment_id,date,amount"  // no final newline either
        files["referrals.csv"] = "customer_id,referred_customer_id,date\r\n"
        let r = try TempLedger(files).read()
        #expect(r.isValid)
        #expect(r.problems.isEmpty)
        #expect(r.records.rowCount == 0)
    }

    @Test func onlyCustomersIsRequired() throws {
        let r = try TempLedger(["customers.csv": twoCustomers]).read()
        #expect(r.problems.isEmpty)
        #expect(r.records.customers.count == 2)
        #expect(r.records.rowCount == 2)
    }

    @Test func quotedFieldsKeepCommasNewlinesQuotesAndSpaces() throws {
        let r = try read(["customers.csv":
            "customer_id,name,segment\nC1,\"Vries, de\",\"retail \"\"plus\"\"\"\nC2,\"two\nline name\", b2b \nC3,Gamma,\"2026-99-99\""])
        #expect(r.records.customers.prefix(2).map(\.name) == ["Vries, de", "two\nline name"])
        #expect(r.records.customers.prefix(2).map(\.segment) == ["retail \"plus\"", " b2b "])
        #expect(r.records.customers[2].segment == "2026-99-99")
        #expect(r.problems.isEmpty)
    }

    @Test func lineNumbersAfterAMultiLineRecordArePhysical() throws {
        let r = try read(["customers.csv": "customer_id,name,since\nC1,\"one\ntwo\nthree\",2020-01-01\nC2,Beta,2020-02-30\n"])
        #expect(onlyError(r) == "customers.csv:5:3: \"2020-02-30\" is not a date (YYYY-MM-DD)")
    }

    @Test func dueDateBeforeIssueDateIsAWarning() throws {
        let r = try read(["invoices.csv": "invoice_id,customer_id,issue_date,due_date,amount\nF1,C1,2026-02-01,2026-01-01,10.00\n"])
        #expect(r.isValid)
        #expect(r.warnings.map(\.description) == ["invoices.csv:2:4: due date 2026-01-01 is before the issue date 2026-02-01"])
        #expect(r.warnings.first?.severity == .warning)
        #expect(r.records.invoices.count == 1)
    }

    @Test func paymentForUnknownInvoiceIsAccepted() throws {
        let r = try read(["payments.csv": "payment_id,date,amount,invoice_id\nP1,2026-01-05,10.00,F-NOPE\n"])
        #expect(r.problems.isEmpty)
        #expect(r.records.payments == [PaymentRecord(paymentId: "P1", date: Day(iso: "2026-01-05")!, amount: Money(cents: 1000), invoiceId: "F-NOPE")])
    }

    @Test func columnsInAnyOrderAndOptionalOnesAbsentOrEmpty() throws {
        let r = try read(["invoices.csv": "amount,due_date,issue_date,customer_id,invoice_id,cost\n-25.5,2026-02-04,2026-01-05,C2,CN1,\n"])
        #expect(r.problems.isEmpty)
        #expect(r.records.invoices == [InvoiceRecord(
            invoiceId: "CN1", customerId: "C2", issueDate: Day(iso: "2026-01-05")!, dueDate: Day(iso: "2026-02-04")!,
            amount: Money(cents: -2550), vat: .zero, cost: nil, reference: nil)])
    }

    @Test func trailingBlankLines() throws {
        let r = try read(["customers.csv": twoCustomers + "\n\r\n\n"])
        #expect(r.problems.isEmpty)
        #expect(r.records.customers.count == 2)
    }

    @Test func customerKnownFromTheDatabaseOnly() throws {
        let r = try read(["referrals.csv": "customer_id,referred_customer_id,date\nOLD-7,C1,2026-01-05\n"], known: ["OLD-7"])
        #expect(r.problems.isEmpty)
        #expect(r.records.referrals.count == 1)
    }

    @Test func hoursKeepThousandths() throws {
        let r = try read(["time_entries.csv": "customer_id,date,hours,activity\nC1,2026-01-05,0.001,admin\nC1,2026-01-05,12,admin\nC1,2026-01-05,.5,admin\nC1,2026-01-05,0,admin\n"])
        #expect(r.problems.isEmpty)
        #expect(r.records.timeEntries.map(\.hours) == [1, 12_000, 500, 0])
    }

    @Test func misspeltFileNameIsAWarning() throws {
        let r = try read(["invoice.csv": "x\n"])
        #expect(r.isValid)
        #expect(r.warnings.map(\.description) == ["invoice.csv: not a file of the canonical ledger; ignored"])
    }

    @Test func progressIsReportedInStepsAndAtTheEnd() throws {
        var invoices = "invoice_id,customer_id,issue_date,due_date,amount\n"
        for i in 0..<20_000 { invoices += "F\(i),C1,2026-01-05,2026-02-04,\(i).50\n" }
        let ledger = try TempLedger(["customers.csv": twoCustomers, "invoices.csv": invoices])
        let log = ProgressLog()
        let r = try ledger.read(progress: { log.add($0) })
        #expect(r.records.invoices.count == 20_000)
        let steps = log.all.filter { $0.file == "invoices.csv" }
        let size = invoices.utf8.count
        #expect(steps.count >= 5 && steps.count <= 40)
        #expect(steps.last?.bytesDone == size)
        #expect(steps.last?.rows == 20_000)
        #expect(steps.allSatisfy { $0.bytesTotal == size })
        #expect(zip(steps, steps.dropFirst()).allSatisfy { $0.bytesDone <= $1.bytesDone && $0.rows <= $1.rows })
        #expect(log.all.contains { $0.file == "customers.csv" && $0.rows == 2 })
    }
}
