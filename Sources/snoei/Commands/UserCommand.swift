import ArgumentParser
import Foundation
import SnoeiCore
import SnoeiStore
import SnoeiWeb

/// The people who sign in to `snoei serve` and the API, their roles and API tokens.
struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: "Manage who signs in to the web app and the API: users, roles, passwords, API tokens.",
        discussion: "Roles: \(Role.spellings). See SECURITY.md for what each may do.",
        subcommands: [Add.self, Remove.self, List.self, Password.self, Unlock.self, Token.self, Revoke.self],
        defaultSubcommand: List.self
    )

    /// Passwords never go on the command line (shell history, `ps`): from a terminal prompt,
    /// or one line on standard input with --password-stdin (scripts).
    struct PasswordInput: ParsableArguments {
        @Flag(help: "Read the password as one line from standard input instead of prompting.")
        var passwordStdin = false
        @Option(help: .hidden) var bcryptCost: UInt8 = 12

        func read() throws -> String {
            let password: String
            if passwordStdin {
                password = readLine(strippingNewline: true) ?? ""
            } else {
                guard isatty(STDIN_FILENO) != 0 else {
                    throw Terminal.failure("No terminal to ask for a password: pass --password-stdin and send it on standard input.",
                                           code: ExitCodes.badInput)
                }
                let first = String(cString: getpass("Password: "))
                let second = String(cString: getpass("Again: "))
                guard first == second else { throw Terminal.failure("The two passwords differ; nothing was changed.", code: ExitCodes.badInput) }
                password = first
            }
            guard password.count >= Credentials.minimumPasswordLength else {
                throw Terminal.failure("A password needs at least \(Credentials.minimumPasswordLength) characters; nothing was changed.",
                                       code: ExitCodes.badInput)
            }
            return password
        }

        func hash(_ password: String) -> String { Credentials.hashPassword(password, cost: max(4, min(bcryptCost, 31))) }
    }

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a user (or replace one with the same name).")
        @Argument(help: "Login name: lower-case letters, digits, '.', '-', '_'.") var id: String
        @Option(help: "The name shown in the audit trail (default: the login name).") var name: String?
        @Option(help: "viewer, account_manager, credit_control or admin.") var role: Role
        @Option(help: "For an account manager: their name as in the ledger's account_manager column (default: --name).")
        var accountManager: String?
        @OptionGroup var password: PasswordInput
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            guard UserRecord.isValidId(id) else {
                throw Terminal.failure("“\(id)” is not a valid login name: use lower-case letters, digits, '.', '-' or '_'.",
                                       code: ExitCodes.badInput)
            }
            let hash = password.hash(try password.read())
            let display = name ?? id
            let user = UserRecord(userId: id, displayName: display, role: role,
                                  accountManagerName: role == .accountManager ? (accountManager ?? display) : nil,
                                  passwordHash: hash, createdAt: Date().ISO8601Format())
            try await Workspace.withExistingStore(database) { try await $0.saveUser(user) }
            Terminal.out("Saved user \(id) (\(display), \(role.rawValue)).")
        }
    }

    struct Remove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Remove a user, their sessions and API tokens.")
        @Argument(help: "Login name.") var id: String
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let removed = try await Workspace.withExistingStore(database) { try await $0.removeUser(id: id) }
            guard removed else { throw Terminal.failure("No user \(id).", code: ExitCodes.notFound) }
            Terminal.out("Removed user \(id); their sessions and API tokens no longer work.")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the users.")
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let users = try await Workspace.withExistingStore(database) { try await $0.users() }
            if users.isEmpty { Terminal.out("No users yet: `snoei user add NAME --role admin`."); return }
            var table = TextTable(["user", "name", "role", "account manager", "locked"])
            let now = Date().ISO8601Format()
            for u in users {
                table.add([u.userId, u.displayName, u.role.rawValue, u.accountManagerName ?? "",
                           (u.lockedUntil ?? "") > now ? "until \(u.lockedUntil ?? "")" : ""])
            }
            Terminal.out(table.render())
        }
    }

    struct Password: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Set a user's password (ends the lock-out).")
        @Argument(help: "Login name.") var id: String
        @OptionGroup var password: PasswordInput
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let hash = password.hash(try password.read())
            try await Workspace.withExistingStore(database) { store in
                guard var user = try await store.user(id: id) else { throw Terminal.failure("No user \(id).", code: ExitCodes.notFound) }
                user.passwordHash = hash
                user.failedLogins = 0
                user.lockedUntil = nil
                try await store.saveUser(user)
            }
            Terminal.out("New password set for \(id).")
        }
    }

    struct Unlock: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "End a lock-out after repeated wrong passwords.")
        @Argument(help: "Login name.") var id: String
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            try await Workspace.withExistingStore(database) { store in
                guard try await store.user(id: id) != nil else { throw Terminal.failure("No user \(id).", code: ExitCodes.notFound) }
                try await store.recordLogin(userId: id, failedLogins: 0, lockedUntil: nil)
            }
            Terminal.out("\(id) can sign in again.")
        }
    }

    struct Token: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create an API bearer token for a user; it is shown once, only its hash is stored.")
        @Argument(help: "Login name.") var id: String
        @Option(help: "What the token is for (to revoke it later).") var name: String
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let token = Credentials.newToken()
            try await Workspace.withExistingStore(database) { store in
                guard try await store.user(id: id) != nil else { throw Terminal.failure("No user \(id).", code: ExitCodes.notFound) }
                try await store.addAPIToken(APITokenRecord(tokenHash: Credentials.sha256(token), userId: id, name: name,
                                                           createdAt: Date().ISO8601Format()))
            }
            Terminal.out(token)
            Terminal.note("API token “\(name)” for \(id). Keep it secret; it cannot be shown again. Use: Authorization: Bearer TOKEN.")
        }
    }

    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Revoke a user's API tokens with this name.")
        @Argument(help: "Login name.") var id: String
        @Option(help: "The token's name.") var name: String
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let n = try await Workspace.withExistingStore(database) { try await $0.revokeAPITokens(userId: id, name: name) }
            guard n > 0 else { throw Terminal.failure("\(id) has no token named \(name).", code: ExitCodes.notFound) }
            Terminal.out("Revoked \(n) token\(n == 1 ? "" : "s").")
        }
    }
}
