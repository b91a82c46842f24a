import SQLKit

/// Migration 3: who signs in (issue 5, team edition).
///
/// | table        | key          | notes                                                           |
/// |--------------|--------------|-----------------------------------------------------------------|
/// | `users`      | `user_id`    | bcrypt `password_hash`; `failed_logins`/`locked_until` lock-out |
/// | `sessions`   | `token_hash` | SHA-256 of the cookie's token, never the token itself           |
/// | `api_tokens` | `token_hash` | SHA-256 of a bearer token; `name` says what it is for           |
///
/// Only hashes of secrets are stored: a copy of the database does not let anyone sign in.
/// Times are ISO 8601 text (UTC), compared in Swift, so both databases behave the same.
extension Schema {
    @Sendable static func createUserTables(_ db: any SQLDatabase) async throws {
        try await db.create(table: "users")
            .column("user_id", type: .text, .primaryKey(autoIncrement: false))
            .column("display_name", type: .text, .notNull)
            .column("role", type: .text, .notNull)
            .column("account_manager", type: .text)
            .column("password_hash", type: .text, .notNull)
            .column("created_at", type: .text, .notNull)
            .column("failed_logins", type: .bigint, .notNull)
            .column("locked_until", type: .text)
            .run()
        try await db.create(table: "sessions")
            .column("token_hash", type: .text, .primaryKey(autoIncrement: false))
            .column("user_id", type: .text, .notNull)
            .column("csrf_token", type: .text, .notNull)
            .column("created_at", type: .text, .notNull)
            .column("expires_at", type: .text, .notNull)
            .run()
        try await db.create(index: "sessions_user_id").on("sessions").column("user_id").run()
        try await db.create(table: "api_tokens")
            .column("token_hash", type: .text, .primaryKey(autoIncrement: false))
            .column("user_id", type: .text, .notNull)
            .column("name", type: .text, .notNull)
            .column("created_at", type: .text, .notNull)
            .run()
        try await db.create(index: "api_tokens_user_id").on("api_tokens").column("user_id").run()
    }
}
