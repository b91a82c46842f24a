import Foundation
import SnoeiCore
import SQLKit
import Testing
@testable import SnoeiStore

/// `load()` of an SQLite file reads through the C API (`SQLiteLedgerReader`); it must give
/// exactly what the SQLKit path gives.
@Suite struct SQLiteFastLoadTests {
    @Test func theSampleLedgerLoadsTheSameBothWays() async throws {
        try await withFileStore { store, _ in
            _ = try await store.apply(sampleLedger())
            let fast = try await store.load()
            #expect(fast == (try await store.loadThroughSQLKit()))
            #expect(fast == inStoreOrder(sampleLedger()))
        }
    }

    @Test func theDemoFirmLoadsTheSameBothWays() async throws {
        let records = DemoFirm.generate(seed: 1, end: Day(iso: "2026-11-24")!)
        try await withFileStore { store, _ in
            try await store.replaceAll(records)
            let fast = try await store.load()
            #expect(fast == (try await store.loadThroughSQLKit()))
            #expect(fast.customers.count == DemoFirm.customerCount)
            #expect(fast.invoices.count == records.invoices.count)
        }
    }

    @Test func aGeneratedLedgerLoadsTheSameBothWays() async throws {
        let records = try generatedLedger(customers: 200)
        #expect(records.timeEntries.count > 1_000)
        try await withFileStore { store, _ in
            _ = try await store.apply(records)
            let fast = try await store.load()
            #expect(fast == (try await store.loadThroughSQLKit()))
            #expect(fast == inStoreOrder(records))
        }
    }

    /// Values written by hand (an older Snoei, a person with the sqlite3 shell): NULLs in
    /// every optional column, text with emoji and combining accents, the largest amounts, an
    /// integer where text belongs, booleans stored as text.
    @Test func awkwardStoredValuesLoadTheSameBothWays() async throws {
        try await withFileStore { store, _ in
            try await store.db.raw("""
                INSERT INTO customers VALUES
                  ('C1', 'Café 🍰 e\u{301}', NULL, NULL, NULL, NULL, NULL, NULL, NULL),
                  ('C2', 42, 'retail', 7, '2020-02-29', 'gold', '2030-12-31', 365, 'letter'),
                  ('C3', '', '', 'Zoë', NULL, '', NULL, 0, '')
                """).run()
            try await store.db.raw("""
                INSERT INTO invoices VALUES
                  ('I1', 'C1', '2026-01-01', '2026-01-31', 9223372036854775807, -9223372036854775808, NULL, NULL),
                  ('I2', 'C2', '0001-01-01', '9999-12-31', 0, 0, 123456789012, 'ref ✓')
                """).run()
            try await store.db.raw("""
                INSERT INTO payments VALUES ('P1', '2026-02-01', -1, NULL, NULL, NULL), ('P2', '2026-02-02', 5, 'I1', 'C1', 'x')
                """).run()
            try await store.db.raw("""
                INSERT INTO time_entries VALUES
                  ('k1', 'C1', '2026-01-02', 1500, 'support', NULL, NULL),
                  ('k2', 'C1', '2026-01-02', 0, 'meeting', '1', 'Jörg'),
                  ('k3', 'C2', '2026-01-03', 250, 'delivery', 0, '')
                """).run()
            try await store.db.raw("""
                INSERT INTO contacts VALUES
                  ('k1', 'C1', '2026-01-05', 'call', 'complaint', NULL, NULL),
                  ('k2', 'C2', '2026-01-06', 'email', 'question', 'price', 1)
                """).run()
            let fast = try await store.load()
            #expect(fast == (try await store.loadThroughSQLKit()))
            #expect(fast.customers[1].name == "42")
            #expect(fast.customers[1].accountManager == "7")
            #expect(fast.customers[0].name == "Café 🍰 e\u{301}")
            #expect(fast.invoices[0].amount == Money(cents: .max))
            #expect(fast.invoices[0].vat == Money(cents: .min))
            #expect(fast.timeEntries.map(\.billable) == [nil, true, false])
        }
    }

    /// The schema's NOT NULL keeps NULLs out, but not text in an integer column or a BLOB.
    @Test func aValueOfTheWrongTypeNamesTableAndColumn() async throws {
        try await withFileStore { store, _ in
            try await store.db.raw("INSERT INTO invoices VALUES ('I1', 'C1', '2026-01-01', '2026-01-31', 100, 'abc', NULL, NULL)")
                .run()
            await #expect(throws: (any Error).self) { try await store.loadThroughSQLKit() }
            do {
                _ = try await store.load()
                Issue.record("text in vat_cents loaded")
            } catch let StoreError.corrupt(table, column, value) {
                #expect([table, column, value] == ["invoices", "vat_cents", "abc"])
            }
            try await store.db.raw("DELETE FROM invoices").run()
            try await store.db.raw("INSERT INTO customers VALUES ('C1', X'00ff', NULL, NULL, NULL, NULL, NULL, NULL, NULL)").run()
            await #expect(throws: (any Error).self) { try await store.loadThroughSQLKit() }
            await #expect(throws: StoreError.self) { try await store.load() }
        }
    }

    @Test func anUnknownVocabularyValueOrBadDateIsRefused() async throws {
        try await withFileStore { store, _ in
            try await store.db.raw("INSERT INTO time_entries VALUES ('k', 'C1', '2026-01-02', 1, 'golf', NULL, NULL)").run()
            await #expect(throws: StoreError.self) { try await store.loadThroughSQLKit() }
            await #expect(throws: StoreError.self) { try await store.load() }
            try await store.db.raw("DELETE FROM time_entries").run()
            try await store.db.raw("INSERT INTO referrals VALUES ('k', 'C1', 'C2', '2026-02-30')").run()
            await #expect(throws: StoreError.self) { try await store.loadThroughSQLKit() }
            await #expect(throws: StoreError.self) { try await store.load() }
        }
    }

    @Test func aMemoryDatabaseStillLoadsThroughSQLKit() async throws {
        try await withMemoryStore { store in
            _ = try await store.apply(sampleLedger())
            #expect(try await store.load() == inStoreOrder(sampleLedger()))
        }
    }
}
