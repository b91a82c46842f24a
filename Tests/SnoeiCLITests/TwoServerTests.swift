import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import SnoeiCore
@testable import SnoeiStore
import Testing

/// Two `snoei serve` processes on one PostgreSQL database (issue 5): an import made through
/// one is served by the other, and the work that follows it is done once. Runs when
/// `SNOEI_TEST_POSTGRES` names a database (`.ci/run`, `Tests/postgres/with-cluster.sh`).
@Suite(.enabled(if: ProcessInfo.processInfo.environment["SNOEI_TEST_POSTGRES"].map { !$0.isEmpty } ?? false))
struct TwoServerTests {
    @Test func bothServersServeAnImportMadeThroughOneAndTheRunIsRecordedOnce() async throws {
        let base = try PostgresLocation(url: ProcessInfo.processInfo.environment["SNOEI_TEST_POSTGRES"]!)
        let schema = "two_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        let location = base.with(searchPath: [schema])
        let cli = try CLI()
        defer { cli.cleanUp() }
        let database = ["--database", location.url]

        #expect(try cli.run(["demo", "--end", "2026-11-24"] + database).status == 0)
        let tokenRun = try cli.run(["user", "token", "demo", "--name", "two-server-test"] + database)
        #expect(tokenRun.status == 0)
        let token = tokenRun.stdout.trimmingCharacters(in: .whitespacesAndNewlines)

        let a = try Server(cli: cli, database: location.url), b = try Server(cli: cli, database: location.url)
        defer { a.stop(); b.stop() }
        try await a.waitUntilUp()
        try await b.waitUntilUp()

        // Both start on the demo ledger; the run for it is recorded by one of them.
        let store = try await LedgerStore.open(location: .postgres(location))
        do {
            try await check(a: a, b: b, store: store, token: token)
        } catch {
            try? await dropSchema(store, schema)
            throw error
        }
        try await dropSchema(store, schema)
    }

    private func check(a: Server, b: Server, store: LedgerStore, token: String) async throws {
        let demoVersion = try #require(try await store.ledgerVersion())
        try await eventually { try await store.analysisRuns().contains { $0.ledgerVersion == demoVersion } }

        #expect(try await b.get("/api/v1/customers/C9001", token: token).status == 404)
        let body = #"{"files": {"customers.csv": "customer_id,name\nC9001,Nieuwe Klant B.V.\n"}}"#
        let imported = try await a.post("/api/v1/imports", json: body, token: token)
        #expect(imported.status == 201, "\(imported.text)")

        // The other server sees it once it has noticed the new ledger version (it checks every 2 s).
        try await eventually { try await b.get("/api/v1/customers/C9001", token: token).status == 200 }
        #expect(try await b.get("/api/v1/customers/C9001", token: token).text.contains("Nieuwe Klant B.V."))
        let newVersion = try #require(try await store.ledgerVersion())
        #expect(newVersion != demoVersion)

        // Both servers re-analysed; the run for the new version was written by exactly one,
        // and each version has one run however many servers share the database.
        try await eventually { try await store.analysisRuns().contains { $0.ledgerVersion == newVersion } }
        try await Task.sleep(for: .seconds(5))  // both have had two more ticks to write a second row
        let runs = try await store.analysisRuns()
        #expect(runs.filter { $0.ledgerVersion == newVersion }.count == 1)
        #expect(runs.filter { $0.ledgerVersion == demoVersion }.count == 1)
        let before = try #require(runs.first { $0.ledgerVersion == demoVersion }?.customers)
        #expect(runs.first { $0.ledgerVersion == newVersion }?.customers == before + 1)
        #expect(Set(runs.map(\.ranBy)).isSubset(of: [a.processName, b.processName]))
        // The work was done once, not attempted twice and refused by the key.
        let logs = a.logText + b.logText
        #expect(logs.components(separatedBy: "recorded the analysis run").count - 1 == 2, "\(logs)")
        #expect(!logs.contains("recording the analysis run failed"))
    }
}

private func dropSchema(_ store: LedgerStore, _ schema: String) async throws {
    try await store.db.raw("DROP SCHEMA IF EXISTS \(ident: schema) CASCADE").run()
    try await store.close()
}

/// Polls `condition` every quarter second for up to `seconds`; fails the test if it never holds.
/// Generous: each server re-analyses the demo firm with the purchase-model fit, which takes
/// 10–20 s of CPU in a debug build, while the rest of the suite runs on the same two cores.
private func eventually(seconds: Double = 180, _ condition: () async throws -> Bool) async throws {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
        if try await condition() { return }
        try await Task.sleep(for: .milliseconds(250))
    }
    #expect(try await condition(), "the condition did not hold within \(seconds) s")
}

/// One `snoei serve` process on a free loopback port.
private final class Server: @unchecked Sendable {
    let process = Process()
    let port: Int
    let log: URL

    init(cli: CLI, database: String) throws {
        port = try freePort()
        log = cli.directory.appendingPathComponent("server-\(port).log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        process.executableURL = CLI.binary
        process.arguments = ["serve", "--database", database, "--port", "\(port)", "--as-of", "2026-11-24"]
        process.currentDirectoryURL = cli.directory
        let handle = try FileHandle(forWritingTo: log)
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
    }

    var logText: String { (try? String(contentsOf: log, encoding: .utf8)) ?? "" }

    var processName: String { "\(ProcessInfo.processInfo.hostName):\(process.processIdentifier)" }

    func stop() {
        if process.isRunning { process.terminate(); process.waitUntilExit() }
    }

    func waitUntilUp() async throws {
        // The first analysis (with the purchase-model fit, slow in a debug build) runs before the
        // server listens; on a busy machine two of them at once take a while.
        for _ in 0..<600 {
            if let response = try? await get("/health", token: nil), response.status == 200 { return }
            guard process.isRunning else { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        Issue.record("server on port \(port) did not start: \((try? String(contentsOf: log, encoding: .utf8)) ?? "")")
        throw CancellationError()
    }

    struct Reply { var status: Int; var text: String }

    func get(_ path: String, token: String?) async throws -> Reply {
        try await send(URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(path)")!), token: token)
    }

    func post(_ path: String, json: String, token: String) async throws -> Reply {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(path)")!)
        request.httpMethod = "POST"
        request.httpBody = Data(json.utf8)
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        return try await send(request, token: token)
    }

    private func send(_ request: URLRequest, token: String?) async throws -> Reply {
        var request = request
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        let (data, response) = try await URLSession.shared.data(for: request)
        return Reply(status: (response as? HTTPURLResponse)?.statusCode ?? 0, text: String(decoding: data, as: UTF8.self))
    }
}

private func freePort() throws -> Int {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = 0
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
    }
    guard bound else { throw CocoaError(.fileWriteUnknown) }
    return Int(UInt16(bigEndian: address.sin_port))
}
