import Foundation
import SnoeiCore
import Testing
@testable import SnoeiImport

@Suite struct ElectronicImporterTests {
    func all() throws -> [SourceFile] { try (eInvoiceFixtures + bankFixtures).map(fixture) }

    @Test func invoicesCustomersAndPaymentsFromTheFixtures() throws {
        let r = ElectronicImporter().read(try all(), known: KnownLedger(customerIds: ["C1"]))
        #expect(r.errors.map(\.description) == [])
        #expect(r.newCustomers.map(\.customerId) == ["KVK-12345678", "KBO-0123456789", "VAT-NL123456789B01"])
        #expect(r.records.customers.map(\.name) == ["Bakkerij De Zon B.V.", "Brasserie Ésprit BV", "Garage Van Dijk & Zn."])
        let byId = Dictionary(uniqueKeysWithValues: r.records.invoices.map { ($0.invoiceId, $0) })
        #expect(byId["INV-2026-101"] == InvoiceRecord(invoiceId: "INV-2026-101", customerId: "KVK-12345678", issueDate: day("2026-10-01"),
                                                      dueDate: day("2026-10-31"), amount: Money(cents: 100_000), vat: Money(cents: 21_000),
                                                      reference: "2000 0202 6101 0001"))
        #expect(byId["CN-2026-007"]?.customerId == "KVK-12345678")
        #expect(byId["CN-2026-007"]?.payable == Money(cents: -12_100))
        #expect(Set(r.identifiers.map(\.key)).isSuperset(of: ["kvk:12345678", "vat:NL001234567B01", "kbo:0123456789", "vat:NL123456789B01"]))

        // Matching: each rule once, partial payments, the rest unmatched, debits counted.
        let matched = r.outcomes.map { "\($0.entry.amount.plainString)→\($0.invoiceId ?? "-") \($0.rule?.rawValue ?? "")" }
        #expect(matched == [
            "1210.00→INV-2026-101 structured reference",
            "300.00→INV-2026-102 structured reference",
            "1000.00→INV-2026-103 invoice number in the text",
            "99.99→- ",
            "1420.00→INV-2026-103 amount and account",
            "305.00→INV-2026-102 structured reference",
            "50.00→- ",
        ])
        #expect(r.records.payments.count == 5)
        #expect(r.unmatched.map(\.amount.cents) == [9_999, 5_000])
        #expect(r.unmatched[0].counterpartyName == "J. Jansen" && r.unmatched[0].text == "Bijdrage borrel")
        #expect(r.debits == 2 && r.notBooked == 1)
        #expect(r.warnings.count == 1)   // INV-2026-102's derived due date
    }

    @Test func theSameStatementAgainAddsNothing() throws {
        let first = ElectronicImporter().read(try all(), known: KnownLedger())
        let known = KnownLedger(customerIds: Set(first.records.customers.map(\.customerId)),
                                identifiers: Dictionary(uniqueKeysWithValues: first.identifiers.map { ($0.key, $0.customerId) }),
                                invoices: first.records.invoices, payments: first.records.payments,
                                unmatchedIds: Set(first.unmatched.map(\.entryId)))
        let again = ElectronicImporter().read(try bankFixtures.map(fixture), known: known)
        #expect(again.isValid)
        #expect(again.records.payments.isEmpty && again.unmatched.isEmpty && again.outcomes.isEmpty)
        #expect(again.alreadyImported == 7)
    }

    @Test func theSameStatementTwiceInOneImportCountsOnce() throws {
        let camt = try fixture("bank/camt053-2026-11-02.xml")
        var copy = camt
        copy.name = "copy.xml"
        let r = ElectronicImporter().read(try eInvoiceFixtures.map(fixture) + [camt, copy], known: KnownLedger())
        #expect(r.duplicates == 4)
        #expect(r.records.payments.count == 3 && r.unmatched.count == 1)
        #expect(r.warnings.contains { $0.file == "copy.xml" && $0.reason.hasSuffix("is also in bank/camt053-2026-11-02.xml; counted once") })
        // Warnings are capped like errors: the rest are counted.
        let capped = ElectronicImporter(maxErrors: 2).read(try eInvoiceFixtures.map(fixture) + [camt, copy], known: KnownLedger())
        #expect(capped.warnings.count == 2 && capped.suppressedWarnings == 3 && capped.duplicates == 4)
    }

    @Test func aKnownIdentifierOrCustomerIdIsReused() throws {
        let inv = try fixture("einvoice/INV-2026-101.xml")
        let byIdentifier = ElectronicImporter().read([inv], known: KnownLedger(customerIds: ["C0038"], identifiers: ["vat:NL001234567B01": "C0038"]))
        #expect(byIdentifier.records.invoices.first?.customerId == "C0038" && byIdentifier.newCustomers.isEmpty)
        #expect(byIdentifier.identifiers.map(\.key) == ["kvk:12345678"])
        let byBareNumber = ElectronicImporter().read([inv], known: KnownLedger(customerIds: ["12345678"]))
        #expect(byBareNumber.records.invoices.first?.customerId == "12345678")
    }

    @Test func brokenFilesAreErrorsWithFileLineAndColumn() throws {
        let files = [
            SourceFile(name: "trunc.xml", bytes: Array(try fixture("einvoice/INV-2026-103.xml").bytes.prefix(400))),
            SourceFile(name: "ns.xml", bytes: Array(#"<Invoice xmlns="urn:example:invoice"><ID>1</ID></Invoice>"#.utf8)),
            SourceFile(name: "empty.xml", bytes: []),
            SourceFile(name: "notes.txt", bytes: Array("hello".utf8)),
        ]
        let r = ElectronicImporter().read(files, known: KnownLedger())
        #expect(!r.isValid)
        #expect(r.errors.map(\.file) == ["trunc.xml", "ns.xml", "empty.xml", "notes.txt"])
        #expect(r.errors[0].reason.hasSuffix("(truncated?)") && r.errors[0].line > 1)
        #expect(r.errors[1].description == "ns.xml:1:1: root element {urn:example:invoice}Invoice is neither a UBL 2.1 Invoice/CreditNote nor a CAMT.053 Document")
        #expect(r.errors[2].reason == "the file is empty (0 bytes)")
    }

    @Test func aStatementBeforeTheInvoicesIsReadOnce() throws {
        // Folders are read in name order, so statements may come first.
        let broken = #"<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt><Stmt><Id>S</Id></Stmt></BkToCstmrStmt></Document>"#
        let files = [SourceFile(name: "a.xml", bytes: Array(broken.utf8)), try fixture("bank/camt053-2026-11-02.xml")]
            + (try eInvoiceFixtures.map(fixture))
        let r = ElectronicImporter().read(files, known: KnownLedger())
        #expect(r.errors.map(\.description) == ["a.xml:1:81: statement S has no account (Acct/Id/IBAN)"])
        var limits = ElectronicImportLimits()
        limits.maxEntries = 5
        let within = ElectronicImporter(limits: limits).read(Array(files.dropFirst()), known: KnownLedger())
        #expect(within.isValid, "5 entries, counted once: \(within.errors)")
    }

    @Test func limitsOnSizeAndEntriesGiveClearMessages() throws {
        var limits = ElectronicImportLimits()
        limits.maxEntries = 3
        let r = ElectronicImporter(limits: limits).read([try fixture("bank/camt053-2026-11-02.xml")], known: KnownLedger())
        #expect(r.errors.last?.reason == "more than 3 statement entries in one import; import the statements in parts")
        limits = ElectronicImportLimits()
        limits.maxFileBytes = 100
        #expect(throws: ImportSourceError.tooLarge(try fixtureURL("bank/camt053-2026-11-02.xml").path, bytes: try fixture("bank/camt053-2026-11-02.xml").bytes.count, limit: 100)) {
            try ImportSources.collect(try fixtureURL("bank/camt053-2026-11-02.xml"), limits: limits)
        }
    }

    @Test func aFolderIsReadWithoutItsOtherFiles() throws {
        let (files, skipped) = try ImportSources.collect(try fixtureURL("einvoice"))
        #expect(files.count == 4 && skipped.isEmpty)
        #expect(throws: ImportSourceError.self) { try ImportSources.collect(URL(fileURLWithPath: "/nonexistent-snoei")) }
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/zip") && ZipArchive.tool() != nil), .timeLimit(.minutes(1)))
    func aZipOfInvoicesIsReadEntryByEntry() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("snoei-zip-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let zip = dir.appendingPathComponent("invoices.zip")
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/zip")
        p.arguments = ["-q", "-j", zip.path] + (try eInvoiceFixtures.map { try fixtureURL($0).path })
        try p.run(); p.waitUntilExit()
        let (files, _) = try ImportSources.collect(zip)
        #expect(files.map(\.name) == ["INV-2026-101.xml", "INV-2026-102.xml", "INV-2026-103.xml", "CN-2026-007.xml"].map { "\(zip.path):\($0)" })
        #expect(files[0].bytes == (try fixture("einvoice/INV-2026-101.xml").bytes))
        var limits = ElectronicImportLimits()
        limits.maxFileBytes = 1_000
        #expect(throws: ImportSourceError.self) { try ImportSources.collect(zip, limits: limits) }
        // A zip bomb in miniature: 4 MB of zeros packs into a few kB; reading stops at the limit
        // instead of waiting for unzip (a hang once: SIGTERM is blocked in Process's children).
        try Data(count: 4 * 1024 * 1024).write(to: dir.appendingPathComponent("zeros.xml"))
        let bomb = dir.appendingPathComponent("bomb.zip")
        let z = Process()
        z.executableURL = URL(fileURLWithPath: "/usr/bin/zip")
        z.arguments = ["-q", "-j", bomb.path, dir.appendingPathComponent("zeros.xml").path]
        try z.run(); z.waitUntilExit()
        limits.maxFileBytes = 200_000
        #expect(throws: ImportSourceError.zip("\(bomb.path):zeros.xml", reason: "unpacks to more than 200000 bytes, the limit per import file")) {
            try ImportSources.collect(bomb, limits: limits)
        }
        try Data("PK\u{3}\u{4}garbage".utf8).write(to: dir.appendingPathComponent("bad.zip"))
        #expect(throws: ImportSourceError.self) { try ImportSources.collect(dir.appendingPathComponent("bad.zip")) }
    }
}
