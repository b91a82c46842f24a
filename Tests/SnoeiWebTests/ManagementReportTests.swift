import Foundation
import SnoeiCore
import Testing
@testable import SnoeiWeb

/// The management report's figures against the analysis, its wording in both languages,
/// escaping, self-containedness and the PDF (when Chromium is installed).
///
/// `SNOEI_REPORT_SAMPLES=DIR` (or `1` for /tmp/snoei-report) writes the sample documents
/// for a reader to look at:
///
///     SNOEI_REPORT_SAMPLES=1 swift test --scratch-path .build-report --filter ManagementReportTests
///     chromium --headless=new --no-sandbox --disable-gpu --no-pdf-header-footer \
///       --print-to-pdf=/tmp/snoei-report/en.pdf file:///tmp/snoei-report/report-en-decisions.html
@Suite struct ManagementReportTests {
    static let asOf = Day(iso: "2026-11-24")!
    static let demo: Analysis = {
        let records = DemoFirm.generate(seed: 1, end: asOf)
        return Analysis(ledger: try! Ledger(records: records), policy: .standard, asOf: asOf)
    }()

    /// Decisions on real demo customers: two exits (one closed), one fix plan, one kept after
    /// a fix plan, one rejected proposal, and one decision about a customer no longer in the ledger.
    static func decisions(_ a: Analysis) -> (records: [DecisionRecord], events: [DecisionEvent], exitRows: [Int], fixRows: [Int]) {
        let ids = a.ledger.customers.ids
        let letGo = a.needingDecision.filter { a.verdicts[$0].recommendation == .letGo }
        let fix = a.needingDecision.filter { a.verdicts[$0].recommendation == .fix }
        let exitRows = [letGo[0], letGo[1]], fixRows = [fix[0]]
        let resolvedRow = fix[1], rejectedRow = fix[2]
        func record(_ n: Int, _ row: Int?, _ state: DecisionState, _ proposed: Recommendation, _ chosen: Recommendation?,
                    updated: String) -> DecisionRecord {
            DecisionRecord(decisionId: "D\(n)", customerId: row.map { ids[$0] } ?? "GONE-1", state: state, proposed: proposed,
                           chosen: chosen, openedAt: "2026-10-01T09:00:00Z", updatedAt: updated)
        }
        let records = [
            record(1, exitRows[0], .exit, .letGo, .letGo, updated: "2026-11-02T10:00:00Z"),
            record(2, exitRows[1], .closed, .letGo, .letGo, updated: "2026-11-20T16:00:00Z"),
            record(3, fixRows[0], .fixPlan, .fix, .fix, updated: "2026-10-15T11:00:00Z"),
            record(4, resolvedRow, .resolved, .fix, .fix, updated: "2026-11-10T12:00:00Z"),
            record(5, rejectedRow, .resolved, .fix, .keep, updated: "2026-10-05T08:00:00Z"),
            record(6, nil, .closed, .letGo, .letGo, updated: "2026-10-03T08:00:00Z"),
        ]
        func event(_ d: DecisionRecord, _ at: String, _ step: DecisionStep, _ from: DecisionState, _ to: DecisionState,
                   _ chosen: Recommendation?) -> DecisionEvent {
            DecisionEvent(decisionId: d.decisionId, customerId: d.customerId, at: at, actor: "Anna", step: step,
                          from: from, to: to, proposed: d.proposed, chosen: chosen, reason: "")
        }
        let events = [
            event(records[0], "2026-10-20T10:00:00Z", .confirm, .proposed, .exit, .letGo),
            event(records[1], "2026-10-21T10:00:00Z", .confirm, .proposed, .exit, .letGo),
            event(records[1], "2026-11-20T16:00:00Z", .close, .exit, .closed, nil),
            event(records[2], "2026-10-15T11:00:00Z", .confirm, .proposed, .fixPlan, .fix),
            event(records[3], "2026-10-02T11:00:00Z", .confirm, .proposed, .fixPlan, .fix),
            event(records[3], "2026-11-10T12:00:00Z", .resolve, .fixPlan, .resolved, nil),
            event(records[4], "2026-10-05T08:00:00Z", .reject, .proposed, .resolved, .keep),
            event(records[5], "2026-10-03T08:00:00Z", .change, .proposed, .closed, .letGo),
        ]
        return (records, events, exitRows, fixRows)
    }

    static func report(_ a: Analysis = demo, _ language: Language = .en, withDecisions: Bool = true) -> String {
        let d = decisions(a)
        return ManagementReport(analysis: a, decisions: withDecisions ? d.records : [], events: withDecisions ? d.events : [],
                                language: language, firmName: DemoFirm.firmName, generatedAt: "2026-11-24 09:30").html()
    }

    /// The text of the element after `id="…"`'s first element with `class` (e.g. the value of a key figure).
    static func text(_ html: String, id: String, cellClass: String) throws -> String {
        let html = plain(html)
        let start = try #require(html.range(of: "id=\"\(id)\""), "no element \(id)")
        let rest = html[start.upperBound...]
        let cell = try #require(rest.range(of: "class=\"\(cellClass)"), "no \(cellClass) in \(id)")
        let open = try #require(rest[cell.upperBound...].firstIndex(of: ">"))
        let close = try #require(rest[open...].firstIndex(of: "<"))
        return String(rest[rest.index(after: open)..<close])
    }

    /// The text without the bold around figures, and with the no-break space in Dutch amounts
    /// (`€ 5.300`) as the formatter writes it.
    static func plain(_ html: String) -> String {
        html.replacingOccurrences(of: "<strong>", with: "").replacingOccurrences(of: "</strong>", with: "")
            .replacingOccurrences(of: "€\u{00A0}", with: "€ ")
    }

    // MARK: Figures against the analysis

    @Test(arguments: [Language.en, .nl])
    func keyFiguresAreTheAnalysisOwn(_ language: Language) throws {
        let a = Self.demo, p = a.portfolio, f = SnoeiCore.Formatter(language)
        let html = Self.report(a, language)
        let expected: [(String, String)] = [
            ("kf-revenue", f.moneyWhole(p.revenue)), ("kf-contribution", f.moneyWhole(p.contribution)),
            ("kf-overdue", f.moneyWhole(p.overdue)), ("kf-unprofitable", f.percent(p.unprofitableShare)),
            ("kf-pareto_top20", f.percent(p.paretoTop20)), ("kf-hhi", f.number(p.hhi, decimals: 0)),
        ]
        for (id, value) in expected {
            #expect(try Self.text(html, id: id, cellClass: "value") == value, "\(id)")
        }
        #expect(Self.plain(html).contains(f.moneyWhole(p.aging.d90Plus)))
        #expect(p.revenue.cents > 0 && p.unprofitableCount > 0)
    }

    @Test(arguments: [Language.en, .nl])
    func paretoShareAndWhalePeakAppear(_ language: Language) throws {
        let a = Self.demo, p = a.portfolio, f = SnoeiCore.Formatter(language)
        let html = Self.report(a, language)
        #expect(p.whalePeak > 1)
        let whale = ReportText.text("whale_text", language, ["n": f.number(Double(p.whalePeakRank), decimals: 0),
                                                            "peak": f.percent(p.whalePeak), "giveback": f.percent(p.whalePeak - 1)])
        #expect(html.contains(whale))
        #expect(html.contains(ReportText.text("whale_peak", language, ["peak": f.percent(p.whalePeak)])))
        #expect(html.contains(ReportText.text("pareto_text", language, ["n": f.number(Double(p.paretoTopCount), decimals: 0),
                                                                       "share": f.percent(p.paretoTop20)])))
        for chart in ["report-whale", "report-pareto", "report-aging"] {
            #expect(html.contains("id=\"\(chart)-title\""), "chart \(chart)")
        }
    }

    @Test func proposalsAndTheCustomersWhoNeedADecisionMatchTheAnalysis() throws {
        let a = Self.demo, f = SnoeiCore.Formatter(.en)
        let html = Self.report(a, .en)
        let needing = a.needingDecision
        #expect(!needing.isEmpty)
        #expect(html.contains("id=\"needing-count\" data-count=\"\(needing.count)\""))
        for rec in Recommendation.allCases {
            #expect(try Self.text(html, id: "proposals-\(rec.rawValue)", cellClass: "num") == f.number(Double(a.count(rec)), decimals: 0))
        }
        // The ten most urgent, in the analysis' order, each with its contribution.
        let table = try #require(html.range(of: "id=\"needing\"")).upperBound
        let tableHTML = String(html[table...]).components(separatedBy: "</table>")[0]
        let body = try #require(tableHTML.components(separatedBy: "<tbody>").last)
        let ids = a.ledger.customers.ids
        var last = body.startIndex
        for row in needing.prefix(10) {
            let at = try #require(body.range(of: ">\(ids[row])</span>", range: last..<body.endIndex), "\(ids[row]) in order")
            last = at.upperBound
            #expect(body.contains(f.moneyWhole(a.customers[row].contribution)))
        }
        #expect(body.components(separatedBy: "</tr>").count - 1 == min(10, needing.count))
        if needing.count > 10 {
            #expect(html.contains(ReportText.text("needing_more", .en, ["n": "\(needing.count - 10)"])))
        }
    }

    // MARK: Decisions and their effect

    @Test(arguments: [Language.en, .nl])
    func theEffectOfExitsIsTheScenarioOfThoseCustomers(_ language: Language) throws {
        let a = Self.demo, f = SnoeiCore.Formatter(language)
        let d = Self.decisions(a)
        let html = Self.report(a, language)
        let s = Scenario(dropping: d.exitRows, from: a)
        #expect(s.dropped.count == 2 && s.hoursFreed > 0)
        func signed(_ m: Money) -> String { m.cents > 0 ? "+" + f.moneyWhole(m) : f.moneyWhole(m) }
        // Shown in whole euros and hours; the exact figures ride along in data-value.
        let expected: [(String, String, String)] = [
            ("effect-revenue-lost", f.moneyWhole(s.revenueLost), "\(s.revenueLost.cents)"),
            ("effect-contribution-change", signed(s.contributionChange), "\(s.contributionChange.cents)"),
            ("effect-hours-freed", f.hours(s.hoursFreed), "\(s.hoursFreed)"),
            ("effect-result-unused", signed(s.resultChangeIfHoursUnused), "\(s.resultChangeIfHoursUnused.cents)"),
        ]
        for (id, shown, exact) in expected {
            #expect(try Self.text(html, id: id, cellClass: "value") == shown, "\(id)")
            #expect(html.contains("id=\"\(id)\" data-value=\"\(exact)\""), "\(id)")
        }
        #expect(Self.plain(html).contains(ReportText.text("summary_effect", language, [
            "change": signed(s.contributionChange), "hours": f.hours(s.hoursFreed), "revenue": f.moneyWhole(s.revenueLost)])))
        #expect(html.contains(ReportText.text("effect_exits", language, ["n": "2"])))
        // The fix plan: one customer, its contribution.
        let fixContribution = a.customers[d.fixRows[0]].contribution
        #expect(html.contains("id=\"effect-fix-count\" data-count=\"1\" data-contribution=\"\(fixContribution.cents)\""))
        #expect(Self.plain(html).contains(f.moneyWhole(fixContribution)))
        // The same effect through the public API.
        let report = ManagementReport(analysis: a, decisions: d.records, events: d.events, language: language,
                                      firmName: nil, generatedAt: "now")
        #expect(Set(report.exitScenario.dropped) == Set(s.dropped))
        #expect(report.exitScenario.contributionChange == s.contributionChange)
    }

    @Test func decisionsTakenAreCountedFromTheRecordsAndTheAuditTrail() throws {
        let a = Self.demo
        let html = Self.report(a, .en)
        let counts: [(String, Int)] = [("step-confirm", 4), ("step-change", 1), ("step-reject", 1), ("step-resolve", 1),
                                       ("step-close", 1), ("state-fix_plan", 1), ("state-exit", 1), ("state-closed", 1),
                                       ("state-resolved", 2), ("state-proposed", 0)]
        for (id, n) in counts {
            #expect(try Self.text(html, id: id, cellClass: "num") == "\(n)", "\(id)")
        }
        #expect(!html.contains("id=\"step-start_exit\""))
        // The decision about a customer who is no longer in the ledger is named, not counted.
        #expect(html.contains(ReportText.text("taken_unknown", .en, ["n": "1"])))
        #expect(Self.plain(html).contains(ReportText.text("summary_decisions", .en, ["n": "6", "fix_plans": "1", "exits": "1", "closed": "1"])))
        let open = a.needingDecision.filter { row in !Self.decisions(a).records.contains { $0.customerId == a.ledger.customers.ids[row] } }
        #expect(Self.plain(html).contains(ReportText.text("taken_text", .en, ["n": "6", "needing": "\(a.needingDecision.count)",
                                                                             "open": "\(open.count)"])))
        // The latest step comes first in the list.
        let recent = try #require(html.range(of: "id=\"recent\"")).upperBound
        #expect(html[recent...].range(of: "2026-11-20")!.lowerBound < html[recent...].range(of: "2026-11-10")!.lowerBound)
        // A customer in the decision list shows where their decision stands.
        #expect(html.contains(ReportText.text("state_exit", .en)))
    }

    @Test(arguments: [Language.en, .nl])
    func withoutDecisionsTheReportSaysSo(_ language: Language) throws {
        let html = Self.report(Self.demo, language, withDecisions: false)
        #expect(html.contains(ReportText.text("taken_none", language)))
        #expect(html.contains(ReportText.text("summary_decisions_none", language)))
        #expect(!html.contains("id=\"effect-exits\""))
        #expect(html.contains("id=\"no-decisions\""))
        #expect(language == .en ? html.contains("No decisions recorded yet") : html.contains("Nog geen besluiten vastgelegd"))
    }

    @Test func anEmptyLedgerStillMakesADocument() throws {
        let a = Analysis(ledger: try Ledger(records: LedgerRecords()), policy: .standard, asOf: Self.asOf)
        let html = ManagementReport(analysis: a, decisions: [], events: [], language: .nl, firmName: nil, generatedAt: "x").html()
        #expect(html.contains("Managementrapportage"))
        #expect(html.contains(ReportText.text("needing_none", .nl)))
        #expect(html.contains(ReportText.text("arrears_none", .nl)))
        #expect(!html.contains("[["))
    }

    // MARK: Safety and self-containedness

    @Test func hostileTextIsEscaped() throws {
        var records = DemoFirm.generate(seed: 1, end: Self.asOf)
        records.customers.append(CustomerRecord(customerId: "X<1>", name: "<script>alert(1)</script>"))
        let a = Analysis(ledger: try Ledger(records: records), policy: .standard, asOf: Self.asOf)
        let decision = DecisionRecord(decisionId: "D1", customerId: "X<1>", state: .exit, proposed: .letGo, chosen: .letGo,
                                      openedAt: "2026-11-01T09:00:00Z", updatedAt: "2026-11-02T09:00:00Z")
        let event = DecisionEvent(decisionId: "D1", customerId: "X<1>", at: "2026-11-02T09:00:00Z", actor: "<img src=x onerror=alert(2)>",
                                  step: .confirm, from: .proposed, to: .exit, proposed: .letGo, chosen: .letGo, reason: "</td>")
        let html = ManagementReport(analysis: a, decisions: [decision], events: [event], language: .en,
                                    firmName: "<b>Firm</b> & Co", generatedAt: "<i>now</i>").html()
        #expect(!html.contains("<script>alert(1)</script>"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(!html.contains("X<1>") && html.contains("X&lt;1&gt;"))
        #expect(!html.contains("<img") && html.contains("&lt;img src=x onerror=alert(2)&gt;"))
        #expect(!html.contains("<b>Firm</b>") && html.contains("&lt;b&gt;Firm&lt;/b&gt; &amp; Co"))
        #expect(!html.contains("<i>now</i>"))
    }

    @Test(arguments: [Language.en, .nl])
    func theDocumentIsSelfContainedAndComplete(_ language: Language) throws {
        for withDecisions in [true, false] {
            var report = ManagementReport(analysis: Self.demo, decisions: withDecisions ? Self.decisions(Self.demo).records : [],
                                          events: withDecisions ? Self.decisions(Self.demo).events : [], language: language,
                                          firmName: DemoFirm.firmName, generatedAt: "2026-11-24 09:30")
            let html = report.html()
            #expect(html.hasPrefix("<!DOCTYPE html>"))
            #expect(html.contains("<html lang=\"\(language.rawValue)\">"))
            #expect(html.contains("<style>"))
            #expect(!html.contains("src=\"http") && !html.contains("<link") && !html.contains("<script") && !html.contains("@import"))
            let withoutNamespaces = html.replacingOccurrences(of: "xmlns=\"http://www.w3.org/2000/svg\"", with: "")
            #expect(!withoutNamespaces.contains("http://") && !withoutNamespaces.contains("https://"))
            #expect(!html.contains("[["), "a missing catalogue key")
            #expect(html.firstMatch(of: /\{[a-z_0-9]+\}/) == nil, "an unfilled placeholder")
            #expect(!html.contains("href="), "a file has no links")
            // The web app adds one link back, shown on screen only.
            report.backLink = "/"
            #expect(report.html().contains("<a href=\"/\">"))
            try Self.writeSample(html, "report-\(language.rawValue)-\(withDecisions ? "decisions" : "none").html")
        }
    }

    @Test func bothLanguagesHaveEveryKey() {
        #expect(Set(ReportText.en.keys) == Set(ReportText.nl.keys))
        for (key, value) in ReportText.nl { #expect(!value.isEmpty, "\(key)") }
        for state in DecisionState.allCases { #expect(ReportText.en["state_" + state.rawValue] != nil) }
        for step in DecisionStep.allCases { #expect(ReportText.en["step_" + step.rawValue] != nil) }
        for code in ReasonCode.allCases { #expect(ReportText.en["reason_" + code.rawValue] != nil, "\(code)") }
        #expect(ReportText.text("no_such_key", .en) == "[[no_such_key]]")
    }

    // MARK: The web app

    @Test func theWebAppServesTheReportInTheReadersLanguage() async throws {
        let hostile = CustomerRecord(customerId: "X<1>", name: "<script>alert(1)</script>")
        try await WebFixture.test(extra: [hostile]) { client, fixture in
            let a = fixture.state.snapshot.analysis
            let dutch = try await client.get("/report", [.acceptLanguage: "nl-BE,nl;q=0.9"])
            #expect(dutch.status == .ok)
            #expect(dutch.headers[.contentType] == "text/html; charset=utf-8")
            #expect(dutch.text.contains("<html lang=\"nl\">"))
            #expect(dutch.text.contains("Managementrapportage"))
            #expect(try Self.text(dutch.text, id: "kf-revenue", cellClass: "value") == SnoeiCore.Formatter(.nl).moneyWhole(a.portfolio.revenue))
            #expect(dutch.text.contains("id=\"needing-count\" data-count=\"\(a.needingDecision.count)\""))
            #expect(dutch.text.contains("Nog geen besluiten vastgelegd"))
            #expect(dutch.text.contains("<a href=\"/\">"))
            #expect(!dutch.text.contains("<link") && !dutch.text.contains("src=\"http"))
            let english = try await client.get("/report?lang=en", [.acceptLanguage: "nl"])
            #expect(english.text.contains("<html lang=\"en\">") && english.text.contains("Management report"))
            #expect(english.headers[.setCookie]?.contains("snoei_lang=en") == true)
            let remembered = try await client.get("/report", [.cookie: "snoei_lang=nl"])
            #expect(remembered.text.contains("Managementrapportage"))
            #expect(!english.text.contains("<script>alert(1)</script>"))

            // A decision recorded in the store shows up with its effect.
            let row = try #require(a.needingDecision.first { a.verdicts[$0].recommendation == .letGo })
            let id = a.ledger.customers.ids[row]
            let store = fixture.state.store
            let opened = try await store.openDecision(customerId: id, proposed: .letGo, actor: "Anna", at: "2026-11-20T09:00:00Z")
            try await store.record(DecisionEvent(decisionId: opened.decisionId, customerId: id, at: "2026-11-20T09:05:00Z",
                                                 actor: "Anna", step: .confirm, from: .proposed, to: .exit, proposed: .letGo,
                                                 chosen: .letGo, reason: "talked it through"))
            let after = try await client.get("/report?lang=en")
            let s = Scenario(dropping: [row], from: a)
            #expect(after.text.contains("id=\"effect-contribution-change\" data-value=\"\(s.contributionChange.cents)\""))
            #expect(after.text.contains("id=\"effect-hours-freed\" data-value=\"\(s.hoursFreed)\""))
            #expect(try Self.text(after.text, id: "state-exit", cellClass: "num") == "1")
            #expect(!after.text.contains("No decisions recorded yet"))
        }
    }

    // MARK: PDF

    @Test func aMissingChromiumIsExplained() {
        let message = PDFRenderer.Failure.chromiumMissing.description
        #expect(message.contains("apt-get install chromium") && message.contains("--format html"))
        // An explicit browser that is not there means no browser, never a fallback.
        #expect(PDFRenderer.chromiumPath(environment: ["SNOEI_CHROMIUM": "/nonexistent/chromium", "PATH": "/usr/bin"]) == nil)
        #expect(PDFRenderer.chromiumPath(environment: ["PATH": "/nonexistent"]) == PDFRenderer.chromiumPath(environment: ["PATH": ""]))
    }

    @Test(.enabled(if: PDFRenderer.chromiumPath() != nil, "needs Chromium"))
    func aPDFIsPrintedWithChromium() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("snoei-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("report.pdf").path
        let html = Self.report(Self.demo, .nl)
        try PDFRenderer.render(html: html, to: path)
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(data.starts(with: Array("%PDF".utf8)))
        #expect(data.count > 10_000)
        try Self.writeSample(data, "report-nl-decisions.pdf")
    }

    // MARK: Samples

    static func writeSample(_ html: String, _ name: String) throws { try writeSample(Data(html.utf8), name) }

    static func writeSample(_ data: Data, _ name: String) throws {
        guard let target = ProcessInfo.processInfo.environment["SNOEI_REPORT_SAMPLES"], !target.isEmpty else { return }
        let dir = target == "1" ? "/tmp/snoei-report" : target
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try data.write(to: URL(fileURLWithPath: dir).appendingPathComponent(name))
    }
}
