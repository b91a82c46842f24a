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
    static func make(extra: [CustomerRecord] = []) async throws -> WebFixture {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("snoei-web-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var records = DemoFirm.generate(seed: 1, end: asOf)
        records.customers += extra
        let store = try await LedgerStore.open(path: folder.appendingPathComponent("snoei.sqlite").path)
        try await store.replaceAll(records)
        let state = PortfolioState(store: store, policyPath: nil, workingDirectory: folder.path, asOf: asOf)
        try await state.refresh(force: true)
        return WebFixture(folder: folder, state: state)
    }

    func close() async {
        try? await state.store.close()
        try? FileManager.default.removeItem(at: folder)
    }

    /// Runs `body` against the router; always closes the database.
    static func test(extra: [CustomerRecord] = [], _ body: @escaping @Sendable (any TestClientProtocol, WebFixture) async throws -> Void) async throws {
        let fixture = try await make(extra: extra)
        do {
            var logger = Logger(label: "snoei.web.test")
            logger.logLevel = .warning  // request logs would drown the test output
            let app = Application(router: try await buildRouter(state: fixture.state), logger: logger)
            try await app.test(.router) { client in try await body(client, fixture) }
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

extension TestClientProtocol {
    func get(_ uri: String, _ headers: HTTPFields = [:]) async throws -> TestResponse {
        try await executeRequest(uri: uri, method: .get, headers: headers, body: nil)
    }

    func postForm(_ uri: String, _ fields: [(String, String)]) async throws -> TestResponse {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        let body = fields.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed)!)" }.joined(separator: "&")
        return try await executeRequest(uri: uri, method: .post,
                                        headers: [.contentType: "application/x-www-form-urlencoded"],
                                        body: ByteBuffer(string: body))
    }
}
