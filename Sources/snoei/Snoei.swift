import ArgumentParser

@main
struct Snoei: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snoei",
        abstract: "Which customers cost more than they bring — and what to do about it.",
        discussion: """
            Snoei imports a firm's ledger, analyses every customer (profitability, payment \
            behaviour, friction) and proposes nurture, keep, fix or let go, with the facts \
            behind each proposal. A person decides.

            Start with `snoei demo` to see it work on a built-in demo firm.
            Every command takes --database PATH or a postgres:// URL (or SNOEI_DATABASE); the default is snoei.sqlite.
            """,
        subcommands: [
            DemoCommand.self, GenerateCommand.self, ImportCommand.self, AnalyzeCommand.self, CustomerCommand.self,
            SimulateCommand.self, PolicyCommand.self, ExportCommand.self, ServeCommand.self, ReportCommand.self,
            DecideCommand.self, DecisionsCommand.self, FixPlanCommand.self, ExitCommand.self, PartnerCommand.self,
            LeaveCommand.self, IncidentCommand.self, BoundaryCommand.self, TiersCommand.self, PanelCommand.self,
            PrivacyCommand.self, PaymentsCommand.self,
            UserCommand.self, MigrateCommand.self, ValueCommand.self,
        ]
    )
}
