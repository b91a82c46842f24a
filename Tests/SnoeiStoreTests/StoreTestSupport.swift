import Foundation
import SnoeiCore
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

/// Opens a store in memory, runs the body and always closes the connection.
func withMemoryStore(_ body: (LedgerStore) async throws -> Void) async throws {
    let store = try await LedgerStore.inMemory()
    do { try await body(store) } catch { try? await store.close(); throw error }
    try await store.close()
}

func temporaryDatabasePath() -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent("snoei-store-\(UUID().uuidString).sqlite").path
}
