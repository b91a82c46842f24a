import Foundation
import Hummingbird
import HummingbirdTesting
import SnoeiCore
import SnoeiStore
import Testing
@testable import SnoeiWeb

/// The unmatched-payments page: the list, the assign form and what a refusal looks like.
@Suite struct PaymentsRouteTests {
    static let entry = UnmatchedPaymentRecord(entryId: "camt:NL91ABNA0417164300:ABN-0005", date: Day(iso: "2026-11-02")!,
                                              amount: Money(cents: 9_999), counterpartyName: "J. Jansen",
                                              counterpartyIBAN: "NL20INGB0001234567", text: "Bijdrage borrel", source: "stmt.xml")

    @Test func creditControlListsAndAssignsAnUnmatchedPayment() async throws {
        try await WebFixture.test(as: .creditControl) { client, fixture in
            let store = fixture.state.store
            _ = try await store.apply(LedgerRecords(), identifiers: [], unmatched: [Self.entry])
            let invoice = try #require(fixture.state.snapshot.records.invoices.first { $0.customerId == "C0045" })

            let nl = try await client.get("/payments/unmatched?lang=nl")
            #expect(nl.status == .ok)
            #expect(nl.text.contains("Niet-gekoppelde betalingen") && nl.text.contains("Bijdrage borrel"))
            #expect(nl.text.contains("name=\"_csrf\"") && nl.text.contains("value=\"camt:NL91ABNA0417164300:ABN-0005\""))
            let en = try await client.get("/payments/unmatched?lang=en")
            #expect(en.text.contains("Unmatched payments") && en.text.contains("J. Jansen"))

            let unknown = try await client.postForm("/payments/assign", [("entry", Self.entry.entryId), ("invoice", "NOPE")])
            #expect(unknown.status == .seeOther)
            let back = try await client.get(try #require(unknown.headers[.location]) + "&lang=en")
            #expect(back.text.contains("There is no invoice NOPE."))
            #expect(try await store.unmatchedPayments() == [Self.entry])

            let done = try await client.postForm("/payments/assign", [("entry", Self.entry.entryId), ("invoice", invoice.invoiceId)])
            #expect(done.status == .seeOther)
            #expect(try await store.unmatchedPayments().isEmpty)
            let payment = try #require(try await store.load().payments.first { $0.paymentId == Self.entry.entryId })
            #expect(payment.invoiceId == invoice.invoiceId && payment.amount == Self.entry.amount && payment.customerId == "C0045")
            #expect(try await store.accessLog(customerId: "C0045").last?.detail == "bank payment \(Self.entry.entryId) assigned to invoice \(invoice.invoiceId)")
            let after = try await client.get("/payments/unmatched?lang=en")
            #expect(after.text.contains("No unmatched payments."))
        }
    }

    @Test func aFormWithoutItsTokenIsRefused() async throws {
        try await WebFixture.test(as: .admin) { client, fixture in
            _ = try await fixture.state.store.apply(LedgerRecords(), identifiers: [], unmatched: [Self.entry])
            let r = try await client.postForm("/payments/assign", [("entry", Self.entry.entryId), ("customer", "C0045"), ("_csrf", "wrong")])
            #expect(r.status == .forbidden)
            #expect(try await fixture.state.store.unmatchedPayments() == [Self.entry])
        }
    }
}
