import Foundation
import SnoeiCore
import SQLKit
import Testing
@testable import SnoeiStore

/// A firm where customer A's relationship ended early 2024 (past retention on 2026-06-30, with
/// invoices on both sides of the 7-year tax cut-off 2019-06-30) and customer B is current.
enum PrivacyStoreFixture {
    static let today = day("2026-06-30")
    static func eur(_ text: String) -> Money { Money.parse(text)! }

    static func ledger() -> LedgerRecords {
        var r = LedgerRecords()
        r.customers = [
            CustomerRecord(customerId: "A", name: "Oud & Co", segment: "retail", accountManager: "Anouk",
                           since: day("2015-01-01"), contractEnd: day("2020-12-31"), noticeDays: 30),
            CustomerRecord(customerId: "B", name: "Beta BV", segment: "retail", accountManager: "Mark"),
        ]
        r.invoices = [
            InvoiceRecord(invoiceId: "IA1", customerId: "A", issueDate: day("2018-03-01"), dueDate: day("2018-03-31"),
                          amount: eur("1000.00"), vat: eur("210.00"), cost: eur("400.00"), reference: "PO-77"),
            InvoiceRecord(invoiceId: "IA3", customerId: "A", issueDate: day("2023-05-01"), dueDate: day("2023-05-31"),
                          amount: eur("500.00"), vat: eur("105.00"), reference: "Order by J. de Vries"),
            InvoiceRecord(invoiceId: "IB1", customerId: "B", issueDate: day("2026-05-01"), dueDate: day("2026-05-31"),
                          amount: eur("800.00"), vat: eur("168.00")),
        ]
        r.payments = [
            PaymentRecord(paymentId: "PA1", date: day("2018-03-20"), amount: eur("1210.00"), invoiceId: "IA1"),
            PaymentRecord(paymentId: "PA3", date: day("2023-05-20"), amount: eur("605.00"), reference: "Order by J. de Vries"),
            PaymentRecord(paymentId: "PA6", date: day("2024-01-01"), amount: eur("40.00"), customerId: "A", reference: "deposit"),
            PaymentRecord(paymentId: "PB1", date: day("2026-06-01"), amount: eur("500.00"), invoiceId: "IB1"),
        ]
        r.timeEntries = [
            TimeEntryRecord(customerId: "A", date: day("2023-06-01"), hours: 2_000, activity: .support, employee: "Jan"),
            TimeEntryRecord(customerId: "B", date: day("2026-05-02"), hours: 1_000, activity: .delivery, employee: "Eline"),
        ]
        r.contacts = [
            ContactRecord(customerId: "A", date: day("2023-06-02"), channel: .call, kind: .complaint, selfCaused: true),
            ContactRecord(customerId: "B", date: day("2026-05-03"), channel: .email, kind: .question),
        ]
        r.deviations = [DeviationRecord(customerId: "A", date: day("2023-06-03"), kind: .discount, cost: eur("50.00"),
                                        note: "one-time discount")]
        r.incidents = [IncidentRecord(customerId: "A", date: day("2023-06-04"), kind: .abuseOfStaff, severity: 3,
                                      note: "raised voice at the helpdesk")]
        r.referrals = [ReferralRecord(customerId: "A", referredCustomerId: "B", date: day("2022-01-01"))]
        r.valuesFit = [ValuesFitRecord(customerId: "A", criterion: "respect", score: 2),
                       ValuesFitRecord(customerId: "B", criterion: "respect", score: 5)]
        return r
    }

    /// The ledger plus A's decision (closed), fix plan, notice, exit and B's leave request.
    static func fill(_ store: LedgerStore) async throws {
        _ = try await store.apply(ledger())
        let d = try await store.openDecision(customerId: "A", proposed: .letGo, actor: "Anouk", at: "2023-07-01T09:00:00Z")
        let exit = try await store.record(event(d, .confirm, to: .exit, chosen: .letGo, at: "2023-07-02T09:00:00Z",
                                                reason: "red line crossed"))
        try await store.record(event(exit, .close, to: .closed, at: "2023-12-01T09:00:00Z", reason: "hand-over done"))
        try await store.saveFixPlan(FixPlanRecord(planId: "F1", decisionId: d.decisionId, customerId: "A",
                                                  actions: [.prepayment], owner: "Anouk", start: day("2023-07-03"),
                                                  review: day("2023-09-01"), outcome: .failed, note: "called twice"))
        try await store.addBoundaryNotice(BoundaryNotice(customerId: "A", kind: .behaviour, date: day("2023-06-05"),
                                                         channel: .visit, by: "Anouk", note: "talked with the owner"))
        try await store.saveExit(ExitRecord(decisionId: d.decisionId, customerId: "A", endDate: day("2023-12-31"),
                                            done: [.conversationHeld: day("2023-07-10")]))
        try await store.addLeaveRequest(LeaveRequest(customerId: "B", date: day("2026-05-10"), channel: .email,
                                                     note: "moving abroad"))
        try await store.logAccess(customerId: "A", action: .viewNotes, actor: "Anouk", at: "2024-01-05T10:00:00Z",
                                  detail: "customer page")
    }

    static func plan(_ store: LedgerStore, _ id: String = "A") async throws -> ErasurePlan {
        try #require(ErasurePlan(customerId: id, records: try await store.load(), workflow: try await store.workflowRecords(),
                                 policy: .standard, today: today))
    }
}

@Suite struct PrivacyStoreTests {
    typealias F = PrivacyStoreFixture

    @Test(arguments: StoreBackend.all) func exportEraseExportAgain(backend: StoreBackend) async throws {
        try await withStore(backend) { store throws in
            try await F.fill(store)
            let before = try await store.load(), workflowBefore = try await store.workflowRecords()
            let versionBefore = try await store.ledgerVersion(), workflowVersionBefore = try await store.workflowVersion()
            // The export before: every row of A.
            let analysis = Analysis(ledger: try Ledger(records: before), policy: .standard, asOf: F.today)
            let first = try #require(PrivacyExport(customerId: "A", records: before, workflow: workflowBefore,
                                                   accessLog: try await store.accessLog(), analysis: analysis,
                                                   generatedAt: "2026-06-30T12:00:00Z", language: .en))
            #expect(first.records.rowCount == 12)
            #expect(first.workflow.events.count == 2 && first.workflow.boundaryNotices.count == 1)
            #expect(first.accessLog.map(\.action) == [.viewNotes])
            let exportOfB = PrivacyExport.records(for: "B", in: before)

            let plan = try await F.plan(store)
            #expect(RetentionRules.due(records: before, workflow: workflowBefore, policy: PrivacyPolicy.standard,
                                       today: F.today).map(\.status.customerId) == ["A"])
            let outcome = try await store.eraseCustomer(id: "A", plan: plan, actor: "Mark", at: "2026-06-30T12:05:00Z")
            #expect(outcome.deletedRows == 8, "6 rows of A's own tables, IA1 and PA1")
            #expect(outcome.updatedRows == 4, "the customer, IA3, PA3 and PA6")
            #expect(outcome.workflowRows == 2, "the notice and the fix plan's note")

            // The store did exactly what the plan says.
            let after = try await store.load()
            #expect(after == plan.apply(to: before))
            #expect(try await store.workflowRecords() == plan.apply(to: workflowBefore))
            #expect(try await store.ledgerVersion() != versionBefore)
            #expect(try await store.workflowVersion() != workflowVersionBefore)
            // Export again: only what is kept.
            let left = try #require(PrivacyExport.records(for: "A", in: after))
            #expect(left.customers == [CustomerRecord(customerId: "A", name: ErasurePlan.anonymisedName(for: "A"), segment: "retail")])
            #expect(left.invoices.map(\.invoiceId) == ["IA3"] && left.invoices[0].reference == nil)
            #expect(left.payments.map(\.paymentId) == ["PA3", "PA6"])
            #expect(left.payments.allSatisfy { $0.reference == nil } && left.payments[0].invoiceId == "IA3")
            #expect(left.timeEntries.isEmpty && left.contacts.isEmpty && left.deviations.isEmpty && left.incidents.isEmpty
                    && left.referrals.isEmpty && left.valuesFit.isEmpty)
            let workflowLeft = try await store.workflowRecords(customerId: "A")
            #expect(workflowLeft.boundaryNotices.isEmpty && workflowLeft.fixPlans.first?.note == nil)
            #expect(workflowLeft.events.count == 2 && workflowLeft.exits.count == 1, "the decision record stays")
            // The other customer is unchanged, and the analysis runs.
            #expect(PrivacyExport.records(for: "B", in: after) == exportOfB)
            #expect(try await store.leaveRequests(customerId: "B").count == 1)
            let again = Analysis(ledger: try Ledger(records: after), policy: .standard, asOf: F.today)
            #expect(again.customers[again.row(of: "B")!].revenue == analysis.customers[analysis.row(of: "B")!].revenue)
            #expect(again.customers[again.row(of: "A")!].openTotal == .zero, "PA3 still settles IA3")
            // The erasure is in the access log.
            let log = try await store.accessLog(customerId: "A")
            #expect(log.map(\.action) == [.viewNotes, .erase])
            #expect(log.last?.actor == "Mark" && log.last?.detail?.contains("8 ledger rows deleted") == true)
        }
    }

    @Test(arguments: StoreBackend.all) func erasingAgainChangesNothing(backend: StoreBackend) async throws {
        try await withStore(backend) { store throws in
            try await F.fill(store)
            try await store.eraseCustomer(id: "A", plan: try await F.plan(store), actor: "Mark", at: "2026-06-30T12:05:00Z")
            let records = try await store.load(), workflow = try await store.workflowRecords()
            let version = try await store.ledgerVersion(), workflowVersion = try await store.workflowVersion()
            let second = try await F.plan(store)
            #expect(!second.changesAnything)
            let outcome = try await store.eraseCustomer(id: "A", plan: second, actor: "Mark", at: "2026-06-30T13:00:00Z")
            #expect(!outcome.changesAnything)
            #expect(try await store.load() == records)
            #expect(try await store.workflowRecords() == workflow)
            #expect(try await store.ledgerVersion() == version)
            #expect(try await store.workflowVersion() == workflowVersion)
            #expect(try await store.accessLog(customerId: "A").last?.detail == "as of 2026-06-30: nothing left to erase")
            // Even the first plan, applied a second time, finds nothing left to change.
            #expect(RetentionRules.due(records: records, workflow: workflow, policy: .standard, today: F.today).isEmpty)
        }
    }

    /// A statement failing late in the transaction leaves every table as it was.
    @Test(arguments: StoreBackend.all, ["customers", "access_log"])
    func aFailureMidwayLeavesTheDatabaseUnchanged(backend: StoreBackend, failingTable: String) async throws {
        try await withStore(backend) { store throws in
            try await F.fill(store)
            let records = try await store.load(), workflow = try await store.workflowRecords()
            let version = try await store.ledgerVersion(), log = try await store.accessLog()
            let plan = try await F.plan(store)
            // Test-only sabotage: the anonymising UPDATE (customers) or the final log INSERT fails.
            let event = failingTable == "customers" ? "UPDATE" : "INSERT"
            try await sabotage(store, event: event, on: failingTable)
            await #expect(throws: (any Error).self) {
                try await store.eraseCustomer(id: "A", plan: plan, actor: "Mark", at: "2026-06-30T12:05:00Z")
            }
            #expect(try await store.load() == records)
            #expect(try await store.workflowRecords() == workflow)
            #expect(try await store.ledgerVersion() == version)
            #expect(try await store.accessLog() == log)
            // Without the sabotage the same plan goes through.
            try await endSabotage(store, on: failingTable)
            #expect(try await store.eraseCustomer(id: "A", plan: plan, actor: "Mark", at: "2026-06-30T12:06:00Z").changesAnything)
        }
    }

    @Test(arguments: StoreBackend.all) func aPlanMustFitTheCustomer(backend: StoreBackend) async throws {
        try await withStore(backend) { store throws in
            try await F.fill(store)
            let plan = try await F.plan(store)
            await #expect(throws: ErasureError.planForAnotherCustomer(id: "B", planFor: "A")) {
                try await store.eraseCustomer(id: "B", plan: plan, actor: "Mark", at: "t")
            }
            try await withStore(backend) { empty throws in
                await #expect(throws: ErasureError.unknownCustomer(id: "A")) {
                    try await empty.eraseCustomer(id: "A", plan: plan, actor: "Mark", at: "t")
                }
                #expect(try await empty.accessLog().isEmpty)
            }
        }
    }
}

@Suite struct AccessLogStoreTests {
    @Test(arguments: StoreBackend.all) func entriesComeBackInTheOrderWrittenPerCustomer(backend: StoreBackend) async throws {
        try await withStore(backend) { store throws in
            let a1 = AccessLogEntry(at: "2026-03-02T10:00:00Z", actor: "Anouk", action: .viewNotes, customerId: "C1",
                                    detail: "customer page")
            // Written later with an earlier timestamp: the log keeps the order of writing.
            let a2 = AccessLogEntry(at: "2026-03-01T10:00:00Z", actor: "Mark", action: .export, customerId: "C1",
                                    detail: "art. 15 export, json → out.json")
            let b1 = AccessLogEntry(at: "2026-03-03T10:00:00Z", actor: "Jan", action: .change, customerId: "C2")
            for entry in [a1, a2, b1] { try await store.logAccess(entry) }
            #expect(try await store.accessLog(customerId: "C1") == [a1, a2])
            #expect(try await store.accessLog(customerId: "C2") == [b1])
            #expect(try await store.accessLog() == [a1, a2, b1])
            #expect(try await store.accessLog(customerId: "C3").isEmpty)
            try await store.logAccess(customerId: "C3", action: .erase, actor: "Mark")
            #expect(try await store.accessLog(customerId: "C3").first?.at.hasPrefix("20") == true)
            // Logging is not a ledger or workflow change.
            #expect(try await store.ledgerVersion() == nil)
            #expect(try await store.workflowVersion() == nil)
        }
    }

    @Test(arguments: StoreBackend.all) func theLogIsAppendOnly(backend: StoreBackend) async throws {
        try await withStore(backend) { store throws in
            let entry = AccessLogEntry(at: "2026-03-02T10:00:00Z", actor: "Anouk", action: .viewNotes, customerId: "C1")
            try await store.logAccess(entry)
            await #expect(throws: (any Error).self) {
                try await store.db.update("access_log").set("actor", to: SQLBind("someone else")).run()
            }
            await #expect(throws: (any Error).self) {
                try await store.db.delete(from: "access_log").run()
            }
            await #expect(throws: (any Error).self) {
                try await store.db.delete(from: "access_log").where("customer_id", .equal, SQLBind("C1")).run()
            }
            #expect(try await store.accessLog() == [entry])
            // An erasure of the customer keeps the log too.
            _ = try await store.apply({ var r = LedgerRecords(); r.customers = [CustomerRecord(customerId: "C1", name: "X")]; return r }())
            let plan = try #require(ErasurePlan(customerId: "C1", records: try await store.load(), workflow: .init(),
                                                policy: .standard, today: day("2026-06-30")))
            try await store.eraseCustomer(id: "C1", plan: plan, actor: "Mark", at: "2026-06-30T12:00:00Z")
            #expect(try await store.accessLog().map(\.action) == [.viewNotes, .erase])
        }
    }

    @Test(arguments: StoreBackend.all) func aVersionThreeDatabaseGainsTheAccessLog(backend: StoreBackend) async throws {
      try await withPersistentLocation(backend) { location in
        try await Schema.writeDatabase(location: location, atVersion: 3) { db in
            #expect(try await Schema.version(db) == 3)
            await #expect(throws: (any Error).self) { try await db.select().column("*").from("access_log").all() }
            try await insertRows(LedgerTables.customers, sampleLedger().customers, on: db)
        }
        try await LedgerStore.with(location: location) { store throws in
            #expect(try await store.schemaVersion() >= 4)
            #expect(try await store.load().customers.count == 2)
            #expect(try await store.accessLog().isEmpty)
            try await store.logAccess(customerId: "C1", action: .export, actor: "Anouk", at: "2026-03-01T00:00:00Z")
            #expect(try await store.accessLog().count == 1)
            await #expect(throws: (any Error).self) { try await store.db.delete(from: "access_log").run() }
        }
      }
    }
}

/// Drops the sabotage trigger (awaited: the next statement must not race it).
private func endSabotage(_ store: LedgerStore, on table: String) async throws {
    let sql: SQLQueryString = store.kind == .sqlite ? "DROP TRIGGER sabotage" : "DROP TRIGGER sabotage ON \(unsafeRaw: table)"
    let done: Void = try await store.db.raw(sql).run()
    _ = done
}

/// Test-only sabotage: a trigger that makes every `event` (UPDATE, INSERT) on `table` fail.
private func sabotage(_ store: LedgerStore, event: String, on table: String) async throws {
    if store.kind == .sqlite {
        try await store.db.raw("""
            CREATE TRIGGER sabotage BEFORE \(unsafeRaw: event) ON \(unsafeRaw: table)
            BEGIN SELECT RAISE(ABORT, 'sabotaged'); END
            """).run()
    } else {
        try await store.db.raw("""
            CREATE OR REPLACE FUNCTION sabotage() RETURNS trigger LANGUAGE plpgsql
            AS $$ BEGIN RAISE EXCEPTION 'sabotaged'; END $$
            """).run()
        try await store.db.raw("""
            CREATE TRIGGER sabotage BEFORE \(unsafeRaw: event) ON \(unsafeRaw: table)
            FOR EACH ROW EXECUTE FUNCTION sabotage()
            """).run()
    }
}
