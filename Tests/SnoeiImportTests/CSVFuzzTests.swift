import Foundation
import PropertyBased
import Testing
@testable import SnoeiImport

/// Property-based fuzzing of the CSV reader and the export path with broken inputs built
/// from the bytes that matter to CSV: quotes, separators, line ends, UTF-8 and
/// Windows-1252 bytes, BOM fragments, NUL. Inputs that once broke something are kept in
/// Fixtures/fuzz-corpus and replayed by `corpusReplays`.
@Suite struct CSVFuzzTests {
    static let tokens: [[UInt8]] = [
        [0x22], [0x2C], [0x3B], [0x09], [0x0D], [0x0A], [0x0D, 0x0A], Array("a".utf8), Array("12,5".utf8),
        Array("é".utf8), [0xE9], [0x80], [0xC3], [0xEF, 0xBB, 0xBF], [0xFF, 0xFE], [0x00], Array("\"\"".utf8),
        Array("Factuurnummer;Relatiecode;Bedrag\n".utf8), Array("01-02-2026".utf8), Array(" ".utf8),
    ]

    /// Cases per property; `SNOEI_FUZZ_COUNT=50000 swift test --filter CSVFuzzTests` fuzzes longer.
    static let count = Int(ProcessInfo.processInfo.environment["SNOEI_FUZZ_COUNT"] ?? "") ?? 400

    static let input = Gen.int(in: 0...(tokens.count - 1)).array(of: 0...120)

    static func bytes(_ picks: [Int]) -> [UInt8] { picks.flatMap { tokens[$0] } }

    /// The reader's invariants on any input: it ends, lines only go up, every delivered
    /// field is valid UTF-8, every problem points at a line of the input.
    static func checkReader(_ data: [UInt8], separator: UInt8) {
        let lines = 1 + data.filter { $0 == 0x0A || $0 == 0x0D }.count
        var last = 0
        CSVReader(file: "f.csv", separator: separator).read(data) { event in
            switch event {
            case .record(let r):
                #expect(r.line >= last && r.line <= lines)
                last = r.line
                for f in 0..<r.count { #expect(String(validating: r[f], as: UTF8.self) != nil) }
                #expect(r.endOffset <= data.count)
            case .problem(let p):
                #expect(p.line >= 1 && p.line <= lines && p.file == "f.csv")
            }
        }
    }

    @Test func readerSurvivesBrokenInput() async {
        await propertyCheck(count: Self.count, input: Self.input, Gen.int(in: 0...3)) { picks, s in
            Self.checkReader(Self.bytes(picks), separator: SeparatorDetector.candidates[s])
        }
    }

    @Test func exportPathRefusesOrReadsButNeverCrashes() async throws {
        let folder = try TempLedger()
        let url = folder.url.appendingPathComponent("fuzz.csv")
        await propertyCheck(count: Self.count, input: Self.input) { picks in
            try Data(Self.bytes(picks)).write(to: url)
            let r = ExportReader().read([ExportSource(url: url, kind: .invoices)], known: fixtureCustomers)
            #expect(r.result.isValid || !r.result.errors.isEmpty)
            for p in r.result.problems { #expect(p.file == "fuzz.csv") }
        }
    }

    /// Row values that reach the normalisers: ids, dates, amounts, signs, currency, durations.
    static let valueTokens: [[UInt8]] = tokens + [
        "10001", "05-01-2026", "31-02-2026", "1.234,56", "-", "(", ")", "€", "EUR", ":", "12.5", "1:30", "0", "99999999999999999",
    ].map { Array($0.utf8) }

    @Test func exportRowsBehindAValidHeader() async throws {
        let folder = try TempLedger()
        let url = folder.url.appendingPathComponent("rows.csv")
        let header = Array("Factuurnummer;Relatiecode;Factuurdatum;Vervaldatum;Bedrag;Uren\n".utf8)
        let rows = Gen.int(in: 0...(Self.valueTokens.count - 1)).array(of: 0...80)
        await propertyCheck(count: Self.count, input: rows, Gen.int(in: 0...1)) { picks, kind in
            try Data(header + picks.flatMap { Self.valueTokens[$0] }).write(to: url)
            let r = ExportReader().read([ExportSource(url: url, kind: kind == 0 ? .invoices : .timeEntries)], known: fixtureCustomers)
            #expect(r.result.isValid || !r.result.errors.isEmpty)
            for p in r.result.problems { #expect(p.file == "rows.csv") }
            for i in r.result.records.invoices { #expect(i.customerId == "10001") }
        }
    }

    /// Fields written with quoting as needed read back identically under every separator.
    @Test func quotedFieldsRoundTrip() async {
        let field = Gen.int(in: 0...(Self.tokens.count - 1)).array(of: 0...6)
        await propertyCheck(count: Self.count, input: field.array(of: 1...5).array(of: 1...6), Gen.int(in: 0...3)) { rows, s in
            let sep = SeparatorDetector.candidates[s]
            // Valid UTF-8 text only, without NUL: what a real export's fields hold.
            let table = rows.map { $0.map { String(decoding: Self.bytes($0), as: UTF8.self).replacingOccurrences(of: "\0", with: "") } }
            let width = table.map(\.count).max()!
            let padded = table.map { $0 + Array(repeating: "x", count: width - $0.count) }
            var text = ""
            for row in padded {
                text += row.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
                    .joined(separator: String(UnicodeScalar(sep))) + "\n"
            }
            var data = Array(text.utf8)
            if data.starts(with: [0xEF, 0xBB, 0xBF]) { data = Array("\"\"".utf8) + data }  // a BOM would be eaten
            let read = CSVReader(file: "t", separator: sep).readAll(data)
            #expect(read.problems.isEmpty)
            #expect(read.records.map(\.fields) == padded)
        }
    }

    @Test func corpusReplays() throws {
        let folder = try fixtureFolder().deletingLastPathComponent().appendingPathComponent("fuzz-corpus")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(!names.isEmpty)
        for name in names {
            let url = folder.appendingPathComponent(name)
            let data = try [UInt8](Data(contentsOf: url))
            for s in SeparatorDetector.candidates { Self.checkReader(data, separator: s) }
            let r = ExportReader().read([ExportSource(url: url)], known: fixtureCustomers)
            #expect(r.result.isValid || !r.result.errors.isEmpty, "\(name)")
        }
    }
}
