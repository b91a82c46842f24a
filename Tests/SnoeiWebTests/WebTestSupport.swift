import Foundation
import Hummingbird
import Logging
import HummingbirdTesting
import SnoeiCore
import SnoeiStore
@testable import SnoeiWeb

/// A demo database in a temporary folder, served by the real router (no socket).
struct WebFixture {
    static let asOf = Day(iso: "2026-11-24")!
    let folder: URL
    let state: PortfolioState

    /// `extra` customers are added to the demo firm (e.g. one with a hostile name).
    static func make(extra: [CustomerRecord] = [], futureValue: Bool = false) async throws -> WebFixture {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("snoei-web-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var records = DemoFirm.generate(seed: 1, end: asOf)
        records.customers += extra
        let store = try await LedgerStore.open(path: folder.appendingPathComponent("snoei.sqlite").path)
        try await store.replaceAll(records)
        let state = PortfolioState(store: store, policyPath: nil, workingDirectory: folder.path, asOf: asOf,
                                   futureValue: futureValue)
        try await state.refresh(force: true)
        return WebFixture(folder: folder, state: state)
    }

    func close() async {
        try? await state.store.close()
        try? FileManager.default.removeItem(at: folder)
    }

    /// One user per role; the account manager manages C0045 (Ruben Verhoeven in the demo firm).
    static let password = "correct horse battery"
    static let users: [UserRecord] = [
        UserRecord(userId: "admin", displayName: "Anouk Admin", role: .admin, passwordHash: "", createdAt: "2026-11-01T00:00:00Z"),
        UserRecord(userId: "viewer", displayName: "Vera Viewer", role: .viewer, passwordHash: "", createdAt: "2026-11-01T00:00:00Z"),
        UserRecord(userId: "am", displayName: "Ruben Verhoeven", role: .accountManager, accountManagerName: "Ruben Verhoeven",
                   passwordHash: "", createdAt: "2026-11-01T00:00:00Z"),
        UserRecord(userId: "credit", displayName: "Carla Credit", role: .creditControl, passwordHash: "", createdAt: "2026-11-01T00:00:00Z"),
    ]
    static let passwordHash = Credentials.hashPassword(password, cost: 4)

    static func authSettings(now: @escaping @Sendable () -> Date = { Date() }) -> AuthSettings {
        var settings = AuthSettings()
        settings.bcryptCost = 4
        settings.secureCookies = false
        settings.now = now
        return settings
    }

    /// Runs `body` against the router, signed in as `role` (nil: signed out); always closes the database.
    static func test(extra: [CustomerRecord] = [], as role: Role? = .admin, auth: AuthSettings = authSettings(),
                     futureValue: Bool = false,
                     _ body: @escaping @Sendable (any TestClientProtocol, WebFixture) async throws -> Void) async throws {
        let fixture = try await make(extra: extra, futureValue: futureValue)
        do {
            for var user in users {
                user.passwordHash = passwordHash
                try await fixture.state.store.saveUser(user)
            }
            var logger = Logger(label: "snoei.web.test")
            logger.logLevel = .warning  // request logs would drown the test output
            let app = Application(router: try await buildRouter(state: fixture.state, auth: auth), logger: logger)
            let session = try await role.asyncMap { role in
                try await TestSession.signIn(users.first { $0.role == role }!.userId, store: fixture.state.store, auth: auth)
            }
            try await TestSession.$current.withValue(session) {
                try await app.test(.router) { client in try await body(client, fixture) }
            }
        } catch {
            await fixture.close()
            throw error
        }
        await fixture.close()
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }
}

/// A signed-in browser: its session cookie and the CSRF token its forms carry. Requests made
/// with `get` and `postForm` send them when a session is current.
struct TestSession: Sendable {
    let cookie: String
    let csrf: String

    @TaskLocal static var current: TestSession?

    static func signIn(_ userId: String, store: LedgerStore, auth: AuthSettings) async throws -> TestSession {
        guard case .signedIn(let token, let session, _) = try await Authenticator(store: store, settings: auth)
            .login(userId: userId, password: WebFixture.password) else { throw TestSessionError.refused(userId) }
        return TestSession(cookie: "snoei_session=\(token)", csrf: session.csrfToken)
    }
}

enum TestSessionError: Error { case refused(String) }

extension TestClientProtocol {
    func get(_ uri: String, _ headers: HTTPFields = [:]) async throws -> TestResponse {
        var headers = headers
        if let session = TestSession.current { headers.addSession(session) }
        return try await executeRequest(uri: uri, method: .get, headers: headers, body: nil)
    }

    /// Sends the current session's CSRF token as `_csrf` unless the fields already hold one.
    func postForm(_ uri: String, _ fields: [(String, String)], headers: HTTPFields = [:]) async throws -> TestResponse {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        var fields = fields
        var headers = headers
        headers[.contentType] = "application/x-www-form-urlencoded"
        if let session = TestSession.current {
            headers.addSession(session)
            if !fields.contains(where: { $0.0 == "_csrf" }) { fields.append(("_csrf", session.csrf)) }
        }
        let body = fields.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed)!)" }.joined(separator: "&")
        return try await executeRequest(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: body))
    }
}

extension HTTPFields {
    /// Adds the session cookie to the request's cookies, unless the test sends its own session.
    mutating func addSession(_ session: TestSession) {
        guard let existing = self[.cookie] else { self[.cookie] = session.cookie; return }
        if !existing.contains("snoei_session=") { self[.cookie] = existing + "; " + session.cookie }
    }
}
