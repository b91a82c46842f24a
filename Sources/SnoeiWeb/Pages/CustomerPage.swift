import SnoeiCore

/// One customer: the proposal with its reasons and figures, every facet, the effect of an
/// exit, and the timeline.
struct CustomerPage {
    let snapshot: Snapshot
    let chrome: PageChrome
    let row: Int
    let fullTimeline: Bool
    var decision: DecisionPanel?
    /// Fix plan, boundaries and leave request, rendered as a fragment.
    var relationship = ""
    /// After logging an incident: what to do now.
    var incidentSuggestions: [String] = []
    var incidentWarning: String?
    /// The art. 15 overview, for roles that may export (nil: no link).
    var privacyHref: String?

    var title: String { snapshot.analysis.ledger.customers.names[row] }

    /// How many incidents and deviations the timeline shows (with their notes): every incident
    /// up to the analysis date, deviations within the timeline's window. The access log counts them.
    var timelineNotes: (incidents: Int, deviations: Int) {
        let a = snapshot.analysis, r = snapshot.records, id = a.ledger.customers.ids[row]
        let since = fullTimeline ? nil : a.asOf - 365
        func inWindow(_ d: Day) -> Bool { d <= a.asOf && d >= (since ?? d) }
        let incidents = r.incidents.lazy.filter { $0.customerId == id && $0.date <= a.asOf }.count
        let deviations = r.deviations.lazy.filter { $0.customerId == id && inWindow($0.date) }.count
        return (incidents, deviations)
    }

    func context() -> [String: Any] {
        let a = snapshot.analysis, c = a.ledger.customers
        let f = SnoeiCore.Formatter(chrome.language)
        let t = TextRenderer(chrome.language)
        let fig = a.customers[row], v = a.verdicts[row]
        let id = c.ids[row]
        let profile = CustomerProfile(analysis: a, row: row, records: snapshot.records, language: chrome.language,
                                      timelineSince: fullTimeline ? nil : a.asOf - 365)
        var meta = [String]()
        if let s = c.segments[row] { meta.append(s) }
        if let m = c.accountManagers[row] { meta.append(m) }
        if let tier = c.tiers[row] { meta.append(tier) }
        if let since = c.since[row] { meta.append(f.date(since)) }

        let reasons: [[String: Any]] = v.reasons.map { reason in
            ["code": reason.code.rawValue, "text": t.text(reason), "hasFigures": !reason.figures.isEmpty,
             "figures": reason.figures.map { ["name": figureLabel($0.name, chrome), "value": displayed($0.value, t)] }]
        }
        var cards: [[String: Any]] = [
            ["code": "revenue", "label": chrome.t("card_revenue"), "value": f.money(fig.revenue)],
            ["code": "contribution", "label": chrome.t("card_contribution"), "value": f.money(fig.contribution),
             "tone": fig.contribution.cents < 0 ? "bad" : ""],
            ["code": "friction", "label": chrome.t("card_friction"), "value": f.number(v.friction.score, decimals: 0)],
            ["code": "avg_days_late", "label": chrome.t("card_days_late"), "value": f.days(fig.avgDaysLate)],
            ["code": "overdue", "label": chrome.t("card_overdue"), "value": f.money(fig.overdue)],
            ["code": "revenue_share", "label": chrome.t("card_revenue_share"), "value": f.percent(fig.revenueShare)],
        ]
        if let value = a.value, value.model[row] == .contract, let clv = value.clv[row] {
            let contracts = value.contracts
            let note = contracts.committedUntil[row].map {
                WebText.text("card_contract_note", chrome.language, ["date": f.date($0), "weeks": String(a.policy.value.horizonWeeks)])
            } ?? chrome.t("card_contract_ended")
            cards += [
                ["code": "clv", "label": chrome.t("card_contract_value"), "value": f.money(clv), "note": note],
                ["code": "renewal_chance", "label": chrome.t("card_renewal_chance"),
                 "value": f.percent(contracts.renewalChance[row] ?? 0)],
            ]
        } else if let value = a.value, let clv = value.clv[row], let alive = value.probabilityAlive[row] {
            cards += [
                ["code": "clv", "label": chrome.t("card_clv"), "value": f.money(clv),
                 "note": WebText.text("card_clv_note", chrome.language, ["weeks": String(a.policy.value.horizonWeeks)])],
                ["code": "p_alive", "label": chrome.t("card_p_alive"), "value": f.percent(alive)],
            ]
        }
        // The first two sections (why, next steps) are shown in the verdict box above.
        let facets = profile.sections.dropFirst(2).filter { !$0.lines.isEmpty }
            .map { ["title": $0.title, "lines": $0.lines] as [String: Any] }

        let scenario = Scenario(dropping: [row], from: a)
        let risk = scenario.risks.first
        let whatIf: [[String: String]] = [
            ["label": chrome.t("whatif_revenue"), "value": f.money(scenario.revenueLost)],
            ["label": chrome.t("whatif_contribution"), "value": signed(scenario.contributionChange, f)],
            ["label": chrome.t("whatif_unused"), "value": signed(scenario.resultChangeIfHoursUnused, f)],
            ["label": chrome.t("whatif_hours"), "value": f.hours(scenario.hoursFreed)],
            ["label": chrome.t("whatif_overdue"), "value": f.money(scenario.overdueRemoved)],
        ]
        let timeline: [[String: String]] = profile.timeline.map { ["date": f.date($0.date), "kind": $0.kind, "text": $0.text] }
        let n = f.number(Double(timeline.count), decimals: 0)
        var ctx: [String: Any] = [
            "id": id, "name": c.names[row], "meta": meta.joined(separator: " · "),
            "code": v.recommendation.rawValue, "proposal": t.label(v.recommendation), "quadrant": t.label(v.quadrant),
            "verdictNote": chrome.t("verdict_note", ["date": f.date(a.asOf)]),
            "reasons": reasons, "hasActions": !v.actions.isEmpty, "actions": v.actions.map { t.label($0) },
            "cards": cards, "sections": facets, "whatIf": whatIf,
            "whatIfRisk": risk.map {
                chrome.t("whatif_risk", ["level": chrome.t("risk_" + $0.level.rawValue), "share": f.percent($0.revenueShare),
                                         "months": f.number($0.replacementMonths, decimals: 1)])
            } ?? "",
            "scenarioHref": link("/scenario", [("drop", id)]),
            "timeline": timeline,
            "timelineText": chrome.t(fullTimeline ? "timeline_all" : "timeline_recent", ["n": n]),
            "timelineToggle": chrome.t(fullTimeline ? "timeline_show_recent" : "timeline_show_all"),
            "timelineToggleHref": fullTimeline ? customerHref(id) : link(customerHref(id), [("timeline", "all")]),
            "incidentAction": customerHref(id) + "/incidents",
            "incidentKinds": IncidentKind.allCases.map { ["value": $0.rawValue, "label": t.term($0.rawValue)] },
            "severities": (1...5).map(String.init),
        ]
        if let decision { ctx["decision"] = decision.context() }
        ctx["relationship"] = relationship
        if let privacyHref { ctx["privacyHref"] = privacyHref }
        if !incidentSuggestions.isEmpty {
            var incident: [String: Any] = ["suggestions": incidentSuggestions]
            if let incidentWarning { incident["warning"] = incidentWarning }
            ctx["incident"] = incident
        }
        return ctx
    }

    private func displayed(_ value: FigureValue, _ t: TextRenderer) -> String {
        if case .text(let raw) = value { return t.term(raw) }
        return t.format.figure(value)
    }
}

func signed(_ m: Money, _ f: SnoeiCore.Formatter) -> String {
    m.cents > 0 ? "+" + f.money(m) : f.money(m)
}
