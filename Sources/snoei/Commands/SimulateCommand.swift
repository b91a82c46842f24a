import ArgumentParser
import Foundation
import SnoeiCore

struct SimulateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "What letting customers go would do: revenue, contribution, hours, exposure, concentration, risk."
    )

    @Option(help: ArgumentHelp("Customer ids to drop, comma-separated (repeatable).", valueName: "ID[,ID…]"))
    var drop: [String] = []

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var policy: PolicyOptions
    @OptionGroup var language: LanguageOptions
    @OptionGroup var asOf: AsOfOptions

    @Option(help: "Output format: table or json.")
    var format: OutputFormat = .table

    func validate() throws {
        if ids.isEmpty { throw ValidationError("Name at least one customer: --drop ID[,ID…]") }
    }

    private var ids: [String] {
        drop.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    func run() async throws {
        let workspace = try await Workspace.load(database, policy: policy, asOf: asOf.day, withValue: true)
        let a = workspace.analysis
        let scenario = Scenario(dropping: try workspace.rows(for: ids), from: a)
        switch format {
        case .json: print(json(scenario, a), terminator: "")
        case .table, .csv: Terminal.out(text(scenario, a))
        }
    }

    private func json(_ s: Scenario, _ a: Analysis) -> String {
        var w = JSONWriter()
        w.beginObject()
        w.string("as_of", a.asOf.iso)
        w.beginArray("dropped")
        for r in s.dropped { w.string(nil, a.ledger.customers.ids[r]) }
        w.endArray()
        w.money("revenue_lost", s.revenueLost)
        w.money("contribution_change", s.contributionChange)
        w.number("hours_freed", Double(s.hoursFreed) / 1000, decimals: 3)
        w.money("staff_cost_freed", s.staffCostFreed)
        w.money("result_change_if_hours_unused", s.resultChangeIfHoursUnused)
        w.money("overdue_removed", s.overdueRemoved)
        // Expected lifetime value given up (null when the purchase models could not be fitted).
        if let lost = valueLost(s, a) { w.money("value_lost", lost) } else { w.null("value_lost") }
        for (key, p) in [("before", s.before), ("after", s.after)] {
            w.beginObject(key)
            w.int("customers", p.customers)
            w.money("revenue", p.revenue)
            w.money("contribution", p.contribution)
            w.number("pareto_top20", p.paretoTop20, decimals: 4)
            w.number("whale_peak", p.whalePeak, decimals: 4)
            w.number("hhi", p.hhi, decimals: 1)
            w.endObject()
        }
        w.beginArray("risks")
        for risk in s.risks {
            w.beginObject()
            w.string("customer_id", a.ledger.customers.ids[risk.row])
            w.string("name", a.ledger.customers.names[risk.row])
            w.money("revenue", risk.revenue)
            w.money("contribution", risk.contribution)
            w.number("revenue_share", risk.revenueShare, decimals: 4)
            w.number("replacement_months", risk.replacementMonths, decimals: 1)
            w.string("risk", risk.level.rawValue)
            w.endObject()
        }
        w.endArray()
        w.endObject()
        return w.output + "\n"
    }

    private func text(_ s: Scenario, _ a: Analysis) -> String {
        let lang = language.language
        let f = SnoeiCore.Formatter(lang)
        func L(_ en: String, _ nl: String) -> String { lang == .nl ? nl : en }
        let names = s.dropped.map { "\(a.ledger.customers.names[$0]) (\(a.ledger.customers.ids[$0]))" }
        var out = [L("If the firm lets go of: ", "Als het bedrijf afscheid neemt van: ") + names.joined(separator: ", "),
                   L("(as of \(f.date(a.asOf)), last 12 months)", "(per \(f.date(a.asOf)), afgelopen 12 maanden)"), ""]
        var effect = TextTable([L("effect", "effect"), L("value", "waarde")], rightAligned: [1])
        effect.add([L("Revenue lost", "Omzet die wegvalt"), f.money(s.revenueLost)])
        effect.add([L("Change in contribution (freed hours used for other work)", "Verandering in bijdrage (vrije uren elders ingezet)"),
                    signed(s.contributionChange, f)])
        effect.add([L("Hours freed per year", "Uren per jaar vrij"), f.hours(s.hoursFreed)])
        effect.add([L("Change in result while those hours stay unused", "Verandering in resultaat zolang die uren leeg blijven"),
                    signed(s.resultChangeIfHoursUnused, f)])
        effect.add([L("Overdue to collect before they go", "Te innen achterstand vóór vertrek"), f.money(s.overdueRemoved)])
        effect.add([L("Contribution after", "Bijdrage daarna"), f.money(s.after.contribution)])
        if let lost = valueLost(s, a) {
            effect.add([L("Expected lifetime value given up (next \(a.policy.value.horizonWeeks) weeks, discounted)",
                          "Verwachte klantwaarde die wegvalt (komende \(a.policy.value.horizonWeeks) weken, verdisconteerd)"),
                        f.money(lost)])
        }
        effect.add([L("Top-20% revenue share before → after", "Omzetaandeel top 20% voor → na"),
                    "\(f.percent(s.before.paretoTop20)) → \(f.percent(s.after.paretoTop20))"])
        effect.add([L("Concentration (HHI) before → after", "Concentratie (HHI) voor → na"),
                    "\(f.number(s.before.hhi, decimals: 0)) → \(f.number(s.after.hhi, decimals: 0))"])
        out.append(effect.render())
        out.append("")
        out.append(L("Dependency risk", "Afhankelijkheidsrisico"))
        for risk in s.risks {
            let name = a.ledger.customers.names[risk.row]
            let level = L(["low": "low", "medium": "medium", "high": "high"][risk.level.rawValue]!,
                          ["low": "laag", "medium": "gemiddeld", "high": "hoog"][risk.level.rawValue]!)
            out.append("  • " + L(
                "\(name): \(level) — \(f.percent(risk.revenueShare)) of revenue (\(f.money(risk.revenue))); replacing it takes about \(f.number(risk.replacementMonths, decimals: 1)) months of new-customer revenue.",
                "\(name): \(level) — \(f.percent(risk.revenueShare)) van de omzet (\(f.money(risk.revenue))); vervangen kost ongeveer \(f.number(risk.replacementMonths, decimals: 1)) maanden omzet uit nieuwe klanten."))
            if risk.level == .high {
                let c = a.customers[risk.row]
                out.append("    " + L("Its gross margin of \(f.money(c.grossMargin)) pays for \(f.hours(c.hours)) hours of staff time; those salaries stay until the hours are filled with other paying work.",
                                      "De brutomarge van \(f.money(c.grossMargin)) betaalt \(f.hours(c.hours)) uur personeelstijd; die salarissen blijven tot de uren met ander betaald werk gevuld zijn."))
            }
        }
        return out.joined(separator: "\n")
    }

    /// The dropped customers' lifetime value (`snoei value`), when the models were fitted.
    private func valueLost(_ s: Scenario, _ a: Analysis) -> Money? {
        guard let value = a.value else { return nil }
        return Money(cents: s.dropped.reduce(0) { $0 + (value.clv[$1]?.cents ?? 0) })
    }

    private func signed(_ m: Money, _ f: SnoeiCore.Formatter) -> String {
        m.cents > 0 ? "+" + f.money(m) : f.money(m)
    }
}
