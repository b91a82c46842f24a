import HTTPTypes
import Hummingbird

/// Headers that close whole classes of attack for every response: no framing (clickjacking),
/// no MIME sniffing, no referrer leaking customer ids to other sites, and a content security
/// policy that runs no script at all (the pages need none) and loads nothing from elsewhere,
/// so even an escaping bug could not execute injected code.
struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    static var contentSecurityPolicy: String {
        "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        response.headers[.contentSecurityPolicy] = Self.contentSecurityPolicy
        response.headers[HTTPField.Name("X-Frame-Options")!] = "DENY"
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[HTTPField.Name("Referrer-Policy")!] = "same-origin"
        if request.uri.path != "/static/app.css" { response.headers[.cacheControl] = "no-store" }
        return response
    }
}
