import Foundation
import Hummingbird
import SnoeiCore

/// `GET /report`: the management report as one self-contained document, in the language of
/// the other pages (`?lang=`, the cookie, Accept-Language). Print it, or save it as PDF,
/// from the browser; `snoei report --format pdf` does the same from the command line.
struct ReportController: Sendable {
    let state: PortfolioState

    func addRoutes(to router: Router<some RequestContext>) {
        router.get("/report") { request, _ in try await self.report(request) }
    }

    func report(_ request: Request) async throws -> Response {
        let language = LanguageNegotiation.choose(
            query: QueryString(request)["lang"], cookie: request.cookies[LanguageNegotiation.cookieName]?.value,
            acceptLanguage: request.headers[.acceptLanguage])
        let snapshot = state.snapshot
        let inputs = try await ReportInputs.load(from: state.store)
        var report = ManagementReport(analysis: snapshot.analysis, decisions: inputs.decisions, events: inputs.events,
                                      language: language, firmName: inputs.firmName,
                                      generatedAt: ReportInputs.timestamp(Date(), language))
        report.backLink = "/"
        return Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8"],
                        body: .init(byteBuffer: ByteBuffer(string: report.html())))
    }
}
