import Foundation
public import Hummingbird
public import Logging
public import SnoeiCore
public import SnoeiStore
import ServiceLifecycle

/// How `snoei serve` runs.
public struct WebConfiguration: Sendable {
    public var host = "127.0.0.1"
    public var port = 8080
    /// The SQLite file or PostgreSQL database the server reads and writes.
    public var database: StoreLocation = .sqlite(path: "snoei.sqlite")
    public var policyPath: String?
    public var workingDirectory = FileManager.default.currentDirectoryPath
    /// Analyse as of this date instead of today (demos, tests, looking back).
    public var asOf: Day?
    /// How often the server checks for a changed ledger or policy.
    public var refreshInterval: Duration = .seconds(2)
    public var logLevel: Logger.Level = .info
    /// Sessions, lock-out and cookie settings; `Secure` cookies are dropped only when the
    /// server listens on loopback (plain http on the same machine).
    public var auth = AuthSettings()
    /// Fit the purchase models (expected purchases, lifetime value) with every analysis.
    public var futureValue = true

    public init() {}
}

/// Builds the application: the state (store + analysis), its refresh service and the router.
public func buildApplication(_ config: WebConfiguration) async throws -> some ApplicationProtocol {
    var logger = Logger(label: "snoei.web")
    logger.logLevel = config.logLevel
    let store = try await LedgerStore.open(location: config.database)
    let state = PortfolioState(store: store, policyPath: config.policyPath, workingDirectory: config.workingDirectory,
                               asOf: config.asOf, futureValue: config.futureValue)
    let router: Router<BasicRequestContext>
    do {
        // Every page needs a signed-in user: without users nobody could use the server.
        guard try await store.userCount() > 0 else { throw WebError.noUsers }
        try await state.refresh(force: true)
        var auth = config.auth
        if ["127.0.0.1", "localhost", "::1"].contains(config.host) { auth.secureCookies = false }
        router = try await buildRouter(state: state, auth: auth)
    } catch {
        try? await store.close()
        throw error
    }
    return Application(
        router: router,
        configuration: .init(address: .hostname(config.host, port: config.port), serverName: "snoei"),
        services: [StateService(state: state, interval: config.refreshInterval, logger: logger)],
        logger: logger
    )
}

/// The routes; a separate function so tests can exercise them without a socket.
public func buildRouter(state: PortfolioState, auth: AuthSettings = .init()) async throws -> Router<BasicRequestContext> {
    let views = try await Views.load()
    let router = Router()
    let authenticator = Authenticator(store: state.store, settings: auth)
    router.addMiddleware {
        LogRequestsMiddleware(.info)
        SecurityHeadersMiddleware()
        LanguageCookieMiddleware()
        AuthMiddleware(authenticator: authenticator, state: state, views: views)
    }
    LoginController(authenticator: authenticator, state: state, views: views).addRoutes(to: router)
    APIController(state: state).addRoutes(to: router)
    OpenAPIController().addRoutes(to: router)
    let pages = PageController(state: state, views: views)
    pages.addRoutes(to: router)
    WorkflowController(state: state, views: views).addRoutes(to: router)
    PrivacyController(state: state, views: views).addRoutes(to: router)
    PaymentsController(state: state, views: views).addRoutes(to: router)
    StaticController().addRoutes(to: router)
    ReportController(state: state).addRoutes(to: router)
    router.get("/health") { _, _ -> Response in
        let s = state.snapshot
        let body = #"{"status":"ok","customers":\#(s.analysis.customers.count),"as_of":"\#(s.asOf.iso)"}"#
        return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: body)))
    }
    return router
}
