import ArgumentParser
import Foundation
import SnoeiCore

struct AnalyzeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Analyse every customer and the portfolio; propose nurture, keep, fix or let go.",
        discussion: """
            json and csv carry every metric of FORMAT.md with the snake_case names used there; \
            money is a number with two decimals. The table lists the customers needing a decision first.
            """,
        aliases: ["analyse"]
    )

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var policy: PolicyOptions
    @OptionGroup var language: LanguageOptions
    @OptionGroup var asOf: AsOfOptions

    @Option(help: "Output format: table, json or csv.")
    var format: OutputFormat = .table

    @Option(help: ArgumentHelp("Only customers with these proposals, e.g. fix,let_go.", valueName: "list"))
    var recommendation: String?

    @Flag(inversion: .prefixedNo, help: "Fit the purchase models for expected purchases, p_alive and clv (see `snoei value`); --no-value skips it.")
    var value = true

    @Option(help: ArgumentHelp("Analyse this canonical CSV ledger folder directly, without a database (fast path for large ledgers).",
                               valueName: "DIR"))
    var from: String?

    @Flag(help: "Print how long each phase took (load, value, figures, portfolio/verdicts, output) to stderr.")
    var timings = false

    func run() async throws {
        var phases = PhaseTimings()
        let workspace: Workspace
        if let from {
            workspace = try Workspace.load(folder: from, policy: policy, asOf: asOf.day, withValue: value, timings: &phases)
        } else {
            workspace = try await Workspace.load(database, policy: policy, asOf: asOf.day, withValue: value)
            phases.lap("load and analysis")
        }
        try write(workspace)
        if timings {
            phases.lap("output")
            Terminal.note(phases.summary)
        }
        ProcessExit.keep(workspace)
    }

    private func write(_ workspace: Workspace) throws {
        let a = workspace.analysis
        let rows = try selectedRows(a)
        switch format {
        case .json:
            print(AnalysisJSON.render(a, language: language.language, rows: rows), terminator: "")
        case .csv:
            // Streamed in blocks formatted on every core: a million rows never become one string.
            try AnalysisCSV.write(a, rows: rows, threads: Parallelism.threads) { bytes in
                try FileHandle.standardOutput.write(contentsOf: bytes)
            }
        case .table:
            Terminal.out(PortfolioSummary(analysis: a, language: language.language, listsDecisions: false).render())
            Terminal.out(table(a, rows: rows ?? ordered(a)))
            Terminal.note("Policy: \(workspace.policySource).")
        }
    }

    private func selectedRows(_ a: Analysis) throws -> [Int]? {
        guard let recommendation else { return nil }
        var wanted = Set<Recommendation>()
        for item in recommendation.split(separator: ",") {
            guard let r = Recommendation(rawValue: item.trimmingCharacters(in: .whitespaces)) else {
                throw Terminal.failure("Unknown proposal \(item); use \(Recommendation.spellings).", code: ExitCodes.badInput)
            }
            wanted.insert(r)
        }
        return ordered(a).filter { wanted.contains(a.verdicts[$0].recommendation) }
    }

    /// Most urgent proposals first; within one, the lowest contribution first.
    private func ordered(_ a: Analysis) -> [Int] {
        a.customers.indices.sorted {
            let x = a.verdicts[$0].recommendation, y = a.verdicts[$1].recommendation
            if x != y { return x > y }
            return a.customers[$0].contribution < a.customers[$1].contribution
        }
    }

    private func table(_ a: Analysis, rows: [Int]) -> String {
        let t = TextRenderer(language.language)
        let f = t.format
        let nl = language.language == .nl
        var table = TextTable(
            nl ? ["id", "klant", "omzet", "bijdrage", "dagen te laat", "achterstallig", "frictie", "kwadrant", "voorstel"]
               : ["id", "customer", "revenue", "contribution", "days late", "overdue", "friction", "quadrant", "proposal"],
            rightAligned: [2, 3, 4, 5, 6])
        for row in rows {
            let c = a.customers[row], v = a.verdicts[row]
            table.add([a.ledger.customers.ids[row], truncate(a.ledger.customers.names[row], 30), f.moneyWhole(c.revenue),
                       f.moneyWhole(c.contribution), f.days(c.avgDaysLate), f.moneyWhole(c.overdue),
                       f.number(v.friction.score, decimals: 0), t.label(v.quadrant), t.label(v.recommendation)])
        }
        return "\n" + table.render()
    }
}
