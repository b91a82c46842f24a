import ArgumentParser
import Foundation
import SnoeiCore
import SnoeiImport
import SnoeiStore


/// An exit through the front door: the prepared conversation, the checklist, the board.
struct ExitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "exit",
        abstract: "Prepare and follow an exit through the front door: conversation brief, checklist, board.",
        subcommands: [Brief.self, Export.self, Done.self, Board.self],
        defaultSubcommand: Board.self
    )

    struct Brief: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The brief for the conversation (a phone call or a visit, not an e-mail), from the facts.")

        @Argument(help: "Customer id.") var id: String
        @Option(help: "Refer to this partner (default: the best match from `snoei partner list`).") var partner: String?
        @Option(help: ArgumentHelp("Day of the conversation (default: today).", valueName: "YYYY-MM-DD")) var conversation: Day?
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var policy: PolicyOptions
        @OptionGroup var language: LanguageOptions
        @OptionGroup var asOf: AsOfOptions

        func run() async throws {
            let workspace = try await Workspace.load(database, policy: policy, asOf: asOf.day)
            let a = workspace.analysis
            let row = try workspace.rows(for: [id])[0]
            guard let customer = workspace.records.customers.first(where: { $0.customerId == id }) else {
                throw Terminal.failure("No customer with id \(id).", code: ExitCodes.notFound)
            }
            let day = conversation ?? asOf.day
            let (partners, decision) = try await Workspace.withExistingStore(database) { store in
                (try await store.partners(), try await store.openDecision(customerId: id))
            }
            let ranked = PartnerMatcher.rank(partners, for: row, in: a, records: workspace.records)
            let chosen: PartnerMatch?
            if let partner {
                guard let match = ranked.first(where: { $0.partner.partnerId == partner }) else {
                    throw Terminal.failure("No partner with id \(partner); see `snoei partner list`.", code: ExitCodes.notFound)
                }
                chosen = match
            } else {
                chosen = ranked.first { $0.score > 0 }
            }
            let dates = NoticeRules.firmExit(customer: customer, conversation: day, policy: a.policy)
            let brief = ExitBrief(analysis: a, row: row, records: workspace.records, partner: chosen, dates: dates,
                                  openBalance: a.customers[row].openTotal, language: language.language)
            Terminal.out(brief.text)
            for finding in WordingCheck.findings(in: brief.text, language: language.language) {
                Terminal.note("warning: the brief contains “\(finding.word)”, which reads as a judgement; rephrase it as a fact.")
            }
            if let decision, decision.state == .exit {
                try await Workspace.withExistingStore(database) { store in
                    var exit = try await store.exit(decisionId: decision.decisionId)
                        ?? ExitRecord(decisionId: decision.decisionId, customerId: id)
                    exit.partnerId = chosen?.partner.partnerId ?? exit.partnerId
                    exit.conversationDate = day
                    exit.endDate = dates.proposedEnd
                    if exit.done[.conversationPlanned] == nil { exit.done[.conversationPlanned] = asOf.day }
                    try await store.saveExit(exit)
                    try await CommandLineAccess.log(store, id, .change, detail: "snoei exit brief: conversation \(day.iso)")
                }
                Terminal.note("Saved on the exit board: conversation \(day.iso), end \(dates.proposedEnd.iso).")
            } else {
                Terminal.note("No exit decision is recorded for \(id); this brief is a draft. Record one with `snoei decide \(id) confirm|change --to let_go …`.")
            }
        }
    }

    struct Done: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Tick off a step of an exit: \(ExitStep.spellings).")
        @Argument(help: "Customer id.") var id: String
        @Argument(help: "The step that is done.") var step: ExitStep
        @Option(help: ArgumentHelp("When it was done (default: today).", valueName: "YYYY-MM-DD")) var date: Day?
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            try await Workspace.withExistingStore(database) { store in
                guard let decision = try await store.openDecision(customerId: id), decision.state == .exit else {
                    throw Terminal.failure("\(id) has no exit in progress.", code: ExitCodes.notFound)
                }
                var exit = try await store.exit(decisionId: decision.decisionId) ?? ExitRecord(decisionId: decision.decisionId, customerId: id)
                exit.done[step] = date ?? .today
                try await store.saveExit(exit)
                try await CommandLineAccess.log(store, id, .change, detail: "snoei exit done: \(step.rawValue)")
                let open = ExitStep.allCases.filter { exit.done[$0] == nil }
                Terminal.out("\(id): \(step.rawValue) done. " + (open.isEmpty
                    ? "Every step is done; close the decision with `snoei decide \(id) close --by NAME --reason …`."
                    : "Still open: " + open.map(\.rawValue).joined(separator: ", ") + "."))
            }
        }
    }

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the customer's own data (invoices, payments, hours, contacts) as a canonical CSV folder to hand over.",
            discussion: "Cost prices, self-caused flags, deviations, incidents and other assessments of the firm stay out.")
        @Argument(help: "Customer id.") var id: String
        @Argument(help: ArgumentHelp("Folder to write into (created if needed).", valueName: "folder")) var folder: String
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let records = try await Workspace.withExistingStore(database) { try await $0.load() }
            guard let handover = HandoverExport.records(for: id, in: records) else {
                throw Terminal.failure("No customer with id \(id).", code: ExitCodes.notFound)
            }
            do {
                try CanonicalLedgerWriter.write(handover, to: URL(fileURLWithPath: folder, isDirectory: true))
            } catch {
                throw Terminal.failure("Cannot write \(folder): \(error)", code: ExitCodes.failure)
            }
            try await Workspace.withExistingStore(database) { store in
                try await CommandLineAccess.log(store, id, .export, detail: "snoei exit export: hand-over to \(folder)")
            }
            Terminal.out("Wrote \(handover.rowCount) rows for \(id) to \(folder): \(handover.invoices.count) invoices, "
                + "\(handover.payments.count) payments, \(handover.timeEntries.count) time entries, \(handover.contacts.count) contacts.")
            Terminal.note("Once it is handed over: `snoei exit done \(id) data_export`.")
        }
    }

    struct Board: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Every exit with its checklist.")
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let exits = try await Workspace.withExistingStore(database) { try await $0.exits() }
            if exits.isEmpty { Terminal.out("No exits in progress."); return }
            var table = TextTable(["customer", "conversation", "end"] + ExitStep.allCases.map(\.rawValue))
            for e in exits {
                table.add([e.customerId, e.conversationDate?.iso ?? "", e.endDate?.iso ?? ""]
                          + ExitStep.allCases.map { e.done[$0] == nil ? "·" : "✓" })
            }
            Terminal.out(table.render())
        }
    }
}

/// The firm's partners: where a customer who fits elsewhere can be referred.
struct PartnerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "partner",
        abstract: "Keep the list of partner firms a customer can be referred to.",
        subcommands: [Add.self, List.self, Remove.self],
        defaultSubcommand: List.self
    )

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add or update a partner.")
        @Argument(help: "Partner id (short, your choice).") var id: String
        @Option(help: "Name of the firm.") var name: String
        @Option(help: "What they are good at (repeatable): a topic such as price or delivery, a segment, or a word.")
        var speciality: [String] = []
        @Option(help: "Who to contact there.") var contact: String?
        @Option(help: "A note.") var note: String?
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let partner = PartnerRecord(partnerId: id, name: name, specialities: speciality.map { $0.lowercased() },
                                        contact: contact, note: note)
            try await Workspace.withExistingStore(database) { try await $0.savePartner(partner) }
            Terminal.out("Saved partner \(id): \(name).")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the partners.")
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let partners = try await Workspace.withExistingStore(database) { try await $0.partners() }
            if partners.isEmpty { Terminal.out("No partners yet: `snoei partner add ID --name NAME --speciality …`."); return }
            var table = TextTable(["id", "name", "specialities", "contact"])
            for p in partners { table.add([p.partnerId, p.name, p.specialities.joined(separator: ", "), p.contact ?? ""]) }
            Terminal.out(table.render())
        }
    }

    struct Remove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Remove a partner.")
        @Argument(help: "Partner id.") var id: String
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let removed = try await Workspace.withExistingStore(database) { try await $0.removePartner(id: id) }
            guard removed else { throw Terminal.failure("There is no partner \(id).", code: ExitCodes.notFound) }
            Terminal.out("Removed partner \(id).")
        }
    }
}
