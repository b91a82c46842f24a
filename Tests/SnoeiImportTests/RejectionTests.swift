import Testing
import Foundation
import SnoeiCore
import SnoeiImport

/// Each import rule of FORMAT.md that rejects data: one problem at the exact place,
/// naming the offending value.
@Suite struct RejectionTests {
    static let invoiceHeader = "invoice_id,customer_id,issue_date,due_date,amount,vat,cost,reference\n"

    // MARK: Dates

    @Test func impossibleDate() throws {
        let r = try read(["invoices.csv": Self.invoiceHeader + "F1,C1,2026-02-30,2026-03-30,10.00,,,\n"])
        #expect(onlyError(r) == "invoices.csv:2:3: \"2026-02-30\" is not a date (YYYY-MM-DD)")
        #expect(r.records.invoices.isEmpty)
        #expect(!r.isValid)
    }

    @Test func malformedDates() throws {
        for bad in ["2026-1-05", "05-01-2026", "2026/01/05", "2026-13-01", " 2026-01-05", "2026-01-05T10:00"] {
            let r = try read(["time_entries.csv": "customer_id,date,hours,activity\nC1,\(bad),1,support\n"])
            #expect(onlyError(r) == "time_entries.csv:2:2: \"\(bad)\" is not a date (YYYY-MM-DD)")
        }
    }

    @Test func badOptionalDateInCustomers() throws {
        let r = try read(["customers.csv": "customer_id,name,since\nC1,Acme,2025-04-31\n"])
        #expect(onlyError(r) == "customers.csv:2:3: \"2025-04-31\" is not a date (YYYY-MM-DD)")
    }

    // MARK: Numbers

    @Test func negativeHours() throws {
        let r = try read(["time_entries.csv": "customer_id,date,hours,activity\nC1,2026-01-05,-1.5,support\n"])
        #expect(onlyError(r).hasPrefix("time_entries.csv:2:3: hours \"-1.5\" is negative"))
        #expect(r.records.timeEntries.isEmpty)
    }

    @Test func badHours() throws {
        let cases = [("1,5", "decimal comma"), ("1.2345", "more than three decimals"), ("abc", "not a number of hours")]
        for (value, words) in cases {
            let r = try read(["time_entries.csv": "customer_id,date,hours,activity\nC1,2026-01-05,\"\(value)\",support\n"])
            let e = onlyError(r)
            #expect(e.hasPrefix("time_entries.csv:2:3: \"\(value)\""), "\(e)")
            #expect(e.contains(words), "\(e)")
        }
    }

    @Test func decimalCommaInAmount() throws {
        let r = try read(["invoices.csv": Self.invoiceHeader + "F1,C1,2026-01-05,2026-02-04,\"12,50\",,,\n"])
        #expect(onlyError(r) == "invoices.csv:2:5: \"12,50\" uses a decimal comma; write amounts with a point, e.g. 12.50")
    }

    @Test func tooManyDecimals() throws {
        let r = try read(["payments.csv": "payment_id,date,amount\nP1,2026-01-05,12.345\n"])
        #expect(onlyError(r) == "payments.csv:2:3: \"12.345\" has more than two decimals; amounts are in cents")
    }

    @Test func notAnAmount() throws {
        let r = try read(["deviations.csv": "customer_id,date,kind,cost\nC1,2026-01-05,discount,€12\n"])
        #expect(onlyError(r).hasPrefix("deviations.csv:2:4: \"€12\" is not an amount"))
    }

    @Test func nonIntegerNoticeDays() throws {
        for bad in ["30.5", "-1", "thirty"] {
            let r = try read(["customers.csv": "customer_id,name,notice_days\nC1,Acme,\(bad)\n"])
            #expect(onlyError(r) == "customers.csv:2:3: notice_days \"\(bad)\" is not a whole number of 0 or more")
        }
    }

    @Test func severityOutsideOneToFive() throws {
        for bad in ["0", "6", "2.5", "high"] {
            let r = try read(["incidents.csv": "customer_id,date,kind,severity\nC1,2026-01-05,smear,\(bad)\n"])
            #expect(onlyError(r) == "incidents.csv:2:4: severity \"\(bad)\" is not a whole number from 1 to 5")
        }
    }

    @Test func valuesFitScoreOutsideOneToFive() throws {
        let r = try read(["values_fit.csv": "customer_id,criterion,score\nC1,respect,9\n"])
        #expect(onlyError(r) == "values_fit.csv:2:3: score \"9\" is not a whole number from 1 to 5")
        #expect(r.records.valuesFit.isEmpty)
    }

    // MARK: Vocabularies and booleans

    @Test func valueOutsideVocabulary() throws {
        let r = try read(["contacts.csv": "customer_id,date,channel,kind\nC1,2026-01-05,phone,question\n"])
        #expect(onlyError(r) == "contacts.csv:2:3: \"phone\" is not a valid channel; expected one of: call, email, ticket, visit, chat")
    }

    @Test func vocabulariesAreLowerCaseAndExact() throws {
        let r = try read([
            "time_entries.csv": "customer_id,date,hours,activity\nC1,2026-01-05,1,Support\n",
            "deviations.csv": "customer_id,date,kind,cost\nC1,2026-01-05,rush delivery,1\n",
            "incidents.csv": "customer_id,date,kind,severity\nC1,2026-01-05,threat,2\n",
            "contacts.csv": "customer_id,date,channel,kind,topic\nC1,2026-01-05,call,question,weather\n",
        ])
        let texts = r.errors.map(\.description)
        #expect(texts.count == 4)
        #expect(texts.contains { $0.hasPrefix("time_entries.csv:2:4: \"Support\" is not a valid activity; expected one of: support, rework") })
        #expect(texts.contains { $0.hasPrefix("deviations.csv:2:3: \"rush delivery\" is not a valid deviation kind; expected one of: discount") })
        #expect(texts.contains { $0.hasPrefix("incidents.csv:2:3: \"threat\" is not a valid incident kind") })
        #expect(texts.contains { $0.hasPrefix("contacts.csv:2:5: \"weather\" is not a valid topic; expected one of: product") })
    }

    @Test func booleansAreStrictLowerCase() throws {
        for bad in ["yes", "TRUE", "1"] {
            let r = try read(["time_entries.csv": "customer_id,date,hours,activity,billable\nC1,2026-01-05,1,support,\(bad)\n"])
            #expect(onlyError(r) == "time_entries.csv:2:5: billable \"\(bad)\" is not a boolean; expected true or false (lower case) or empty")
        }
    }

    // MARK: Customers

    @Test func unknownCustomer() throws {
        let files = ["invoices.csv": Self.invoiceHeader + "F1,C9,2026-01-05,2026-02-04,10.00,,,\n"]
        let r = try read(files)
        #expect(onlyError(r) == "invoices.csv:2:2: customer_id \"C9\" is not in customers.csv or the database")
        // The database knows C9: fine.
        #expect(try read(files, known: ["C9"]).isValid)
    }

    @Test func unknownCustomerInEveryFile() throws {
        let r = try read([
            "time_entries.csv": "customer_id,date,hours,activity\nX1,2026-01-05,1,support\n",
            "contacts.csv": "customer_id,date,channel,kind\nX2,2026-01-05,call,question\n",
            "deviations.csv": "customer_id,date,kind,cost\nX3,2026-01-05,discount,1\n",
            "incidents.csv": "customer_id,date,kind,severity\nX4,2026-01-05,smear,1\n",
            "referrals.csv": "customer_id,referred_customer_id,date\nC1,X5,2026-01-05\n",
            "values_fit.csv": "customer_id,criterion,score\nX6,respect,3\n",
            "payments.csv": "payment_id,date,amount,invoice_id,customer_id\nP1,2026-01-05,1,,X7\n",
        ])
        let prefixes = r.errors.map { "\($0.file):\($0.line):\($0.column ?? 0)" }
        #expect(Set(prefixes) == [
            "time_entries.csv:2:1", "contacts.csv:2:1", "deviations.csv:2:1", "incidents.csv:2:1",
            "referrals.csv:2:2", "values_fit.csv:2:1", "payments.csv:2:5",
        ])
        for e in r.errors { #expect(e.reason.contains("\"X")) }
        #expect(r.errors.first { $0.file == "referrals.csv" }?.reason.hasPrefix("referred_customer_id \"X5\"") == true)
    }

    @Test func missingCustomersFile() throws {
        let r = try TempLedger(["invoices.csv": Self.invoiceHeader]).read()
        #expect(r.errors.map(\.description) == ["customers.csv: file is missing"])
    }

    @Test func missingCustomersFileDoesNotBuryItselfUnderReferenceErrors() throws {
        let r = try TempLedger(["invoices.csv": Self.invoiceHeader + "F1,C1,2026-01-05,2026-02-04,10.00,,,\n"]).read()
        #expect(r.errors.map(\.description) == ["customers.csv: file is missing"])
    }

    // MARK: Duplicates

    @Test func duplicateCustomerId() throws {
        let r = try read(["customers.csv": "customer_id,name\nC1,Acme\nC2,Beta\nC1,Acme again\n"])
        #expect(onlyError(r) == "customers.csv:4:1: customer_id \"C1\" appears again; first on line 2")
        #expect(r.records.customers.map(\.name) == ["Acme", "Beta"])
    }

    @Test func duplicateInvoiceAndPaymentIds() throws {
        let r = try read([
            "invoices.csv": Self.invoiceHeader + "F1,C1,2026-01-05,2026-02-04,10.00,,,\n\"F1\",C2,2026-01-06,2026-02-05,20.00,,,\n",
            "payments.csv": "payment_id,date,amount\nP1,2026-01-05,1\nP2,2026-01-05,1\nP1,2026-01-06,2\n",
        ])
        #expect(r.errors.map(\.description) == [
            "invoices.csv:3:1: invoice_id \"F1\" appears again; first on line 2",
            "payments.csv:4:1: payment_id \"P1\" appears again; first on line 2",
        ])
    }

    // MARK: Encoding and structure

    @Test func invalidUTF8() throws {
        let ledger = try TempLedger()
        try ledger.write("customers.csv", Array("customer_id,name\nC1,Acme\nC2,Caf".utf8) + [0xE9] + Array(" Noord\n".utf8))
        let r = try ledger.read()
        #expect(onlyError(r) == "customers.csv:3:2: \"Caf\u{FFFD} Noord\" is not valid UTF-8 (byte 0xE9 at position 4); save the file as UTF-8")
        #expect(r.records.customers.count == 1)
    }

    @Test func missingRequiredColumn() throws {
        let r = try read(["invoices.csv": "invoice_id,customer_id,issue_date,due_date\nF1,C1,2026-01-05,2026-02-04\n"])
        #expect(onlyError(r) == "invoices.csv:1: required column \"amount\" is missing")
        #expect(r.records.invoices.isEmpty)
    }

    @Test func emptyRequiredValue() throws {
        let r = try read(["invoices.csv": Self.invoiceHeader + "F1,C1,2026-01-05,2026-02-04,,,,\n"])
        #expect(onlyError(r) == "invoices.csv:2:5: amount is empty, but a value is required")
        let name = try read(["customers.csv": "customer_id,name\nC1,\"\"\n"])
        #expect(onlyError(name) == "customers.csv:2:2: name is empty, but a value is required")
    }

    @Test func unknownColumn() throws {
        let files = ["customers.csv": "customer_id,name,colour\nC1,Acme,red\n"]
        let r = try read(files)
        #expect(onlyError(r).hasPrefix("customers.csv:1:3: unknown column \"colour\"; the columns of customers.csv are customer_id, name"))
        let ignored = try read(files, options: ImportOptions(ignoreUnknownColumns: true))
        #expect(ignored.isValid)
        #expect(ignored.warnings.map(\.description) == ["customers.csv:1:3: unknown column \"colour\" is ignored"])
        #expect(ignored.warnings.first?.severity == .warning)
        #expect(ignored.records.customers == [CustomerRecord(customerId: "C1", name: "Acme")])
    }

    @Test func duplicateColumn() throws {
        let r = try read(["customers.csv": "customer_id,name,name\nC1,Acme,Acme\n"])
        #expect(onlyError(r) == "customers.csv:1:3: column \"name\" appears twice; first as column 2")
    }

    @Test func unterminatedQuote() throws {
        let r = try read(["customers.csv": "customer_id,name\nC1,Acme\nC2,\"Beta\nC3,Gamma\n"])
        #expect(onlyError(r).hasPrefix("customers.csv:3:2: quoted field is never closed"))
        #expect(r.records.customers.map(\.customerId) == ["C1"])
    }

    @Test func emptyFile() throws {
        let r = try read(["invoices.csv": ""])
        #expect(onlyError(r).hasPrefix("invoices.csv:1: the file is empty (0 bytes)"))
        let customers = try TempLedger(["customers.csv": ""]).read()
        #expect(onlyError(customers).hasPrefix("customers.csv:1: the file is empty (0 bytes)"))
    }

    @Test func fileWithOnlyBlankLinesHasNoHeader() throws {
        let r = try read(["payments.csv": "\n\n"])
        #expect(onlyError(r).hasPrefix("payments.csv:1: the file has no header row"))
    }

    @Test func wrongFieldCount() throws {
        let r = try read(["customers.csv": "customer_id,name\nC1,Acme,extra\nC2\nC3,Gamma\n"])
        #expect(r.errors.map(\.description) == [
            "customers.csv:2:3: found 3 fields, expected 2 as in the header",
            "customers.csv:3: found 1 field, expected 2 as in the header",
        ])
        #expect(r.records.customers.map(\.customerId) == ["C3"])
    }

    @Test func blankLineInTheMiddle() throws {
        let r = try read(["customers.csv": "customer_id,name\nC1,Acme\n\nC2,Beta\n"])
        #expect(onlyError(r) == "customers.csv:3: the line is empty; expected 2 fields as in the header")
        #expect(r.records.customers.count == 2)
    }

    @Test func missingFolderThrows() {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("snoei-no-such-\(UUID().uuidString)")
        #expect(throws: LedgerReadError.folderMissing(path: url.path)) {
            try CanonicalLedgerReader().read(folder: url)
        }
    }

    @Test func fileInsteadOfFolderThrows() throws {
        let ledger = try TempLedger(["customers.csv": twoCustomers])
        let file = ledger.url.appendingPathComponent("customers.csv")
        #expect(throws: LedgerReadError.notAFolder(path: file.path)) {
            try CanonicalLedgerReader().read(folder: file)
        }
    }

    // MARK: Collecting

    @Test func everyProblemInARowIsReportedAndTheRowDropped() throws {
        let r = try read(["invoices.csv": Self.invoiceHeader + "F1,C9,2026-02-30,2026-13-01,\"1,0\",,,\nF2,C1,2026-01-05,2026-02-04,5,,,\n"])
        #expect(r.errors.map { $0.column ?? 0 } == [2, 3, 4, 5])
        #expect(r.errors.allSatisfy { $0.line == 2 })
        #expect(r.records.invoices.map(\.invoiceId) == ["F2"])
    }

    @Test func errorsAreCollectedAcrossFilesUpToTheLimit() throws {
        var invoices = Self.invoiceHeader
        for i in 1...150 { invoices += "F\(i),C1,2026-01-\(i % 2 == 0 ? "32" : "05"),2026-02-04,10.00,,,\n" }
        var contacts = "customer_id,date,channel,kind\n"
        for _ in 1...75 { contacts += "C1,2026-01-05,fax,question\n" }
        let r = try read(["invoices.csv": invoices, "contacts.csv": contacts])
        #expect(r.errors.count == 100)
        #expect(r.suppressedErrors == 150 - 100)
        // Errors from the first file come first, each on its own line.
        #expect(r.errors.first?.description == "invoices.csv:3:3: \"2026-01-32\" is not a date (YYYY-MM-DD)")
        #expect(r.errors.prefix(75).map(\.line) == Array(stride(from: 3, through: 151, by: 2)))
        #expect(r.errors.last?.file == "contacts.csv")
        #expect(r.records.invoices.count == 75)
        #expect(!r.isValid)
    }

    @Test func maxErrorsIsAnOption() throws {
        var customers = "customer_id,name,since\n"
        for i in 1...30 { customers += "C\(i),N,2026-02-31\n" }
        let r = try read(["customers.csv": customers], options: ImportOptions(maxErrors: 10))
        #expect(r.errors.count == 10)
        #expect(r.suppressedErrors == 20)
        #expect(r.errors.last?.line == 11)
    }
}
