import Foundation
import Hummingbird
import SnoeiConfig
import SnoeiCore

/// The HTML pages. Handlers are thin: read the request, build the page model, render.
struct PageController: Sendable {
    let state: PortfolioState
    let views: Views

    func addRoutes(to router: Router<some RequestContext>) {
        router.get("/") { request, _ in self.dashboard(request) }
        router.get("/customers") { request, _ in self.customers(request) }
        router.get("/customers/:id") { request, context in
            let raw = context.parameters.get("id") ?? ""
            return try await self.customer(request, id: raw.removingPercentEncoding ?? raw)
        }
        router.get("/scenario") { request, _ in self.scenario(request) }
        router.get("/policy") { request, _ in self.policy(request) }
        router.post("/policy") { request, context in try await self.savePolicy(request, context: context) }
    }

    // MARK: Pages

    func dashboard(_ request: Request) -> Response {
        let chrome = self.chrome(request)
        let axis = DashboardPage.MatrixAxis(rawValue: parameters(request)["matrix"] ?? "") ?? .contribution
        let page = DashboardPage(snapshot: state.snapshot, chrome: chrome, policyError: state.policyError, matrixAxis: axis)
        return html(views.render("dashboard", page.context(), chrome: chrome, title: page.title))
    }

    func customers(_ request: Request) -> Response {
        let chrome = self.chrome(request)
        let page = CustomersPage(snapshot: state.snapshot, chrome: chrome, query: CustomersPage.query(from: parameters(request)))
        return html(views.render("customers", page.context(), chrome: chrome, title: page.title))
    }

    func customer(_ request: Request, id: String) async throws -> Response {
        let chrome = self.chrome(request)
        let snapshot = state.snapshot
        guard let row = snapshot.analysis.row(of: id) else {
            return notFound(chrome, chrome.t("error_customer", ["id": id]))
        }
        let query = QueryString(request)
        var page = CustomerPage(snapshot: snapshot, chrome: chrome, row: row, fullTimeline: query["timeline"] == "all")
        let latest = try await state.store.decisions(customerId: id).first
        let events = try await state.store.events(customerId: id)
        var panel = DecisionPanel(chrome: chrome, customerId: id, proposal: snapshot.analysis.verdicts[row].recommendation,
                                  decision: latest,
                                  events: events)
        panel.error = query["decision_error"]
        if query["saved"] != nil, let latest { panel.flash = chrome.t("decision_saved", ["state": chrome.t("state_" + latest.state.rawValue)]) }
        page.decision = panel
        let plan = try await latest.asyncMap { try await state.store.fixPlan(decisionId: $0.decisionId) } ?? nil
        let relationship = RelationshipPanel(
            chrome: chrome, snapshot: snapshot, row: row, decision: latest, plan: plan,
            notices: try await state.store.boundaryNotices(customerId: id),
            latestLeave: try await state.store.leaveRequests(customerId: id).last, showLeave: query["left"] != nil)
        page.relationship = views.fragment("relationship", relationship.context(), chrome: chrome)
        let privacyHref = customerHref(id) + "/privacy"
        if PageChrome.mayOpen(privacyHref) { page.privacyHref = privacyHref }
        if let kind = query["incident"].flatMap(IncidentKind.init(rawValue:)), let severity = query["severity"].flatMap(Int.init) {
            page.incidentSuggestions = Deescalation.suggestion(for: kind, severity: severity, language: chrome.language,
                                                               policy: snapshot.policy)
            page.incidentWarning = query["wording"].map { chrome.t("incident_wording", ["word": $0]) }
        }
        let shown = page.timelineNotes
        if AccessLogger.showsNotes(incidents: shown.incidents, deviations: shown.deviations, notices: relationship.notices.count,
                                   leaveRequests: relationship.showLeave && relationship.latestLeave != nil ? 1 : 0,
                                   decisionEvents: events) {
            try await state.accessLog.viewedNotes(id, on: "customer page")
        }
        return html(views.render("customer", page.context(), chrome: chrome, title: page.title))
    }

    func scenario(_ request: Request) -> Response {
        let chrome = self.chrome(request)
        let query = QueryString(request)
        let ids = ScenarioPage.ids(drop: query.all("drop"), text: query["ids"])
        let page = ScenarioPage(snapshot: state.snapshot, chrome: chrome, ids: ids)
        return html(views.render("scenario", page.context(), chrome: chrome, title: page.title))
    }

    func policy(_ request: Request) -> Response {
        let chrome = self.chrome(request)
        let page = PolicyPage(snapshot: state.snapshot, chrome: chrome, savePath: state.policyFilePath)
        let saved = QueryString(request)["saved"].map {
            chrome.t("policy_saved", ["path": state.policyFilePath, "n": String($0)])
        }
        return html(views.render("policy", page.context(text: page.currentText(), errors: [], preview: nil, saved: saved),
                                 chrome: chrome, title: page.title))
    }

    func savePolicy(_ request: Request, context: some RequestContext) async throws -> Response {
        var request = request
        let chrome = self.chrome(request)
        let body = try await request.collectBody(upTo: 1 << 20)
        let form = FormBody(String(buffer: body))
        let text = form["policy"] ?? ""
        let page = PolicyPage(snapshot: state.snapshot, chrome: chrome, savePath: state.policyFilePath)
        let parsed = Result { try PolicyFile.parse(text, file: (state.policyFilePath as NSString).lastPathComponent) }
        guard case .success(let policy) = parsed else {
            let message = parsed.failureDescription
            let errors = message.split(separator: "\n").map(String.init)
            return html(views.render("policy", page.context(text: text, errors: errors, preview: nil, saved: nil),
                                     chrome: chrome, title: page.title), status: .unprocessableContent)
        }
        let changes = page.changes(under: policy)
        guard form["action"] == "save" else {
            return html(views.render("policy", page.context(text: text, errors: [], preview: changes, saved: nil),
                                     chrome: chrome, title: page.title))
        }
        do {
            try text.write(toFile: state.policyFilePath, atomically: true, encoding: .utf8)
        } catch {
            return html(views.render("policy", page.context(text: text, errors: ["\(error)"], preview: nil, saved: nil),
                                     chrome: chrome, title: page.title), status: .internalServerError)
        }
        try await state.refresh(force: true)
        // Post/redirect/get: a reload does not save twice.
        return Response(status: .seeOther, headers: [.location: link("/policy", [("saved", "\(changes.count)")])])
    }

    // MARK: Helpers

    private func chrome(_ request: Request) -> PageChrome { PageChrome.from(request, state: state) }
}

extension PageChrome {
    static func from(_ request: Request, state: PortfolioState) -> PageChrome {
        let query = QueryString(request)
        let language = LanguageNegotiation.choose(
            query: query["lang"], cookie: request.cookies[LanguageNegotiation.cookieName]?.value,
            acceptLanguage: request.headers[.acceptLanguage])
        let snapshot = state.snapshot
        let f = SnoeiCore.Formatter(language)
        let footer = WebText.text("footer", language, ["date": f.date(snapshot.asOf), "source": snapshot.policySource])
        return PageChrome(language: language, path: request.uri.path,
                          query: query.pairs, footer: footer)
    }
}

extension PageController {

    private func parameters(_ request: Request) -> [String: String] {
        var out = [String: String]()
        for (k, v) in QueryString(request).pairs { out[k] = v }
        return out
    }

    private func notFound(_ chrome: PageChrome, _ message: String) -> Response {
        html(views.render("error", ["heading": chrome.t("error_not_found"), "message": message], chrome: chrome,
                          title: chrome.t("error_not_found")), status: .notFound)
    }

    private func html(_ body: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "text/html; charset=utf-8"],
                 body: .init(byteBuffer: ByteBuffer(string: body)))
    }
}

extension Optional {
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let self else { return nil }
        return try await transform(self)
    }
}

extension Result {
    var failureDescription: String {
        if case .failure(let error) = self { return "\(error)" }
        return ""
    }
}

/// `application/x-www-form-urlencoded` text, as browsers send forms (in a body or a GET
/// query): `+` is a space, then percent-decoding. Keeps the order and repeated keys.
struct FormBody {
    let pairs: [(String, String)]

    init(_ text: String) {
        func decode(_ s: Substring) -> String {
            let spaced = s.replacingOccurrences(of: "+", with: " ")
            return spaced.removingPercentEncoding ?? spaced
        }
        pairs = text.split(separator: "&").map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            return (decode(parts[0]), parts.count > 1 ? decode(parts[1]) : "")
        }
    }

    subscript(_ key: String) -> String? { pairs.last { $0.0 == key }?.1 }

    func all(_ key: String) -> [String] { pairs.filter { $0.0 == key }.map(\.1) }
}

typealias QueryString = FormBody

extension FormBody {
    init(_ request: Request) { self.init(request.uri.query ?? "") }
}
