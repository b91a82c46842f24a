import SnoeiCharts
import SnoeiCore

/// The owner's Monday-morning page: key figures, the four charts and the proposed decisions.
struct DashboardPage {
    let snapshot: Snapshot
    let chrome: PageChrome
    let policyError: String?
    /// What the matrix plots against friction: today's contribution, or the lifetime value
    /// ahead (`?matrix=value`, when the purchase and contract models were fitted).
    var matrixAxis: MatrixAxis = .contribution

    enum MatrixAxis: String { case contribution, value }
    /// More dots than this make the matrix unreadable and the page heavy.
    static let matrixLimit = 1_500

    var title: String { chrome.t("dashboard_title") }

    func context() -> [String: Any] {
        let a = snapshot.analysis, p = a.portfolio
        let f = SnoeiCore.Formatter(chrome.language)
        let decisions = a.needingDecision
        var c: [String: Any] = [
            "subtitle": chrome.t("dashboard_subtitle", ["customers": f.number(Double(p.customers), decimals: 0),
                                                        "date": f.date(a.asOf)]),
            "cards": cards(decisions),
        ]
        if let policyError { c["policyError"] = policyError }
        c.merge(whale(), uniquingKeysWith: { $1 })
        c.merge(pareto(), uniquingKeysWith: { $1 })
        c.merge(matrix(decisions), uniquingKeysWith: { $1 })
        c.merge(aging(), uniquingKeysWith: { $1 })
        c.merge(decisionList(decisions), uniquingKeysWith: { $1 })
        return c
    }

    private func cards(_ decisions: [Int]) -> [[String: Any]] {
        let a = snapshot.analysis, p = a.portfolio
        let f = SnoeiCore.Formatter(chrome.language)
        let fix = a.count(.fix), letGo = a.count(.letGo)
        return [
            ["code": "revenue", "label": chrome.t("card_revenue"), "value": f.moneyWhole(p.revenue),
             "note": chrome.t("card_revenue_note", ["n": f.number(Double(p.customersWithRevenue), decimals: 0)])],
            ["code": "contribution", "label": chrome.t("card_contribution"), "value": f.moneyWhole(p.contribution),
             "note": chrome.t("card_contribution_note"), "tone": p.contribution.cents < 0 ? "bad" : ""],
            ["code": "overdue", "label": chrome.t("card_overdue"), "value": f.moneyWhole(p.overdue),
             "note": chrome.t("card_overdue_note", ["amount": f.moneyWhole(p.aging.d90Plus)])],
            ["code": "decisions", "label": chrome.t("card_decisions"), "value": f.number(Double(decisions.count), decimals: 0),
             "note": chrome.t("card_decisions_note", ["fix": "\(fix)", "let_go": "\(letGo)"]),
             "tone": decisions.isEmpty ? "" : "attention"],
            ["code": "pareto_top20", "label": chrome.t("card_pareto"), "value": f.percent(p.paretoTop20),
             "note": chrome.t("card_pareto_note", ["n": f.number(Double(p.paretoTopCount), decimals: 0)])],
            ["code": "unprofitable", "label": chrome.t("card_unprofitable"),
             "value": f.number(Double(p.unprofitableCount), decimals: 0),
             "note": chrome.t("card_unprofitable_note", ["share": f.percent(p.unprofitableShare)])],
        ]
    }

    private func whale() -> [String: Any] {
        let p = snapshot.analysis.portfolio
        let f = SnoeiCore.Formatter(chrome.language)
        let n = Double(max(1, p.whaleCurve.count))
        let points = [ChartPoint(x: 0, y: 0)] + p.whaleCurve.enumerated().map { ChartPoint(x: Double($0 + 1) / n, y: $1) }
        let text = p.whalePeak > 1
            ? chrome.t("whale_text", ["n": f.number(Double(p.whalePeakRank), decimals: 0), "peak": f.percent(p.whalePeak),
                                      "giveback": f.percent(p.whalePeak - 1)])
            : chrome.t("whale_text_flat")
        var annotations = [Annotation]()
        if p.whalePeakRank > 0 {
            annotations.append(Annotation(point: ChartPoint(x: Double(p.whalePeakRank) / n, y: p.whalePeak),
                                          label: chrome.t("whale_peak", ["peak": f.percent(p.whalePeak)])))
        }
        let chart = LineChart(
            id: "whale-chart", title: chrome.t("whale_title"), description: text,
            x: Axis(label: chrome.t("whale_x"), format: .percent(chrome.language), min: 0, max: 1),
            y: Axis(label: chrome.t("whale_y"), format: .percent(chrome.language)),
            series: [Series(name: chrome.t("whale_series"), points: points)],
            references: [ReferenceLine(orientation: .horizontal, value: 1, label: f.percent(1, decimals: 0))],
            annotations: annotations)
        let rows = sampleRows(p.whaleCurve).map { k in
            ["\(k + 1) (\(f.percent(Double(k + 1) / n)))", f.percent(p.whaleCurve[k])]
        }
        return ["whaleText": text, "whaleSVG": chart.svg(),
                "whaleTable": DataTable(caption: chrome.t("whale_title"), headers: [chrome.t("col_rank"), chrome.t("col_share")],
                                        rows: rows).html()]
    }

    private func pareto() -> [String: Any] {
        let p = snapshot.analysis.portfolio
        let f = SnoeiCore.Formatter(chrome.language)
        let curve = snapshot.paretoCurve
        let n = Double(max(1, curve.count))
        let points = [ChartPoint(x: 0, y: 0)] + curve.enumerated().map { ChartPoint(x: Double($0 + 1) / n, y: $1) }
        let text = chrome.t("pareto_text", ["n": f.number(Double(p.paretoTopCount), decimals: 0), "share": f.percent(p.paretoTop20)])
        let chart = LineChart(
            id: "pareto-chart", title: chrome.t("pareto_title"), description: text,
            x: Axis(label: chrome.t("pareto_x"), format: .percent(chrome.language), min: 0, max: 1),
            y: Axis(label: chrome.t("pareto_y"), format: .percent(chrome.language), min: 0, max: 1),
            series: [Series(name: chrome.t("pareto_series"), points: points)],
            references: [ReferenceLine(orientation: .vertical, value: 0.2, label: "20%")],
            annotations: [Annotation(point: ChartPoint(x: Double(p.paretoTopCount) / n, y: p.paretoTop20),
                                     label: chrome.t("pareto_marker", ["share": f.percent(p.paretoTop20)]))])
        let rows = sampleRows(curve).map { k in ["\(k + 1) (\(f.percent(Double(k + 1) / n)))", f.percent(curve[k])] }
        return ["paretoText": text, "paretoSVG": chart.svg(),
                "paretoTable": DataTable(caption: chrome.t("pareto_title"), headers: [chrome.t("col_rank"), chrome.t("col_share")],
                                         rows: rows).html()]
    }

    private func matrix(_ decisions: [Int]) -> [String: Any] {
        let a = snapshot.analysis
        let f = SnoeiCore.Formatter(chrome.language)
        let t = TextRenderer(chrome.language)
        let c = a.ledger.customers
        var rows = Array(a.customers.indices)
        var note: String?
        if rows.count > Self.matrixLimit {
            var chosen = Set(decisions.prefix(Self.matrixLimit))
            for r in snapshot.order(.revenue).reversed() where chosen.count < Self.matrixLimit { chosen.insert(Int(r)) }
            rows = chosen.sorted()
            note = chrome.t("matrix_sampled", ["shown": f.number(Double(rows.count), decimals: 0),
                                               "total": f.number(Double(a.customers.count), decimals: 0)])
        }
        let policy = snapshot.policy
        // Lifetime value on the vertical axis only when it was computed for this snapshot.
        let value = matrixAxis == .value ? a.value : nil
        let byValue = value != nil
        let dots = rows.map { r in
            let v = a.verdicts[r]
            let y = value.map { $0.clv[r] ?? .zero } ?? a.customers[r].contribution
            let yLabel = byValue ? chrome.t("col_clv") : chrome.t("col_contribution")
            return ScatterChart.Dot(
                x: v.friction.score, y: y.euros,
                label: "\(c.names[r]) (\(c.ids[r])): \(t.label(v.recommendation)) · \(yLabel) \(f.moneyWhole(y)) · \(chrome.t("col_friction")) \(f.number(v.friction.score, decimals: 0))",
                href: customerHref(c.ids[r]),
                group: v.recommendation.group)
        }
        let text = byValue
            ? chrome.t("matrix_text_value", ["friction": f.number(policy.quadrant.highFriction, decimals: 0),
                                             "boundary": f.moneyWhole(policy.value.highCLV),
                                             "weeks": String(policy.value.horizonWeeks)])
            : chrome.t("matrix_text", ["friction": f.number(policy.quadrant.highFriction, decimals: 0),
                                       "contribution": f.moneyWhole(policy.quadrant.profitableContribution)])
        let chart = ScatterChart(
            id: "matrix-chart", title: chrome.t("matrix_title"), description: text,
            x: Axis(label: chrome.t("matrix_x"), format: .number(chrome.language), min: 0, max: 100),
            y: Axis(label: chrome.t(byValue ? "matrix_y_value" : "matrix_y"), format: .money(chrome.language)),
            dots: dots, groups: Recommendation.allCases.map { t.label($0) },
            xSplit: policy.quadrant.highFriction,
            ySplit: byValue ? policy.value.highCLV.euros : policy.quadrant.profitableContribution.euros,
            quadrantLabels: byValue
                ? (topLeft: chrome.t("matrix_value_high_easy"), topRight: chrome.t("matrix_value_high_demanding"),
                   bottomLeft: chrome.t("matrix_value_low_easy"), bottomRight: chrome.t("matrix_value_low_demanding"))
                : (topLeft: t.label(Quadrant.profitableEasy), topRight: t.label(Quadrant.profitableDemanding),
                   bottomLeft: t.label(Quadrant.unprofitableEasy), bottomRight: t.label(Quadrant.unprofitableDemanding)))
        let tableRows = Quadrant.allCases.map { q in
            [t.label(q), f.number(Double(a.count(q)), decimals: 0)]
        }
        var out: [String: Any] = [
            "matrixText": text + (note.map { " " + $0 } ?? ""), "matrixSVG": chart.svg(),
            "matrixTable": DataTable(caption: chrome.t("matrix_title"), headers: [chrome.t("col_quadrant"), chrome.t("col_rank")],
                                     rows: tableRows).html(),
        ]
        if let note { out["matrixNote"] = note }
        if a.value != nil {
            out["hasMatrixAxes"] = true
            // The switch between the two vertical axes; a plain link, so it works without scripts.
            out["matrixAxes"] = [MatrixAxis.contribution, .value].map { axis in
                ["label": chrome.t("matrix_axis_\(axis.rawValue)"), "href": axis == .contribution ? "/#matrix" : "/?matrix=value#matrix",
                 "current": axis == (byValue ? .value : .contribution)] as [String: Any]
            }
        }
        return out
    }

    private func aging() -> [String: Any] {
        let p = snapshot.analysis.portfolio
        let f = SnoeiCore.Formatter(chrome.language)
        // Colour from calm to alarming: the same palette as the proposals.
        let buckets: [(String, Money, Int)] = [("aging_not_due", p.aging.notDue, 0), ("aging_1_30", p.aging.d1_30, 2),
                                               ("aging_31_60", p.aging.d31_60, 2), ("aging_61_90", p.aging.d61_90, 3),
                                               ("aging_90", p.aging.d90Plus, 3)]
        let text = chrome.t("aging_text", ["overdue": f.moneyWhole(p.overdue), "not_due": f.moneyWhole(p.aging.notDue)])
        let chart = BarChart(id: "aging-chart", title: chrome.t("aging_title"), description: text,
                             bars: buckets.map { BarChart.Bar(label: chrome.t($0.0), value: $0.1.euros, group: $0.2) },
                             y: Axis(label: chrome.t("aging_y"), format: .money(chrome.language)))
        return ["agingText": text, "agingSVG": chart.svg(),
                "agingTable": DataTable(caption: chrome.t("aging_title"), headers: [chrome.t("col_bucket"), chrome.t("col_amount")],
                                        rows: buckets.map { [chrome.t($0.0), f.money($0.1)] }).html()]
    }

    private func decisionList(_ decisions: [Int]) -> [String: Any] {
        let a = snapshot.analysis, c = a.ledger.customers
        let f = SnoeiCore.Formatter(chrome.language)
        let t = TextRenderer(chrome.language)
        let shown = 15
        let rows: [[String: Any]] = decisions.prefix(shown).map { r in
            let v = a.verdicts[r]
            let main = mainReason(v)
            return ["id": c.ids[r], "name": c.names[r], "href": customerHref(c.ids[r]),
                    "code": v.recommendation.rawValue, "proposal": t.label(v.recommendation),
                    "contribution": f.money(a.customers[r].contribution), "reason": main.map { t.text($0) } ?? ""]
        }
        var out: [String: Any] = [
            "hasDecisions": !decisions.isEmpty, "decisions": rows,
            "decisionsText": decisions.isEmpty ? chrome.t("decisions_none")
                : chrome.t("decisions_text", ["n": f.number(Double(decisions.count), decimals: 0)]),
        ]
        if decisions.count > shown {
            out["moreHref"] = link("/customers", [("sort", "recommendation"), ("dir", "desc")])
            out["moreText"] = chrome.t("decisions_more", ["n": f.number(Double(decisions.count), decimals: 0)])
        }
        return out
    }
}

/// The reason that says most about a proposal: red lines, then dependency, then the
/// boundaries that turned it into a fix or an exit, then the quadrant's own reasons.
func mainReason(_ v: Verdict) -> Reason? {
    let priority: [ReasonCode] = [.redLine, .dependency, .letGoFriction, .shortPay, .latePayment, .overdue90,
                                  .selfCaused, .deviations, .valuesFitLow, .incidents, .unprofitable, .frictionHigh]
    for code in priority { if let r = v.reasons.first(where: { $0.code == code }) { return r } }
    return v.reasons.first
}

/// At most ~50 evenly spread indexes of a curve, always the last one: a readable table.
func sampleRows(_ curve: [Double], count: Int = 50) -> [Int] {
    guard !curve.isEmpty else { return [] }
    let step = max(1, curve.count / count)
    var rows = Array(stride(from: step - 1, to: curve.count, by: step))
    if rows.last != curve.count - 1 { rows.append(curve.count - 1) }
    return rows
}

/// One path segment: a `/` inside an id is encoded too. Built once; the dashboard calls
/// `customerHref` for every dot of the matrix.
private let pathSegmentAllowed = CharacterSet.urlPathAllowed.subtracting(CharacterSet(charactersIn: "/"))

func customerHref(_ id: String) -> String {
    "/customers/" + (id.addingPercentEncoding(withAllowedCharacters: pathSegmentAllowed) ?? id)
}

import Foundation
