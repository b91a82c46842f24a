import Foundation
import Hummingbird
import SnoeiCore

/// Sign in and out. The login form is protected against login CSRF by a double-submit
/// token: a cookie set with the form and a hidden field that must match it.
struct LoginController: Sendable {
    let authenticator: Authenticator
    let state: PortfolioState
    let views: Views

    static var loginCookie: String { "snoei_login" }

    func addRoutes(to router: Router<some RequestContext>) {
        router.get("/login") { request, _ in self.form(request, error: nil, status: .ok) }
        router.post("/login") { request, _ in try await self.login(request) }
        router.post("/logout") { request, _ in try await self.logout(request) }
    }

    func form(_ request: Request, error: String?, status: HTTPResponse.Status, userId: String = "") -> Response {
        let chrome = PageChrome.from(request, state: state)
        // One token per browser while its cookie lives: a second login page (another tab, or the
        // browser fetching /favicon.ico and being sent here) must not invalidate the form shown.
        let existing = request.cookies[Self.loginCookie]?.value
        let token = existing.map { Self.isToken($0) } == true ? existing ?? "" : Credentials.newToken()
        var ctx: [String: Any] = ["loginToken": token, "next": Self.safeNext(QueryString(request)["next"]), "userId": userId]
        if let error { ctx["error"] = error }
        var response = Response(status: status, headers: [.contentType: "text/html; charset=utf-8"],
                                body: .init(byteBuffer: ByteBuffer(string: views.render("login", ctx, chrome: chrome,
                                                                                        title: chrome.t("login_title")))))
        response.setCookie(Cookie(name: Self.loginCookie, value: token, maxAge: 3600, path: "/login",
                                  secure: authenticator.settings.secureCookies, httpOnly: true, sameSite: .strict))
        return response
    }

    func login(_ request: Request) async throws -> Response {
        var request = request
        let form = FormBody(String(buffer: try await request.collectBody(upTo: 64 * 1024)))
        let chrome = PageChrome.from(request, state: state)
        guard let sent = form["_csrf"], let cookie = request.cookies[Self.loginCookie]?.value,
              Credentials.constantTimeEquals(sent, cookie) else {
            return self.form(request, error: chrome.t("login_expired"), status: .forbidden)
        }
        let userId = (form["user"] ?? "").trimmingCharacters(in: .whitespaces)
        switch try await authenticator.login(userId: userId, password: form["password"] ?? "") {
        case .refused:
            return self.form(request, error: chrome.t("login_refused"), status: .unauthorized, userId: userId)
        case .locked:
            return self.form(request, error: chrome.t("login_locked"), status: .tooManyRequests, userId: userId)
        case .signedIn(let token, _, let user):
            var next = Self.safeNext(form["next"])
            // An account manager has no dashboard: their customers are their home page.
            if next == "/", !Access.allows(user.role, .viewPortfolio) { next = "/customers" }
            var response = Response(status: .seeOther, headers: [.location: next])
            response.setCookie(Cookie(name: AuthMiddleware<BasicRequestContext>.sessionCookie, value: token,
                                      maxAge: Int(authenticator.settings.sessionLifetime), path: "/",
                                      secure: authenticator.settings.secureCookies, httpOnly: true, sameSite: .lax))
            return response
        }
    }

    func logout(_ request: Request) async throws -> Response {
        if let token = request.cookies[AuthMiddleware<BasicRequestContext>.sessionCookie]?.value {
            try await authenticator.logout(sessionToken: token)
        }
        var response = Response(status: .seeOther, headers: [.location: "/login"])
        response.setCookie(Cookie(name: AuthMiddleware<BasicRequestContext>.sessionCookie, value: "", maxAge: 0, path: "/",
                                  secure: authenticator.settings.secureCookies, httpOnly: true, sameSite: .lax))
        return response
    }

    /// What `Credentials.newToken` makes: 64 lower-case hexadecimal digits.
    static func isToken(_ s: String) -> Bool {
        s.utf8.count == 64 && s.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
    }

    /// Only a path on this site: no scheme, no host, no `//evil.example` (an open redirect).
    static func safeNext(_ next: String?) -> String {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.hasPrefix("/\\"), !next.contains("\r"),
              !next.contains("\n") else { return "/" }
        return next
    }
}
