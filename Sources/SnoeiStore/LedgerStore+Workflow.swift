import Foundation
import SnoeiCore
import SQLKit

/// What people decide and do about customers, next to the ledger in the same database
/// (tables of migration 2, `Migration+WorkflowTables.swift`). Workflow writes leave
/// `ledger_version` alone — the ledger did not change — and bump `workflow_version`.
extension LedgerStore {
    /// A new value after every workflow write (decisions and their events, boundary notices,
    /// fix plans, partners, exits, leave requests), so a running server can refresh its lists.
    /// `nil` until the first workflow write.
    public func workflowVersion() async throws -> String? {
        try await meta("workflow_version")
    }

    /// Runs `body` in one transaction and bumps the workflow version in the same transaction.
    func workflowWrite<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await Transaction.run(on: db) { tx in
            let result = try await body(tx)
            try await Self.bumpWorkflowVersion(on: tx)
            return result
        }
    }

    static func bumpWorkflowVersion(on tx: any SQLDatabase) async throws {
        try await setMeta("workflow_version", UUID().uuidString, on: tx)
    }
}

extension RowReader {
    func isoDay(_ column: String) throws -> Day {
        let text = try text(column)
        guard let day = Day(iso: text) else { throw StoreError.corrupt(table: table, column: column, value: text) }
        return day
    }

    func optionalIsoDay(_ column: String) throws -> Day? {
        guard let text = try optionalText(column) else { return nil }
        guard let day = Day(iso: text) else { throw StoreError.corrupt(table: table, column: column, value: text) }
        return day
    }

    func optionalVocabulary<V: RawRepresentable>(_ column: String, as: V.Type) throws -> V? where V.RawValue == String {
        guard let raw = try optionalText(column) else { return nil }
        guard let value = V(rawValue: raw) else { throw StoreError.corrupt(table: table, column: column, value: raw) }
        return value
    }
}
