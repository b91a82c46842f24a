import Foundation
import Testing
@testable import SnoeiImport

/// Bad input is refused with the file and a position, never half-read.
@Suite struct BrokenExportTests {
    func onlyProblem(_ name: String, kind: LedgerKind? = .customers, options: ImportOptions = .init()) throws -> ImportProblem? {
        let r = try readExports(["broken/" + name], kind: kind, options: options)
        #expect(r.result.records.customers.isEmpty)
        #expect(r.result.errors.count == 1, "\(r.result.errors)")
        return r.result.errors.first
    }

    @Test func mixedEncodings() throws {
        let p = try onlyProblem("mixed-encoding.csv")
        #expect(p?.description.hasPrefix("mixed-encoding.csv:3: mixed encodings") == true)
    }

    @Test func truncatedInsideAQuotedField() throws {
        let p = try onlyProblem("truncated-quote.csv")
        #expect(p?.description.hasPrefix("truncated-quote.csv:2:2: quoted field is never closed") == true)
    }

    @Test func truncatedInsideAUTF8Character() throws {
        let p = try onlyProblem("truncated-utf8.csv")
        #expect(p?.description.hasPrefix("truncated-utf8.csv:3: the file ends in the middle of a UTF-8 character") == true)
    }

    @Test func utf16() throws {
        #expect(try onlyProblem("utf16.csv")?.reason.contains("UTF-16") == true)
    }

    @Test func fileSizeAndRowLimits() throws {
        let small = ImportOptions(limits: ImportLimits(maxFileBytes: 100))
        let big = try readExports(["snelstart-relaties.csv"], options: small)
        #expect(big.result.errors.first?.reason.contains("above the limit of 100 bytes") == true)
        #expect(big.result.records.customers.isEmpty)
        let few = ImportOptions(limits: ImportLimits(maxRows: 3))
        let many = try readExports(["snelstart-relaties.csv"], options: few)
        #expect(many.result.errors.map(\.reason).contains { $0.contains("more than 3 data rows") })
        #expect(!many.result.isValid)
    }

    @Test func canonicalFoldersHaveTheSameLimits() throws {
        let ledger = try TempLedger(["customers.csv": "customer_id,name\nC1,A\nC2,B\nC3,C\n"])
        let rows = try ledger.read(options: ImportOptions(limits: ImportLimits(maxRows: 2)))
        #expect(rows.errors.map(\.reason).contains { $0.contains("more than 2 data rows") })
        let size = try ledger.read(options: ImportOptions(limits: ImportLimits(maxFileBytes: 10)))
        #expect(size.errors.map(\.description).contains { $0.hasPrefix("customers.csv: the file is 32 bytes, above the limit of 10 bytes") })
    }

    @Test func unrecognisedFileAsksForKindOrProfile() throws {
        let folder = try TempLedger(["x.csv": "Foo;Bar\n1;2\n"])
        let r = ExportReader().read([ExportSource(url: folder.url.appendingPathComponent("x.csv"))])
        #expect(r.result.errors.first?.reason.contains("cannot tell what this file holds") == true)
        #expect(r.result.errors.first?.reason.contains("--kind") == true)
    }

    /// Quoting is detected as the usual double quote and can be overridden: single quotes,
    /// or none at all (then every quote is part of the text).
    @Test func quotingCanBeOverridden() throws {
        let folder = try TempLedger(["q.csv": "Relatiecode;Naam\n1;'Dekker; Zonen'\n2;27\" scherm \"Oost\"\n"])
        let url = folder.url.appendingPathComponent("q.csv")
        let single = ExportReader().read([ExportSource(url: url, kind: .customers,
                                                       overrides: DialectOverrides(quoting: try DialectOverrides.quoting(named: "'")))])
        #expect(single.result.errors.isEmpty, "\(single.result.errors)")
        #expect(single.result.records.customers.map(\.name) == ["Dekker; Zonen", "27\" scherm \"Oost\""])
        #expect(single.files.first?.dialect?.quoteName == "single quote (')")
        // With the default double quote the first row splits at the ';' inside the single quotes.
        let double = ExportReader().read([ExportSource(url: url, kind: .customers)])
        #expect(double.result.errors.map(\.line) == [2])
        let none = ExportReader().read([ExportSource(url: url, kind: .customers, overrides: DialectOverrides(quoting: .unquoted))])
        #expect(none.files.first?.dialect?.quoteName == "none (quotes are text)")
        #expect(throws: DialectError.self) { try DialectOverrides.quoting(named: "`") }
    }

    @Test func trailingSeparatorsAreHarmlessButExtraValuesAreNot() throws {
        let folder = try TempLedger(["r.csv": "Relatiecode;Naam\n1;A;\n2;B;;\n3;C;x\n"])
        let r = ExportReader().read([ExportSource(url: folder.url.appendingPathComponent("r.csv"), kind: .customers)])
        #expect(r.result.records.customers.map(\.name) == ["A", "B"])
        #expect(r.result.errors.map(\.description) == ["r.csv:4:3: found 3 fields, expected 2 as in the header"])
    }

    @Test func badValuesNameLineColumnAndReason() throws {
        let folder = try TempLedger(["f.csv": "Factuurnummer;Relatiecode;Factuurdatum;Vervaldatum;Bedrag\nF1;10001;05-01-2026;31-02-2026;1.234,56\nF2;10001;05-01-2026;04-02-2026;12.34\n"])
        let r = ExportReader().read([ExportSource(url: folder.url.appendingPathComponent("f.csv"))], known: fixtureCustomers)
        #expect(r.result.errors.map(\.description) == [
            "f.csv:2:4: \"31-02-2026\" is not a date in the file's date format dd-mm-yyyy",
            "f.csv:3:5: \"12.34\" has thousands separators that do not group by three (the file uses a decimal comma (1.234,56)); pass --decimal if that is wrong",
        ])
    }
}
