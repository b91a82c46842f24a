import Foundation
import Testing
@testable import SnoeiCore

/// The art. 15 export: every row about the customer, of every table, and nothing of another customer.
struct PrivacyExportTests {
    typealias F = PrivacyFixtures

    func export(_ id: String = "A", language: Language = .en) throws -> PrivacyExport {
        try #require(PrivacyExport(customerId: id, records: F.ledger(), workflow: F.workflow(), accessLog: F.accessLog(),
                                   analysis: F.analysis(), generatedAt: "2026-06-30T12:00:00Z", language: language))
    }

    @Test func holdsEveryRowOfTheCustomerInEveryTable() throws {
        let all = F.ledger()
        let out = try export().records
        #expect(out.customers == all.customers.filter { $0.customerId == "A" })
        #expect(out.invoices == all.invoices.filter { $0.customerId == "A" })
        #expect(out.timeEntries == all.timeEntries.filter { $0.customerId == "A" })
        #expect(out.contacts == all.contacts.filter { $0.customerId == "A" })
        #expect(out.deviations == all.deviations.filter { $0.customerId == "A" })
        #expect(out.incidents == all.incidents.filter { $0.customerId == "A" })
        #expect(out.valuesFit == all.valuesFit.filter { $0.customerId == "A" })
        // The referral it made, not the one by which B referred it (B's record).
        #expect(out.referrals == [ReferralRecord(customerId: "A", referredCustomerId: "B", date: F.d("2022-01-01"))])
        // By invoice id, by reference, by its own customer id, and the one that names it but pays B's invoice.
        #expect(out.payments.map(\.paymentId) == ["PA1", "PA2", "PA3", "PA4", "PA5", "PA6", "PAB"])
        // The firm's assessments are in it, as stored.
        #expect(out.invoices.first { $0.invoiceId == "IA1" }?.cost == F.eur("400.00"))
        #expect(out.contacts[0].selfCaused == true)
        #expect(out.incidents[0].note == "raised voice at the helpdesk")
    }

    @Test func holdsNothingOfAnotherCustomer() throws {
        let e = try export()
        let r = e.records
        let rowsNamingB = r.invoices.filter { $0.customerId == "B" }.count + r.timeEntries.filter { $0.customerId == "B" }.count
            + r.contacts.filter { $0.customerId == "B" }.count + r.valuesFit.filter { $0.customerId == "B" }.count
            + r.referrals.filter { $0.customerId == "B" }.count + r.customers.filter { $0.customerId == "B" }.count
        #expect(rowsNamingB == 0)
        #expect(e.workflow.decisions.map(\.decisionId) == ["D1"])
        #expect(e.workflow.events.allSatisfy { $0.customerId == "A" } && e.workflow.events.count == 2)
        #expect(e.workflow.leaveRequests.isEmpty, "the leave request is B's")
        #expect(e.accessLog.map(\.customerId) == ["A"])
        let json = e.json()
        #expect(!json.contains("Beta BV") && !json.contains("moving abroad") && !json.contains("prepayment agreed"))
        #expect(!json.contains("\"IB3\"") && !json.contains("Eline"))
        let text = e.document().plainText
        #expect(!text.contains("Beta BV") && !text.contains("moving abroad") && !text.contains("Eline"))
    }

    @Test func jsonCarriesRecordsWorkflowAccessLogAndTheProfile() throws {
        let json = try export().json()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["document"] as? String == "gdpr_art15_export")
        #expect(object["customer_id"] as? String == "A")
        #expect((object["automated_decisions"] as? String)?.contains("art. 22") == true)
        for table in ["customers", "invoices", "payments", "time_entries", "contacts", "deviations", "incidents",
                      "referrals", "values_fit", "decisions", "decision_events", "fix_plans", "boundary_notices",
                      "exits", "leave_requests", "access_log"] {
            #expect(object[table] is [Any], "\(table)")
        }
        #expect((object["invoices"] as? [Any])?.count == 4)
        #expect((object["incidents"] as? [[String: Any]])?.first?["note"] as? String == "raised voice at the helpdesk")
        #expect((object["fix_plans"] as? [[String: Any]])?.first?["note"] as? String == "called twice, no answer")
        #expect((object["boundary_notices"] as? [[String: Any]])?.first?["note"] as? String == "talked with the owner")
        #expect((object["exits"] as? [[String: Any]])?.first?["end_date"] as? String == "2023-12-31")
        #expect((object["access_log"] as? [[String: Any]])?.first?["action"] as? String == "view_notes")
        // Profiling: the figures Snoei derives, friction and proposal included.
        let analysis = try #require(object["analysis"] as? [String: Any])
        let profile = try #require((analysis["customers"] as? [[String: Any]])?.first)
        #expect(profile["customer_id"] as? String == "A")
        #expect(profile["friction"] is NSNumber && profile["recommendation"] is String && profile["reasons"] is [Any])
        let retention = try #require(object["retention"] as? [String: Any])
        #expect(retention["relationship_ended"] as? String == "2024-02-01")
        #expect(retention["kept_until"] as? String == "2026-02-01")
        #expect(retention["past_retention"] as? Bool == true)
        #expect(json.contains("\"amount\": 1000.00"), "money exact, two decimals")
    }

    @Test func theReadableDocumentHasEverySection() throws {
        let doc = try export().document()
        let titles = doc.sections.map(\.title)
        #expect(titles.count == 19)
        #expect(titles.contains("Incidents") && titles.contains("Snoei's analysis (profiling)") && titles.contains("Access log"))
        let incidents = try #require(doc.sections.first { $0.title == "Incidents" }?.table)
        #expect(incidents.rows == [["2023-06-04", "abuse_of_staff", "3", "raised voice at the helpdesk"]])
        let invoices = try #require(doc.sections.first { $0.title == "Invoices" }?.table)
        #expect(invoices.rows.first == ["IA1", "2018-03-01", "2018-03-31", "€1,000.00", "€210.00", "€400.00", "PO-77"])
        let profiling = try #require(doc.sections.first { $0.title == "Snoei's analysis (profiling)" })
        #expect(profiling.lines.first?.contains("made by a person") == true)
        #expect(profiling.lines.contains { $0.contains("Friction score") })
        #expect(doc.sections.first { $0.title == "Leave requests" }?.lines == ["None."])
        let text = doc.plainText
        #expect(text.hasPrefix("Data held about customer A\n==="))
        #expect(text.contains("raised voice at the helpdesk") && text.contains("red line crossed"))
        let nl = try export(language: .nl).document()
        #expect(nl.title == "Gegevens over klant A")
        #expect(nl.sections.contains { $0.title == "Toegangslogboek" })
    }

    @Test func unknownCustomerGivesNoExport() {
        #expect(PrivacyExport(customerId: "Z", records: F.ledger(), workflow: F.workflow(), accessLog: [],
                              analysis: F.analysis(), generatedAt: "x", language: .en) == nil)
        #expect(PrivacyExport.records(for: "Z", in: F.ledger()) == nil)
    }

    /// On the demo firm: the export of a customer with incidents holds exactly its rows.
    @Test func demoCustomerRowsAreAllThere() throws {
        let records = WorkflowFixtures.demoRecords
        let id = try #require(records.incidents.first?.customerId)
        let out = try #require(PrivacyExport.records(for: id, in: records))
        #expect(out.invoices.count == records.invoices.filter { $0.customerId == id }.count)
        #expect(out.timeEntries.count == records.timeEntries.filter { $0.customerId == id }.count)
        #expect(out.contacts.count == records.contacts.filter { $0.customerId == id }.count)
        #expect(out.incidents.count == records.incidents.filter { $0.customerId == id }.count)
        #expect(out.deviations.count == records.deviations.filter { $0.customerId == id }.count)
        #expect(out.rowCount > 10)
    }
}

/// "Difficulty scores are never shared across databases": what goes to another firm (the
/// hand-over export) carries no friction score, no proposal and none of the firm's assessments.
struct PrivacyHandoverTests {
    @Test func theHandOverCarriesNoScoreAndNoAssessment() throws {
        let a = WorkflowFixtures.demo
        // A demo customer with incidents, deviations and a friction score above zero.
        let row = try #require(a.customers.indices.first { r in
            a.customers[r].incidents > 0 && a.customers[r].deviations > 0 && a.verdicts[r].friction.score > 0
        })
        let id = a.ledger.customers.ids[row]
        let handover = try #require(HandoverExport.records(for: id, in: WorkflowFixtures.demoRecords))
        #expect(handover.incidents.isEmpty && handover.deviations.isEmpty && handover.valuesFit.isEmpty
                && handover.referrals.isEmpty)
        #expect(handover.invoices.allSatisfy { $0.cost == nil })
        #expect(handover.contacts.allSatisfy { $0.selfCaused == nil })
        let json = LedgerRecordsJSON.render(handover) { $0.string("customer_id", id) }
        for word in ["friction", "quadrant", "recommendation", "reasons", "incident", "deviation", "values_fit",
                     "referral", "severity", "\"self_caused\": true", "\"self_caused\": false", "note"] {
            #expect(!json.contains(word), "\(word)")
        }
        // The art. 15 export of the same customer does hold them: it goes to the customer, not to a firm.
        let full = try #require(PrivacyExport(customerId: id, records: WorkflowFixtures.demoRecords, workflow: .init(),
                                              accessLog: [], analysis: a, generatedAt: "t", language: .en)).json()
        #expect(full.contains("\"friction\"") && full.contains("\"incidents\""))
    }
}
