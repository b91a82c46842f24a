import Foundation
public import SnoeiCore
import SQLKit

/// A signed-in browser: found by the hash of its cookie token.
public struct SessionRecord: Sendable, Equatable {
    public var tokenHash: String
    public var userId: String
    /// The synchronizer token every form of this session must send back.
    public var csrfToken: String
    public var createdAt: String
    public var expiresAt: String

    public init(tokenHash: String, userId: String, csrfToken: String, createdAt: String, expiresAt: String) {
        self.tokenHash = tokenHash; self.userId = userId; self.csrfToken = csrfToken
        self.createdAt = createdAt; self.expiresAt = expiresAt
    }
}

/// A bearer token for the HTTP API, found by its hash.
public struct APITokenRecord: Sendable, Equatable {
    public var tokenHash: String
    public var userId: String
    public var name: String
    public var createdAt: String

    public init(tokenHash: String, userId: String, name: String, createdAt: String) {
        self.tokenHash = tokenHash; self.userId = userId; self.name = name; self.createdAt = createdAt
    }
}

/// Users, sessions and API tokens (migration 3). Writes go through `Transaction.run`, so on
/// SQLite they never interleave with another request's transaction on the shared connection.
extension LedgerStore {
    // MARK: Users

    /// Adds the user, or replaces the stored one with the same id.
    public func saveUser(_ u: UserRecord) async throws {
        try await Transaction.run(on: db) { tx in
            try await tx.insert(into: "users")
                .columns("user_id", "display_name", "role", "account_manager", "password_hash", "created_at",
                         "failed_logins", "locked_until")
                .values(SQLBind(u.userId), SQLBind(u.displayName), SQLBind(u.role.rawValue), Self.optional(u.accountManagerName),
                        SQLBind(u.passwordHash), SQLBind(u.createdAt), SQLBind(Int64(u.failedLogins)), Self.optional(u.lockedUntil))
                .onConflict(with: ["user_id"]) {
                    $0.set(excludedValueOf: "display_name").set(excludedValueOf: "role").set(excludedValueOf: "account_manager")
                        .set(excludedValueOf: "password_hash").set(excludedValueOf: "failed_logins")
                        .set(excludedValueOf: "locked_until")
                }
                .run()
        }
    }

    /// Removes the user with its sessions and tokens; `false` when there was no such user.
    /// Decisions keep the name they were taken under.
    @discardableResult
    public func removeUser(id: String) async throws -> Bool {
        try await Transaction.run(on: db) { tx in
            let found = try await tx.select().column("user_id").from("users").where("user_id", .equal, SQLBind(id)).all()
            for table in ["sessions", "api_tokens", "users"] {
                try await tx.delete(from: table).where("user_id", .equal, SQLBind(id)).run()
            }
            return !found.isEmpty
        }
    }

    public func user(id: String) async throws -> UserRecord? {
        try await db.select().column("*").from("users").where("user_id", .equal, SQLBind(id)).all()
            .first.map(Self.decodeUser)
    }

    public func users() async throws -> [UserRecord] {
        try await db.select().column("*").from("users").orderBy("user_id").all().map(Self.decodeUser)
    }

    public func userCount() async throws -> Int {
        let rows = try await db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("users").all()
        return Int(try rows.first?.decode(column: "n", as: Int64.self) ?? 0)
    }

    /// Records the outcome of a sign-in attempt: failures count up (and lock until
    /// `lockedUntil` when given), a success resets both.
    public func recordLogin(userId: String, failedLogins: Int, lockedUntil: String?) async throws {
        try await Transaction.run(on: db) { tx in
            try await tx.update("users")
                .set("failed_logins", to: SQLBind(Int64(failedLogins)))
                .set("locked_until", to: Self.optional(lockedUntil))
                .where("user_id", .equal, SQLBind(userId))
                .run()
        }
    }

    private static func decodeUser(_ row: any SQLRow) throws -> UserRecord {
        let r = RowReader(row: row, table: "users")
        let raw = try r.text("role")
        guard let role = Role(rawValue: raw) else { throw StoreError.corrupt(table: "users", column: "role", value: raw) }
        return UserRecord(userId: try r.text("user_id"), displayName: try r.text("display_name"), role: role,
                          accountManagerName: try r.optionalText("account_manager"), passwordHash: try r.text("password_hash"),
                          createdAt: try r.text("created_at"), failedLogins: Int(try r.int("failed_logins")),
                          lockedUntil: try r.optionalText("locked_until"))
    }

    // MARK: Sessions

    public func createSession(_ s: SessionRecord) async throws {
        try await Transaction.run(on: db) { tx in
            try await tx.insert(into: "sessions")
                .columns("token_hash", "user_id", "csrf_token", "created_at", "expires_at")
                .values(SQLBind(s.tokenHash), SQLBind(s.userId), SQLBind(s.csrfToken), SQLBind(s.createdAt), SQLBind(s.expiresAt))
                .run()
        }
    }

    public func session(tokenHash: String) async throws -> SessionRecord? {
        try await db.select().column("*").from("sessions").where("token_hash", .equal, SQLBind(tokenHash)).all().first.map { row in
            let r = RowReader(row: row, table: "sessions")
            return SessionRecord(tokenHash: try r.text("token_hash"), userId: try r.text("user_id"),
                                 csrfToken: try r.text("csrf_token"), createdAt: try r.text("created_at"),
                                 expiresAt: try r.text("expires_at"))
        }
    }

    public func deleteSession(tokenHash: String) async throws {
        try await Transaction.run(on: db) { tx in
            try await tx.delete(from: "sessions").where("token_hash", .equal, SQLBind(tokenHash)).run()
        }
    }

    /// Removes sessions that expired before `now` (ISO 8601 text in UTC sorts by time).
    public func deleteExpiredSessions(now: String) async throws {
        try await Transaction.run(on: db) { tx in
            try await tx.delete(from: "sessions").where("expires_at", .lessThan, SQLBind(now)).run()
        }
    }

    // MARK: API tokens

    public func addAPIToken(_ t: APITokenRecord) async throws {
        try await Transaction.run(on: db) { tx in
            try await tx.insert(into: "api_tokens").columns("token_hash", "user_id", "name", "created_at")
                .values(SQLBind(t.tokenHash), SQLBind(t.userId), SQLBind(t.name), SQLBind(t.createdAt))
                .run()
        }
    }

    public func apiToken(hash: String) async throws -> APITokenRecord? {
        try await db.select().column("*").from("api_tokens").where("token_hash", .equal, SQLBind(hash)).all().first
            .map(Self.decodeToken)
    }

    public func apiTokens(userId: String) async throws -> [APITokenRecord] {
        try await db.select().column("*").from("api_tokens").where("user_id", .equal, SQLBind(userId))
            .orderBy("created_at").all().map(Self.decodeToken)
    }

    /// Revokes every token of the user with this name; the number revoked.
    @discardableResult
    public func revokeAPITokens(userId: String, name: String) async throws -> Int {
        try await Transaction.run(on: db) { tx in
            let found = try await tx.select().column("token_hash").from("api_tokens")
                .where("user_id", .equal, SQLBind(userId)).where("name", .equal, SQLBind(name)).all()
            try await tx.delete(from: "api_tokens").where("user_id", .equal, SQLBind(userId))
                .where("name", .equal, SQLBind(name)).run()
            return found.count
        }
    }

    private static func decodeToken(_ row: any SQLRow) throws -> APITokenRecord {
        let r = RowReader(row: row, table: "api_tokens")
        return APITokenRecord(tokenHash: try r.text("token_hash"), userId: try r.text("user_id"), name: try r.text("name"),
                              createdAt: try r.text("created_at"))
    }
}
