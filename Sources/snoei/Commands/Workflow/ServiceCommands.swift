import ArgumentParser
import SnoeiCore

/// Service tiers by value: who is in the wrong tier, who lacks a fixed contact person, capacity.
struct TiersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tiers",
        abstract: "Service tiers by value: mismatches, top customers without a contact person, capacity per tier."
    )
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var policy: PolicyOptions
    @OptionGroup var asOf: AsOfOptions

    func run() async throws {
        let workspace = try await Workspace.load(database, policy: policy, asOf: asOf.day)
        let a = workspace.analysis, c = a.ledger.customers
        let f = SnoeiCore.Formatter(.en)
        var capacity = TextTable(["tier", "customers", "hours used", "capacity"], rightAligned: [1, 2, 3])
        for t in TierAssignment.capacity(a) {
            capacity.add([t.tier, "\(t.customers)", f.hours(t.hoursUsed), f.hours(t.capacityHours)])
        }
        Terminal.out(capacity.render())
        let fits = TierAssignment.assign(a)
        let mismatched = fits.filter { !$0.matches }
        Terminal.out("")
        Terminal.out("\(mismatched.count) customer(s) whose tier does not match their value:")
        var table = TextTable(["id", "customer", "tier now", "tier by value", "revenue"], rightAligned: [4])
        for fit in mismatched.prefix(30) {
            table.add([c.ids[fit.row], truncate(c.names[fit.row], 30), fit.currentTier ?? "—", fit.valueTier,
                       f.moneyWhole(a.customers[fit.row].revenue)])
        }
        Terminal.out(table.render())
        let noContact = fits.filter(\.needsContactPerson)
        Terminal.out("")
        Terminal.out("\(noContact.count) top-tier customer(s) without a fixed contact person"
                     + (noContact.isEmpty ? "." : ": " + noContact.map { c.ids[$0.row] }.joined(separator: ", ")))
    }
}

/// Critical but valuable customers for a feedback meeting, and the ambassadors.
struct PanelCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "panel",
        abstract: "Propose critical but valuable customers for a customer panel, with an invitation; list ambassadors."
    )
    @Option(help: "How many to propose.") var limit = 10
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var policy: PolicyOptions
    @OptionGroup var language: LanguageOptions
    @OptionGroup var asOf: AsOfOptions

    func run() async throws {
        let workspace = try await Workspace.load(database, policy: policy, asOf: asOf.day)
        let a = workspace.analysis, c = a.ledger.customers
        let f = SnoeiCore.Formatter(language.language)
        let candidates = CustomerPanel.candidates(a, limit: limit)
        var table = TextTable(["id", "customer", "complaints", "change requests", "contribution"], rightAligned: [2, 3, 4])
        for p in candidates {
            table.add([c.ids[p.row], truncate(c.names[p.row], 30), "\(p.complaints)", "\(p.changeRequests)", f.moneyWhole(p.contribution)])
        }
        Terminal.out("Proposed for the customer panel:")
        Terminal.out(table.render())
        if let first = candidates.first {
            Terminal.out("")
            Terminal.out(CustomerPanel.invitation(name: c.names[first.row], language: language.language))
        }
        let ambassadors = Ambassadors.list(a)
        Terminal.out("")
        Terminal.out("Ambassadors (customers who refer new customers): "
                     + (ambassadors.isEmpty ? "none" : ambassadors.map { "\(c.names[$0]) (\(c.ids[$0]))" }.joined(separator: ", ")))
    }
}
