import ArgumentParser
import Foundation
import SnoeiStore

/// Brings a database's schema up to date on purpose: a deployment step before starting new
/// servers, or a check of which version a database is at. Every command does the same on open.
struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Bring the database's schema up to this version of Snoei (creates it when empty) and list the migrations.",
        discussion: """
            Migrations are versioned and each runs once, in one transaction. On PostgreSQL they run under an \
            advisory lock, so several servers starting at once never apply a step twice. Every command migrates \
            on open as well; this one does it on purpose and shows what happened. --status only reports.
            """
    )

    @Flag(help: "Only report the version and the pending migrations; change nothing.")
    var status = false

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let location = try database.location()
        if case .sqlite(let path) = location, status, !FileManager.default.fileExists(atPath: path) {
            throw Terminal.failure("No database at \(path).", code: ExitCodes.notFound)
        }
        do {
            if status {
                let applied = try await LedgerStore.appliedMigrations(location: location)
                report(applied: applied, location: location)
                let pending = LedgerStore.knownMigrations.filter { known in !applied.contains { $0.version == known.version } }
                Terminal.out(pending.isEmpty ? "Up to date." : "Pending: " + pending.map { "\($0.version) \($0.name)" }.joined(separator: ", "))
                return
            }
            let (before, after) = try await LedgerStore.migrate(location: location)
            let applied = try await LedgerStore.appliedMigrations(location: location)
            report(applied: applied, location: location)
            Terminal.out(before == after ? "Up to date at version \(after); nothing to do."
                                         : "Migrated from version \(before) to \(after).")
        } catch let error as StoreError {
            throw Terminal.failure(error.description, code: ExitCodes.failure)
        }
    }

    private func report(applied: [AppliedMigration], location: StoreLocation) {
        Terminal.out("Database: \(location)")
        var table = TextTable(["version", "migration", "applied at"], rightAligned: [0])
        for migration in applied { table.add(["\(migration.version)", migration.name, migration.appliedAt]) }
        Terminal.out(table.render())
    }
}
