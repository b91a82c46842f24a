import Foundation
import Hummingbird
import HummingbirdTesting
import SnoeiCore
import SnoeiStore
import Testing
@testable import SnoeiWeb

/// The JSON API: bearer tokens, pagination, errors, decisions and imports.
@Suite struct APIRouteTests {
    func json(_ r: TestResponse) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(r.text.utf8)) as? [String: Any])
    }

    func call(_ client: any TestClientProtocol, _ method: HTTPRequest.Method, _ uri: String, token: String, body: String? = nil) async throws -> TestResponse {
        try await client.executeRequest(uri: uri, method: method,
                                        headers: [.authorization: "Bearer \(token)", .contentType: "application/json"],
                                        body: body.map { ByteBuffer(string: $0) })
    }

    @Test func customersArePagedAndMatchTheAnalysis() async throws {
        try await WebFixture.test(as: nil) { client, fixture in
            let token = try await AuthRouteTests.token(for: .viewer, store: fixture.state.store)
            let a = fixture.state.snapshot.analysis
            let page2 = try json(try await call(client, .get, "/api/v1/customers?page=2&per_page=25", token: token))
            let data = try #require(page2["data"] as? [[String: Any]])
            #expect(data.count == 25)
            let ids = a.ledger.customers.ids.sorted()
            #expect(data.map { $0["customer_id"] as? String } == Array(ids[25..<50]).map { Optional($0) })
            let pagination = try #require(page2["pagination"] as? [String: Any])
            #expect(pagination["total"] as? Int == a.customers.count)
            #expect(pagination["pages"] as? Int == (a.customers.count + 24) / 25)
            let one = try json(try await call(client, .get, "/api/v1/customers/C0045", token: token))
            let row = a.row(of: "C0045")!
            #expect(one["recommendation"] as? String == a.verdicts[row].recommendation.rawValue)
            #expect(r2(one["revenue"]) == a.customers[row].revenue.cents)
            let bad = try await call(client, .get, "/api/v1/customers?per_page=501", token: token)
            #expect(bad.status == .badRequest)
            let error = try #require(try json(bad)["error"] as? [String: Any])
            #expect(error["status"] as? Int == 400 && error["code"] as? String == "bad_paging")
            let missing = try await call(client, .get, "/api/v1/customers/NOPE", token: token)
            #expect(missing.status == .notFound)
            #expect((try json(missing)["error"] as? [String: Any])?["code"] as? String == "not_found")
        }
    }

    @Test func anAccountManagerSeesOnlyOwnCustomers() async throws {
        try await WebFixture.test(as: nil) { client, fixture in
            let token = try await AuthRouteTests.token(for: .accountManager, store: fixture.state.store)
            let body = try json(try await call(client, .get, "/api/v1/customers?per_page=500", token: token))
            let data = try #require(body["data"] as? [[String: Any]])
            let a = fixture.state.snapshot.analysis
            let own = a.ledger.customers.accountManagers.filter { $0 == "Ruben Verhoeven" }.count
            #expect(own > 0 && data.count == own)
            #expect(data.allSatisfy { $0["account_manager"] as? String == "Ruben Verhoeven" })
        }
    }

    @Test func aDecisionThroughTheAPIIsRecordedUnderTheTokensUser() async throws {
        try await WebFixture.test(as: nil) { client, fixture in
            let token = try await AuthRouteTests.token(for: .admin, store: fixture.state.store)
            let refused = try await call(client, .post, "/api/v1/customers/C0045/decisions", token: token, body: #"{"step":"change","to":"keep"}"#)
            #expect(refused.status == .conflict)  // a change needs a reason
            let badStep = try await call(client, .post, "/api/v1/customers/C0045/decisions", token: token, body: #"{"step":"explode"}"#)
            #expect(badStep.status == .unprocessableContent)
            let made = try await call(client, .post, "/api/v1/customers/C0045/decisions", token: token,
                                      body: #"{"step":"change","to":"keep","reason":"Agreed new terms"}"#)
            #expect(made.status == .created)
            #expect(try json(made)["state"] as? String == "resolved")
            let events = try await fixture.state.store.events(customerId: "C0045")
            #expect(events.count == 1 && events[0].actor == "Anouk Admin" && events[0].reason == "Agreed new terms")
            let listed = try json(try await call(client, .get, "/api/v1/customers/C0045/decisions", token: token))
            #expect(((listed["data"] as? [[String: Any]])?.first?["events"] as? [Any])?.count == 1)
        }
    }

    @Test func importsAreAllOrNothing() async throws {
        try await WebFixture.test(as: nil) { client, fixture in
            let token = try await AuthRouteTests.token(for: .admin, store: fixture.state.store)
            let before = try await fixture.state.store.load()
            let good = #"{"files": {"customers.csv": "customer_id,name\nAPI1,Api Klant BV\n", "invoices.csv": "invoice_id,customer_id,issue_date,due_date,amount\nAPI-F1,API1,2026-10-01,2026-10-31,100.00\n"}}"#
            let dry = try await call(client, .post, "/api/v1/imports", token: token, body: good.replacingOccurrences(of: "}}", with: "}, \"dry_run\": true}"))
            #expect(dry.status == .ok, "\(dry.text)")
            #expect(try json(dry)["new"] as? Int == 2)
            #expect(try await fixture.state.store.load() == before)
            let bad = #"{"files": {"customers.csv": "customer_id,name\nAPI1,Api Klant BV\n", "invoices.csv": "invoice_id,customer_id,issue_date,due_date,amount\nAPI-F1,API1,2026-13-01,2026-10-31,abc\n"}}"#
            let refused = try await call(client, .post, "/api/v1/imports", token: token, body: bad)
            #expect(refused.status == .unprocessableContent)
            let problems = try #require((try json(refused)["error"] as? [String: Any])?["problems"] as? [[String: Any]])
            #expect(problems.contains { $0["file"] as? String == "invoices.csv" && $0["line"] as? Int == 2 })
            #expect(try await fixture.state.store.load() == before)
            let unknown = try await call(client, .post, "/api/v1/imports", token: token, body: #"{"files": {"../etc/passwd": "x"}}"#)
            #expect(unknown.status == .unprocessableContent)
            let made = try await call(client, .post, "/api/v1/imports", token: token, body: good)
            #expect(made.status == .created)
            #expect(try await fixture.state.store.customerIds().contains("API1"))
            let again = try await call(client, .post, "/api/v1/imports", token: token, body: good)
            #expect(try json(again)["new"] as? Int == 0 && json(again)["unchanged"] as? Int == 2)
        }
    }

    @Test func theOpenAPIDocumentDescribesEveryRoute() async throws {
        try await WebFixture.test(as: nil) { client, _ in
            let doc = try json(try await client.get("/openapi.json"))
            #expect(doc["openapi"] as? String == "3.1.0")
            let paths = try #require(doc["paths"] as? [String: [String: Any]])
            for rule in APIRoutes.rules {
                let path = "/" + rule.segments.map { $0 == ":customer" ? "{customer_id}" : $0 }.joined(separator: "/")
                let method = rule.method == .get ? "get" : "post"
                #expect(paths[path]?[method] != nil, "\(method) \(path) is documented")
            }
            let documented = paths.values.reduce(0) { $0 + $1.keys.count }
            #expect(documented == APIRoutes.rules.count, "nothing documented that does not exist")
        }
    }
}

/// A JSON money number in cents (two decimals, exact after rounding).
func r2(_ value: Any?) -> Int64? {
    (value as? NSNumber).map { Int64(($0.doubleValue * 100).rounded()) }
}
