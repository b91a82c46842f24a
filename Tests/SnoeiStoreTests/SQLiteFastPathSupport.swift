import Foundation
import SnoeiCore
import SnoeiImport
@testable import SnoeiStore

/// A temporary SQLite file store for the fast-path tests, removed afterwards.
func withFileStore(_ body: (LedgerStore, String) async throws -> Void) async throws {
    let path = temporaryDatabasePath()
    let location = StoreLocation.sqlite(path: path)
    do {
        let store = try await LedgerStore.open(location: location)
        do { try await body(store, path) } catch { try? await store.close(); throw error }
        try await store.close()
    } catch {
        try? await removeDatabase(location)
        throw error
    }
    try await removeDatabase(location)
}

/// A ledger from the project's generator (`snoei generate`), read back through the canonical
/// reader as `snoei import` does.
func generatedLedger(customers: Int) throws -> LedgerRecords {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("snoei-gen-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    _ = try LedgerGenerator(customers: customers, seed: 7).write(to: folder)
    let read = try CanonicalLedgerReader().read(folder: folder)
    precondition(read.errors.isEmpty, "generated ledger has errors: \(read.errors)")
    return read.records
}

/// Every row of every ledger table and `meta` (without the random `ledger_version`), rowid
/// first, each value with its storage class, in rowid order; plus the ledger tables' index
/// definitions. Two databases with equal dumps hold byte-for-byte the same ledger.
func dumpLedgerTables(path: String) throws -> [String: [[String]]] {
    let connection = try SQLiteHandle(path: path, readOnly: true)
    var dump: [String: [[String]]] = [:]
    for table in SQLiteBulkWriter.tables + ["meta"] {
        let statement = try connection.prepare("SELECT rowid, * FROM \"\(table)\" ORDER BY rowid")
        var rows: [[String]] = []
        while try statement.step() {
            let count = columnCount(statement)
            let row = (0..<count).map { describeCell(statement, $0) }
            if table == "meta", row.count > 1, row[1] == "T:ledger_version" { continue }
            rows.append(row)
        }
        dump[table] = rows
    }
    let indexes = try connection.prepare(
        "SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name")
    var definitions: [[String]] = []
    while try indexes.step() { definitions.append((0..<3).map { describeCell(indexes, $0) }) }
    dump["indexes"] = definitions
    return dump
}
