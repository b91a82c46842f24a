import Foundation
import Testing
@testable import SnoeiCore

/// The hand-over export of a leaving customer: exactly its own data, without the firm's assessments.
struct WorkflowHandoverTests {
    static func ledger() -> LedgerRecords {
        let d = WorkflowFixtures.day, eur = WorkflowFixtures.eur
        var r = LedgerRecords()
        r.customers = [CustomerRecord(customerId: "A", name: "Alfa BV", accountManager: "Anouk"),
                       CustomerRecord(customerId: "B", name: "Beta BV")]
        r.invoices = [InvoiceRecord(invoiceId: "I1", customerId: "A", issueDate: d("2026-01-01"), dueDate: d("2026-01-31"),
                                    amount: eur("1000.00"), vat: eur("210.00"), cost: eur("600.00")),
                      InvoiceRecord(invoiceId: "I2", customerId: "B", issueDate: d("2026-01-01"), dueDate: d("2026-01-31"),
                                    amount: eur("500.00"))]
        r.payments = [PaymentRecord(paymentId: "P1", date: d("2026-02-01"), amount: eur("1210.00"), invoiceId: "I1"),
                      PaymentRecord(paymentId: "P2", date: d("2026-02-01"), amount: eur("500.00"), invoiceId: "I2"),
                      PaymentRecord(paymentId: "P3", date: d("2026-03-01"), amount: eur("50.00"), customerId: "A"),
                      PaymentRecord(paymentId: "P4", date: d("2026-03-01"), amount: eur("20.00"), customerId: "B")]
        r.timeEntries = [TimeEntryRecord(customerId: "A", date: d("2026-01-05"), hours: 2500, activity: .support),
                         TimeEntryRecord(customerId: "B", date: d("2026-01-05"), hours: 1000, activity: .support)]
        r.contacts = [ContactRecord(customerId: "A", date: d("2026-01-06"), channel: .call, kind: .complaint, selfCaused: true),
                      ContactRecord(customerId: "B", date: d("2026-01-06"), channel: .email, kind: .question)]
        r.deviations = [DeviationRecord(customerId: "A", date: d("2026-01-02"), kind: .discount, cost: eur("100.00"))]
        r.incidents = [IncidentRecord(customerId: "A", date: d("2026-01-03"), kind: .intimidation, severity: 3, note: "shouted")]
        r.referrals = [ReferralRecord(customerId: "A", referredCustomerId: "B", date: d("2026-01-04"))]
        r.valuesFit = [ValuesFitRecord(customerId: "A", criterion: "respect", score: 1)]
        return r
    }

    @Test func holdsOnlyTheCustomersOwnRows() throws {
        let out = try #require(HandoverExport.records(for: "A", in: Self.ledger()))
        #expect(out.customers.map(\.customerId) == ["A"])
        #expect(out.invoices.map(\.invoiceId) == ["I1"])
        #expect(out.payments.map(\.paymentId) == ["P1", "P3"], "by invoice, and unmatched by customer id")
        #expect(out.timeEntries.map(\.hours) == [2500])
        #expect(out.contacts.count == 1 && out.contacts[0].channel == .call)
    }

    @Test func leavesTheFirmsAssessmentsBehind() throws {
        let out = try #require(HandoverExport.records(for: "A", in: Self.ledger()))
        #expect(out.invoices[0].cost == nil)
        #expect(out.invoices[0].amount == WorkflowFixtures.eur("1000.00") && out.invoices[0].vat == WorkflowFixtures.eur("210.00"))
        #expect(out.contacts[0].selfCaused == nil && out.contacts[0].kind == .complaint)
        #expect(out.deviations.isEmpty && out.incidents.isEmpty && out.referrals.isEmpty && out.valuesFit.isEmpty)
    }

    @Test func unknownCustomerGivesNothing() {
        #expect(HandoverExport.records(for: "Z", in: Self.ledger()) == nil)
    }

    @Test func everyDemoRowOfTheCustomerIsCarried() throws {
        let records = WorkflowFixtures.demoRecords
        let out = try #require(HandoverExport.records(for: "C0045", in: records))
        #expect(out.invoices.count == records.invoices.filter { $0.customerId == "C0045" }.count)
        #expect(out.timeEntries.count == records.timeEntries.filter { $0.customerId == "C0045" }.count)
        #expect(!out.invoices.isEmpty && !out.payments.isEmpty)
    }
}

/// The JSON form of the hand-over: FORMAT.md's names, exact money, no assessment tables.
struct LedgerRecordsJSONTests {
    @Test func handoverAsJSONKeepsFigures() throws {
        let out = try #require(HandoverExport.records(for: "A", in: WorkflowHandoverTests.ledger()))
        let text = LedgerRecordsJSON.render(out) { $0.string("customer_id", "A") }
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["customer_id"] as? String == "A")
        let invoices = try #require(object["invoices"] as? [[String: Any]])
        #expect(invoices.count == 1 && invoices[0]["invoice_id"] as? String == "I1")
        #expect(invoices[0]["cost"] is NSNull)
        #expect(text.contains("\"amount\": 1000.00"), "money with exactly two decimals")
        #expect(text.contains("\"hours\": 2.500"))
        #expect((object["contacts"] as? [[String: Any]])?.first?["self_caused"] is NSNull)
        #expect(object["incidents"] == nil && object["deviations"] == nil)
    }

    @Test func assessmentTablesAppearWhenPresent() throws {
        let text = LedgerRecordsJSON.render(WorkflowHandoverTests.ledger())
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect((object["incidents"] as? [[String: Any]])?.first?["note"] as? String == "shouted")
        #expect((object["values_fit"] as? [[String: Any]])?.count == 1)
    }
}
