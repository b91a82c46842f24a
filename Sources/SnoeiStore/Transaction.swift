import SQLKit

/// All-or-nothing work on one session: commits when the body returns, rolls back when it
/// throws. `rollbackOnly` runs the body and then rolls back anyway (a dry run that reports
/// exactly what a real run would do).
enum Transaction {
    static func run<T: Sendable>(
        on db: any SQLDatabase, rollbackOnly: Bool = false,
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
