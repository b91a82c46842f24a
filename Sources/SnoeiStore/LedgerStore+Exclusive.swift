import PostgresKit
import SQLKit

/// One row of `schema_migrations`.
public struct AppliedMigration: Sendable, Equatable {
    public var version: Int
    public var name: String
    /// ISO 8601, as recorded when the step ran.
    public var appliedAt: String
}

extension LedgerStore {
    /// Runs a background job at most once at a time across every process using this database,
    /// e.g. a nightly clean-up that each of several web servers schedules: whoever comes first
    /// runs `body`; the others get `nil` at once, without waiting, and simply skip this round.
    ///
    /// - PostgreSQL: `pg_try_advisory_lock(class, hashtext(job))` on a connection leased for
    ///   the whole run (Snoei's own lock class, see `Schema.jobLockClass`); unlocked afterwards,
    ///   also when `body` throws, and released by the server if the process dies. The lock is
    ///   per database: two schemas in one database share job names. `body` uses the store as
    ///   usual (other pooled connections); one more connection stays leased while it runs.
    /// - SQLite: runs `body` (one file is used by one machine's processes; there is no lock
    ///   to share).
    ///
    /// Not re-entrant across calls on one store: a second call for the same job while the first
    /// runs gets `nil` on PostgreSQL (another connection holds the lock).
    public func runExclusively<T: Sendable>(job: String, _ body: () async throws -> T) async throws -> T? {
        guard case .postgres(let pool) = backend else { return try await body() }
        return try await pool.client.withConnection { connection in
            let session = PostgresConnectionSQL(connection: connection)
            let key = "\(literal: Schema.jobLockClass), hashtext(\(bind: job))" as SQLQueryString
            let rows = try await session.raw("SELECT pg_try_advisory_lock(\(key)) AS locked").all()
            guard try rows.first?.decode(column: "locked", as: Bool.self) == true else { return nil }
            let result: T
            do {
                result = try await body()
            } catch {
                _ = try? await session.raw("SELECT pg_advisory_unlock(\(key))").all()
                throw error
            }
            _ = try await session.raw("SELECT pg_advisory_unlock(\(key))").all()
            return result
        }
    }
}
