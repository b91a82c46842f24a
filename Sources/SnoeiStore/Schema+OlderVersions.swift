import SQLiteKit
import SQLKit

extension Schema {
    /// Writes an SQLite database file as an older Snoei left it: the schema up to `version`
    /// and whatever `body` writes. For tests of the later migrations, which must carry such
    /// a file forward without losing anything.
    static func writeDatabase(
        path: String, atVersion version: Int, _ body: (any SQLDatabase) async throws -> Void
    ) async throws {
        let connection = try await SQLiteConnection.open(storage: .file(path: path))
        do {
            try await migrate(connection.sql(), through: version)
            try await body(connection.sql())
        } catch {
            try? await connection.close()
            throw error
        }
        try await connection.close()
    }
}
