public import SnoeiCore
import SnoeiCharts

/// The management report: one self-contained HTML document (inline style and SVG, no
/// external assets) that a manager reads in two minutes — key figures, where the
/// contribution comes from, arrears, what Snoei proposes, what people decided and what
/// those decisions do to contribution and hours. `snoei report` writes it (or a PDF of
/// it); the web app serves it at `/report`.
///
/// It takes the analysis and the recorded decisions as values, so it never touches a store.
/// Every word comes from `ReportText`, every figure from `SnoeiCore.Formatter`, and every
/// string from outside (customer names, actors) is escaped.
public struct ManagementReport: Sendable {
    public let analysis: Analysis
    public let decisions: [DecisionRecord]
    public let events: [DecisionEvent]
    public let language: Language
    public let firmName: String?
    /// When the document was made, as the reader should see it (e.g. `2026-11-24 09:30`).
    public let generatedAt: String
    /// A link back to the web app, shown on screen only (never printed). Nil in a file.
    public var backLink: String?
    /// How many customers who need a decision are listed.
    public var needingShown = 10
    /// How many customers with the largest arrears are listed.
    public var arrearsShown = 5
    /// How many of the latest decision steps are listed.
    public var recentShown = 5

    public init(analysis: Analysis, decisions: [DecisionRecord], events: [DecisionEvent], language: Language,
                firmName: String?, generatedAt: String) {
        self.analysis = analysis
        self.decisions = decisions
        self.events = events
        self.language = language
        self.firmName = firmName
        self.generatedAt = generatedAt
    }

    /// The effect of the decisions taken: the customers whose exit is in progress or closed,
    /// dropped from the analysis as in a scenario.
    public var exitScenario: Scenario { Scenario(dropping: summary.exitRows, from: analysis) }

    var summary: DecisionSummary { DecisionSummary(analysis: analysis, decisions: decisions, events: events) }

    public func html() -> String {
        let ctx = Context(report: self)
        var out = "<!DOCTYPE html>\n<html lang=\"\(language.rawValue)\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<title>" + e(ctx.title) + "</title>\n<style>\n" + ReportStyle.css + "\n</style>\n</head>\n<body>\n"
        if let backLink {
            out += "<nav class=\"toolbar\"><a href=\"\(e(backLink))\">\(e(ctx.t("doc_back")))</a>"
                + "<span>\(e(ctx.t("doc_print")))</span></nav>\n"
        }
        out += "<main>\n"
        out += ctx.overviewPage()
        out += ctx.analysisPage()
        out += ctx.decisionsPage()
        out += "</main>\n</body>\n</html>\n"
        return out
    }
}

/// Escapes text for HTML (text nodes and attribute values). The space in a Dutch amount
/// (`€ 3.735`) becomes a no-break space so a line never separates the sign from the number.
private func e(_ s: String) -> String {
    let escaped = XML.escape(s)
    return escaped.contains("€ ") ? escaped.replacingOccurrences(of: "€ ", with: "€\u{00A0}") : escaped
}

/// Builds the report's parts; computed once per `html()`.
private struct Context {
    let r: ManagementReport
    let a: Analysis
    let p: PortfolioFigures
    let f: SnoeiCore.Formatter
    let tr: TextRenderer
    let language: Language
    let decisions: DecisionSummary
    let needing: [Int]
    let scenario: Scenario

    init(report: ManagementReport) {
        r = report
        a = report.analysis
        p = a.portfolio
        language = report.language
        f = SnoeiCore.Formatter(language)
        tr = TextRenderer(language)
        decisions = report.summary
        needing = a.needingDecision
        scenario = Scenario(dropping: decisions.exitRows, from: a)
    }

    // MARK: Words and figures

    func t(_ key: String, _ values: [String: String] = [:]) -> String { ReportText.text(key, language, values) }

    /// `key_one` when `n` is 1 and the catalogue has it, else `key`.
    func plural(_ key: String, _ n: Int) -> String {
        n == 1 && ReportText.table(language)[key + "_one"] != nil ? key + "_one" : key
    }

    /// A catalogue sentence as HTML, its figures in bold: the template and every value escaped.
    func rich(_ key: String, _ values: [String: String] = [:]) -> String {
        var s = e(ReportText.text(key, language))
        for (name, value) in values { s = s.replacingOccurrences(of: "{\(name)}", with: "<strong>" + e(value) + "</strong>") }
        return s
    }

    var title: String {
        if let firm = r.firmName, !firm.isEmpty { return t("doc_title_firm", ["firm": firm]) }
        return t("doc_title")
    }

    func count(_ n: Int) -> String { f.number(Double(n), decimals: 0) }
    func signedWhole(_ m: Money) -> String { m.cents > 0 ? "+" + f.moneyWhole(m) : f.moneyWhole(m) }
    func moneyCell(_ m: Money) -> String {
        "<td class=\"num\(m.cents < 0 ? " neg" : "")\">" + e(f.moneyWhole(m)) + "</td>"
    }

    func customer(_ row: Int) -> String {
        let c = a.ledger.customers
        return e(c.names[row]) + " <span class=\"id\">" + e(c.ids[row]) + "</span>"
    }

    func badge(_ rec: Recommendation) -> String {
        "<span class=\"rec rec-\(rec.rawValue)\">" + e(tr.label(rec)) + "</span>"
    }

    func stateLabel(_ s: DecisionState) -> String { t("state_" + s.rawValue) }

    /// The reason that says most about a proposal, in a few words with its figures.
    func shortReason(_ v: Verdict) -> String {
        guard let reason = mainReason(v) else { return "" }
        let key = "reason_" + reason.code.rawValue
        guard let template = ReportText.table(language)[key] else { return tr.text(reason) }
        // Whole euros: a table cell is no place for cents.
        let figures = reason.figures.map { figure -> Figure in
            if case .money(let m) = figure.value { return Figure(figure.name, .text(f.moneyWhole(m))) }
            return figure
        }
        let filled = tr.fill(template, figures)
        return filled.contains("{") ? tr.text(reason) : filled
    }

    // MARK: Page 1 — header, in short, key figures, proposals

    func overviewPage() -> String {
        var out = "<section class=\"page\" id=\"overview\">\n<header class=\"doc\">\n"
        out += "<h1>" + e(title) + "</h1>\n"
        out += "<p class=\"meta\">" + rich("doc_meta", ["date": f.date(a.asOf), "customers": count(p.customers)]) + "</p>\n"
        out += "<p class=\"meta note\">" + e(t("doc_generated", ["generated": r.generatedAt])) + " · "
            + e(t("doc_person_decides")) + "</p>\n</header>\n"
        out += inShort()
        out += keyFigures()
        out += proposals()
        out += "</section>\n"
        return out
    }

    func inShort() -> String {
        var items = [String]()
        items.append(rich("summary_result", ["revenue": f.moneyWhole(p.revenue), "contribution": f.moneyWhole(p.contribution)]))
        if p.contribution.cents < 0 {
            items.append(rich("summary_whale_negative"))
        } else if p.whalePeak > 1 {
            items.append(rich(plural("summary_whale", p.whalePeakRank), ["n": count(p.whalePeakRank), "peak": f.percent(p.whalePeak),
                                                "giveback": f.percent(p.whalePeak - 1)]))
        } else {
            items.append(rich("summary_whale_flat"))
        }
        items.append(rich("summary_pareto", ["n": count(p.paretoTopCount), "share": f.percent(p.paretoTop20)]))
        items.append(p.overdue.cents > 0
            ? rich("summary_overdue", ["overdue": f.moneyWhole(p.overdue), "d90": f.moneyWhole(p.aging.d90Plus)])
            : rich("summary_overdue_none"))
        items.append(needing.isEmpty
            ? rich("summary_proposals_none")
            : rich("summary_proposals", ["n": count(needing.count), "fix": count(a.count(.fix)), "let_go": count(a.count(.letGo))]))
        if decisions.isEmpty {
            items.append(rich("summary_decisions_none"))
        } else {
            items.append(rich("summary_decisions", ["n": count(decisions.recordCount), "fix_plans": count(decisions.count(.fixPlan)),
                                                    "exits": count(decisions.count(.exit)), "closed": count(decisions.count(.closed))]))
            if !scenario.dropped.isEmpty {
                items.append(rich("summary_effect", ["change": signedWhole(scenario.contributionChange),
                                                     "hours": f.hours(scenario.hoursFreed),
                                                     "revenue": f.moneyWhole(scenario.revenueLost)]))
            }
        }
        return "<h2>" + e(t("summary_title")) + "</h2>\n<ul class=\"summary\" id=\"summary\">\n"
            + items.map { "<li>" + $0 + "</li>\n" }.joined() + "</ul>\n"
    }

    func keyFigures() -> String {
        func card(_ code: String, _ label: String, _ value: String, _ note: String, negative: Bool = false) -> String {
            "<div id=\"kf-\(code)\"><p class=\"label\">\(e(label))</p><p class=\"value\(negative ? " neg" : "")\">\(e(value))</p>"
                + "<p class=\"sub\">\(e(note))</p></div>\n"
        }
        var out = "<h2>" + e(t("kf_title")) + "</h2>\n<div class=\"kf\">\n"
        out += card("revenue", t("kf_revenue"), f.moneyWhole(p.revenue), t("kf_revenue_note", ["n": count(p.customersWithRevenue)]))
        out += card("contribution", t("kf_contribution"), f.moneyWhole(p.contribution), t("kf_contribution_note"),
                    negative: p.contribution.cents < 0)
        out += card("overdue", t("kf_overdue"), f.moneyWhole(p.overdue), t("kf_overdue_note", ["amount": f.moneyWhole(p.aging.d90Plus)]))
        out += card("unprofitable", t("kf_unprofitable"), f.percent(p.unprofitableShare),
                    t("kf_unprofitable_note", ["n": count(p.unprofitableCount), "total": count(p.customers)]))
        out += card("pareto_top20", t("kf_pareto"), f.percent(p.paretoTop20), t("kf_pareto_note", ["n": count(p.paretoTopCount)]))
        out += card("hhi", t("kf_hhi"), f.number(p.hhi, decimals: 0), t("kf_hhi_note"))
        return out + "</div>\n"
    }

    func proposals() -> String {
        var out = "<h2>" + e(t("proposals_title")) + "</h2>\n<p>" + e(t("proposals_text")) + "</p>\n"
        out += "<table id=\"proposals\">\n<thead><tr><th>\(e(t("col_proposal")))</th><th class=\"num\">\(e(t("col_customers")))</th>"
            + "<th class=\"num\">\(e(t("col_revenue")))</th><th class=\"num\">\(e(t("col_contribution")))</th></tr></thead>\n<tbody>\n"
        var revenue = [Recommendation: Money](), contribution = [Recommendation: Money]()
        for (i, v) in a.verdicts.enumerated() {
            revenue[v.recommendation, default: .zero] += a.customers[i].revenue
            contribution[v.recommendation, default: .zero] += a.customers[i].contribution
        }
        for rec in Recommendation.allCases {
            out += "<tr id=\"proposals-\(rec.rawValue)\"><th>\(badge(rec))</th><td class=\"num\">\(e(count(a.count(rec))))</td>"
                + moneyCell(revenue[rec] ?? .zero) + moneyCell(contribution[rec] ?? .zero) + "</tr>\n"
        }
        out += "<tr class=\"total\"><th>\(e(t("col_total")))</th><td class=\"num\">\(e(count(p.customers)))</td>"
            + moneyCell(p.revenue) + moneyCell(p.contribution) + "</tr>\n"
        return out + "</tbody>\n</table>\n"
    }

    // MARK: Page 2 — where the contribution comes from, arrears

    func analysisPage() -> String {
        var out = "<section class=\"page\" id=\"analysis\">\n<h2>" + e(t("profit_title")) + "</h2>\n"
        out += "<div class=\"cols charts\">\n" + whale() + pareto() + "</div>\n"
        out += "<h2>" + e(t("arrears_title")) + "</h2>\n"
        out += aging()
        out += largestArrears()
        return out + "</section>\n"
    }

    func figure(_ id: String, _ title: String, _ text: String, _ svg: String) -> String {
        "<figure id=\"\(id)\">\n<h3>\(e(title))</h3>\n<p>\(e(text))</p>\n\(svg)</figure>\n"
    }

    func whale() -> String {
        let n = Double(max(1, p.whaleCurve.count))
        let points = [ChartPoint(x: 0, y: 0)] + p.whaleCurve.enumerated().map { ChartPoint(x: Double($0 + 1) / n, y: $1) }
        let text = p.whalePeak > 1
            ? t(plural("whale_text", p.whalePeakRank), ["n": count(p.whalePeakRank), "peak": f.percent(p.whalePeak), "giveback": f.percent(p.whalePeak - 1)])
            : t("whale_text_flat")
        var annotations = [Annotation]()
        if p.whalePeakRank > 0 {
            annotations.append(Annotation(point: ChartPoint(x: Double(p.whalePeakRank) / n, y: p.whalePeak),
                                          label: t("whale_peak", ["peak": f.percent(p.whalePeak)])))
        }
        let chart = LineChart(
            id: "report-whale", title: t("whale_title"), description: text,
            x: Axis(label: t("whale_x"), format: .percent(language), min: 0, max: 1),
            y: Axis(label: t("whale_y"), format: .percent(language)),
            series: [Series(name: t("whale_series"), points: points)],
            // The axis names 100%; a label on the line would sit where the curve ends.
            references: [ReferenceLine(orientation: .horizontal, value: 1)],
            annotations: annotations, width: 400, height: 265)
        return figure("whale", t("whale_title"), text, chart.svg())
    }

    func pareto() -> String {
        let total = p.revenue.cents
        var running: Int64 = 0
        let curve = a.customers.map(\.revenue.cents).filter { $0 > 0 }.sorted(by: >).map { cents -> Double in
            running += cents
            return total > 0 ? Double(running) / Double(total) : 0
        }
        let n = Double(max(1, curve.count))
        let points = [ChartPoint(x: 0, y: 0)] + curve.enumerated().map { ChartPoint(x: Double($0 + 1) / n, y: $1) }
        let text = t("pareto_text", ["n": count(p.paretoTopCount), "share": f.percent(p.paretoTop20)])
        let chart = LineChart(
            id: "report-pareto", title: t("pareto_title"), description: text,
            x: Axis(label: t("pareto_x"), format: .percent(language), min: 0, max: 1),
            y: Axis(label: t("pareto_y"), format: .percent(language), min: 0, max: 1),
            series: [Series(name: t("pareto_series"), points: points)],
            references: [ReferenceLine(orientation: .vertical, value: 0.2, label: f.percent(0.2, decimals: 0))],
            annotations: curve.isEmpty ? [] : [Annotation(point: ChartPoint(x: Double(p.paretoTopCount) / n, y: p.paretoTop20),
                                                          label: t("pareto_marker", ["share": f.percent(p.paretoTop20)]))],
            width: 400, height: 265)
        return figure("pareto", t("pareto_title"), text, chart.svg())
    }

    // MARK: Page 2 (continued) — arrears

    func aging() -> String {
        let buckets: [(String, Money, Int)] = [("aging_not_due", p.aging.notDue, 0), ("aging_1_30", p.aging.d1_30, 2),
                                               ("aging_31_60", p.aging.d31_60, 2), ("aging_61_90", p.aging.d61_90, 3),
                                               ("aging_90", p.aging.d90Plus, 3)]
        let text = t("aging_text", ["overdue": f.moneyWhole(p.overdue), "not_due": f.moneyWhole(p.aging.notDue)])
        let chart = BarChart(id: "report-aging", title: t("aging_title"), description: text,
                             bars: buckets.map { BarChart.Bar(label: t($0.0), value: $0.1.euros, group: $0.2) },
                             y: Axis(label: t("aging_y"), format: .money(language)), width: 720, height: 175)
        return figure("aging", t("aging_title"), text, chart.svg())
    }

    func largestArrears() -> String {
        let rows = a.customers.indices.filter { a.customers[$0].overdue.cents > 0 }
            .sorted { a.customers[$0].overdue != a.customers[$1].overdue ? a.customers[$0].overdue > a.customers[$1].overdue : $0 < $1 }
            .prefix(r.arrearsShown)
        var out = "<h3>" + e(t("arrears_top")) + "</h3>\n"
        guard !rows.isEmpty else { return out + "<p class=\"empty\">" + e(t("arrears_none")) + "</p>\n" }
        let amount = rows.reduce(Money.zero) { $0 + a.customers[$1].overdue }
        let share = p.overdue.cents > 0 ? Double(amount.cents) / Double(p.overdue.cents) : 0
        out += "<p>" + rich("arrears_top_text", ["amount": f.moneyWhole(amount), "share": f.percent(share)]) + "</p>\n"
        out += "<table id=\"arrears-top\">\n<colgroup><col style=\"width:37%\"><col style=\"width:15%\"><col style=\"width:14%\">"
            + "<col style=\"width:13%\"><col style=\"width:21%\"></colgroup>\n<thead><tr><th>\(e(t("col_customer")))</th><th class=\"num\">\(e(t("col_overdue")))</th>"
            + "<th class=\"num\">\(e(t("col_d90")))</th><th class=\"num\">\(e(t("col_days_late")))</th>"
            + "<th>\(e(t("col_proposal")))</th></tr></thead>\n<tbody>\n"
        for row in rows {
            let c = a.customers[row]
            out += "<tr><th>\(customer(row))</th>" + moneyCell(c.overdue) + moneyCell(c.aging.d90Plus)
                + "<td class=\"num\">\(e(f.days(c.avgDaysLate)))</td><td>\(badge(a.verdicts[row].recommendation))</td></tr>\n"
        }
        return out + "</tbody>\n</table>\n"
    }

    func needingDecision() -> String {
        var out = "<h2>" + e(t("needing_title")) + "</h2>\n"
        guard !needing.isEmpty else {
            return out + "<p class=\"empty\" id=\"needing-count\" data-count=\"0\">" + e(t("needing_none")) + "</p>\n"
        }
        let shown = needing.prefix(r.needingShown)
        let key = needing.count > shown.count ? "needing_text" : "needing_text_all"
        out += "<p id=\"needing-count\" data-count=\"\(needing.count)\">"
            + rich(key, ["n": count(needing.count), "shown": count(shown.count)]) + "</p>\n"
        out += "<table id=\"needing\">\n<colgroup><col style=\"width:23%\"><col style=\"width:16%\"><col style=\"width:15%\">"
            + "<col style=\"width:29%\"><col style=\"width:17%\"></colgroup>\n<thead><tr><th>\(e(t("col_customer")))</th><th>\(e(t("col_proposal")))</th>"
            + "<th class=\"num\">\(e(t("col_contribution")))</th><th>\(e(t("col_main_reason")))</th>"
            + "<th>\(e(t("col_decision")))</th></tr></thead>\n<tbody>\n"
        let ids = a.ledger.customers.ids
        for row in shown {
            let v = a.verdicts[row]
            let state = decisions.state(of: ids[row])
            let decision = state.map { "<span class=\"state\">" + e(stateLabel($0)) + "</span>" }
                ?? "<span class=\"state state-none\">" + e(t("no_decision")) + "</span>"
            out += "<tr><th>\(customer(row))</th><td>\(badge(v.recommendation))</td>" + moneyCell(a.customers[row].contribution)
                + "<td>\(e(shortReason(v)))</td><td>\(decision)</td></tr>\n"
        }
        out += "</tbody>\n</table>\n"
        if needing.count > shown.count {
            out += "<p class=\"note\">" + e(t("needing_more", ["n": count(needing.count - shown.count)])) + "</p>\n"
        }
        return out
    }

    // MARK: Pages 3 and 4 — proposals to decide, decisions taken and their effect

    func decisionsPage() -> String {
        var out = "<section class=\"page\" id=\"decisions\">\n"
        out += needingDecision()
        guard !decisions.isEmpty else {
            out += "<h2>" + e(t("taken_title")) + "</h2>\n"
            out += "<p class=\"empty\" id=\"no-decisions\"><strong>" + e(t("taken_none")) + "</strong></p>\n"
            out += "<p class=\"note\">" + e(t("taken_none_note")) + "</p>\n"
            return out + "</section>\n"
        }
        // What was decided and what it does: a page of its own on paper.
        out += "</section>\n<section class=\"page\" id=\"taken\">\n<h2>" + e(t("taken_title")) + "</h2>\n"
        out += taken()
        out += effect()
        out += recentSteps()
        return out + "</section>\n"
    }

    func taken() -> String {
        let open = needing.filter { decisions.latest[a.ledger.customers.ids[$0]] == nil }.count
        var out = "<p>" + rich("taken_text", ["n": count(decisions.recordCount), "needing": count(needing.count),
                                              "open": count(open)]) + "</p>\n"
        out += "<div class=\"cols\">\n<div>\n<h3>" + e(t("taken_steps")) + "</h3>\n<table id=\"steps\">\n<tbody>\n"
        for step in [DecisionStep.confirm, .change, .reject, .resolve, .startExit, .close] {
            let n = decisions.steps[step] ?? 0
            if n == 0 && ![.confirm, .change, .reject].contains(step) { continue }
            out += "<tr id=\"step-\(step.rawValue)\"><th>\(e(t("step_" + step.rawValue)))</th><td class=\"num\">\(e(count(n)))</td></tr>\n"
        }
        out += "</tbody>\n</table>\n</div>\n<div>\n<h3>" + e(t("taken_states")) + "</h3>\n<table id=\"states\">\n<tbody>\n"
        for state in [DecisionState.proposed, .fixPlan, .exit, .closed, .resolved] {
            out += "<tr id=\"state-\(state.rawValue)\"><th>\(e(stateLabel(state)))</th>"
                + "<td class=\"num\">\(e(count(decisions.count(state))))</td></tr>\n"
        }
        out += "</tbody>\n</table>\n</div>\n</div>\n"
        if decisions.unknownCustomers > 0 {
            out += "<p class=\"note\">" + e(t("taken_unknown", ["n": count(decisions.unknownCustomers)])) + "</p>\n"
        }
        return out
    }

    func recentSteps() -> String {
        var out = ""
        if !decisions.recent.isEmpty {
            let more = decisions.recent.count > r.recentShown
                ? " <span class=\"note\">· " + e(t("taken_recent_more", ["n": count(decisions.recent.count)])) + "</span>" : ""
            out += "<h3>" + e(t("taken_recent")) + more + "</h3>\n<table id=\"recent\">\n"
                + "<colgroup><col style=\"width:13%\"><col style=\"width:34%\"><col style=\"width:21%\"><col style=\"width:21%\">"
                + "<col style=\"width:11%\"></colgroup>\n<thead><tr><th>\(e(t("col_date")))</th>"
                + "<th>\(e(t("col_customer")))</th><th>\(e(t("col_step")))</th><th>\(e(t("col_outcome")))</th>"
                + "<th>\(e(t("col_by")))</th></tr></thead>\n<tbody>\n"
            let rowOf = Dictionary(a.ledger.customers.ids.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
            for ev in decisions.recent.prefix(r.recentShown) {
                let date = Day(iso: String(ev.at.prefix(10))).map(f.date) ?? ev.at
                let who = rowOf[ev.customerId].map { customer($0) } ?? "<span class=\"id\">" + e(ev.customerId) + "</span>"
                let outcome = ev.chosen.map(badge) ?? e(stateLabel(ev.to))
                out += "<tr><td class=\"num\">\(e(date))</td><th>\(who)</th><td>\(e(t("step_" + ev.step.rawValue)))</td>"
                    + "<td>\(outcome)</td><td>\(e(ev.actor))</td></tr>\n"
            }
            out += "</tbody>\n</table>\n"
        }
        return out
    }

    func effect() -> String {
        var out = "<h2>" + e(t("effect_title")) + "</h2>\n"
        let s = scenario
        out += "<div class=\"effect\" id=\"effect-exits\">\n"
        if s.dropped.isEmpty {
            out += "<p class=\"empty\">" + e(t("effect_exits_none")) + "</p>\n"
        } else {
            out += "<h3>" + e(t("effect_exits", ["n": count(s.dropped.count)])) + "</h3>\n<div class=\"kf kf-4\">\n"
            func card(_ id: String, _ label: String, _ value: String, _ raw: String, negative: Bool) -> String {
                "<div id=\"\(id)\" data-value=\"\(raw)\"><p class=\"label\">\(e(label))</p>"
                    + "<p class=\"value\(negative ? " neg" : "")\">\(e(value))</p></div>\n"
            }
            out += card("effect-revenue-lost", t("effect_revenue"), f.moneyWhole(s.revenueLost), "\(s.revenueLost.cents)", negative: false)
            out += card("effect-contribution-change", t("effect_contribution"), signedWhole(s.contributionChange),
                        "\(s.contributionChange.cents)", negative: s.contributionChange.cents < 0)
            out += card("effect-hours-freed", t("effect_hours"), f.hours(s.hoursFreed), "\(s.hoursFreed)", negative: false)
            out += card("effect-result-unused", t("effect_unused"), signedWhole(s.resultChangeIfHoursUnused),
                        "\(s.resultChangeIfHoursUnused.cents)", negative: s.resultChangeIfHoursUnused.cents < 0)
            out += "</div>\n<p class=\"note\">" + e(t("effect_basis", ["overdue": f.moneyWhole(s.overdueRemoved)])) + "</p>\n"
        }
        out += "</div>\n<div class=\"effect\" id=\"effect-fix\">\n"
        let fix = decisions.fixRows
        if fix.isEmpty {
            out += "<p class=\"empty\">" + e(t("effect_fix_none")) + "</p>\n"
        } else {
            let revenue = fix.reduce(Money.zero) { $0 + a.customers[$1].revenue }
            let contribution = fix.reduce(Money.zero) { $0 + a.customers[$1].contribution }
            let hours = fix.reduce(MilliHours(0)) { $0 + a.customers[$1].hours }
            out += "<h3 id=\"effect-fix-count\" data-count=\"\(fix.count)\" data-contribution=\"\(contribution.cents)\">"
                + e(t("effect_fix", ["n": count(fix.count)])) + "</h3>\n"
            out += "<p>" + rich("effect_fix_text", ["revenue": f.moneyWhole(revenue), "contribution": f.moneyWhole(contribution),
                                                     "hours": f.hours(hours)]) + "</p>\n"
        }
        return out + "</div>\n"
    }
}
