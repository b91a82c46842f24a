import Hummingbird

/// Remembers an explicit language choice (`?lang=nl`) in a cookie for later visits.
struct LanguageCookieMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        if let lang = QueryString(request)["lang"], ["en", "nl"].contains(lang) {
            response.setCookie(Cookie(name: LanguageNegotiation.cookieName, value: lang,
                                      maxAge: 365 * 24 * 3600, path: "/", httpOnly: true, sameSite: .lax))
        }
        return response
    }
}
