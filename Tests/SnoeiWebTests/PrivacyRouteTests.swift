import Foundation
import Hummingbird
import HummingbirdTesting
import SnoeiCore
import SnoeiStore
import Testing
@testable import SnoeiWeb

/// The privacy pages (GDPR/AVG art. 15), the access log the web app writes, and what the
/// hand-over export leaves out.
@Suite struct PrivacyRouteTests {
    static func log(_ fixture: WebFixture, _ id: String) async throws -> [AccessLogEntry] {
        try await fixture.state.store.accessLog(customerId: id)
    }

    /// As the templates escape text.
    static func escaped(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "'", with: "&#39;")
    }

    static func object(_ response: TestResponse) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(response.text.utf8)) as? [String: Any])
    }

    @Test func thePageShowsEverythingHeldAboutTheCustomerInBothLanguages() async throws {
        try await WebFixture.test { client, fixture in
            let records = fixture.state.snapshot.records
            let invoice = try #require(records.invoices.first { $0.customerId == "C0045" })
            let noted = records.incidents.compactMap { $0.customerId == "C0045" ? $0.note : nil }
                + records.deviations.compactMap { $0.customerId == "C0045" ? $0.note : nil }
            _ = try await client.postForm("/customers/C0045/decision", [("step", "confirm"), ("reason", "Agreed with the owner on 3 November")])

            let page = try await client.get("/customers/C0045/privacy?lang=en")
            #expect(page.status == .ok)
            #expect(page.headers[.contentType]?.hasPrefix("text/html") == true)
            #expect(page.text.contains("Data held about customer C0045"))
            for title in ["Customer record", "Invoices", "Payments", "Hours", "Contacts", "Incidents", "Values fit",
                          "Snoei&#39;s analysis (profiling)", "Decisions", "Decision audit trail", "Fix plans",
                          "Boundaries told", "Exits", "Leave requests", "Retention", "Access log"] {
                #expect(page.text.contains("<h2>\(title)</h2>"), "section \(title)")
            }
            #expect(page.text.contains("<td>\(invoice.invoiceId)</td>"))
            for note in noted { #expect(page.text.contains(Self.escaped(note)), "note \(note.prefix(30))") }
            #expect(page.text.contains("Agreed with the owner on 3 November"))
            #expect(page.text.contains("href=\"/customers/C0045/privacy.json\""))
            // The access log on the page holds this very view, under the signed-in user's name.
            #expect(page.text.contains("<td>Anouk Admin</td><td>export</td><td>art. 15 overview (web page)</td>"))

            let nl = try await client.get("/customers/C0045/privacy?lang=nl")
            #expect(nl.text.contains("Gegevens over klant C0045"))
            for title in ["Klantgegevens", "Facturen", "Audittrail van besluiten", "Toegangslogboek", "Analyse door Snoei (profilering)"] {
                #expect(nl.text.contains("<h2>\(title)</h2>"), "sectie \(title)")
            }
            #expect(nl.text.contains("Downloaden als JSON"))
            #expect(!noted.isEmpty, "the demo customer has notes to show")
        }
    }

    @Test func theJSONIsTheSameArt15ExportAsTheCommandLines() async throws {
        try await WebFixture.test(as: .creditControl) { client, fixture in
            let r = try await client.get("/customers/C0045/privacy.json")
            #expect(r.status == .ok)
            #expect(r.headers[.contentType]?.hasPrefix("application/json") == true)
            #expect(r.headers[.contentDisposition] == "attachment; filename=\"privacy-C0045.json\"")
            let got = try Self.object(r)
            #expect(got["document"] as? String == "gdpr_art15_export")
            #expect(got["customer_id"] as? String == "C0045")
            let log = try await Self.log(fixture, "C0045")
            #expect(log.map(\.action) == [.export])
            #expect(log.first?.actor == "Carla Credit")
            #expect(log.first?.detail == "art. 15 export (JSON, web)")
            // What SnoeiCore makes of the same data, as `snoei privacy export` writes it.
            let snapshot = fixture.state.snapshot
            let generatedAt = try #require(got["generated_at"] as? String)
            let expected = try #require(PrivacyExport(
                customerId: "C0045", records: snapshot.records,
                workflow: try await fixture.state.store.workflowRecords(customerId: "C0045"), accessLog: log,
                analysis: snapshot.analysis, generatedAt: generatedAt, language: .en))
            let want = try #require(try JSONSerialization.jsonObject(with: Data(expected.json().utf8)) as? [String: Any])
            #expect(NSDictionary(dictionary: got).isEqual(to: want))
            let invoices = try #require(got["invoices"] as? [[String: Any]])
            #expect(invoices.count == snapshot.records.invoices.filter { $0.customerId == "C0045" }.count)
        }
    }

    @Test func anUnknownCustomerIsNotFoundAndNothingIsLogged() async throws {
        try await WebFixture.test { client, fixture in
            let page = try await client.get("/customers/NOPE/privacy")
            #expect(page.status == .notFound)
            #expect(page.text.contains("There is no customer with id NOPE."))
            let json = try await client.get("/customers/NOPE/privacy.json")
            #expect(json.status == .notFound)
            let error = try #require(try Self.object(json)["error"] as? [String: Any])
            #expect(error["code"] as? String == "not_found")
            #expect(try await fixture.state.store.accessLog().isEmpty)
        }
    }

    @Test func viewsExportsAndChangesAreLoggedUnderTheSignedInUser() async throws {
        let quiet = CustomerRecord(customerId: "Q0001", name: "Stil Bedrijf BV", accountManager: "Ruben Verhoeven")
        try await WebFixture.test(extra: [quiet], as: .creditControl) { client, fixture in
            _ = try await client.get("/customers/C0045")
            _ = try await client.get("/customers/C0045/privacy")
            _ = try await client.get("/customers/C0045/privacy.json")
            _ = try await client.get("/customers/C0045/handover.json")
            _ = try await client.postForm("/customers/C0045/incidents", [("kind", "review_threat"), ("severity", "2"), ("note", "")])
            _ = try await client.postForm("/customers/C0045/boundaries", [("kind", "payment_terms"), ("channel", "call")])
            _ = try await client.postForm("/customers/C0045/leave", [("channel", "email")])
            let log = try await Self.log(fixture, "C0045")
            #expect(log.map(\.action) == [.viewNotes, .export, .export, .export, .change, .change, .change])
            #expect(log.allSatisfy { $0.actor == "Carla Credit" && $0.customerId == "C0045" })
            #expect(log.map { $0.detail ?? "" } == [
                "customer page", "art. 15 overview (web page)", "art. 15 export (JSON, web)", "hand-over export (JSON, web)",
                "incident logged: review_threat, severity 2", "boundary told: payment_terms (call)", "leave request recorded (email)",
            ])
            // A page with no note about the customer is not a view of its notes.
            #expect(try await client.get("/customers/Q0001").status == .ok)
            #expect(try await Self.log(fixture, "Q0001").isEmpty)
        }
    }

    @Test func decisionsAndFixPlansThroughTheWebAndTheAPIAreLoggedAsChanges() async throws {
        try await WebFixture.test { client, fixture in
            _ = try await client.postForm("/customers/C0038/decision", [("step", "confirm")])
            let decision = try #require(try await fixture.state.store.openDecision(customerId: "C0038"))
            try #require(decision.state == .fixPlan)
            _ = try await client.postForm("/customers/C0038/fixplan", [("form", "plan"), ("action", "prepayment"),
                                                                       ("owner", "Mark"), ("review", "2027-02-01")])
            _ = try await client.postForm("/customers/C0038/fixplan", [("form", "outcome"), ("outcome", "worked")])
            let token = try await AuthRouteTests.token(for: .admin, store: fixture.state.store)
            let api = try await client.executeRequest(uri: "/api/v1/customers/C0038/decisions", method: .post,
                                                      headers: [.authorization: "Bearer \(token)", .contentType: "application/json"],
                                                      body: ByteBuffer(string: #"{"step": "resolve", "reason": "Paid in advance since December"}"#))
            #expect(api.status == .created)
            _ = try await client.executeRequest(uri: "/api/v1/customers/C0038/decisions", method: .get,
                                                headers: [.authorization: "Bearer \(token)"], body: nil)
            let log = try await Self.log(fixture, "C0038")
            #expect(log.map { "\($0.action.rawValue) \($0.detail ?? "")" } == [
                "change decision step confirm", "change fix plan saved: prepayment, review 2027-02-01",
                "change fix plan outcome: worked", "change decision step resolve (API)",
                "view_notes API: decisions with their reasons",
            ])
            #expect(log.allSatisfy { $0.actor == "Anouk Admin" })
        }
    }

    @Test func onlyAdministratorsAndCreditControlExportAndAccountManagersOnlyTheirOwnCustomers() async throws {
        for role in Role.allCases {
            try await WebFixture.test(as: role) { client, fixture in
                let a = fixture.state.snapshot.analysis
                let other = try #require(a.ledger.customers.ids.indices.first { a.ledger.customers.accountManagers[$0] != "Ruben Verhoeven" })
                let otherId = a.ledger.customers.ids[other]
                let mayExport = role == .admin || role == .creditControl
                for path in ["/customers/C0045/privacy", "/customers/C0045/privacy.json", "/customers/\(otherId)/privacy"] {
                    #expect(try await client.get(path).status == (mayExport ? .ok : .forbidden), "\(role) \(path)")
                }
                // The customer page links to the overview only for roles that may open it.
                #expect(try await client.get("/customers/C0045").text.contains("href=\"/customers/C0045/privacy\"") == mayExport)
                var expected: [AccessAction] = mayExport ? [.export, .export, .viewNotes] : [.viewNotes]
                if role == .accountManager {
                    #expect(try await client.get("/customers/C0045/handover.json").status == .ok)
                    #expect(try await client.get("/customers/\(otherId)/handover.json").status == .forbidden)
                    #expect(try await client.get("/customers/\(otherId)").status == .forbidden)
                    #expect(try await Self.log(fixture, otherId).isEmpty, "a refused request logs nothing")
                    expected.append(.export)
                }
                // Refused requests log nothing; allowed ones log under the user's own name.
                let log = try await Self.log(fixture, "C0045")
                #expect(log.map(\.action) == expected, "\(role)")
                #expect(log.allSatisfy { $0.actor == WebFixture.users.first { $0.role == role }?.displayName })
            }
        }
    }

    @Test func aNoteWithMarkupIsEscapedOnThePrivacyPage() async throws {
        let hostile = CustomerRecord(customerId: "X0001", name: "<img src=x onerror=alert(1)>")
        try await WebFixture.test(extra: [hostile]) { client, _ in
            let note = "<script>alert('note')</script>"
            _ = try await client.postForm("/customers/C0045/incidents", [("kind", "review_threat"), ("severity", "1"), ("note", note)])
            let page = try await client.get("/customers/C0045/privacy")
            #expect(page.status == .ok)
            #expect(!page.text.contains("<script>"))
            #expect(page.text.contains(Self.escaped(note)))
            let named = try await client.get("/customers/X0001/privacy")
            #expect(named.status == .ok)
            #expect(!named.text.contains("<img src=x"))
            #expect(named.text.contains("&lt;img src=x onerror=alert(1)&gt;"))
        }
    }

    /// Difficulty scores are never shared across databases: the hand-over JSON carries the
    /// customer's own records, never the firm's assessments, scores or notes about it.
    @Test func theHandOverCarriesNoScoreRecommendationOrNote() async throws {
        try await WebFixture.test { client, fixture in
            let note = "Raised voice at the front desk on 2 November"
            let reason = "Agreed with the director after the meeting of 5 November"
            _ = try await client.postForm("/customers/C0045/incidents", [("kind", "abuse_of_staff"), ("severity", "3"), ("note", note)])
            _ = try await client.postForm("/customers/C0045/decision", [("step", "confirm"), ("reason", reason)])
            _ = try await client.postForm("/customers/C0045/boundaries", [("kind", "behaviour"), ("channel", "visit")])
            let full = try await client.get("/customers/C0045/privacy.json").text
            // The art. 15 export (for the customer itself) holds them all: the words below exist.
            for word in [note, reason, "\"friction\"", "\"recommendation\"", "\"values_fit\"", "\"incidents\""] {
                #expect(full.contains(word), "art. 15 export has \(word)")
            }
            let r = try await client.get("/customers/C0045/handover.json")
            #expect(r.status == .ok)
            for word in [note, reason, "friction", "recommendation", "proposal", "quadrant", "score", "severity", "values_fit",
                         "incidents", "deviations", "referrals", "note", "reason", "verdict"] {
                #expect(!r.text.lowercased().contains(word.lowercased()), "hand-over has \(word)")
            }
            let json = try Self.object(r)
            #expect(Set(json.keys).isSubset(of: ["customer_id", "as_of", "customers", "invoices", "payments", "time_entries", "contacts"]))
            let invoices = try #require(json["invoices"] as? [[String: Any]])
            #expect(!invoices.isEmpty && invoices.allSatisfy { $0["cost"] is NSNull })
            let contacts = try #require(json["contacts"] as? [[String: Any]])
            #expect(!contacts.isEmpty && contacts.allSatisfy { $0["self_caused"] is NSNull })
            // SnoeiCore's rule behind the route.
            let own = try #require(HandoverExport.records(for: "C0045", in: fixture.state.snapshot.records))
            #expect(own.incidents.isEmpty && own.deviations.isEmpty && own.valuesFit.isEmpty && own.referrals.isEmpty)
            #expect(try await Self.log(fixture, "C0045").last?.detail == "hand-over export (JSON, web)")
        }
    }

    /// Any customer page that shows a note about the customer writes the access log.
    @Test func everyPageShowingANoteLogsIt() async throws {
        try await WebFixture.test { client, fixture in
            let note = "Unique note 7f3a: asked for the invoice to be re-sent"
            _ = try await client.postForm("/customers/C0045/incidents", [("kind", "review_threat"), ("severity", "1"), ("note", note)])
            _ = try await client.postForm("/customers/C0045/decision", [("step", "confirm"), ("reason", "")])
            var showing = 0
            for path in ["/customers/C0045", "/customers/C0045?timeline=all", "/customers/C0045/exit-brief",
                         "/customers/C0045/privacy", "/customers/C0045/handover.json", "/customers", "/decisions", "/exits",
                         "/service", "/"] {
                let before = try await Self.log(fixture, "C0045").count
                let page = try await client.get(path)
                #expect(page.status == .ok, "\(path)")
                guard page.text.contains(note) else { continue }
                showing += 1
                let added = try await Self.log(fixture, "C0045").dropFirst(before)
                #expect(added.contains { $0.action == .viewNotes || $0.action == .export }, "\(path) shows the note unlogged")
            }
            #expect(showing >= 3)
        }
    }
}
