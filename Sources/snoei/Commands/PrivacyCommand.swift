import ArgumentParser
import Foundation
import SnoeiCore
import SnoeiStore

/// Privacy (GDPR/AVG): the art. 15 export, retention and erasure (art. 17), and the access log.
struct PrivacyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "privacy",
        abstract: "Export everything held about a customer, list and erase customers past retention, show the access log.",
        discussion: """
            Retention comes from the policy's [privacy] table: retention_years after the relationship \
            ended (default 2) and tax_retention_years for invoices and payments (default 7). Every export \
            and erasure is written to the append-only access log.
            """,
        subcommands: [PrivacyExportCommand.self, PrivacyDueCommand.self, PrivacyEraseCommand.self, PrivacyLogCommand.self]
    )
}

enum PrivacyFormat: String, ExpressibleByArgument, CaseIterable {
    case json, text
}

/// What retention and erasure read: every ledger record and every workflow record.
private struct PrivacyData {
    var records: LedgerRecords
    var workflow: WorkflowRecordSet

    static func load(_ database: DatabaseOptions) async throws -> PrivacyData {
        try await Workspace.withExistingStore(database) { store in
            PrivacyData(records: try await store.load(), workflow: try await store.workflowRecords())
        }
    }
}

private func unknownCustomer(_ id: String) -> ExitCode {
    Terminal.failure("No customer with id \(id).", code: ExitCodes.notFound)
}

struct PrivacyExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Everything held about one customer (GDPR art. 15), as JSON or readable text; logged.",
        discussion: """
            Its records of every table with the firm's assessments and notes, the decisions with their audit \
            trail, fix plans, boundary notices, exits, leave requests, the access log and Snoei's analysis of it \
            (profiling). For the customer itself, not for another firm: `snoei exit export` is the hand-over.
            """
    )
    @Argument(help: "Customer id.") var id: String
    @Option(help: "json or text (default: json).") var format: PrivacyFormat = .json
    @Option(help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file")) var output: String?
    @Option(help: "Who makes the export (written to the access log).") var by: String
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var policy: PolicyOptions
    @OptionGroup var language: LanguageOptions
    @OptionGroup var asOf: AsOfOptions

    func run() async throws {
        let workspace = try await Workspace.load(database, policy: policy, asOf: asOf.day)
        guard workspace.analysis.row(of: id) != nil else { throw unknownCustomer(id) }
        let (workflow, log) = try await Workspace.withExistingStore(database) { store in
            (try await store.workflowRecords(customerId: id), try await store.accessLog(customerId: id))
        }
        let now = Date().ISO8601Format()
        guard let export = PrivacyExport(customerId: id, records: workspace.records, workflow: workflow, accessLog: log,
                                         analysis: workspace.analysis, generatedAt: now, language: language.language)
        else { throw unknownCustomer(id) }
        let text = format == .json ? export.json() : export.document().plainText
        var detail = "art. 15 export (\(format.rawValue))"
        if let output {
            do {
                try Data(text.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
            } catch {
                throw Terminal.failure("Cannot write \(output): \(error.localizedDescription)", code: ExitCodes.failure)
            }
            detail += " to \(output)"
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
        try await Workspace.withExistingStore(database) { store in
            try await store.logAccess(customerId: id, action: .export, actor: by, at: now, detail: detail)
        }
        if let output {
            Terminal.note("Wrote everything held about \(id) to \(output) (\(export.records.rowCount) ledger rows); the export is in the access log.")
        }
    }
}

struct PrivacyDueCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "due",
        abstract: "Customers past the retention period, with when the relationship ended and what an erasure does."
    )
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var policy: PolicyOptions
    @OptionGroup var language: LanguageOptions
    @OptionGroup var asOf: AsOfOptions

    func run() async throws {
        let (resolved, _) = try policy.resolve()
        let data = try await PrivacyData.load(database)
        let due = RetentionRules.due(records: data.records, workflow: data.workflow, policy: resolved.privacy, today: asOf.day)
        let years = resolved.privacy.retentionYears
        guard !due.isEmpty else {
            Terminal.out("No customer is due for erasure as of \(asOf.day.iso) (retention: \(years) year(s) after the relationship ended).")
            return
        }
        Terminal.out("\(due.count) customer(s) due for erasure as of \(asOf.day.iso) (retention: \(years) year(s) after the relationship ended):")
        for (status, plan) in due {
            Terminal.out("")
            Terminal.out("\(status.customerId)  \(plan.customerBefore.name)")
            Terminal.out("  " + status.text(language.language))
            for line in plan.summary(language.language) { Terminal.out("  • " + line) }
        }
        Terminal.out("")
        Terminal.out("`snoei privacy erase ID --by NAME --dry-run` shows one plan; without --dry-run it is carried out.")
    }
}

struct PrivacyEraseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "erase",
        abstract: "Erase or anonymise a customer past retention (GDPR art. 17); invoices stay for the tax period.",
        discussion: """
            Prints the plan, then carries it out in one transaction and writes it to the access log. A customer \
            not yet due (within the retention period, with an open decision or an open balance) is refused \
            unless --force-before-retention gives the reason, for instance the customer's own request.
            """
    )
    @Argument(help: "Customer id.") var id: String
    @Option(help: "Who erases (written to the access log).") var by: String
    @Flag(name: .customLong("dry-run"), help: "Show the plan and change nothing.") var dryRun = false
    @Option(name: .customLong("force-before-retention"),
            help: ArgumentHelp("Erase although the customer is not due, for this reason (e.g. the customer's request).",
                               valueName: "reason"))
    var forceReason: String?
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var policy: PolicyOptions
    @OptionGroup var language: LanguageOptions
    @OptionGroup var asOf: AsOfOptions

    func run() async throws {
        if let forceReason, forceReason.allSatisfy(\.isWhitespace) {
            throw Terminal.failure("--force-before-retention needs a reason.", code: ExitCodes.badInput)
        }
        let (resolved, _) = try policy.resolve()
        let data = try await PrivacyData.load(database)
        let today = asOf.day
        guard let status = RetentionRules.status(of: id, records: data.records, workflow: data.workflow,
                                                 policy: resolved.privacy, today: today),
              let plan = ErasurePlan(customerId: id, records: data.records, workflow: data.workflow,
                                     policy: resolved.privacy, today: today)
        else { throw unknownCustomer(id) }
        let lang = language.language
        Terminal.out("Erasure of \(id) as of \(today.iso)\(dryRun ? " (dry run)" : ""):")
        Terminal.out("  " + status.text(lang))
        for line in plan.summary(lang) { Terminal.out("  • " + line) }
        if !status.isDue {
            guard forceReason != nil else {
                throw Terminal.failure(
                    "\(id) is not due for erasure: \(status.text(.en)) Erasing it earlier needs "
                        + "--force-before-retention REASON (for instance the customer's own request, GDPR art. 17(1)).",
                    code: ExitCodes.badInput)
            }
            Terminal.note("warning: \(id) is not due for erasure; erasing it anyway because: \(forceReason ?? "").")
        }
        if dryRun {
            Terminal.out("Dry run: nothing was changed.")
            return
        }
        let outcome = try await Workspace.withExistingStore(database) { store in
            try await store.eraseCustomer(id: id, plan: plan, actor: by, at: Date().ISO8601Format(),
                                          reason: forceReason.map { "before retention: \($0)" })
        }
        Terminal.out(outcome.changesAnything
            ? "Erased: \(outcome.deletedRows) ledger rows deleted, \(outcome.updatedRows) anonymised or reduced to amounts, "
                + "\(outcome.workflowRows) workflow rows deleted or cleared. Logged in the access log (`snoei privacy log \(id)`)."
            : "Nothing left to erase; nothing was changed. Logged in the access log.")
    }
}

struct PrivacyLogCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "The access log of one customer: every view of its notes, change, export and erasure."
    )
    @Argument(help: "Customer id.") var id: String
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let (entries, known) = try await Workspace.withExistingStore(database) { store in
            (try await store.accessLog(customerId: id), try await store.customerIds().contains(id))
        }
        guard !entries.isEmpty else {
            if !known { throw unknownCustomer(id) }
            Terminal.out("Nothing logged for \(id).")
            return
        }
        var table = TextTable(["when", "who", "action", "detail"])
        for e in entries { table.add([e.at, e.actor, e.action.rawValue, e.detail ?? ""]) }
        Terminal.out(table.render())
    }
}
