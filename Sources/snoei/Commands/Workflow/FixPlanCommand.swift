import ArgumentParser
import Foundation
import SnoeiCore
import SnoeiStore


/// "Do everything to make it a good relationship first": the plan, its review, its effect.
struct FixPlanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fixplan",
        abstract: "Set up, review and list fix plans (actions, owner, review date, outcome).",
        subcommands: [Set.self, Review.self, Due.self],
        defaultSubcommand: Due.self
    )

    struct Set: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "set", abstract: "Set the plan of a decision in state fix_plan.")
        @Argument(help: "Customer id.") var id: String
        @Option(help: "An action (repeatable): \(SuggestedAction.spellings).") var action: [SuggestedAction] = []
        @Option(help: "Who owns the plan.") var owner: String
        @Option(help: ArgumentHelp("When to review it.", valueName: "YYYY-MM-DD")) var review: Day
        @Option(help: ArgumentHelp("When it starts (default: today).", valueName: "YYYY-MM-DD")) var start: Day?
        @OptionGroup var database: DatabaseOptions

        func validate() throws {
            if action.isEmpty { throw ValidationError("Name at least one --action.") }
        }

        func run() async throws {
            let start = start ?? .today
            guard review > start else { throw Terminal.failure("The review date must come after the start.", code: ExitCodes.badInput) }
            try await Workspace.withExistingStore(database) { store in
                guard let decision = try await store.openDecision(customerId: id), decision.state == .fixPlan else {
                    throw Terminal.failure("\(id) has no decision in state fix_plan; record one with `snoei decide \(id) confirm|change --to fix …`.",
                                           code: ExitCodes.notFound)
                }
                let plan = FixPlanRecord(planId: decision.decisionId, decisionId: decision.decisionId, customerId: id,
                                         actions: action, owner: owner, start: start, review: review)
                try await store.saveFixPlan(plan)
                try await CommandLineAccess.log(store, id, .change, by: owner, detail: "snoei fixplan set")
            }
            Terminal.out("Fix plan for \(id): \(action.map(\.rawValue).joined(separator: ", ")); owner \(owner); review \(review.iso).")
        }
    }

    struct Review: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Record the outcome of a plan and show the figures before and after.")
        @Argument(help: "Customer id.") var id: String
        @Option(help: "worked, partly or failed.") var outcome: FixOutcome
        @Option(help: "A factual note.") var note: String?
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var policy: PolicyOptions
        @OptionGroup var asOf: AsOfOptions

        func run() async throws {
            let workspace = try await Workspace.load(database, policy: policy, asOf: asOf.day)
            let plan = try await Workspace.withExistingStore(database) { store -> FixPlanRecord in
                guard let decision = try await store.openDecision(customerId: id),
                      var plan = try await store.fixPlan(decisionId: decision.decisionId) else {
                    throw Terminal.failure("\(id) has no fix plan.", code: ExitCodes.notFound)
                }
                plan.outcome = outcome
                plan.note = note
                try await store.saveFixPlan(plan)
                try await CommandLineAccess.log(store, id, .change, detail: "snoei fixplan review: \(outcome.rawValue)")
                return plan
            }
            let effect = try FixPlanEffect(ledger: workspace.analysis.ledger, policy: workspace.analysis.policy, customerId: id,
                                       start: plan.start, review: min(asOf.day, max(plan.review, plan.start + 1)))
            Terminal.out("Outcome for \(id): \(outcome.rawValue).")
            var table = TextTable(["figure", "before", "after", "change"], rightAligned: [1, 2, 3])
            let f = SnoeiCore.Formatter(.en)
            for row in effect.rows {
                table.add([row.label(.en), f.figure(row.before), f.figure(row.after), f.figure(row.change)])
            }
            Terminal.out("Figures as of \(effect.start.iso) and \(effect.review.iso):")
            Terminal.out(table.render())
            let next = outcome == .failed ? "start_exit" : "resolve"
            Terminal.out("Next: `snoei decide \(id) \(next) --by NAME --reason …`.")
        }
    }

    struct Due: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Fix plans due for review.")
        @Option(help: ArgumentHelp("Due on or before (default: today).", valueName: "YYYY-MM-DD")) var date: Day?
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let day = date ?? .today
            let (due, all) = try await Workspace.withExistingStore(database) { store in
                (try await store.fixPlansDue(on: day), try await store.fixPlans())
            }
            let running = all.filter { $0.outcome == nil }
            Terminal.out("\(running.count) fix plan(s) running; \(due.count) due for review on or before \(day.iso).")
            guard !due.isEmpty else { return }
            var table = TextTable(["customer", "owner", "start", "review", "actions"])
            for p in due { table.add([p.customerId, p.owner, p.start.iso, p.review.iso, p.actions.map(\.rawValue).joined(separator: ", ")]) }
            Terminal.out(table.render())
        }
    }
}
