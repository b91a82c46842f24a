import Foundation
import HTTPTypes
import Hummingbird
import SnoeiCore

/// Authentication, CSRF and authorisation for every request, in that order:
///
/// 1. public routes (`RouteAccess.isPublic`) pass;
/// 2. an `Authorization: Bearer` token (the API) or the session cookie identifies the user;
///    without either, a page request is sent to the login page and an API call gets 401;
/// 3. a state-changing request made with a session cookie must carry the session's CSRF
///    token (form field `_csrf` or header `X-CSRF-Token`), else 403;
/// 4. `RouteAccess` names the action; the role must allow it, and an account manager must
///    manage the customer in the path, else 403. Unknown routes are refused (404 for
///    everyone, so the table is the only way in).
struct AuthMiddleware<Context: RequestContext>: RouterMiddleware {
    static var sessionCookie: String { "snoei_session" }

    let authenticator: Authenticator
    let state: PortfolioState
    let views: Views

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var request = request
        let path = request.uri.path
        if RouteAccess.isPublic(request.method, path) { return try await next(request, context) }
        let api = path.hasPrefix("/api/")

        let identity: Identity?
        if let header = request.headers[.authorization], header.lowercased().hasPrefix("bearer ") {
            identity = try await authenticator.identity(bearerToken: String(header.dropFirst(7)).trimmingCharacters(in: .whitespaces))
        } else if let token = request.cookies[Self.sessionCookie]?.value {
            identity = try await authenticator.identity(sessionToken: token)
        } else {
            identity = nil
        }
        guard let identity else {
            if api { return APIError.response(.unauthorized, "unauthorized", "Sign in with a bearer token: Authorization: Bearer TOKEN.") }
            if request.method == .get {
                let target = path + (request.uri.query.map { "?" + $0 } ?? "")
                return Response(status: .seeOther, headers: [.location: link("/login", [("next", target)])])
            }
            return denied(request, .unauthorized, "error_signed_out")
        }

        if identity.proof == .session, ![.get, .head].contains(request.method) {
            guard let expected = identity.csrfToken, let sent = try await Self.csrfToken(in: &request),
                  Credentials.constantTimeEquals(sent, expected) else {
                return denied(request, .forbidden, "error_csrf")
            }
        }

        let match = api ? APIRoutes.match(request.method, path) : RouteAccess.match(request.method, path)
        guard let match else {
            if api { return APIError.response(.notFound, "not_found", "No such API route.") }
            return denied(request, .notFound, "error_not_found_page")
        }
        guard Access.allows(identity.user.role, match.rule.action) else {
            if api { return APIError.response(.forbidden, "forbidden", "Your role (\(identity.user.role.rawValue)) may not do this.") }
            return denied(request, .forbidden, "error_forbidden")
        }
        if let customer = match.customerId, !mayAccess(identity.user, customer: customer) {
            if api { return APIError.response(.forbidden, "forbidden", "This customer is managed by another account manager.") }
            return denied(request, .forbidden, "error_forbidden")
        }
        return try await Identity.$current.withValue(identity) { try await next(request, context) }
    }

    /// Account managers see their own customers; an unknown id passes here and gets the
    /// page's own 404 (a 403 would tell them the id exists).
    private func mayAccess(_ user: UserRecord, customer id: String) -> Bool {
        let snapshot = state.snapshot
        guard let row = snapshot.analysis.row(of: id) else { return user.role != .accountManager }
        return Access.canSee(user, customerManagedBy: snapshot.analysis.ledger.customers.accountManagers[row])
    }

    /// The form field is read from the collected body, which stays on the request for the handler.
    private static func csrfToken(in request: inout Request) async throws -> String? {
        if let header = request.headers[HTTPField.Name("X-CSRF-Token")!] { return header }
        guard request.headers[.contentType]?.hasPrefix("application/x-www-form-urlencoded") == true else { return nil }
        let body = try await request.collectBody(upTo: 1 << 20)
        return FormBody(String(buffer: body))["_csrf"]
    }

    private func denied(_ request: Request, _ status: HTTPResponse.Status, _ key: String) -> Response {
        let chrome = PageChrome.from(request, state: state)
        let page = views.render("error", ["heading": chrome.t(key + "_heading"), "message": chrome.t(key)],
                                chrome: chrome, title: chrome.t(key + "_heading"))
        return Response(status: status, headers: [.contentType: "text/html; charset=utf-8"],
                        body: .init(byteBuffer: ByteBuffer(string: page)))
    }
}
