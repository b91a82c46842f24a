import SnoeiCore

/// The portfolio at a glance and the customers who need a decision, as terminal text.
struct PortfolioSummary {
    let analysis: Analysis
    let language: Language
    var decisionLimit = 20
    var listsDecisions = true

    func render() -> String {
        let a = analysis, p = a.portfolio
        let t = TextRenderer(language)
        let f = t.format
        func L(_ en: String, _ nl: String) -> String { language == .nl ? nl : en }
        var out = [String]()
        out.append(L("Portfolio as of ", "Portefeuille per ") + f.date(a.asOf) + L(" (last 12 months)", " (afgelopen 12 maanden)"))
        var figures = TextTable([L("figure", "kengetal"), L("value", "waarde")], rightAligned: [1])
        figures.add([L("Customers", "Klanten"), "\(p.customers)"])
        figures.add([L("Revenue", "Omzet"), f.money(p.revenue)])
        figures.add([L("Gross margin", "Brutomarge"), f.money(p.grossMargin)])
        figures.add([L("Cost to serve", "Kosten van bediening"), f.money(p.costToServe)])
        figures.add([L("Contribution", "Bijdrage"), f.money(p.contribution)])
        figures.add([L("Overdue", "Achterstallig"), f.money(p.overdue)])
        figures.add([L("Revenue from the top 20% of customers", "Omzet van de beste 20% klanten"), f.percent(p.paretoTop20)])
        figures.add([L("Whale curve peak", "Top van de walviscurve"), f.percent(p.whalePeak)])
        figures.add([L("Customers with negative contribution", "Klanten met negatieve bijdrage"),
                     "\(p.unprofitableCount) (\(f.percent(p.unprofitableShare)))"])
        figures.add([L("Concentration (HHI, 0–10,000)", "Concentratie (HHI, 0–10.000)"), f.number(p.hhi, decimals: 0)])
        out.append(figures.render())
        out.append("")
        let counts = Recommendation.allCases.map { "\(t.label($0)) \(a.count($0))" }.joined(separator: " · ")
        out.append(L("Proposals: ", "Voorstellen: ") + counts)
        if p.whalePeak > 1 {
            out.append(L("The most profitable \(p.whalePeakRank) customers earn \(f.percent(p.whalePeak)) of the total contribution; the rest give part of it back.",
                         "De \(p.whalePeakRank) meest winstgevende klanten verdienen \(f.percent(p.whalePeak)) van de totale bijdrage; de rest geeft een deel terug."))
        }
        guard listsDecisions else { return out.joined(separator: "\n") }
        out.append("")
        let decisions = a.needingDecision
        out.append(L("Customers who need a decision (\(decisions.count))", "Klanten die om een besluit vragen (\(decisions.count))"))
        if decisions.isEmpty {
            out.append(L("None: every customer is proposed as nurture or keep.", "Geen: elke klant staat op koesteren of houden."))
            return out.joined(separator: "\n")
        }
        var table = TextTable([L("id", "id"), L("customer", "klant"), L("proposal", "voorstel"),
                               L("contribution", "bijdrage"), L("main reason", "belangrijkste reden")], rightAligned: [3])
        for row in decisions.prefix(decisionLimit) {
            let v = a.verdicts[row]
            table.add([a.ledger.customers.ids[row], truncate(a.ledger.customers.names[row], 28), t.label(v.recommendation),
                       f.money(a.customers[row].contribution), v.reasons.first.map { truncate(t.text($0), 70) } ?? ""])
        }
        out.append(table.render())
        if decisions.count > decisionLimit {
            out.append(L("… and \(decisions.count - decisionLimit) more: `snoei analyze` lists them all.",
                         "… en nog \(decisions.count - decisionLimit): `snoei analyze` toont ze allemaal."))
        }
        out.append(L("A proposal is not a decision: `snoei customer ID` shows the facts behind it.",
                     "Een voorstel is geen besluit: `snoei customer ID` toont de feiten erachter."))
        return out.joined(separator: "\n")
    }
}

func truncate(_ s: String, _ n: Int) -> String {
    s.count <= n ? s : String(s.prefix(n - 1)) + "…"
}
