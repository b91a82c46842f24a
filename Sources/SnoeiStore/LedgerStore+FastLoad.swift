public import SnoeiCore

extension LedgerStore {
    /// Every record, each table ordered by its key, so two databases holding the same
    /// ledger load identically.
    ///
    /// An SQLite file is read through SQLite's C API on a read-only connection of its own
    /// (`SQLiteLedgerReader`, about ten times faster: this is the CLI's analysis and the web
    /// server's start-up); a memory database and PostgreSQL go through SQLKit.
    public func load() async throws -> LedgerRecords {
        guard case .sqlite(let path) = location, SQLiteHandle.canShare(path: path) else {
            return try await loadThroughSQLKit()
        }
        return try SQLiteLedgerReader(path: path).load()
    }
}
