import Foundation
import Hummingbird
import SnoeiCore

/// Exports of one customer's data (GDPR/AVG): the art. 15 overview as a page and as JSON —
/// everything held about the customer, the firm's assessments and Snoei's profiling included,
/// the same content as `snoei privacy export` — and the hand-over JSON a leaving customer takes
/// to its next firm, which carries none of the assessments. Every export is in the access log.
struct PrivacyController: Sendable {
    let state: PortfolioState
    let views: Views

    func addRoutes(to router: Router<some RequestContext>) {
        router.get("/customers/:id/privacy") { request, context in
            try await self.page(request, id: Self.id(context))
        }
        router.get("/customers/:id/privacy.json") { request, context in
            try await self.json(request, id: Self.id(context))
        }
        router.get("/customers/:id/handover.json") { _, context in
            try await self.handover(id: Self.id(context))
        }
    }

    private static func id(_ context: some RequestContext) -> String {
        let raw = context.parameters.get("id") ?? ""
        return raw.removingPercentEncoding ?? raw
    }

    /// The art. 15 overview, readable. Viewing it counts as an export.
    func page(_ request: Request, id: String) async throws -> Response {
        let chrome = PageChrome.from(request, state: state)
        guard let export = try await export(id, language: chrome.language, logged: "art. 15 overview (web page)") else {
            let message = chrome.t("error_customer", ["id": id])
            return Self.respond(views.render("error", ["heading": chrome.t("error_not_found"), "message": message],
                                             chrome: chrome, title: chrome.t("error_not_found")),
                                type: "text/html", status: .notFound)
        }
        let snapshot = state.snapshot
        let name = snapshot.analysis.row(of: id).map { snapshot.analysis.ledger.customers.names[$0] } ?? id
        let page = PrivacyPage(document: export.document(), customerName: name, customerHref: customerHref(id),
                               jsonHref: customerHref(id) + "/privacy.json")
        return Self.respond(views.render("privacy", page.context(), chrome: chrome, title: page.document.title), type: "text/html")
    }

    /// The art. 15 export as JSON, as `snoei privacy export` writes it; a download.
    func json(_ request: Request, id: String) async throws -> Response {
        let language = PageChrome.from(request, state: state).language
        guard let export = try await export(id, language: language, logged: "art. 15 export (JSON, web)") else {
            return APIError.response(.notFound, "not_found", "No customer with id \(id).")
        }
        return Self.respond(export.json(), type: "application/json", attachment: "privacy-\(Self.fileSafe(id)).json")
    }

    /// The leaving customer's own data to hand over (see `HandoverExport` for what stays out).
    func handover(id: String) async throws -> Response {
        let snapshot = state.snapshot
        guard let records = HandoverExport.records(for: id, in: snapshot.records) else { throw HTTPError(.notFound) }
        try await state.accessLog.exported(id, "hand-over export (JSON, web)")
        let json = LedgerRecordsJSON.render(records) { w in
            w.string("customer_id", id)
            w.string("as_of", snapshot.asOf.iso)
        }
        return Self.respond(json, type: "application/json", attachment: "handover-\(Self.fileSafe(id)).json")
    }

    /// Everything held about the customer, after logging the export under the signed-in
    /// user's name (so the overview shows its own entry, and a failed log sends nothing).
    /// Nil for an unknown customer, which logs nothing.
    private func export(_ id: String, language: Language, logged detail: String) async throws -> PrivacyExport? {
        let snapshot = state.snapshot
        guard snapshot.analysis.row(of: id) != nil else { return nil }
        try await state.accessLog.exported(id, detail)
        let workflow = try await state.store.workflowRecords(customerId: id)
        let log = try await state.store.accessLog(customerId: id)
        return PrivacyExport(customerId: id, records: snapshot.records, workflow: workflow, accessLog: log,
                             analysis: snapshot.analysis, generatedAt: Date().ISO8601Format(), language: language)
    }

    /// The id goes into a header: keep only characters that cannot break it.
    static func fileSafe(_ id: String) -> String {
        String(id.unicodeScalars.filter { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_") })
    }

    private static func respond(_ body: String, type: String, status: HTTPResponse.Status = .ok, attachment: String? = nil) -> Response {
        var headers: HTTPFields = [.contentType: type + "; charset=utf-8"]
        if let attachment { headers[.contentDisposition] = "attachment; filename=\"\(attachment)\"" }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: body)))
    }
}
