import Foundation
import SnoeiCore
@testable import SnoeiStore
import Testing

/// Users, sessions and API tokens (migration 3), and incidents logged one at a time.
struct UserAndIncidentStoreTests {
    static let day = Day(iso: "2026-11-24")!

    @Test(arguments: StoreBackend.all) func incidentsLoggedOneByOneNeverOverwriteEachOther(backend: StoreBackend) async throws {
        try await withStore(backend) { store in
            var records = LedgerRecords()
            records.customers = [CustomerRecord(customerId: "C1", name: "Een BV")]
            _ = try await store.apply(records)
            let before = try await store.ledgerVersion()
            for n in 1...12 {  // past 9: occurrence numbers must not sort as text
                try await store.appendIncident(IncidentRecord(customerId: "C1", date: Self.day, kind: .other, severity: 1, note: "note \(n)"))
            }
            try await store.appendIncident(IncidentRecord(customerId: "C1", date: Self.day, kind: .coercion, severity: 3))
            let stored = try await store.load().incidents
            #expect(stored.count == 13)
            #expect(Set(stored.compactMap(\.note)) == Set((1...12).map { "note \($0)" }))
            #expect(try await store.ledgerVersion() != before)
        }
    }

    @Test(arguments: StoreBackend.all) func usersSessionsAndTokensRoundTrip(backend: StoreBackend) async throws {
        try await withStore(backend) { store in
            let user = UserRecord(userId: "anouk", displayName: "Anouk", role: .accountManager, accountManagerName: "Anouk de Boer",
                                  passwordHash: "$2b$04$hash", createdAt: "2026-11-24T09:00:00Z")
            try await store.saveUser(user)
            #expect(try await store.user(id: "anouk") == user)
            #expect(try await store.userCount() == 1)
            try await store.recordLogin(userId: "anouk", failedLogins: 3, lockedUntil: "2026-11-24T10:00:00Z")
            #expect(try await store.user(id: "anouk")?.failedLogins == 3)

            let session = SessionRecord(tokenHash: "h1", userId: "anouk", csrfToken: "c1", createdAt: "2026-11-24T09:00:00Z",
                                        expiresAt: "2026-11-24T21:00:00Z")
            try await store.createSession(session)
            try await store.createSession(SessionRecord(tokenHash: "h0", userId: "anouk", csrfToken: "c0",
                                                        createdAt: "2026-11-23T09:00:00Z", expiresAt: "2026-11-23T21:00:00Z"))
            try await store.deleteExpiredSessions(now: "2026-11-24T12:00:00Z")
            #expect(try await store.session(tokenHash: "h0") == nil)
            #expect(try await store.session(tokenHash: "h1") == session)

            try await store.addAPIToken(APITokenRecord(tokenHash: "t1", userId: "anouk", name: "exact", createdAt: "2026-11-24T09:00:00Z"))
            #expect(try await store.apiToken(hash: "t1")?.name == "exact")
            #expect(try await store.revokeAPITokens(userId: "anouk", name: "other") == 0)

            // Removing the user ends its sessions and tokens.
            #expect(try await store.removeUser(id: "anouk"))
            #expect(try await store.session(tokenHash: "h1") == nil)
            #expect(try await store.apiToken(hash: "t1") == nil)
            #expect(!(try await store.removeUser(id: "anouk")))
        }
    }
}
