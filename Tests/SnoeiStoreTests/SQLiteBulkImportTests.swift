import Foundation
import SnoeiCore
import SnoeiImport
import SQLKit
import Testing
@testable import SnoeiStore

/// The first import into an SQLite file goes through `SQLiteBulkWriter`; it must leave
/// exactly the tables the merge leaves, and a re-import must then change nothing.
@Suite struct SQLiteBulkImportTests {
    /// The sample ledger (duplicate time entries), the same records with one invoice id twice
    /// (the last wins, at the first one's place), and a generated ledger.
    static func ledgers() throws -> [LedgerRecords] {
        var repeated = sampleLedger()
        var again = repeated.invoices[0]
        again.amount = Money(cents: 1)
        repeated.invoices.append(again)
        // A repeated payment id too, with a repetition of its own repetition.
        var payment = repeated.payments[0]
        payment.reference = "again"
        repeated.payments.insert(payment, at: 1)
        payment.reference = nil
        repeated.payments.append(payment)
        return [sampleLedger(), repeated, try generatedLedger(customers: 150)]
    }

    @Test func bulkAndMergeWriteTheSameTables() async throws {
        for records in try Self.ledgers() {
            try await withFileStore { bulkStore, bulkPath in
                try await withFileStore { mergeStore, mergePath in
                    let bulk = try await bulkStore.apply(records, dryRun: false, bulk: true)
                    let merged = try await mergeStore.apply(records, dryRun: false, bulk: false)
                    #expect(bulk == merged)
                    let bulkDump = try dumpLedgerTables(path: bulkPath)
                    #expect(bulkDump == (try dumpLedgerTables(path: mergePath)))
                    #expect(bulkDump["invoices"]?.count == Set(records.invoices.map(\.invoiceId)).count)
                    #expect(try await bulkStore.ledgerVersion() != nil)
                }
            }
        }
    }

    /// The first import's whole fast path: a folder read by `ColumnarRecordLoader` and
    /// bulk-written holds exactly what the canonical reader's records hold after a merge.
    @Test func theFastReaderAndTheBulkWriterStoreWhatTheCanonicalPathStores() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("snoei-gen-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try LedgerGenerator(customers: 150, seed: 11).write(to: folder)
        let canonical = try CanonicalLedgerReader().read(folder: folder)
        try #require(canonical.errors.isEmpty && canonical.warnings.isEmpty)
        let fast = try #require(ColumnarRecordLoader().read(folder: folder))
        try await withFileStore { fastStore, fastPath in
            try await withFileStore { mergeStore, mergePath in
                let bulk = try await fastStore.apply(fast, dryRun: false, bulk: true)
                let merged = try await mergeStore.apply(canonical.records, dryRun: false, bulk: false)
                #expect(bulk == merged)
                #expect(bulk.new == canonical.records.rowCount)
                #expect(try dumpLedgerTables(path: fastPath) == (try dumpLedgerTables(path: mergePath)))
            }
        }
    }

    @Test func theBulkWriterOnlyWritesIntoEmptyTables() async throws {
        try await withFileStore { store, path in
            let writer = SQLiteBulkWriter(path: path)
            guard case .written(let kinds) = try writer.write(sampleLedger(), progress: nil) else {
                Issue.record("empty tables were not bulk-written")
                return
            }
            #expect(ApplySummary(kinds: kinds).new == sampleLedger().rowCount)
            var more = LedgerRecords()
            more.valuesFit = [ValuesFitRecord(customerId: "C2", criterion: "respect", score: 5)]
            guard case .notEmpty = try writer.write(more, progress: nil) else {
                Issue.record("a second bulk write went into filled tables")
                return
            }
            #expect(try await store.load() == inStoreOrder(sampleLedger()))
        }
    }

    @Test func reimportingAfterABulkImportChangesNothing() async throws {
        let records = try generatedLedger(customers: 100)
        try await withFileStore { store, path in
            let first = try await store.apply(records)
            #expect(first.new == records.rowCount)
            let version = try await store.ledgerVersion()
            let before = try dumpLedgerTables(path: path)
            let again = try await store.apply(records)
            #expect(again.new == 0 && again.updated == 0)
            #expect(again.unchanged == records.rowCount)
            #expect(try await store.ledgerVersion() == version)
            #expect(try dumpLedgerTables(path: path) == before)
            #expect(try await store.load() == inStoreOrder(records))
        }
    }

    /// Payments are written on the store's own thread; time entries on the second thread,
    /// into the scratch file, and fail only when the store takes them over.
    @Test(arguments: ["payments", "time_entries"])
    func aFailedBulkImportLeavesNothingBehind(table: String) async throws {
        try await withFileStore { store, path in
            let indexesBefore = try dumpLedgerTables(path: path)["indexes"]
            try await store.db.raw(SQLQueryString("CREATE TRIGGER refuse BEFORE INSERT ON \(unsafeRaw: table) BEGIN SELECT RAISE(ABORT, 'no rows'); END"))
                .run()
            await #expect(throws: (any Error).self) { try await store.apply(sampleLedger()) }
            let dump = try dumpLedgerTables(path: path)
            for table in SQLiteBulkWriter.tables { #expect(dump[table] == [], "\(table)") }
            #expect(dump["indexes"] == indexesBefore)
            #expect(try await store.ledgerVersion() == nil)
            // The store's own connection still works afterwards.
            try await store.db.raw("DROP TRIGGER refuse").run()
            _ = try await store.apply(sampleLedger())
            #expect(try await store.load() == inStoreOrder(sampleLedger()))
        }
    }

    @Test func aDryRunIntoEmptyTablesWritesNothing() async throws {
        try await withFileStore { store, path in
            let summary = try await store.apply(sampleLedger(), dryRun: true)
            #expect(summary.new == sampleLedger().rowCount)
            #expect(try dumpLedgerTables(path: path)["customers"] == [])
        }
    }
}
