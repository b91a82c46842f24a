import Foundation
import SnoeiCore
import SQLKit
import Testing
@testable import SnoeiStore

@Suite struct WorkflowMigrationTests {
    @Test(arguments: StoreBackend.all)
    func aVersionOneDatabaseIsMigratedToTwoAndKeepsItsLedger(backend: StoreBackend) async throws {
      try await withPersistentLocation(backend) { location in
        let ledger = sampleLedger()
        try await Schema.writeDatabase(location: location, atVersion: 1) { db in
            #expect(try await Schema.version(db) == 1)
            // Version 1 has no workflow tables.
            await #expect(throws: (any Error).self) { try await db.select().column("*").from("decisions").all() }
            try await insertRows(LedgerTables.customers, ledger.customers, on: db)
            try await insertRows(LedgerTables.invoices, ledger.invoices, on: db)
            try await insertRows(LedgerTables.payments, ledger.payments, on: db)
            try await insertRows(LedgerTables.timeEntries, ledger.timeEntries, on: db)
            try await insertRows(LedgerTables.contacts, ledger.contacts, on: db)
            try await insertRows(LedgerTables.deviations, ledger.deviations, on: db)
            try await insertRows(LedgerTables.incidents, ledger.incidents, on: db)
            try await insertRows(LedgerTables.referrals, ledger.referrals, on: db)
            try await insertRows(LedgerTables.valuesFit, ledger.valuesFit, on: db)
            try await db.insert(into: "meta").columns("key", "value").values(SQLBind("ledger_version"), SQLBind("v1"))
                .run()
        }

        try await LedgerStore.with(location: location) { store throws in
            #expect(try await store.schemaVersion() == Schema.latestVersion)
            #expect(try await store.load() == inStoreOrder(ledger))
            #expect(try await store.ledgerVersion() == "v1")
            #expect(try await store.workflowVersion() == nil)
            let names = try await store.db.select().column("version").column("name").from("schema_migrations")
                .orderBy("version").all()
                .map { "\(try $0.decode(column: "version", as: Int64.self)) \(try $0.decode(column: "name", as: String.self))" }
            #expect(Array(names.prefix(2)) == ["1 create_ledger_tables", "2 create_workflow_tables"])
            #expect(names.count == Schema.migrations.count)
            // The new tables are there, empty, and usable.
            #expect(try await store.decisions().isEmpty)
            let opened = try await store.openDecision(customerId: "C1", proposed: .letGo, actor: "Anouk",
                                                      at: "2026-03-01T09:00:00Z")
            #expect(try await store.decision(id: opened.decisionId) == opened)
        }
        // Opening again migrates nothing more and still finds both.
        try await LedgerStore.with(location: location) { store throws in
            #expect(try await store.schemaVersion() == Schema.latestVersion)
            #expect(try await store.load() == inStoreOrder(ledger))
            #expect(try await store.decisions().count == 1)
        }
      }
    }

    @Test(arguments: StoreBackend.all) func aNewDatabaseHasEveryWorkflowTable(backend: StoreBackend) async throws {
        try await withStore(backend) { store throws in
            #expect(try await store.schemaVersion() == Schema.latestVersion)
            #expect(Schema.latestVersion >= 2)
            for table in ["decisions", "decision_events", "boundary_notices", "fix_plans", "partners",
                          "partner_specialities", "exits", "exit_steps", "leave_requests"] {
                #expect(try await tableRowCount(table, in: store) == 0, "\(table)")
            }
        }
    }
}
