import Foundation
import SnoeiCore
import SQLKit
import Testing
@testable import SnoeiStore

/// A small ledger touching every table, with the awkward values: optional columns empty,
/// a credit note, booleans both ways, quotes and non-ASCII in text.
func sampleLedger() -> LedgerRecords {
    let d = { (s: String) in Day(iso: s)! }
    var r = LedgerRecords()
    r.customers = [
        CustomerRecord(customerId: "C1", name: "Bakkerij \"De Zon\" & Zn.", segment: "retail", accountManager: "Anouk",
                       since: d("2021-03-01"), tier: "gold", contractEnd: d("2027-03-01"), noticeDays: 90,
                       cancelChannel: "email"),
        CustomerRecord(customerId: "C2", name: "Brasserie Ésprit"),
    ]
    r.invoices = [
        InvoiceRecord(invoiceId: "I1", customerId: "C1", issueDate: d("2026-01-10"), dueDate: d("2026-02-09"),
                      amount: Money(cents: 530_000), vat: Money(cents: 111_300), cost: Money(cents: 200_000),
                      reference: "REF-1"),
        InvoiceRecord(invoiceId: "I2", customerId: "C2", issueDate: d("2026-02-01"), dueDate: d("2026-03-01"),
                      amount: Money(cents: -5_000)),
    ]
    r.payments = [
        PaymentRecord(paymentId: "P1", date: d("2026-02-20"), amount: Money(cents: 500_000), invoiceId: "I1"),
        PaymentRecord(paymentId: "P2", date: d("2026-03-01"), amount: Money(cents: 1_000), customerId: "C2",
                      reference: "unknown"),
    ]
    r.timeEntries = [
        TimeEntryRecord(customerId: "C1", date: d("2026-01-12"), hours: 1_500, activity: .support, billable: false,
                        employee: "Jan"),
        // The same fact twice on one day: two rows, told apart by occurrence.
        TimeEntryRecord(customerId: "C1", date: d("2026-01-12"), hours: 1_500, activity: .support, billable: false,
                        employee: "Jan"),
        TimeEntryRecord(customerId: "C2", date: d("2026-01-13"), hours: 250, activity: .meeting),
    ]
    r.contacts = [
        ContactRecord(customerId: "C1", date: d("2026-01-15"), channel: .call, kind: .complaint, topic: .price,
                      selfCaused: true),
        ContactRecord(customerId: "C2", date: d("2026-01-16"), channel: .email, kind: .question),
    ]
    r.deviations = [DeviationRecord(customerId: "C1", date: d("2026-01-20"), kind: .discount, cost: Money(cents: 12_345),
                                    note: "loyalty, one time")]
    r.incidents = [IncidentRecord(customerId: "C1", date: d("2026-02-21"), kind: .coercion, severity: 4,
                                  note: "€5,000 now or wait three months")]
    r.referrals = [ReferralRecord(customerId: "C1", referredCustomerId: "C2", date: d("2025-12-01"))]
    r.valuesFit = [ValuesFitRecord(customerId: "C1", criterion: "respect", score: 2)]
    return r
}

/// Records in the order the store loads them: each table by its key.
func inStoreOrder(_ records: LedgerRecords) -> LedgerRecords {
    func sorted<R>(_ table: LedgerTable<R>, _ rows: [R]) -> [R] {
        zip(table.keys(for: rows), rows).sorted { $0.0 < $1.0 }.map(\.1)
    }
    var r = records
    r.customers = sorted(LedgerTables.customers, r.customers)
    r.invoices = sorted(LedgerTables.invoices, r.invoices)
    r.payments = sorted(LedgerTables.payments, r.payments)
    r.timeEntries = sorted(LedgerTables.timeEntries, r.timeEntries)
    r.contacts = sorted(LedgerTables.contacts, r.contacts)
    r.deviations = sorted(LedgerTables.deviations, r.deviations)
    r.incidents = sorted(LedgerTables.incidents, r.incidents)
    r.referrals = sorted(LedgerTables.referrals, r.referrals)
    r.valuesFit = sorted(LedgerTables.valuesFit, r.valuesFit)
    return r
}

/// The databases the store tests run on: SQLite always; PostgreSQL too when
/// `SNOEI_TEST_POSTGRES` holds a database URL (`.ci/run` and `Tests/postgres/with-cluster.sh`
/// set it). Each PostgreSQL test gets a schema of its own, dropped afterwards.
enum StoreBackend: String, CustomTestStringConvertible, Sendable {
    case sqlite, postgresql

    static var all: [StoreBackend] { postgresURL == nil ? [.sqlite] : [.sqlite, .postgresql] }

    static var postgresURL: String? {
        ProcessInfo.processInfo.environment["SNOEI_TEST_POSTGRES"].flatMap { $0.isEmpty ? nil : $0 }
    }

    var testDescription: String { rawValue }

    /// A fresh, empty database of this kind: an SQLite memory database, or a new schema.
    func freshLocation() throws -> StoreLocation {
        switch self {
        case .sqlite:
            return .sqlite(path: ":memory:")
        case .postgresql:
            guard let url = Self.postgresURL else { throw TestSetupError.noPostgres }
            let schema = "t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
            return .postgres(try PostgresLocation(url: url).with(searchPath: [schema]))
        }
    }
}

enum TestSetupError: Error { case noPostgres }

/// Opens a fresh store of `backend`, runs the body and always closes it (and drops the
/// PostgreSQL test schema).
func withStore(_ backend: StoreBackend, _ body: (LedgerStore) async throws -> Void) async throws {
    let location = try backend.freshLocation()
    let store = location == .sqlite(path: ":memory:") ? try await LedgerStore.inMemory()
        : try await LedgerStore.open(location: location)
    do { try await body(store) } catch { try? await dropAndClose(store); throw error }
    try await dropAndClose(store)
}

/// Closes the store; on PostgreSQL first drops the test's schema.
func dropAndClose(_ store: LedgerStore) async throws {
    if case .postgres(let location) = store.location, let schema = location.searchPath.first {
        try await store.db.raw("DROP SCHEMA \(ident: schema) CASCADE").run()
    }
    try await store.close()
}

/// Opens a store in memory, runs the body and always closes the connection.
func withMemoryStore(_ body: (LedgerStore) async throws -> Void) async throws {
    try await withStore(.sqlite, body)
}

/// A database that outlives one open (a temporary SQLite file, or a PostgreSQL schema), for
/// tests that close and reopen it; removed afterwards.
func withPersistentLocation(_ backend: StoreBackend, _ body: (StoreLocation) async throws -> Void) async throws {
    let location: StoreLocation = backend == .sqlite ? .sqlite(path: temporaryDatabasePath()) : try backend.freshLocation()
    do { try await body(location) } catch { try? await removeDatabase(location); throw error }
    try await removeDatabase(location)
}

func removeDatabase(_ location: StoreLocation) async throws {
    switch location {
    case .sqlite(let path):
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    case .postgres(let postgres):
        guard let schema = postgres.searchPath.first else { return }
        // A plain connection: opening a store would create Snoei's tables wherever it points.
        let connection = try await PostgresSetup.connect(postgres.with(searchPath: []))
        do {
            try await PostgresConnectionSQL(connection: connection).raw("DROP SCHEMA IF EXISTS \(ident: schema) CASCADE").run()
        } catch { try? await connection.close(); throw error }
        try await connection.close()
    }
}

func temporaryDatabasePath() -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent("snoei-store-\(UUID().uuidString).sqlite").path
}
