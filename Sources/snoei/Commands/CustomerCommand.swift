import ArgumentParser
import SnoeiCore

struct CustomerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "customer",
        abstract: "One customer's whole profile: figures, timeline and the proposal with its reasons."
    )

    @Argument(help: "Customer id, as in customers.csv.")
    var id: String

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var policy: PolicyOptions
    @OptionGroup var language: LanguageOptions
    @OptionGroup var asOf: AsOfOptions

    @Option(help: "Output format: table (readable text) or json.")
    var format: OutputFormat = .table

    @Flag(help: "Show the whole history in the timeline, not only the last 12 months.")
    var fullTimeline = false

    func run() async throws {
        let workspace = try await Workspace.load(database, policy: policy, asOf: asOf.day, withValue: true)
        let a = workspace.analysis
        let row = try workspace.rows(for: [id])[0]
        let lang = language.language
        switch format {
        case .json:
            print(AnalysisJSON.render(a, language: lang, rows: [row]), terminator: "")
        case .csv:
            print(AnalysisCSV.render(a, rows: [row]), terminator: "")
        case .table:
            let profile = CustomerProfile(analysis: a, row: row, records: workspace.records, language: lang,
                                          timelineSince: fullTimeline ? nil : a.asOf - 365)
            Terminal.out(render(profile, lang))
            // The profile's timeline quotes incident and deviation notes: reading them is logged.
            if workspace.records.incidents.contains(where: { $0.customerId == id && $0.note != nil })
                || workspace.records.deviations.contains(where: { $0.customerId == id && $0.note != nil }) {
                try await Workspace.withExistingStore(database) { store in
                    try await CommandLineAccess.log(store, id, .viewNotes, detail: "snoei customer")
                }
            }
        }
    }

    private func render(_ p: CustomerProfile, _ lang: Language) -> String {
        let f = SnoeiCore.Formatter(lang)
        var out = [p.heading, p.verdictLine]
        for section in p.sections where !section.lines.isEmpty {
            out.append("")
            out.append(section.title)
            out += section.lines.map { "  • " + $0 }
        }
        out.append("")
        let title = lang == .nl ? "Tijdlijn" : "Timeline"
        let span = fullTimeline ? (lang == .nl ? "alles" : "everything")
                                : (lang == .nl ? "afgelopen 12 maanden" : "last 12 months")
        out.append("\(title) (\(span), \(p.timeline.count))")
        if p.timeline.isEmpty { out.append(lang == .nl ? "  (niets)" : "  (nothing)") }
        let kindWidth = p.timeline.map(\.kind.count).max() ?? 0
        for e in p.timeline {
            out.append("  \(f.date(e.date))  \(e.kind.padding(toLength: kindWidth, withPad: " ", startingAt: 0))  \(e.text)")
        }
        return out.joined(separator: "\n")
    }
}
