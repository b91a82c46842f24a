public import Foundation
public import SnoeiCore
public import SnoeiStore

/// How sign-in behaves. The defaults suit an office: a working day's session, a short
/// lock-out after a run of wrong passwords.
public struct AuthSettings: Sendable {
    /// A session ends this long after sign-in, whatever happens in between.
    public var sessionLifetime: TimeInterval = 12 * 3600
    /// Wrong passwords in a row before the account is locked for `lockOut`.
    public var maxFailedLogins = 5
    public var lockOut: TimeInterval = 15 * 60
    /// `Secure` on the session cookie: on unless the server only listens on loopback
    /// (a browser on the same machine, plain http).
    public var secureCookies = true
    /// bcrypt cost for passwords set through the web app (tests lower it).
    public var bcryptCost: UInt8 = 12
    /// The clock, replaceable so tests can expire sessions and lock-outs without waiting.
    public var now: @Sendable () -> Date = { Date() }

    public init() {}
}

/// Signs people in and out and recognises them on later requests.
public struct Authenticator: Sendable {
    public let store: LedgerStore
    public let settings: AuthSettings
    /// A hash to verify against when the name is unknown, so a wrong name takes as long
    /// as a wrong password and the response does not reveal which names exist.
    private let decoyHash: String

    public init(store: LedgerStore, settings: AuthSettings) {
        self.store = store
        self.settings = settings
        decoyHash = Credentials.hashPassword("decoy password", cost: settings.bcryptCost)
    }

    public enum LoginResult: Sendable {
        case signedIn(token: String, session: SessionRecord, user: UserRecord)
        /// Wrong name or password: one answer for both.
        case refused
        case locked(until: Date)
    }

    public func login(userId: String, password: String) async throws -> LoginResult {
        let now = settings.now()
        guard let user = try await store.user(id: userId.lowercased()) else {
            _ = Credentials.verify(password, hash: decoyHash)
            return .refused
        }
        if let until = user.lockedUntil.flatMap(Self.parse), until > now { return .locked(until: until) }
        guard Credentials.verify(password, hash: user.passwordHash) else {
            let failures = user.failedLogins + 1
            let lock = failures >= settings.maxFailedLogins ? now.addingTimeInterval(settings.lockOut) : nil
            // After a lock-out ends, the count starts again.
            try await store.recordLogin(userId: user.userId, failedLogins: lock == nil ? failures : 0,
                                        lockedUntil: lock.map(Self.format))
            if let lock { return .locked(until: lock) }
            return .refused
        }
        if user.failedLogins != 0 || user.lockedUntil != nil {
            try await store.recordLogin(userId: user.userId, failedLogins: 0, lockedUntil: nil)
        }
        try await store.deleteExpiredSessions(now: Self.format(now))
        let token = Credentials.newToken()
        let session = SessionRecord(tokenHash: Credentials.sha256(token), userId: user.userId,
                                    csrfToken: Credentials.newToken(), createdAt: Self.format(now),
                                    expiresAt: Self.format(now.addingTimeInterval(settings.sessionLifetime)))
        try await store.createSession(session)
        return .signedIn(token: token, session: session, user: user)
    }

    /// The identity behind a session cookie's token, if the session exists and has not expired.
    public func identity(sessionToken token: String) async throws -> Identity? {
        guard let session = try await store.session(tokenHash: Credentials.sha256(token)),
              let expires = Self.parse(session.expiresAt), expires > settings.now(),
              let user = try await store.user(id: session.userId) else { return nil }
        return Identity(user: user, proof: .session, csrfToken: session.csrfToken)
    }

    public func identity(bearerToken token: String) async throws -> Identity? {
        guard let record = try await store.apiToken(hash: Credentials.sha256(token)),
              let user = try await store.user(id: record.userId) else { return nil }
        return Identity(user: user, proof: .bearerToken, csrfToken: nil)
    }

    public func logout(sessionToken token: String) async throws {
        try await store.deleteSession(tokenHash: Credentials.sha256(token))
    }

    /// ISO 8601 in UTC with fractional seconds: sorts as text in time order.
    static func format(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }

    static func parse(_ text: String) -> Date? {
        (try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(text))
            ?? (try? Date.ISO8601FormatStyle().parse(text))
    }
}
