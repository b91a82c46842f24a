import ArgumentParser
import Foundation
import SnoeiCore
import SnoeiStore


/// A person decides: confirms, changes or rejects Snoei's proposal, and later moves the
/// decision on. Every step lands in the append-only audit trail with who, when and why.
struct DecideCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decide",
        abstract: "Record a person's decision about a customer (confirm, change or reject the proposal; later resolve, start_exit, close).",
        discussion: """
            Snoei never decides by itself. Steps: from proposed — confirm, change (with --to), reject; \
            from fix_plan — resolve (kept) or start_exit; from exit — close. --reason is required for \
            change, reject, start_exit and close. `snoei decisions --customer ID` shows the audit trail.
            """
    )

    @Argument(help: "Customer id.") var id: String
    @Argument(help: ArgumentHelp("What the person does: \(DecisionStep.spellings).", valueName: "step")) var step: DecisionStep
    @Option(help: ArgumentHelp("The outcome chosen instead of the proposal (with change): \(Recommendation.spellings).",
                               valueName: "recommendation"))
    var to: Recommendation?
    @Option(help: "Who decides (name or initials).") var by: String
    @Option(help: "Why: the facts or agreement behind the decision.") var reason = ""

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var policy: PolicyOptions
    @OptionGroup var asOf: AsOfOptions

    func run() async throws {
        let workspace = try await Workspace.load(database, policy: policy, asOf: asOf.day)
        let row = try workspace.rows(for: [id])[0]
        let proposal = workspace.analysis.verdicts[row].recommendation
        let now = Date().ISO8601Format()
        let decision = try await Workspace.withExistingStore(database) { store in
            let open = try await store.openDecision(customerId: id, proposed: proposal, actor: by, at: now)
            let event: DecisionEvent
            do {
                event = try DecisionMachine.event(decisionId: open.decisionId, customerId: id, at: now, actor: by, step: step,
                                                  from: open.state, proposed: open.proposed, chosen: to, reason: reason)
            } catch {
                throw Terminal.failure("\(error)", code: ExitCodes.badInput)
            }
            let recorded = try await store.record(event)
            try await CommandLineAccess.log(store, id, .change, by: by, detail: "snoei decide: \(step.rawValue)")
            return recorded
        }
        let name = workspace.analysis.ledger.customers.names[row]
        Terminal.out("\(name) (\(id)): \(decision.state.rawValue)" + (decision.chosen.map { " — \($0.rawValue)" } ?? ""))
        switch decision.state {
        case .fixPlan: Terminal.out("Next: `snoei fixplan set \(id) --action … --owner NAME --review YYYY-MM-DD`.")
        case .exit: Terminal.out("Next: `snoei exit brief \(id)` prepares the conversation (a call or a visit, not an e-mail).")
        case .proposed, .resolved, .closed: break
        }
        let next = DecisionMachine.steps(from: decision.state)
        if !next.isEmpty { Terminal.out("Possible next steps: " + next.map(\.rawValue).joined(separator: ", ") + ".") }
    }
}

/// The decisions and their audit trail.
struct DecisionsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decisions",
        abstract: "List the decisions people made, or one customer's audit trail."
    )

    @Option(help: "Only decisions in this state: \(DecisionState.spellings).") var state: DecisionState?
    @Option(help: "Show the audit trail of this customer.") var customer: String?
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        if let customer {
            let events = try await Workspace.withExistingStore(database) { try await $0.events(customerId: customer) }
            if events.isEmpty { Terminal.out("No decisions recorded for \(customer)."); return }
            var table = TextTable(["when", "who", "step", "from → to", "proposed", "chosen", "why"])
            for e in events {
                table.add([e.at, e.actor, e.step.rawValue, "\(e.from.rawValue) → \(e.to.rawValue)", e.proposed.rawValue,
                           e.chosen?.rawValue ?? "", truncate(e.reason, 60)])
            }
            Terminal.out(table.render())
            return
        }
        let all = try await Workspace.withExistingStore(database) { try await $0.decisions() }
        let shown = all.filter { state == nil || $0.state == state }
        if shown.isEmpty { Terminal.out("No decisions recorded" + (state.map { " in state \($0.rawValue)" } ?? "") + "."); return }
        var table = TextTable(["customer", "state", "proposed", "chosen", "opened", "updated"])
        for d in shown {
            table.add([d.customerId, d.state.rawValue, d.proposed.rawValue, d.chosen?.rawValue ?? "", d.openedAt, d.updatedAt])
        }
        Terminal.out(table.render())
    }
}

