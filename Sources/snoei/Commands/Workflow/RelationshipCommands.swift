import ArgumentParser
import Foundation
import SnoeiCore
import SnoeiStore


/// A customer who wants to leave: record it and confirm the earliest fair end date.
struct LeaveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "leave",
        abstract: "Record that a customer asked to leave and print the confirmation with the earliest fair end date.",
        discussion: "A request by the channel the customer normally uses counts; no registered letter is needed."
    )
    @Argument(help: "Customer id.") var id: String
    @Option(help: "How the request came in: \(Channel.spellings).") var channel: Channel
    @Option(help: ArgumentHelp("When it came in (default: today).", valueName: "YYYY-MM-DD")) var date: Day?
    @Option(help: "A factual note.") var note: String?
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var policy: PolicyOptions
    @OptionGroup var language: LanguageOptions

    func run() async throws {
        let day = date ?? .today
        let workspace = try await Workspace.load(database, policy: policy, asOf: day)
        _ = try workspace.rows(for: [id])
        guard let customer = workspace.records.customers.first(where: { $0.customerId == id }) else { return }
        let request = LeaveRequest(customerId: id, date: day, channel: channel, note: note)
        try await Workspace.withExistingStore(database) { store in
            try await store.addLeaveRequest(request)
            try await CommandLineAccess.log(store, id, .change, detail: "snoei leave: leave request of \(day.iso)")
        }
        let dates = NoticeRules.customerLeave(customer: customer, request: request, policy: workspace.analysis.policy)
        Terminal.out(LeaveConfirmation(customer: customer, request: request, dates: dates, firmName: nil,
                                       language: language.language).text)
    }
}

/// Log an incident and get a de-escalating response; red lines go straight to a decision.
struct IncidentCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "incident",
        abstract: "Log an incident with a customer and show a de-escalating response."
    )
    @Argument(help: "Customer id.") var id: String
    @Option(help: "What happened: \(IncidentKind.spellings).") var kind: IncidentKind
    @Option(help: "1 (minor) to 5 (red line).") var severity: Int
    @Option(help: "Facts only: what was said or done, by whom, when.") var note: String?
    @Option(help: ArgumentHelp("When (default: today).", valueName: "YYYY-MM-DD")) var date: Day?
    @Option(help: "Who logs it.") var by: String
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var policy: PolicyOptions
    @OptionGroup var language: LanguageOptions

    func validate() throws {
        guard (1...5).contains(severity) else { throw ValidationError("--severity is 1 to 5.") }
    }

    func run() async throws {
        let day = date ?? .today
        let (resolved, _) = try policy.resolve()
        for finding in WordingCheck.findings(in: note ?? "", language: language.language) {
            Terminal.note("warning: the note contains “\(finding.word)”, which reads as a judgement; describe what happened instead.")
        }
        let known = try await Workspace.withExistingStore(database) { try await $0.customerIds() }
        guard known.contains(id) else { throw Terminal.failure("No customer with id \(id).", code: ExitCodes.notFound) }
        try await Workspace.withExistingStore(database) { store in
            try await store.appendIncident(IncidentRecord(customerId: id, date: day, kind: kind, severity: severity, note: note))
            try await CommandLineAccess.log(store, id, .change, by: by, detail: "snoei incident: \(kind.rawValue) of \(day.iso)")
        }
        Terminal.out("Logged: \(kind.rawValue), severity \(severity), \(day.iso).")
        Terminal.out("")
        for line in Deescalation.suggestion(for: kind, severity: severity, language: language.language) {
            Terminal.out("  • " + line)
        }
        if Deescalation.isRedLine(kind: kind, severity: severity, policy: resolved) {
            try await Workspace.withExistingStore(database) { store in
                _ = try await store.openDecision(customerId: id, proposed: .letGo, actor: by, at: Date().ISO8601Format())
            }
            Terminal.out("")
            Terminal.out("This crosses a red line of the policy: a decision about \(id) is now open (`snoei decisions`).")
        }
    }
}

/// Record that a boundary was told to a customer; later breaches are counted from then on.
struct BoundaryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "boundary",
        abstract: "Record that a boundary was told to a customer, or list notices and breaches."
    )
    @Argument(help: "Customer id.") var id: String
    @Option(help: "Which boundary: \(BoundaryKind.spellings). Leave out to list notices and breaches.") var kind: BoundaryKind?
    @Option(help: "How it was told: \(Channel.spellings).") var channel: Channel = .call
    @Option(help: "Who told it.") var by: String?
    @Option(help: ArgumentHelp("When (default: today).", valueName: "YYYY-MM-DD")) var date: Day?
    @Option(help: "A factual note.") var note: String?
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var policy: PolicyOptions
    @OptionGroup var language: LanguageOptions
    @OptionGroup var asOf: AsOfOptions

    func run() async throws {
        if let kind {
            guard let by else { throw Terminal.failure("--by is required when recording a boundary.", code: ExitCodes.badInput) }
            let notice = BoundaryNotice(customerId: id, kind: kind, date: date ?? .today, channel: channel, by: by, note: note)
            let known = try await Workspace.withExistingStore(database) { try await $0.customerIds() }
            guard known.contains(id) else { throw Terminal.failure("No customer with id \(id).", code: ExitCodes.notFound) }
            try await Workspace.withExistingStore(database) { store in
                try await store.addBoundaryNotice(notice)
                try await CommandLineAccess.log(store, id, .change, by: by, detail: "snoei boundary: \(kind.rawValue) told on \(notice.date.iso)")
            }
            Terminal.out("Recorded: \(kind.rawValue) told to \(id) by \(by) (\(channel.rawValue), \(notice.date.iso)).")
            return
        }
        let workspace = try await Workspace.load(database, policy: policy, asOf: asOf.day)
        let row = try workspace.rows(for: [id])[0]
        let notices = try await Workspace.withExistingStore(database) { try await $0.boundaryNotices(customerId: id) }
        if notices.isEmpty { Terminal.out("No boundaries recorded for \(id)."); return }
        for n in notices { Terminal.out("\(n.date.iso)  \(n.kind.rawValue) — told by \(n.by) (\(n.channel.rawValue))") }
        let breaches = BoundaryBreaches.find(notices: notices, row: row, analysis: workspace.analysis, records: workspace.records)
        Terminal.out(breaches.isEmpty ? "No breaches since." : "Breaches since:")
        for b in breaches { Terminal.out("  • " + b.text(language.language)) }
    }
}
