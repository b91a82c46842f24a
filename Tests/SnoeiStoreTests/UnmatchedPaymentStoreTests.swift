import Foundation
import SnoeiCore
import SQLKit
import Testing
@testable import SnoeiStore

@Suite struct UnmatchedPaymentStoreTests {
    static func d(_ s: String) -> Day { Day(iso: s)! }

    static func base() -> LedgerRecords {
        var r = LedgerRecords()
        r.customers = [CustomerRecord(customerId: "KVK-12345678", name: "Bakkerij De Zon B.V."), CustomerRecord(customerId: "C2", name: "Beta")]
        r.invoices = [InvoiceRecord(invoiceId: "INV-1", customerId: "KVK-12345678", issueDate: d("2026-10-01"), dueDate: d("2026-10-31"),
                                    amount: Money(cents: 100_000), vat: Money(cents: 21_000), reference: "2000020261010001")]
        return r
    }

    static let unmatched = [
        UnmatchedPaymentRecord(entryId: "camt:NL91ABNA0417164300:ABN-0005", date: d("2026-11-02"), amount: Money(cents: 9_999),
                               counterpartyName: "J. Jansen", counterpartyIBAN: "NL20INGB0001234567", text: "Bijdrage borrel", source: "s.xml"),
        UnmatchedPaymentRecord(entryId: "mt940:BE68539007547034:00046/001:3", date: d("2026-11-16"), amount: Money(cents: 5_000),
                               text: "INV-1", source: "m.sta"),
    ]

    static let identifiers = [CustomerIdentifierRecord(key: "kvk:12345678", customerId: "KVK-12345678")]

    @Test(arguments: StoreBackend.all) func anImportWithUnmatchedCreditsIsStoredOnceAndAgainAddsNothing(backend: StoreBackend) async throws {
        try await withStore(backend) { store throws in
            let first = try await store.apply(Self.base(), identifiers: Self.identifiers, unmatched: Self.unmatched)
            #expect(first.kinds.first { $0.file == "unmatched payments" } == .init(file: "unmatched payments", rows: 2, new: 2, updated: 0, unchanged: 0))
            #expect(first.kinds.first { $0.file == "customer identifiers" }?.new == 1)
            let version = try await store.ledgerVersion()
            let again = try await store.apply(Self.base(), identifiers: Self.identifiers, unmatched: Self.unmatched)
            #expect(!again.changesAnything)
            #expect(try await store.ledgerVersion() == version)
            #expect(try await store.unmatchedPayments() == Self.unmatched)
            #expect(try await store.customerIdentifiers() == ["kvk:12345678": "KVK-12345678"])
        }
    }

    @Test(arguments: StoreBackend.all) func replacingTheLedgerClearsItsBankTables(backend: StoreBackend) async throws {
        try await withStore(backend) { store throws in
            _ = try await store.apply(Self.base(), identifiers: Self.identifiers, unmatched: Self.unmatched)
            try await store.replaceAll(Self.base())
            #expect(try await store.unmatchedPayments().isEmpty)
            #expect(try await store.customerIdentifiers().isEmpty)
        }
    }

    @Test(arguments: StoreBackend.all) func aDryRunWritesNothing(backend: StoreBackend) async throws {
        try await withStore(backend) { store throws in
            let summary = try await store.apply(Self.base(), identifiers: Self.identifiers, unmatched: Self.unmatched, dryRun: true)
            #expect(summary.new == 2 + 1 + 1 + 2)
            #expect(try await store.unmatchedPayments().isEmpty)
            #expect(try await store.customerIdentifiers().isEmpty)
            #expect(try await store.load() == LedgerRecords())
        }
    }

    @Test(arguments: StoreBackend.all) func assigningTurnsTheCreditIntoAPaymentInOneStep(backend: StoreBackend) async throws {
        try await withStore(backend) { store throws in
            _ = try await store.apply(Self.base(), identifiers: Self.identifiers, unmatched: Self.unmatched)
            let entry = Self.unmatched[0]
            let payment = try await store.assignUnmatched(entryId: entry.entryId, invoiceId: "INV-1", customerId: nil)
            #expect(payment == PaymentRecord(paymentId: entry.entryId, date: entry.date, amount: entry.amount, invoiceId: "INV-1",
                                             customerId: "KVK-12345678", reference: "Bijdrage borrel"))
            #expect(try await store.load().payments == [payment])
            #expect(try await store.unmatchedPayments() == [Self.unmatched[1]])
            #expect(try await store.customerIdentifiers()["iban:NL20INGB0001234567"] == "KVK-12345678")
            // The statement imported again: the assigned credit does not come back.
            let again = try await store.apply(LedgerRecords(), identifiers: [], unmatched: Self.unmatched)
            #expect(!again.changesAnything)
            #expect(try await store.unmatchedPayments() == [Self.unmatched[1]])
            // To a customer only: recorded without an invoice.
            let toCustomer = try await store.assignUnmatched(entryId: Self.unmatched[1].entryId, invoiceId: nil, customerId: "C2")
            #expect(toCustomer.invoiceId == nil && toCustomer.customerId == "C2" && toCustomer.reference == nil)
            #expect(try await store.unmatchedPayments().isEmpty)
        }
    }

    @Test(arguments: StoreBackend.all) func aRefusedAssignmentChangesNothing(backend: StoreBackend) async throws {
        try await withStore(backend) { store throws in
            _ = try await store.apply(Self.base(), identifiers: Self.identifiers, unmatched: Self.unmatched)
            let id = Self.unmatched[0].entryId
            await #expect(throws: AssignError.unknownInvoice("INV-9")) { try await store.assignUnmatched(entryId: id, invoiceId: "INV-9", customerId: nil) }
            await #expect(throws: AssignError.unknownCustomer("C9")) { try await store.assignUnmatched(entryId: id, invoiceId: nil, customerId: "C9") }
            await #expect(throws: AssignError.invoiceOfOtherCustomer("INV-1", "KVK-12345678")) {
                try await store.assignUnmatched(entryId: id, invoiceId: "INV-1", customerId: "C2")
            }
            await #expect(throws: AssignError.unknownEntry("nope")) { try await store.assignUnmatched(entryId: "nope", invoiceId: "INV-1", customerId: nil) }
            #expect(try await store.unmatchedPayments() == Self.unmatched)
            #expect(try await store.load().payments.isEmpty)
        }
    }

    @Test(arguments: StoreBackend.all) func aVersion5DatabaseGainsTheNewTables(backend: StoreBackend) async throws {
        try await withPersistentLocation(backend) { location in
            try await Schema.writeDatabase(location: location, atVersion: 5) { db in
                try await db.insert(into: "customers").columns("customer_id", "name").values(SQLBind("C1"), SQLBind("Acme")).run()
            }
            try await LedgerStore.with(location: location) { store throws in
                #expect(try await store.schemaVersion() == 6)
                #expect(try await store.unmatchedPayments().isEmpty)
                #expect(try await store.customerIds() == ["C1"])
            }
        }
    }
}

@Suite struct CustomerIdentifierErasureTests {
    @Test(arguments: StoreBackend.all) func erasingACustomerDeletesItsIdentifiers(backend: StoreBackend) async throws {
        try await withStore(backend) { store throws in
            try await PrivacyStoreFixture.fill(store)
            let ids = [CustomerIdentifierRecord(key: "kvk:12345678", customerId: "A"), CustomerIdentifierRecord(key: "iban:NL20INGB0001234567", customerId: "A"),
                       CustomerIdentifierRecord(key: "kvk:87654321", customerId: "B")]
            _ = try await store.apply(LedgerRecords(), identifiers: ids, unmatched: [])
            let plan = try await PrivacyStoreFixture.plan(store)
            let outcome = try await store.eraseCustomer(id: "A", plan: plan, actor: "Mark", at: "2026-06-30T12:05:00Z")
            #expect(outcome.deletedRows == 10, "8 rows as without identifiers, and A's two identifiers")
            #expect(try await store.customerIdentifiers() == ["kvk:87654321": "B"])
        }
    }
}
