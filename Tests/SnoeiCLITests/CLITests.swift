import Foundation
import Testing

/// End to end: the commands a user types, against real SQLite files in a scratch folder.
/// The demo is fixed to one end date so every run sees the same firm.
@Suite(.serialized) struct CLITests {
    static let end = "2026-11-24"
    static let asOf = ["--as-of", end]

    /// A folder with a demo database in it (each test gets its own).
    func demo(_ extra: String...) throws -> CLI {
        let cli = try CLI()
        let result = try cli.run(["demo", "--end", Self.end] + extra)
        #expect(result.status == 0, "demo failed: \(result.stderr)")
        return cli
    }

    @Test func demoIsDeterministicAndShowsTheDecisions() throws {
        let a = try demo(), b = try demo()
        defer { a.cleanUp(); b.cleanUp() }
        let first = try a.run(["analyze", "--format", "json"] + Self.asOf)
        let second = try b.run(["analyze", "--format", "json"] + Self.asOf)
        #expect(first.status == 0)
        #expect(first.stdout == second.stdout)
        #expect(a.exists("snoei.sqlite"))
        let shown = try a.run("demo", "--end", Self.end)
        #expect(shown.stdout.contains("Customers who need a decision"))
        #expect(shown.stdout.contains("C0045"))
        let otherSeed = try a.run("demo", "--end", Self.end, "--seed", "2", "--database", "other.sqlite")
        #expect(otherSeed.status == 0)
        let third = try a.run(["analyze", "--format", "json", "--database", "other.sqlite"] + Self.asOf)
        #expect(third.stdout != first.stdout)
    }

    @Test func analyzeJSONCarriesEveryMetricWithExactMoney() throws {
        let cli = try demo()
        defer { cli.cleanUp() }
        let result = try cli.run(["analyze", "--format", "json"] + Self.asOf)
        #expect(result.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(json["as_of"] as? String == Self.end)
        let portfolio = try #require(json["portfolio"] as? [String: Any])
        for key in ["revenue", "contribution", "pareto_top20", "whale_peak", "unprofitable_share", "hhi"] {
            #expect(portfolio[key] != nil, "portfolio.\(key) missing")
        }
        let customers = try #require(json["customers"] as? [[String: Any]])
        #expect(customers.count == 400)
        let keys = ["customer_id", "name", "revenue", "cogs", "gross_margin", "hours", "cost_to_serve", "contribution",
                    "avg_days_late", "late_share", "overdue", "aging", "dso", "short_pays", "contacts",
                    "self_caused_share", "incidents", "revenue_share", "friction", "quadrant", "recommendation", "reasons"]
        for key in keys { #expect(customers[0][key] != nil, "customers[].\(key) missing") }
        let aging = try #require(customers[0]["aging"] as? [String: Any])
        #expect(Set(aging.keys).isSuperset(of: ["not_due", "d1_30", "d31_60", "d61_90", "d90_plus"]))
        // Money is written with exactly two decimals: "revenue": 5300.00
        let money = try Regex(#""(revenue|contribution|overdue|cogs)": -?\d+\.\d\d(,|\n)"#)
        #expect(result.stdout.matches(of: money).count >= 4 * 400)

        func verdict(_ id: String) -> (String?, [String]) {
            let c = customers.first { $0["customer_id"] as? String == id }
            let codes = (c?["reasons"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String }
            return (c?["recommendation"] as? String, codes)
        }
        #expect(verdict("C0045").0 == "let_go")
        #expect(verdict("C0045").1.contains("red_line"))
        #expect(verdict("C0038").0 == "fix")
        #expect(verdict("C0003").0 == "fix")
        #expect(verdict("C0003").1.contains("dependency"))
        #expect(verdict("C0008").0 == "nurture")
    }

    @Test func csvAndTableFormats() throws {
        let cli = try demo()
        defer { cli.cleanUp() }
        let csv = try cli.run(["analyze", "--format", "csv"] + Self.asOf)
        let lines = csv.stdout.split(whereSeparator: \.isNewline)
        #expect(lines.count == 401)
        #expect(lines.first?.hasPrefix("customer_id,name,") == true)
        let table = try cli.run(["analyze", "--recommendation", "let_go"] + Self.asOf)
        #expect(table.status == 0)
        #expect(table.stdout.contains("C0045"))
        #expect(!table.stdout.contains("C0008 "))
        let bad = try cli.run(["analyze", "--recommendation", "maybe"] + Self.asOf)
        #expect(bad.status == 2)
    }

    @Test func customerProfileReadsInBothLanguages() throws {
        let cli = try demo()
        defer { cli.cleanUp() }
        let en = try cli.run(["customer", "C0038"] + Self.asOf)
        #expect(en.status == 0)
        for heading in ["Why", "Profitability", "Payment behaviour", "Timeline"] {
            #expect(en.stdout.contains(heading), "missing \(heading)")
        }
        #expect(en.stdout.contains("€5,300.00"))
        let nl = try cli.run(["customer", "C0038", "--lang", "nl"] + Self.asOf)
        for heading in ["Waarom", "Winstgevendheid", "Betaalgedrag", "Tijdlijn"] {
            #expect(nl.stdout.contains(heading), "missing \(heading)")
        }
        #expect(nl.stdout.contains("€ 5.300,00"))
        let viaEnv = try cli.run(["customer", "C0038"] + Self.asOf, environment: ["LANG": "nl_NL.UTF-8"])
        #expect(viaEnv.stdout.contains("Waarom"))
        let unknown = try cli.run(["customer", "NOPE"] + Self.asOf)
        #expect(unknown.status == 3)
        #expect(unknown.stderr.contains("No customer with id NOPE"))
    }

    @Test func simulateShowsTheDependencyRisk() throws {
        let cli = try demo()
        defer { cli.cleanUp() }
        let result = try cli.run(["simulate", "--drop", "C0003,C0045", "--format", "json"] + Self.asOf)
        #expect(result.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let risks = try #require(json["risks"] as? [[String: Any]])
        #expect(risks.count == 2)
        #expect(risks.first { $0["customer_id"] as? String == "C0003" }?["risk"] as? String == "high")
        #expect(risks.first { $0["customer_id"] as? String == "C0045" }?["risk"] as? String == "low")
        let before = try #require(json["before"] as? [String: Any]), after = try #require(json["after"] as? [String: Any])
        #expect((after["hhi"] as? Double ?? 0) < (before["hhi"] as? Double ?? 0))
        #expect(json["hours_freed"] as? Double ?? 0 > 0)
        let text = try cli.run(["simulate", "--drop", "C0003"] + Self.asOf)
        #expect(text.stdout.contains("Revenue lost"))
        #expect(text.stdout.contains("high"))
        #expect(try cli.run("simulate").status != 0)
    }

    @Test func exportThenImportReproducesTheAnalysis() throws {
        let cli = try demo()
        defer { cli.cleanUp() }
        let original = try cli.run(["analyze", "--format", "json"] + Self.asOf)
        #expect(try cli.run("export", "ledger").status == 0)
        #expect(cli.exists("ledger/customers.csv"))
        let imported = try cli.run("import", "ledger", "--database", "copy.sqlite")
        #expect(imported.status == 0, "\(imported.stderr)")
        let copy = try cli.run(["analyze", "--format", "json", "--database", "copy.sqlite"] + Self.asOf)
        #expect(copy.stdout == original.stdout)

        // The same folder again changes nothing; one changed amount is one update.
        let again = try cli.run("import", "ledger", "--database", "copy.sqlite")
        #expect(again.stdout.contains("Nothing changed"))
        #expect(again.stdout.contains(try Regex(#"invoices\.csv\s+(\d+)\s+0\s+0\s+\1"#)))
        var invoices = try cli.read("ledger/invoices.csv").split(separator: "\n", omittingEmptySubsequences: false)
            .map(String.init)
        var fields = invoices[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        fields[4] = "12345.67"
        invoices[1] = fields.joined(separator: ",")
        try cli.write("ledger/invoices.csv", invoices.joined(separator: "\n"))
        let changed = try cli.run("import", "ledger", "--database", "copy.sqlite")
        #expect(changed.stdout.contains(try Regex(#"invoices\.csv\s+\d+\s+0\s+1\s+\d+"#)), "\(changed.stdout)")
    }

    @Test func aRejectedImportReportsEveryProblemAndChangesNothing() throws {
        let cli = try demo()
        defer { cli.cleanUp() }
        let before = try cli.run(["analyze", "--format", "json"] + Self.asOf)
        try cli.write("bad/customers.csv", "customer_id,name\nN1,New Customer\n")
        try cli.write("bad/invoices.csv", """
            invoice_id,customer_id,issue_date,due_date,amount
            X1,N1,2026-02-30,2026-03-30,100.00
            X2,GHOST,2026-01-01,2026-01-31,100.00
            X3,N1,2026-01-01,2026-01-31,"12,50"

            """)
        let result = try cli.run("import", "bad")
        #expect(result.status == 2)
        #expect(result.stderr.contains("invoices.csv:2:3:"), "\(result.stderr)")
        #expect(result.stderr.contains("invoices.csv:3:2:"))
        #expect(result.stderr.contains("invoices.csv:4:5:"))
        #expect(result.stderr.contains("nothing was imported"))
        let after = try cli.run(["analyze", "--format", "json"] + Self.asOf)
        #expect(after.stdout == before.stdout)
        // A customer already in the database may be referred to by a later import.
        try cli.write("more/customers.csv", "customer_id,name\n")
        try cli.write("more/invoices.csv", "invoice_id,customer_id,issue_date,due_date,amount\nX9,C0001,2026-11-01,2026-12-01,10.00\n")
        let more = try cli.run("import", "more")
        #expect(more.status == 0, "\(more.stderr)")
        #expect(more.stdout.contains(try Regex(#"invoices\.csv\s+1\s+1\s+0\s+0"#)))
    }

    @Test func aDryRunOnANewDatabaseCreatesNothing() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try cli.write("ledger/customers.csv", "customer_id,name\nA1,Alpha\nA2,Beta\n")
        let result = try cli.run("import", "ledger", "--dry-run")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains(try Regex(#"customers\.csv\s+2\s+2\s+0\s+0"#)))
        #expect(!cli.exists("snoei.sqlite"))
        let missing = try cli.run("analyze")
        #expect(missing.status == 3)
        #expect(missing.stderr.contains("snoei demo"))
    }

    @Test func theDatabaseComesFromTheEnvironmentToo() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let made = try cli.run(["demo", "--end", Self.end], environment: ["SNOEI_DATABASE": cli.path("env.sqlite")])
        #expect(made.status == 0)
        #expect(cli.exists("env.sqlite"))
        #expect(!cli.exists("snoei.sqlite"))
    }

    @Test func demoRefusesToOverwriteAnImportedLedger() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try cli.write("ledger/customers.csv", "customer_id,name\nA1,Alpha\n")
        #expect(try cli.run("import", "ledger").status == 0)
        let refused = try cli.run("demo", "--end", Self.end)
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("--force"))
        #expect(try cli.run("demo", "--end", Self.end, "--force").status == 0)
    }

    @Test func policyInitWritesADocumentedFileThatIsUsed() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let shown = try cli.run("policy")
        #expect(shown.stdout.contains("built-in defaults"))
        #expect(try cli.run("policy", "init").status == 0)
        let text = try cli.read("snoei.toml")
        #expect(text.contains("#"))
        #expect(try cli.run("policy", "init").status == 2)
        let active = try cli.run("policy")
        #expect(active.stdout.contains("snoei.toml"))
        try cli.write("broken.toml", "[quadrant]\nhigh_friction = \"high\"\n")
        let broken = try cli.run("policy", "--policy", "broken.toml")
        #expect(broken.status == 2)
        #expect(broken.stderr.contains("broken.toml"))
    }
}
