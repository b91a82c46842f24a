import Foundation
import Hummingbird
import SnoeiCore
import SnoeiImport
import SnoeiStore

/// The JSON API under `/api/v1`, described by `/openapi.json`. Authentication (bearer token)
/// and the role check happen in `AuthMiddleware`; handlers only narrow lists to what an
/// account manager may see.
struct APIController: Sendable {
    let state: PortfolioState

    func addRoutes(to router: Router<some RequestContext>) {
        router.get("/api/v1/me") { _, _ in self.me() }
        router.get("/api/v1/analysis") { _, _ in self.analysis() }
        router.get("/api/v1/customers") { request, _ in self.customers(request) }
        router.get("/api/v1/customers/:id") { _, context in self.customer(Self.id(context)) }
        router.get("/api/v1/customers/:id/decisions") { _, context in try await self.decisions(customerId: Self.id(context)) }
        router.post("/api/v1/customers/:id/decisions") { request, context in try await self.decide(request, id: Self.id(context)) }
        router.get("/api/v1/decisions") { request, _ in try await self.allDecisions(request) }
        router.post("/api/v1/imports") { request, _ in try await self.importLedger(request) }
    }

    private static func id(_ context: some RequestContext) -> String {
        let raw = context.parameters.get("id") ?? ""
        return raw.removingPercentEncoding ?? raw
    }

    private var user: UserRecord? { Identity.current?.user }

    func me() -> Response {
        guard let user else { return APIError.response(.unauthorized, "unauthorized", "Not signed in.") }
        var w = JSONWriter(pretty: false)
        w.beginObject()
        w.string("user_id", user.userId); w.string("display_name", user.displayName); w.string("role", user.role.rawValue)
        w.string("account_manager", user.accountManagerName)
        w.endObject()
        return APIResponse.json(w.output)
    }

    func analysis() -> Response {
        let a = state.snapshot.analysis
        var w = JSONWriter(pretty: false)
        w.beginObject()
        w.string("as_of", a.asOf.iso)
        AnalysisJSON.writePortfolio(&w, a)
        w.endObject()
        return APIResponse.json(w.output)
    }

    /// `?page=1&per_page=50` (at most 500); `?q=` filters on id or name. Ordered by id.
    func customers(_ request: Request) -> Response {
        let query = QueryString(request)
        let a = state.snapshot.analysis
        guard let paging = Paging(query) else {
            return APIError.response(.badRequest, "bad_paging", "page must be ≥ 1 and per_page between 1 and \(Paging.maxPerPage).")
        }
        let needle = query["q"]?.lowercased()
        let rows = visibleRows(a).filter { row in
            guard let needle, !needle.isEmpty else { return true }
            return a.ledger.customers.ids[row].lowercased().contains(needle) || a.ledger.customers.names[row].lowercased().contains(needle)
        }.sorted { a.ledger.customers.ids[$0] < a.ledger.customers.ids[$1] }
        let text = TextRenderer(.en)
        var w = JSONWriter(pretty: false)
        w.beginObject()
        w.string("as_of", a.asOf.iso)
        w.beginArray("data")
        for row in paging.slice(rows) { AnalysisJSON.writeCustomer(&w, a, row, text) }
        w.endArray()
        paging.write(&w, total: rows.count)
        w.endObject()
        return APIResponse.json(w.output)
    }

    func customer(_ id: String) -> Response {
        let a = state.snapshot.analysis
        guard let row = a.row(of: id), visible(a, row) else { return APIError.response(.notFound, "not_found", "No customer with id \(id).") }
        var w = JSONWriter(pretty: false)
        AnalysisJSON.writeCustomer(&w, a, row, TextRenderer(.en))
        return APIResponse.json(w.output)
    }

    func decisions(customerId: String) async throws -> Response {
        guard let row = state.snapshot.analysis.row(of: customerId), visible(state.snapshot.analysis, row) else {
            return APIError.response(.notFound, "not_found", "No customer with id \(customerId).")
        }
        let decisions = try await state.store.decisions(customerId: customerId)
        let events = try await state.store.events(customerId: customerId)
        if AccessLogger.showsNotes(incidents: 0, deviations: 0, decisionEvents: events) {
            try await state.accessLog.viewedNotes(customerId, on: "API: decisions with their reasons")
        }
        var w = JSONWriter(pretty: false)
        w.beginObject()
        w.beginArray("data")
        for d in decisions { Self.write(&w, d, events: events.filter { $0.decisionId == d.decisionId }) }
        w.endArray()
        w.endObject()
        return APIResponse.json(w.output)
    }

    func allDecisions(_ request: Request) async throws -> Response {
        guard let paging = Paging(QueryString(request)) else {
            return APIError.response(.badRequest, "bad_paging", "page must be ≥ 1 and per_page between 1 and \(Paging.maxPerPage).")
        }
        let a = state.snapshot.analysis
        let all = try await state.store.decisions().filter { d in a.row(of: d.customerId).map { visible(a, $0) } ?? (user?.role != .accountManager) }
        var w = JSONWriter(pretty: false)
        w.beginObject()
        w.beginArray("data")
        for d in paging.slice(all) { Self.write(&w, d, events: nil) }
        w.endArray()
        paging.write(&w, total: all.count)
        w.endObject()
        return APIResponse.json(w.output)
    }

    /// Body: `{"step": "confirm|change|reject|…", "to": "keep", "reason": "…"}`; the actor is
    /// the token's user.
    func decide(_ request: Request, id: String) async throws -> Response {
        var request = request
        let a = state.snapshot.analysis
        guard let row = a.row(of: id) else { return APIError.response(.notFound, "not_found", "No customer with id \(id).") }
        let body = try await request.collectBody(upTo: 64 * 1024)
        guard let object = (try? JSONSerialization.jsonObject(with: Data(buffer: body))) as? [String: Any] else {
            return APIError.response(.badRequest, "bad_json", "The body must be a JSON object.")
        }
        guard let step = (object["step"] as? String).flatMap(DecisionStep.init(rawValue:)) else {
            return APIError.response(.unprocessableContent, "bad_step",
                                     "step must be one of: \(DecisionStep.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        let actor = Identity.current?.actorName ?? "?"
        let chosen = (object["to"] as? String).flatMap(Recommendation.init(rawValue:))
        let now = Date().ISO8601Format()
        do {
            let open = try await state.store.openDecision(customerId: id, proposed: a.verdicts[row].recommendation, actor: actor, at: now)
            let event = try DecisionMachine.event(decisionId: open.decisionId, customerId: id, at: now, actor: actor, step: step,
                                                  from: open.state, proposed: open.proposed, chosen: step == .change ? chosen : nil,
                                                  reason: object["reason"] as? String ?? "")
            let saved = try await state.store.record(event)
            try await state.accessLog.changed(id, "decision step \(step.rawValue) (API)")
            var w = JSONWriter(pretty: false)
            Self.write(&w, saved, events: [event])
            return APIResponse.json(w.output, status: .created)
        } catch let error as DecisionError {
            return APIError.response(.conflict, "decision_refused", "\(error)")
        }
    }

    /// Body: `{"files": {"invoices.csv": "<canonical CSV>", …}, "dry_run": false}`. One
    /// transaction: every file valid and all rows written, or nothing.
    func importLedger(_ request: Request) async throws -> Response {
        var request = request
        let body = try await request.collectBody(upTo: 64 << 20)
        guard let object = (try? JSONSerialization.jsonObject(with: Data(buffer: body))) as? [String: Any],
              let files = object["files"] as? [String: String], !files.isEmpty else {
            return APIError.response(.badRequest, "bad_json", "The body must be {\"files\": {\"customers.csv\": \"…\", …}}.")
        }
        let unknown = files.keys.filter { !CanonicalLedgerReader.fileNames.contains($0) }.sorted()
        guard unknown.isEmpty else {
            return APIError.response(.unprocessableContent, "unknown_file",
                                     "Unknown file \(unknown.joined(separator: ", ")); expected one of \(CanonicalLedgerReader.fileNames.joined(separator: ", ")).")
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("snoei-api-import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, text) in files { try Data(text.utf8).write(to: folder.appendingPathComponent(name)) }
        let result = try CanonicalLedgerReader().read(folder: folder, knownCustomerIds: try await state.store.customerIds())
        guard result.isValid else {
            var w = JSONWriter(pretty: false)
            w.beginObject()
            w.beginObject("error")
            w.int("status", 422); w.string("code", "invalid_ledger")
            w.string("message", "\(result.errors.count + result.suppressedErrors) problem(s); nothing was imported.")
            w.beginArray("problems")
            for p in result.errors {
                w.beginObject()
                w.string("file", p.file); w.int("line", p.line)
                if let c = p.column { w.int("column", c) } else { w.null("column") }
                w.string("reason", p.reason)
                w.endObject()
            }
            w.endArray()
            w.endObject()
            w.endObject()
            return APIResponse.json(w.output, status: .unprocessableContent)
        }
        let dryRun = object["dry_run"] as? Bool ?? false
        let summary = try await state.store.apply(result.records, dryRun: dryRun)
        var w = JSONWriter(pretty: false)
        w.beginObject()
        w.bool("dry_run", dryRun)
        w.int("rows", summary.rows); w.int("new", summary.new); w.int("updated", summary.updated); w.int("unchanged", summary.unchanged)
        w.beginArray("files")
        for k in summary.kinds where k.rows > 0 {
            w.beginObject()
            w.string("file", k.file); w.int("rows", k.rows); w.int("new", k.new); w.int("updated", k.updated); w.int("unchanged", k.unchanged)
            w.endObject()
        }
        w.endArray()
        w.endObject()
        return APIResponse.json(w.output, status: dryRun ? .ok : .created)
    }

    // MARK: Helpers

    private func visible(_ a: Analysis, _ row: Int) -> Bool {
        guard let user else { return false }
        return Access.canSee(user, customerManagedBy: a.ledger.customers.accountManagers[row])
    }

    private func visibleRows(_ a: Analysis) -> [Int] {
        guard user?.role == .accountManager else { return Array(a.customers.indices) }
        return a.customers.indices.filter { visible(a, $0) }
    }

    static func write(_ w: inout JSONWriter, _ d: DecisionRecord, events: [DecisionEvent]?) {
        w.beginObject()
        w.string("decision_id", d.decisionId); w.string("customer_id", d.customerId); w.string("state", d.state.rawValue)
        w.string("proposed", d.proposed.rawValue); w.string("chosen", d.chosen?.rawValue)
        w.string("opened_at", d.openedAt); w.string("updated_at", d.updatedAt)
        if let events {
            w.beginArray("events")
            for e in events {
                w.beginObject()
                w.string("at", e.at); w.string("actor", e.actor); w.string("step", e.step.rawValue)
                w.string("from", e.from.rawValue); w.string("to", e.to.rawValue); w.string("reason", e.reason)
                w.endObject()
            }
            w.endArray()
        }
        w.endObject()
    }
}

/// `?page=&per_page=`: 1-based pages, 50 per page by default.
struct Paging {
    static let maxPerPage = 500
    let page: Int
    let perPage: Int

    init?(_ query: QueryString) {
        page = query["page"].map { Int($0) ?? 0 } ?? 1
        perPage = query["per_page"].map { Int($0) ?? 0 } ?? 50
        guard page >= 1, (1...Self.maxPerPage).contains(perPage) else { return nil }
    }

    func slice<T>(_ all: [T]) -> ArraySlice<T> {
        let start = min((page - 1) * perPage, all.count)
        return all[start..<min(start + perPage, all.count)]
    }

    func write(_ w: inout JSONWriter, total: Int) {
        w.beginObject("pagination")
        w.int("page", page); w.int("per_page", perPage); w.int("total", total)
        w.int("pages", max(1, (total + perPage - 1) / perPage))
        w.endObject()
    }
}
