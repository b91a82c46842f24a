import SnoeiCore

/// Several customers at once: the combined effect of letting them go (the CLI's simulate).
struct ScenarioPage {
    let snapshot: Snapshot
    let chrome: PageChrome
    let ids: [String]

    var title: String { chrome.t("scenario_title") }

    /// Ids from `drop=` (repeatable) and the free-text `ids=` field, in order, without repeats.
    static func ids(drop: [String], text: String?) -> [String] {
        var seen = Set<String>()
        let all = drop + (text ?? "").split(whereSeparator: { $0 == "," || $0 == " " || $0 == "\n" }).map(String.init)
        return all.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && seen.insert($0).inserted }
    }

    func context() -> [String: Any] {
        let a = snapshot.analysis, c = a.ledger.customers
        let f = SnoeiCore.Formatter(chrome.language)
        let t = TextRenderer(chrome.language)
        let rows = ids.compactMap { a.row(of: $0) }
        let unknown = ids.filter { a.row(of: $0) == nil }
        let chosen = Set(rows)
        let candidates: [[String: Any]] = (rows + a.needingDecision.prefix(40).filter { !chosen.contains($0) }).map { r in
            ["id": c.ids[r], "name": c.names[r], "proposal": t.label(a.verdicts[r].recommendation), "checked": chosen.contains(r)]
        }
        var ctx: [String: Any] = ["candidates": candidates, "idsValue": ""]
        if !unknown.isEmpty { ctx["unknown"] = chrome.t("scenario_unknown", ["ids": unknown.joined(separator: ", ")]) }
        guard !rows.isEmpty else { return ctx }
        let s = Scenario(dropping: rows, from: a)
        let names = rows.map { c.names[$0] }.joined(separator: ", ")
        let effects: [[String: String]] = [
            ["code": "revenue_lost", "label": chrome.t("whatif_revenue"), "value": f.money(s.revenueLost)],
            ["code": "contribution_change", "label": chrome.t("whatif_contribution"), "value": signed(s.contributionChange, f)],
            ["code": "result_change_if_hours_unused", "label": chrome.t("whatif_unused"), "value": signed(s.resultChangeIfHoursUnused, f)],
            ["code": "hours_freed", "label": chrome.t("whatif_hours"), "value": f.hours(s.hoursFreed)],
            ["code": "overdue_removed", "label": chrome.t("whatif_overdue"), "value": f.money(s.overdueRemoved)],
            ["code": "contribution_after", "label": chrome.t("scenario_contribution_after"), "value": f.money(s.after.contribution)],
            ["code": "pareto_top20", "label": chrome.t("scenario_pareto"),
             "value": "\(f.percent(s.before.paretoTop20)) → \(f.percent(s.after.paretoTop20))"],
            ["code": "hhi", "label": chrome.t("scenario_hhi"),
             "value": "\(f.number(s.before.hhi, decimals: 0)) → \(f.number(s.after.hhi, decimals: 0))"],
        ]
        let risks: [[String: String]] = s.risks.map { risk in
            ["level": risk.level.rawValue, "levelLabel": chrome.t("risk_" + risk.level.rawValue),
             "text": chrome.t("scenario_risk_text", ["name": c.names[risk.row], "share": f.percent(risk.revenueShare),
                                                     "revenue": f.money(risk.revenue),
                                                     "months": f.number(risk.replacementMonths, decimals: 1)])]
        }
        ctx["result"] = ["heading": chrome.t("scenario_heading", ["names": names]), "effects": effects, "risks": risks]
        return ctx
    }
}

import Foundation
