public import SnoeiCore
import Foundation
import SQLKit

extension LedgerStore {
    /// Adds and updates records in one transaction, matching on natural keys: a record
    /// already stored unchanged is left alone, a changed one is updated, a new one added.
    /// Nothing is deleted. With `dryRun` the same work is done and rolled back, so the
    /// summary is exactly what a real run would report.
    ///
    /// Into an SQLite file whose ledger tables are all empty (the first import), the records
    /// go in through `SQLiteBulkWriter` instead: the same rows, many times faster.
    public func apply(
        _ records: LedgerRecords, dryRun: Bool = false,
        progress: (@Sendable (StoreProgress) -> Void)? = nil
    ) async throws -> ApplySummary {
        try await apply(records, dryRun: dryRun, bulk: true, progress: progress)
    }

    /// `bulk: false` always merges (tests compare both ways).
    func apply(
        _ records: LedgerRecords, dryRun: Bool, bulk: Bool,
        progress: (@Sendable (StoreProgress) -> Void)? = nil
    ) async throws -> ApplySummary {
        if bulk, !dryRun, records.rowCount > 0, case .sqlite(let path) = location, SQLiteHandle.canShare(path: path) {
            let outcome = try await Transaction.exclusively(on: db) {
                try SQLiteBulkWriter(path: path).write(records, progress: progress)
            }
            if case .written(let kinds) = outcome { return ApplySummary(kinds: kinds) }
        }
        return try await Transaction.run(on: db, rollbackOnly: dryRun) { tx in
            let summary = ApplySummary(kinds: try await self.merge(records, on: tx, progress: progress))
            if summary.changesAnything { try await Self.bumpLedgerVersion(on: tx) }
            return summary
        }
    }

    /// Merges every kind of record inside the caller's transaction.
    func merge(_ records: LedgerRecords, on tx: any SQLDatabase,
               progress: (@Sendable (StoreProgress) -> Void)? = nil) async throws -> [ApplySummary.Kind] {
        let total = records.rowCount
        var kinds: [ApplySummary.Kind] = []
        var done = 0
        func step<R>(_ table: LedgerTable<R>) async throws {
            let kind = try await self.merge(table, records[keyPath: table.records], on: tx)
            kinds.append(kind)
            done += kind.rows
            progress?(StoreProgress(done: done, total: total))
        }
        try await step(LedgerTables.customers)
        try await step(LedgerTables.invoices)
        try await step(LedgerTables.payments)
        try await step(LedgerTables.timeEntries)
        try await step(LedgerTables.contacts)
        try await step(LedgerTables.deviations)
        try await step(LedgerTables.incidents)
        try await step(LedgerTables.referrals)
        try await step(LedgerTables.valuesFit)
        return kinds
    }

    /// Replaces everything in the database with `records` (the demo firm, a restore).
    public func replaceAll(_ records: LedgerRecords) async throws {
        try await Transaction.run(on: db) { tx in
            // The bank import's tables belong to the ledger they were matched against.
            for table in ["customers", "invoices", "payments", "time_entries", "contacts", "deviations",
                          "incidents", "referrals", "values_fit", "unmatched_payments", "customer_identifiers"] {
                try await tx.delete(from: table).run()
            }
            try await self.insert(LedgerTables.customers, records.customers, on: tx)
            try await self.insert(LedgerTables.invoices, records.invoices, on: tx)
            try await self.insert(LedgerTables.payments, records.payments, on: tx)
            try await self.insert(LedgerTables.timeEntries, records.timeEntries, on: tx)
            try await self.insert(LedgerTables.contacts, records.contacts, on: tx)
            try await self.insert(LedgerTables.deviations, records.deviations, on: tx)
            try await self.insert(LedgerTables.incidents, records.incidents, on: tx)
            try await self.insert(LedgerTables.referrals, records.referrals, on: tx)
            try await self.insert(LedgerTables.valuesFit, records.valuesFit, on: tx)
            try await Self.bumpLedgerVersion(on: tx)
        }
    }

    /// A new value after every change to the ledger, so a running server knows to re-analyse.
    public func ledgerVersion() async throws -> String? {
        try await meta("ledger_version")
    }

    /// Logs one incident as a new row. `apply` keys rows without an id by their occurrence in
    /// the import, so applying a single incident would overwrite the day's first incident of
    /// the same kind; here the next free occurrence number is taken instead, in one transaction.
    public func appendIncident(_ incident: IncidentRecord) async throws {
        let table = LedgerTables.incidents
        try await Transaction.run(on: db) { tx in
            let prefix = table.identity(incident) + "\u{1F}#"
            let rows = try await tx.select().column("row_key").from(table.name)
                .where("customer_id", .equal, SQLBind(incident.customerId))
                .where("date", .equal, SQLBind(incident.date.iso))
                .where("kind", .equal, SQLBind(incident.kind.rawValue)).all()
            let taken = try rows.compactMap { Int(try $0.decode(column: "row_key", as: String.self).dropFirst(prefix.count)) }
            try await self.insert(table, [(prefix + String((taken.max() ?? 0) + 1), incident)], on: tx)
            try await Self.bumpLedgerVersion(on: tx)
        }
    }

    static func bumpLedgerVersion(on tx: any SQLDatabase) async throws {
        try await setMeta("ledger_version", UUID().uuidString, on: tx)
    }

    private func merge<R>(_ table: LedgerTable<R>, _ incoming: [R], on tx: any SQLDatabase) async throws -> ApplySummary.Kind {
        let stored = incoming.isEmpty ? [:] : try await existing(table, on: tx)
        let keys = table.keys(for: incoming)
        var fresh: [(String, R)] = []
        var updated = 0
        var unchanged = 0
        // The same key twice in one import (an importer lets it through) counts once: the last wins.
        var seen: [String: Int] = [:]
        for (key, record) in zip(keys, incoming) {
            if let index = seen[key] { fresh[index] = (key, record); continue }
            if let old = stored[key] {
                if old == record {
                    unchanged += 1
                } else {
                    try await update(table, key: key, record, on: tx)
                    updated += 1
                }
            } else {
                seen[key] = fresh.count
                fresh.append((key, record))
            }
        }
        try await insert(table, fresh, on: tx)
        return .init(file: table.file, rows: incoming.count, new: fresh.count, updated: updated, unchanged: unchanged)
    }

    func insert<R>(_ table: LedgerTable<R>, _ records: [R], on tx: any SQLDatabase) async throws {
        try await insert(table, Array(zip(table.keys(for: records), records)), on: tx)
    }

    private func insert<R>(_ table: LedgerTable<R>, _ rows: [(String, R)], on tx: any SQLDatabase) async throws {
        var start = 0
        while start < rows.count {
            let end = min(start + tx.rowsPerInsert(columns: 1 + table.columns.count), rows.count)
            let builder = tx.insert(into: table.name).columns([table.keyColumn] + table.columns)
            for (key, record) in rows[start..<end] {
                builder.values([SQLBind(key) as any SQLExpression] + table.cells(record).map(\.expression))
            }
            try await builder.run()
            start = end
        }
    }

    private func update<R>(_ table: LedgerTable<R>, key: String, _ record: R, on tx: any SQLDatabase) async throws {
        let builder = tx.update(table.name)
        for (column, cell) in zip(table.columns, table.cells(record)) {
            builder.set(column, to: cell.expression)
        }
        try await builder.where(table.keyColumn, .equal, SQLBind(key)).run()
    }
}
