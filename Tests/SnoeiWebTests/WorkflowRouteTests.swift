import Foundation
import Hummingbird
import HummingbirdTesting
import SnoeiCore
import Testing
@testable import SnoeiWeb

@Suite struct WorkflowRouteTests {
    @Test func anExitFromTheCustomerPageToTheBoard() async throws {
        try await WebFixture.test { client, fixture in
            let page = try await client.get("/customers/C0045")
            #expect(page.text.contains("id=\"decision\""))
            #expect(page.text.contains("value=\"confirm\""))
            // Changing needs a reason: refused, nothing recorded.
            let refused = try await client.postForm("/customers/C0045/decision", [("step", "change"), ("to", "keep"), ("by", "Someone Else")])
            #expect(refused.status == .seeOther)
            #expect(refused.headers[.location]?.contains("decision_error") == true)
            #expect(try await fixture.state.store.events(customerId: "C0045").isEmpty)

            let confirmed = try await client.postForm("/customers/C0045/decision", [("step", "confirm"), ("by", "Someone Else"), ("reason", "")])
            #expect(confirmed.status == .seeOther)
            // Who decided is the signed-in user, not a name typed in the form.
            #expect(try await fixture.state.store.events(customerId: "C0045").first?.actor == "Anouk Admin")
            let decision = try #require(try await fixture.state.store.openDecision(customerId: "C0045"))
            #expect(decision.state == .exit)
            let after = try await client.get(confirmed.headers[.location] ?? "/")
            #expect(after.text.contains("Audit trail"))
            #expect(after.text.contains("/customers/C0045/exit-brief"))

            let brief = try await client.get("/customers/C0045/exit-brief")
            #expect(brief.status == .ok)
            #expect(brief.text.contains("not an e-mail"))
            #expect(!brief.text.contains("class=\"alert\" role=\"status\""))  // not a draft: the decision is an exit
            #expect(brief.text.contains("href=\"/customers/C0045/handover.json\""))

            let handover = try await client.get("/customers/C0045/handover.json")
            #expect(handover.headers[.contentDisposition]?.contains("handover-C0045.json") == true)
            let json = try #require(try JSONSerialization.jsonObject(with: Data(handover.text.utf8)) as? [String: Any])
            let invoices = try #require(json["invoices"] as? [[String: Any]])
            #expect(invoices.count == fixture.state.snapshot.records.invoices.filter { $0.customerId == "C0045" }.count)
            #expect(invoices.allSatisfy { $0["customer_id"] as? String == "C0045" && $0["cost"] is NSNull })
            #expect(json["incidents"] == nil, "the firm's incident notes stay with the firm")
            #expect(try await client.get("/customers/NOPE/handover.json").status == .notFound)

            let board = try await client.get("/exits")
            #expect(board.text.contains("data-customer=\"C0045\""))
            let marked = try await client.postForm("/exits/\(decision.decisionId)/steps", [("step", "conversation_held")])
            #expect(marked.status == .seeOther)
            let exit = try #require(try await fixture.state.store.exit(decisionId: decision.decisionId))
            #expect(exit.done[.conversationHeld] != nil)
            #expect(exit.endDate != nil)

            let list = try await client.get("/decisions")
            #expect(list.text.contains("data-state=\"exit\""))
        }
    }

    @Test func anIncidentIsLoggedWithADeescalatingResponse() async throws {
        try await WebFixture.test { client, fixture in
            let r = try await client.postForm("/customers/C0061/incidents",
                                              [("kind", "abuse_of_staff"), ("severity", "4"), ("note", "Raised voice, called us lazy"), ("by", "Eline")])
            #expect(r.status == .seeOther)
            let location = try #require(r.headers[.location])
            #expect(location.contains("wording=lazy"))
            let page = try await client.get(location)
            #expect(page.text.contains("Logged. How to respond:"))
            #expect(page.text.contains("red line"))
            #expect(fixture.state.snapshot.records.incidents.contains { $0.customerId == "C0061" && $0.note == "Raised voice, called us lazy" })
            #expect(try await fixture.state.store.openDecision(customerId: "C0061")?.proposed == .letGo)
        }
    }

    @Test func aFixPlanBoundariesAndALeaveRequestFromTheCustomerPage() async throws {
        try await WebFixture.test { client, fixture in
            _ = try await client.postForm("/customers/C0038/decision", [("step", "confirm"), ("by", "Mark")])
            let page = try await client.get("/customers/C0038")
            #expect(page.text.contains("id=\"fix-plan\""))
            let saved = try await client.postForm("/customers/C0038/fixplan",
                                                  [("form", "plan"), ("action", "prepayment"), ("action", "stricter_terms"),
                                                   ("owner", "Mark"), ("review", "2027-02-01")])
            #expect(saved.status == .seeOther)
            let decision = try #require(try await fixture.state.store.openDecision(customerId: "C0038"))
            let plan = try #require(try await fixture.state.store.fixPlan(decisionId: decision.decisionId))
            #expect(plan.actions == [.prepayment, .stricterTerms])
            #expect(try await client.get("/customers/C0038").text.contains("Record the outcome"))

            _ = try await client.postForm("/customers/C0027/boundaries", [("kind", "payment_terms"), ("channel", "call"), ("by", "Mark")])
            #expect(try await fixture.state.store.boundaryNotices(customerId: "C0027").count == 1)

            let left = try await client.postForm("/customers/C0012/leave", [("channel", "email")])
            let confirmation = try await client.get(left.headers[.location] ?? "/")
            #expect(confirmation.text.contains("class=\"letter\""))
            #expect(try await fixture.state.store.leaveRequests(customerId: "C0012").count == 1)
        }
    }

    @Test func servicePageShowsTiersPanelAmbassadorsAndPartners() async throws {
        try await WebFixture.test { client, fixture in
            _ = try await client.postForm("/partners", [("id", "P1"), ("name", "Schilders Collectief"), ("specialities", "communication, price")])
            #expect(try await fixture.state.store.partners().first?.specialities == ["communication", "price"])
            let page = try await client.get("/service")
            #expect(page.status == .ok)
            for id in ["tiers", "panel", "ambassadors", "partners"] { #expect(page.text.contains("id=\"\(id)\""), "\(id)") }
            #expect(page.text.contains("Schilders Collectief"))
            #expect(page.text.contains("/customers/C0008"))
            #expect(page.text.contains("Exits (0) free 0.0 hours a year"))
            let nl = try await client.get("/service?lang=nl")
            #expect(nl.text.contains("Klantenpanel"))
        }
    }
}
