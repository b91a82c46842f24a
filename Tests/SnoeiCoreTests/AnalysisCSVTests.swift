import Foundation
import Testing
@testable import SnoeiCore

/// `AnalysisCSV` writes bytes directly (`CSVBytes`), in blocks on several threads: it must give
/// what the String formatters (`Money.plainString`, `JSONWriter.fixed`, RFC 4180 quoting) give,
/// whatever the block size and thread count.
@Suite struct AnalysisCSVTests {
    static let asOf = Day(iso: "2026-11-24")!

    static func field(_ build: (inout CSVBytes) -> Void) -> String {
        var csv = CSVBytes(capacity: 16)
        build(&csv)
        return String(decoding: csv.bytes, as: UTF8.self)
    }

    @Test func moneyMatchesPlainString() {
        var rng = SystemRandomNumberGenerator()
        let edges: [Int64] = [0, 1, -1, 9, -9, 10, 99, 100, -100, 101, -105, 123_456_789, .max, .min + 1, .min]
        for cents in edges + (0..<2_000).map({ _ in Int64.random(in: -10_000_000_000...10_000_000_000, using: &rng) }) {
            #expect(Self.field { $0.money(Money(cents: cents)) } == Money(cents: cents).plainString, "\(cents)")
        }
    }

    @Test func fixedMatchesJSONWriter() {
        var rng = SystemRandomNumberGenerator()
        let edges: [Double] = [0, -0.0, 0.5, -0.5, 0.05, -0.004, 0.0049999, 1e-9, 42, 1234.5678, -99.995, 1e17, 9.5e18, -1e19, 1e300]
        for decimals in [0, 1, 2, 3, 4, 6] {
            for x in edges + (0..<500).map({ _ in Double.random(in: -1e7...1e7, using: &rng) }) {
                #expect(Self.field { $0.fixed(x, decimals) } == JSONWriter.fixed(x, decimals: decimals), "\(x) \(decimals)")
            }
            for missing in [nil, Double.nan, .infinity, -.infinity] { #expect(Self.field { $0.fixed(missing, decimals) } == "") }
        }
    }

    @Test func textIsQuotedOnlyWhenItMustBe() {
        #expect(Self.field { $0.text("Bakkerij Jansen") } == "Bakkerij Jansen")
        #expect(Self.field { $0.text("Jansen, Zn.") } == "\"Jansen, Zn.\"")
        #expect(Self.field { $0.text("De \"Eik\"") } == "\"De \"\"Eik\"\"\"")
        #expect(Self.field { $0.text("line\r\nbreak") } == "\"line\r\nbreak\"")
        #expect(Self.field { $0.text("Café Ü — ✓") } == "Café Ü — ✓")
        #expect(Self.field { $0.text("a"); $0.optionalText(nil); $0.int(-42); $0.int(7); $0.endLine() } == "a,,-42,7\r\n")
    }

    @Test func blocksOnThreadsGiveTheSameFileAsOnePass() throws {
        var ledger = try Ledger(records: DemoFirm.generate(seed: 3, end: Self.asOf))
        ledger.customers.names[0] = "Jansen, \"de Eik\"\r\nBV"
        ledger.customers.names[1] = "Ünïcode ✓"
        ledger.customers.segments[2] = nil
        let a = Analysis(ledger: ledger, policy: .standard, asOf: Self.asOf)
        let whole = AnalysisCSV.render(a)
        let lines = whole.components(separatedBy: "\r\n")
        // One line per customer, the header, the empty end, and the line break inside customer 0's name.
        #expect(lines.count == a.customers.count + 3 && lines.last == "")
        #expect(lines[0] == AnalysisCSV.header.joined(separator: ","))
        #expect(whole.contains("\"Jansen, \"\"de Eik\"\"\r\nBV\""))
        for (threads, block) in [(1, 1), (2, 7), (3, 64), (4, 100_000)] {
            var out: [UInt8] = []
            AnalysisCSV.write(a, threads: threads, blockRows: block) { out.append(contentsOf: $0) }
            #expect(String(decoding: out, as: UTF8.self) == whole, "threads \(threads), block \(block)")
        }
        let picked = [5, 17, 0]
        var out: [UInt8] = []
        AnalysisCSV.write(a, rows: picked, threads: 2, blockRows: 1) { out.append(contentsOf: $0) }
        let pickedLines = String(decoding: out, as: UTF8.self).components(separatedBy: "\r\n")
        #expect(pickedLines.count == 6)
        #expect(pickedLines[1].hasPrefix(ledger.customers.ids[5] + ","))
        #expect(pickedLines[2].hasPrefix(ledger.customers.ids[17] + ","))
        #expect(pickedLines[3].hasPrefix(ledger.customers.ids[0] + ",\"Jansen"))
    }
}
