import Foundation
import Testing

/// `snoei generate` and `snoei analyze --from DIR`: the database-free fast path must give
/// what importing the folder and analysing the database gives.
@Suite struct AnalyzeFromFolderCLITests {
    static let asOf = ["--as-of", "2026-11-24"]

    /// CSV lines sorted, in case the store hands customers back in another order.
    func lines(_ text: String) -> [Substring] {
        let all = text.split(whereSeparator: \.isNewline)
        return [all.first ?? ""] + all.dropFirst().sorted()
    }

    @Test func analyzeFromAFolderGivesWhatImportThenAnalyzeGives() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let generated = try cli.run("generate", "--customers", "120", "--seed", "5", "ledger")
        #expect(generated.status == 0, "\(generated.stderr)")
        #expect(generated.stdout.contains("customers.csv"))
        let imported = try cli.run("import", "ledger", "--database", "g.sqlite")
        #expect(imported.status == 0, "\(imported.stderr)")

        for value in [["--no-value"], []] {
            let viaStore = try cli.run(["analyze", "--format", "csv", "--database", "g.sqlite"] + Self.asOf + value)
            let direct = try cli.run(["analyze", "--format", "csv", "--from", "ledger", "--timings"] + Self.asOf + value)
            #expect(viaStore.status == 0, "\(viaStore.stderr)")
            #expect(direct.status == 0, "\(direct.stderr)")
            #expect(lines(direct.stdout).count == 121)
            #expect(lines(direct.stdout) == lines(viaStore.stdout), "value: \(value)")
            #expect(direct.stderr.contains("timings: load"), "\(direct.stderr)")
            #expect(direct.stderr.contains("output") && direct.stderr.contains("GB)"), "\(direct.stderr)")
        }
        let table = try cli.run(["analyze", "--from", "ledger", "--no-value"] + Self.asOf)
        #expect(table.status == 0)
        #expect(table.stdout.contains("C1"))
    }

    @Test func aBadFolderIsRefusedWithFileLineAndColumn() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try cli.write("bad/customers.csv", "customer_id,name\nC1,Acme\n")
        try cli.write("bad/invoices.csv", "invoice_id,customer_id,issue_date,due_date,amount\nI1,C1,2026-02-30,2026-03-30,1\n")
        let result = try cli.run(["analyze", "--from", "bad"] + Self.asOf)
        #expect(result.status == 2)
        #expect(result.stderr.contains("invoices.csv:2:3:"), "\(result.stderr)")
        let missing = try cli.run(["analyze", "--from", "nowhere"] + Self.asOf)
        #expect(missing.status == 3)
    }
}
