import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SnoeiCore
import SnoeiStore
import Testing
@testable import SnoeiWeb

/// Who may open what: every page and API route for every role, written out by hand (not
/// derived from `RouteAccess`, so a wrong entry there fails here).
@Suite struct AuthRouteTests {
    enum Outcome: Equatable { case allowed, forbidden }

    /// (method, path, outcome for admin, viewer, account manager, credit control).
    /// C0045 is managed by the test account manager; OTHER is replaced by a customer
    /// managed by someone else.
    static let table: [(String, String, [Role: Outcome])] = {
        let all: [Role: Outcome] = [.admin: .allowed, .viewer: .allowed, .accountManager: .allowed, .creditControl: .allowed]
        let portfolio: [Role: Outcome] = [.admin: .allowed, .viewer: .allowed, .accountManager: .forbidden, .creditControl: .allowed]
        let followUp: [Role: Outcome] = [.admin: .allowed, .viewer: .forbidden, .accountManager: .allowed, .creditControl: .allowed]
        let decide: [Role: Outcome] = [.admin: .allowed, .viewer: .forbidden, .accountManager: .allowed, .creditControl: .forbidden]
        let adminOnly: [Role: Outcome] = [.admin: .allowed, .viewer: .forbidden, .accountManager: .forbidden, .creditControl: .forbidden]
        let notOwn: [Role: Outcome] = [.admin: .allowed, .viewer: .allowed, .accountManager: .forbidden, .creditControl: .allowed]
        let export: [Role: Outcome] = [.admin: .allowed, .viewer: .forbidden, .accountManager: .forbidden, .creditControl: .allowed]
        return [
            ("GET", "/", portfolio),
            ("GET", "/customers", all),
            ("GET", "/customers/C0045", all),
            ("GET", "/customers/OTHER", notOwn),
            ("GET", "/customers/C0045/exit-brief", followUp),
            ("GET", "/customers/C0045/handover.json", followUp),
            ("GET", "/customers/OTHER/handover.json", [.admin: .allowed, .viewer: .forbidden, .accountManager: .forbidden, .creditControl: .allowed]),
            ("GET", "/customers/C0045/privacy", export),
            ("GET", "/customers/C0045/privacy.json", export),
            ("GET", "/customers/OTHER/privacy", export),
            ("GET", "/customers/OTHER/privacy.json", export),
            ("GET", "/scenario", portfolio),
            ("GET", "/policy", portfolio),
            ("GET", "/service", portfolio),
            ("GET", "/decisions", portfolio),
            ("GET", "/exits", portfolio),
            ("GET", "/report", portfolio),
            ("POST", "/customers/C0045/decision", decide),
            ("POST", "/customers/OTHER/decision", [.admin: .allowed, .viewer: .forbidden, .accountManager: .forbidden, .creditControl: .forbidden]),
            ("POST", "/customers/C0045/incidents", followUp),
            ("POST", "/customers/C0045/boundaries", followUp),
            ("POST", "/customers/C0045/leave", followUp),
            ("POST", "/customers/C0045/fixplan", followUp),
            ("POST", "/policy", adminOnly),
            ("POST", "/partners", adminOnly),
            ("GET", "/payments/unmatched", export),
            ("POST", "/payments/assign", export),
            ("GET", "/api/v1/me", all),
            ("GET", "/api/v1/analysis", portfolio),
            ("GET", "/api/v1/customers", all),
            ("GET", "/api/v1/customers/C0045", all),
            ("GET", "/api/v1/customers/OTHER", notOwn),
            ("GET", "/api/v1/decisions", all),
            ("POST", "/api/v1/customers/C0045/decisions", decide),
            ("POST", "/api/v1/imports", adminOnly),
        ]
    }()

    @Test(arguments: [Role.admin, .viewer, .accountManager, .creditControl])
    func eachRoleGetsExactlyWhatItMay(_ role: Role) async throws {
        try await WebFixture.test(as: role) { client, fixture in
            let a = fixture.state.snapshot.analysis
            let other = try #require(a.ledger.customers.ids.indices.first { a.ledger.customers.accountManagers[$0] != "Ruben Verhoeven" })
            #expect(a.ledger.customers.accountManagers[a.row(of: "C0045")!] == "Ruben Verhoeven")
            let token = try await Self.token(for: role, store: fixture.state.store)
            for (method, rawPath, outcomes) in Self.table {
                let path = rawPath.replacingOccurrences(of: "OTHER", with: a.ledger.customers.ids[other])
                let response: TestResponse
                if path.hasPrefix("/api/") {
                    response = try await client.executeRequest(
                        uri: path, method: method == "GET" ? .get : .post,
                        headers: [.authorization: "Bearer \(token)", .contentType: "application/json"],
                        body: method == "POST" ? ByteBuffer(string: "{}") : nil)
                } else if method == "GET" {
                    response = try await client.get(path)
                } else {
                    response = try await client.postForm(path, [])
                }
                let got: Outcome = response.status == .forbidden ? .forbidden : .allowed
                #expect(got == outcomes[role], "\(role.rawValue) \(method) \(path): \(response.status)")
                #expect(response.status != .unauthorized && response.headers[.location]?.hasPrefix("/login") != true,
                        "\(role.rawValue) \(method) \(path) is signed in")
            }
        }
    }

    static func token(for role: Role, store: LedgerStore) async throws -> String {
        let user = WebFixture.users.first { $0.role == role }!
        let token = Credentials.newToken()
        try await store.addAPIToken(APITokenRecord(tokenHash: Credentials.sha256(token), userId: user.userId, name: "test",
                                                   createdAt: "2026-11-24T00:00:00Z"))
        return token
    }

    @Test func aForbiddenStepChangesNothing() async throws {
        try await WebFixture.test(as: .viewer) { client, fixture in
            let r = try await client.postForm("/customers/C0045/decision", [("step", "confirm")])
            #expect(r.status == .forbidden)
            #expect(try await fixture.state.store.decisions(customerId: "C0045").isEmpty)
        }
    }

    @Test func signedOutOnlyHealthLoginStaticAndTheAPIDescriptionAnswer() async throws {
        try await WebFixture.test(as: nil) { client, _ in
            #expect(try await client.get("/health").status == .ok)
            #expect(try await client.get("/login").status == .ok)
            #expect(try await client.get("/static/app.css").status == .ok)
            #expect(try await client.get("/openapi.json").status == .ok)
            let page = try await client.get("/customers/C0045?timeline=all")
            #expect(page.status == .seeOther)
            #expect(page.headers[.location] == "/login?next=/customers/C0045%3Ftimeline%3Dall")
            for path in ["/", "/customers", "/report", "/decisions", "/customers/C0045/handover.json",
                         "/customers/C0045/privacy", "/customers/C0045/privacy.json", "/nope"] {
                let r = try await client.get(path)
                #expect(r.status == .seeOther && r.headers[.location]?.hasPrefix("/login") == true, "\(path)")
                #expect(!r.text.contains("C0045"), "\(path) leaks nothing")
            }
            let post = try await client.postForm("/customers/C0045/decision", [("step", "confirm")])
            #expect(post.status == .unauthorized)
            let api = try await client.get("/api/v1/customers")
            #expect(api.status == .unauthorized)
            #expect(api.text.contains("\"code\":\"unauthorized\""))
            let badToken = try await client.get("/api/v1/customers", [.authorization: "Bearer 0123"])
            #expect(badToken.status == .unauthorized)
        }
    }

    @Test func formsWithoutTheSessionsCSRFTokenAreRefused() async throws {
        try await WebFixture.test { client, fixture in
            let missing = try await client.postForm("/customers/C0045/decision", [("step", "confirm"), ("_csrf", "")])
            #expect(missing.status == .forbidden)
            let wrong = try await client.postForm("/customers/C0045/decision", [("step", "confirm"), ("_csrf", String(repeating: "a", count: 64))])
            #expect(wrong.status == .forbidden)
            let policy = try await client.postForm("/policy", [("policy", "x = 1"), ("_csrf", "nope")])
            #expect(policy.status == .forbidden)
            #expect(try await fixture.state.store.decisions(customerId: "C0045").isEmpty)
            // Another session's token does not fit this session.
            let other = try await TestSession.signIn("viewer", store: fixture.state.store, auth: WebFixture.authSettings())
            let foreign = try await client.postForm("/customers/C0045/decision", [("step", "confirm"), ("_csrf", other.csrf)])
            #expect(foreign.status == .forbidden)
            // The page's own forms carry the right token, and it works.
            let page = try await client.get("/customers/C0045")
            let csrf = try #require(TestSession.current?.csrf)
            #expect(page.text.contains("name=\"_csrf\" value=\"\(csrf)\""))
            let ok = try await client.postForm("/customers/C0045/decision", [("step", "confirm")])
            #expect(ok.status == .seeOther)
            #expect(try await fixture.state.store.events(customerId: "C0045").first?.actor == "Anouk Admin")
        }
    }

    @Test func signInSetsAHardenedCookieAndSignOutEndsTheSession() async throws {
        try await WebFixture.test(as: nil) { client, fixture in
            let form = try await client.get("/login?next=/customers")
            let loginCookie = try #require(form.headers[.setCookie])
            #expect(loginCookie.contains("HttpOnly") && loginCookie.contains("SameSite=Strict"))
            let token = try #require(Self.value(of: "snoei_login", in: loginCookie))
            #expect(form.text.contains("value=\"\(token)\""))
            #expect(!form.text.contains("role=\"alert\""), "no error before a sign-in was tried")
            // A second login page in the same browser (the browser fetching /favicon.ico is sent
            // there too) keeps the token, so the form already shown still works.
            let again = try await client.get("/login?next=/favicon.ico", [.cookie: "snoei_login=\(token)"])
            #expect(again.text.contains("value=\"\(token)\""))
            #expect(try await client.get("/login", [.cookie: "snoei_login=forged"]).text.contains("value=\"forged\"") == false)
            // Without the login cookie (a cross-site form), the sign-in is refused.
            let forged = try await client.postForm("/login", [("user", "admin"), ("password", WebFixture.password), ("_csrf", token)])
            #expect(forged.status == .forbidden)

            let signIn = try await client.postForm("/login", [("user", "admin"), ("password", WebFixture.password), ("_csrf", token),
                                                              ("next", "/customers")],
                                                   headers: [.cookie: "snoei_login=\(token)"])
            #expect(signIn.status == .seeOther)
            #expect(signIn.headers[.location] == "/customers")
            let cookie = try #require(signIn.headers[.setCookie])
            #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax") && cookie.contains("Path=/"))
            let session = try #require(Self.value(of: "snoei_session", in: cookie))
            let page = try await client.get("/customers", [.cookie: "snoei_session=\(session)"])
            #expect(page.status == .ok)
            #expect(page.text.contains("Anouk Admin"))
            // The stored session holds only a hash of the cookie's token.
            #expect(try await fixture.state.store.session(tokenHash: session) == nil)
            #expect(try await fixture.state.store.session(tokenHash: Credentials.sha256(session)) != nil)

            let csrf = try #require(try await fixture.state.store.session(tokenHash: Credentials.sha256(session))?.csrfToken)
            let out = try await client.postForm("/logout", [("_csrf", csrf)], headers: [.cookie: "snoei_session=\(session)"])
            #expect(out.status == .seeOther)
            let after = try await client.get("/customers", [.cookie: "snoei_session=\(session)"])
            #expect(after.headers[.location]?.hasPrefix("/login") == true)
        }
    }

    @Test func sessionsExpire() async throws {
        let clock = TestClock()
        try await WebFixture.test(auth: WebFixture.authSettings(now: { clock.now })) { client, _ in
            #expect(try await client.get("/customers").status == .ok)
            clock.advance(by: 11 * 3600)
            #expect(try await client.get("/customers").status == .ok)
            clock.advance(by: 2 * 3600)
            let expired = try await client.get("/customers")
            #expect(expired.status == .seeOther && expired.headers[.location]?.hasPrefix("/login") == true)
        }
    }

    @Test func repeatedWrongPasswordsLockTheAccountForAWhile() async throws {
        let clock = TestClock()
        try await WebFixture.test(as: nil, auth: WebFixture.authSettings(now: { clock.now })) { client, fixture in
            let auth = Authenticator(store: fixture.state.store, settings: WebFixture.authSettings(now: { clock.now }))
            for _ in 1..<5 {
                guard case .refused = try await auth.login(userId: "viewer", password: "wrong password") else { Issue.record("not refused"); return }
            }
            guard case .locked = try await auth.login(userId: "viewer", password: "wrong password") else { Issue.record("not locked"); return }
            // Locked: even the right password is refused until the lock-out ends.
            guard case .locked = try await auth.login(userId: "viewer", password: WebFixture.password) else { Issue.record("lock ignored"); return }
            clock.advance(by: 16 * 60)
            guard case .signedIn = try await auth.login(userId: "viewer", password: WebFixture.password) else { Issue.record("still locked"); return }
            #expect(try await fixture.state.store.user(id: "viewer")?.failedLogins == 0)
            // An unknown name gets the same answer as a wrong password.
            guard case .refused = try await auth.login(userId: "nobody", password: "whatever") else { Issue.record("unknown user"); return }
            // Through the form: the message says locked, with 429.
            let form = try await client.get("/login")
            let token = try #require(Self.value(of: "snoei_login", in: form.headers[.setCookie] ?? ""))
            for _ in 0..<5 {
                _ = try await client.postForm("/login", [("user", "credit"), ("password", "nope nope nope"), ("_csrf", token)],
                                              headers: [.cookie: "snoei_login=\(token)"])
            }
            let locked = try await client.postForm("/login", [("user", "credit"), ("password", WebFixture.password), ("_csrf", token)],
                                                   headers: [.cookie: "snoei_login=\(token)"])
            #expect(locked.status == .tooManyRequests)
        }
    }

    @Test func afterSignInOnlyLocalRedirects() {
        #expect(LoginController.safeNext("/customers?q=a") == "/customers?q=a")
        for evil in ["//evil.example", "https://evil.example", "/\\evil.example", "javascript:alert(1)", nil, "/x\r\nSet-Cookie: a=b"] {
            #expect(LoginController.safeNext(evil) == "/", "\(evil ?? "nil")")
        }
    }

    @Test func injectionAttemptsAreInertEverywhere() async throws {
        try await WebFixture.test { client, fixture in
            let payloads = ["' OR 1=1 --", "\"; DROP TABLE customers; --", "<script>alert(1)</script>", "%27%20OR%20%271%27=%271"]
            for p in payloads {
                let encoded = p.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
                let customer = try await client.get("/customers/\(encoded)")
                #expect(customer.status == .notFound)
                #expect(!customer.text.contains("<script>alert(1)"))
                let search = try await client.get("/customers?q=\(encoded)")
                #expect(search.status == .ok)
                #expect(!search.text.contains("<script>alert(1)"))
                let login = try await client.postForm("/login", [("user", p), ("password", p), ("_csrf", "x")])
                #expect(!login.text.contains("<script>alert(1)"))
                let incident = try await client.postForm("/customers/C0045/incidents", [("kind", "other"), ("severity", "1"), ("note", p)])
                #expect(incident.status == .seeOther)
            }
            // Stored as text, shown escaped; every table still there.
            #expect(fixture.state.snapshot.records.incidents.contains { $0.note == "<script>alert(1)</script>" })
            let page = try await client.get("/customers/C0045?timeline=all")
            #expect(page.text.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            #expect(!page.text.contains("<script>alert(1)"))
            #expect(try await fixture.state.store.customerCount() == fixture.state.snapshot.records.customers.count)
            #expect(try await fixture.state.store.users().count == WebFixture.users.count)
        }
    }

    @Test func everyResponseCarriesSecurityHeaders() async throws {
        try await WebFixture.test { client, _ in
            for path in ["/", "/login", "/customers/C0045"] {
                let r = try await client.get(path)
                #expect(r.headers[.contentSecurityPolicy]?.contains("default-src 'none'") == true, "\(path)")
                #expect(r.headers[.xContentTypeOptions] == "nosniff")
                #expect(r.headers[HTTPField.Name("X-Frame-Options")!] == "DENY")
            }
        }
    }

    static func value(of name: String, in setCookie: String) -> String? {
        setCookie.split(separator: ";").first { $0.trimmingCharacters(in: .whitespaces).hasPrefix(name + "=") }
            .map { String($0.trimmingCharacters(in: .whitespaces).dropFirst(name.count + 1)) }
    }
}

/// A clock tests move by hand.
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current = Date(timeIntervalSince1970: 1_795_000_000)
    var now: Date { lock.withLock { current } }
    func advance(by seconds: TimeInterval) { lock.withLock { current += seconds } }
}
