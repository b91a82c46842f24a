import SQLKit

/// All-or-nothing work on one session: commits when the body returns, rolls back when it
/// throws. `rollbackOnly` runs the body and then rolls back anyway (a dry run that reports
/// exactly what a real run would do).
///
/// On SQLite, transactions run one at a time. A store is one SQLite connection, and
/// `withSession` on it hands out that same connection, so two transactions at once (the web
/// app serving two requests) would interleave their statements: the second `BEGIN` fails, its
/// `ROLLBACK` undoes the first one's work, and the first one's remaining statements run
/// outside any transaction. The gate queues them instead. Never start a transaction inside
/// another one's body: it would wait for itself.
///
/// On PostgreSQL, `withSession` leases one pooled connection for the whole body
/// (`PooledPostgresDatabase`), so every transaction has a connection of its own and they run
/// side by side, isolated by the server; the gate is not used.
enum Transaction {
    static func run<T: Sendable>(
        on db: any SQLDatabase, rollbackOnly: Bool = false,
        _ body: @escaping @Sendable (any SQLDatabase) async throws -> T
    ) async throws -> T {
        guard db.dialectKind == .sqlite else {
            return try await runNow(on: db, rollbackOnly: rollbackOnly, body)
        }
        await gate.enter()
        do {
            let result = try await runNow(on: db, rollbackOnly: rollbackOnly, body)
            await gate.leave()
            return result
        } catch {
            await gate.leave()
            throw error
        }
    }

    /// Holds the gate (SQLite) for work that runs on a connection of its own (the bulk
    /// writer), so no transaction on the store's connection interleaves with it.
    static func exclusively<T: Sendable>(
        on db: any SQLDatabase, _ body: () async throws -> T
    ) async throws -> T {
        guard db.dialectKind == .sqlite else { return try await body() }
        await gate.enter()
        do {
            let result = try await body()
            await gate.leave()
            return result
        } catch {
            await gate.leave()
            throw error
        }
    }

    /// One gate for the process: a single SQLite connection serialises every statement
    /// anyway. A pooled PostgreSQL database gets a connection per transaction and does without.
    private static let gate = TransactionGate()

    private static func runNow<T: Sendable>(
        on db: any SQLDatabase, rollbackOnly: Bool,
        _ body: @escaping @Sendable (any SQLDatabase) async throws -> T
    ) async throws -> T {
        try await db.withSession { session in
            try await session.raw("BEGIN").run()
            do {
                let result = try await body(session)
                try await session.raw(rollbackOnly ? "ROLLBACK" : "COMMIT").run()
                return result
            } catch {
                try? await session.raw("ROLLBACK").run()
                throw error
            }
        }
    }
}

/// A first-come, first-served lock for async code.
actor TransactionGate {
    private var busy = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    func enter() async {
        guard busy else {
            busy = true
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    /// Hands the gate to the next in line, or opens it.
    func leave() {
        if waiting.isEmpty {
            busy = false
        } else {
            waiting.removeFirst().resume()
        }
    }
}
