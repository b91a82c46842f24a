import Foundation
import SnoeiCore
import SQLKit
import Testing
@testable import SnoeiStore

@Suite struct LedgerStoreTests {
    @Test(arguments: StoreBackend.all) func everyFieldSurvivesAStoreRoundTrip(backend: StoreBackend) async throws {
        try await withStore(backend) { store throws in
            let records = sampleLedger()
            let summary = try await store.apply(records)
            #expect(summary.new == records.rowCount)
            #expect(try await store.load() == inStoreOrder(records))
        }
    }

    @Test(arguments: StoreBackend.all) func reapplyingTheSameRecordsChangesNothing(backend: StoreBackend) async throws {
        try await withStore(backend) { store throws in
            let records = sampleLedger()
            _ = try await store.apply(records)
            let again = try await store.apply(records)
            #expect(again.new == 0)
            #expect(again.updated == 0)
            #expect(again.unchanged == records.rowCount)
            #expect(!again.changesAnything)
            #expect(try await store.load() == inStoreOrder(records))
        }
    }

    @Test(arguments: StoreBackend.all) func aChangedRowIsUpdatedAndANewRowAdded(backend: StoreBackend) async throws {
        try await withStore(backend) { store throws in
            var records = sampleLedger()
            _ = try await store.apply(records)
            records.invoices[0].amount = Money(cents: 600_000)
            records.timeEntries[2].hours = 750
            records.payments.append(PaymentRecord(paymentId: "P3", date: Day(iso: "2026-03-02")!,
                                                  amount: Money(cents: 300), invoiceId: "I1"))
            let summary = try await store.apply(records)
            let invoices = try #require(summary.kinds.first { $0.file == "invoices.csv" })
            #expect(invoices == .init(file: "invoices.csv", rows: 2, new: 0, updated: 1, unchanged: 1))
            let time = try #require(summary.kinds.first { $0.file == "time_entries.csv" })
            #expect(time == .init(file: "time_entries.csv", rows: 3, new: 0, updated: 1, unchanged: 2))
            let payments = try #require(summary.kinds.first { $0.file == "payments.csv" })
            #expect(payments.new == 1)
            #expect(try await store.load() == inStoreOrder(records))
        }
    }

    @Test(arguments: StoreBackend.all) func aSecondImportAddsToTheFirst(backend: StoreBackend) async throws {
        try await withStore(backend) { store throws in
            let all = sampleLedger()
            var first = all
            first.payments = []
            var second = LedgerRecords()
            second.payments = all.payments
            _ = try await store.apply(first)
            let summary = try await store.apply(second)
            #expect(summary.new == 2)
            #expect(try await store.load() == inStoreOrder(all))
        }
    }

    @Test(arguments: StoreBackend.all) func theLedgerVersionChangesWithEveryChangeAndOnlyThen(backend: StoreBackend) async throws {
        try await withStore(backend) { store throws in
            #expect(try await store.ledgerVersion() == nil)
            _ = try await store.apply(sampleLedger())
            let first = try #require(try await store.ledgerVersion())
            _ = try await store.apply(sampleLedger())
            #expect(try await store.ledgerVersion() == first)
            _ = try await store.apply(sampleLedger(), dryRun: true)
            #expect(try await store.ledgerVersion() == first)
            try await store.replaceAll(sampleLedger())
            #expect(try await store.ledgerVersion() != first)
        }
    }

    @Test(arguments: StoreBackend.all) func aDryRunReportsTheCountsAndWritesNothing(backend: StoreBackend) async throws {
        try await withStore(backend) { store throws in
            let records = sampleLedger()
            let summary = try await store.apply(records, dryRun: true)
            #expect(summary.new == records.rowCount)
            #expect(try await store.load() == LedgerRecords())
            #expect(try await store.customerCount() == 0)
        }
    }

    @Test(arguments: StoreBackend.all) func aFailureInsideATransactionLeavesNothingBehind(backend: StoreBackend) async throws {
        struct Boom: Error {}
        try await withStore(backend) { store throws in
            await #expect(throws: Boom.self) {
                try await Transaction.run(on: store.db) { tx in
                    try await tx.insert(into: "customers").columns("customer_id", "name")
                        .values(SQLBind("C9"), SQLBind("Half written")).run()
                    throw Boom()
                }
            }
            #expect(try await store.customerIds().isEmpty)
        }
    }

    @Test(arguments: StoreBackend.all) func replaceAllReplacesEverything(backend: StoreBackend) async throws {
        try await withStore(backend) { store throws in
            _ = try await store.apply(sampleLedger())
            var other = LedgerRecords()
            other.customers = [CustomerRecord(customerId: "X1", name: "Other")]
            try await store.replaceAll(other)
            #expect(try await store.load() == other)
        }
    }

    @Test(arguments: StoreBackend.all) func metaValuesAreStoredAndOverwritten(backend: StoreBackend) async throws {
        try await withStore(backend) { store throws in
            #expect(try await store.meta("demo_seed") == nil)
            try await store.setMeta("demo_seed", "1")
            try await store.setMeta("demo_seed", "2")
            #expect(try await store.meta("demo_seed") == "2")
        }
    }

    @Test(arguments: StoreBackend.all) func aDatabaseKeepsItsDataAndSchemaAcrossOpens(backend: StoreBackend) async throws {
        try await withPersistentLocation(backend) { location in
            let records = sampleLedger()
            try await LedgerStore.with(location: location) { store throws in
                #expect(try await store.schemaVersion() == Schema.latestVersion)
                _ = try await store.apply(records)
            }
            try await LedgerStore.with(location: location) { store throws in
                #expect(try await store.schemaVersion() == Schema.latestVersion)
                #expect(try await store.load() == inStoreOrder(records))
            }
            // Migrating on purpose finds nothing left to do.
            let versions = try await LedgerStore.migrate(location: location)
            #expect(versions.before == Schema.latestVersion && versions.after == Schema.latestVersion)
        }
    }

    @Test(arguments: StoreBackend.all) func theDemoFirmRoundTripsThroughTheStore(backend: StoreBackend) async throws {
        let records = DemoFirm.generate(seed: 1, end: Day(iso: "2026-11-24")!)
        try await withStore(backend) { store throws in
            try await store.replaceAll(records)
            let loaded = try await store.load()
            #expect(loaded == inStoreOrder(records))
            #expect(loaded.customers.count == DemoFirm.customerCount)
        }
    }
}
