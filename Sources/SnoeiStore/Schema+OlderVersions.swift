import SQLiteKit
import SQLKit

extension Schema {
    /// Writes a database as an older Snoei left it — an SQLite file or a PostgreSQL schema —
    /// with the schema up to `version` and whatever `body` writes. For tests of the later
    /// migrations, which must carry such a database forward without losing anything.
    static func writeDatabase(
        location: StoreLocation, atVersion version: Int, _ body: (any SQLDatabase) async throws -> Void
    ) async throws {
        switch location {
        case .sqlite(let path):
            let connection = try await SQLiteConnection.open(storage: .file(path: path))
            do {
                try await migrate(connection.sql(), through: version)
                try await body(connection.sql())
            } catch {
                try? await connection.close()
                throw error
            }
            try await connection.close()
        case .postgres(let postgres):
            let connection = try await PostgresSetup.connect(postgres)
            do {
                let db = PostgresConnectionSQL(connection: connection)
                try await PostgresSetup.ensureSchema(postgres, on: db)
                try await migrate(db, through: version)
                try await body(db)
            } catch {
                try? await connection.close()
                throw error
            }
            try await connection.close()
        }
    }
}
