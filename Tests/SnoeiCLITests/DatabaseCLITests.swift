import Foundation
import Testing

/// `--database` takes an SQLite path or a PostgreSQL URL; `snoei migrate` sets a database up
/// on purpose and reports its version.
@Suite struct DatabaseCLITests {
    @Test func migrateCreatesReportsAndThenHasNothingToDo() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let status = try cli.run("migrate", "--status", "--database", "new.sqlite")
        #expect(status.status == 3)
        #expect(!cli.exists("new.sqlite"))

        let first = try cli.run("migrate", "--database", "new.sqlite")
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("Migrated from version 0 to"))
        #expect(first.stdout.contains("create_ledger_tables") && first.stdout.contains("create_analysis_runs"))

        let again = try cli.run("migrate", "--database", "new.sqlite")
        #expect(again.stdout.contains("nothing to do"))
        #expect(try cli.run("migrate", "--status", "--database", "new.sqlite").stdout.contains("Up to date."))
    }

    @Test func aBadPostgresURLIsReportedWithoutItsPassword() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let unknownParameter = try cli.run("analyze", "--database", "postgres://anouk:s3cret-pw@db.example/snoei?colour=red")
        #expect(unknownParameter.status == 2)
        #expect(unknownParameter.stderr.contains("unknown parameter colour"))
        #expect(!unknownParameter.stderr.contains("s3cret-pw"))

        // Nothing listens on port 1: the connection error names the database, never the password.
        let unreachable = try cli.run("analyze", environment: ["SNOEI_DATABASE": "postgres://anouk:s3cret-pw@127.0.0.1:1/snoei"])
        #expect(unreachable.status != 0)
        #expect(unreachable.stderr.contains("postgres://anouk:***@127.0.0.1:1/snoei"))
        #expect(!unreachable.stderr.contains("s3cret-pw"))
    }

    @Test func removingAPartnerTwiceSaysThereIsNone() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        #expect(try cli.run("migrate").status == 0)
        #expect(try cli.run("partner", "add", "P1", "--name", "Schilders Collectief", "--speciality", "communication").status == 0)
        #expect(try cli.run("partner", "remove", "P1").status == 0)
        let again = try cli.run("partner", "remove", "P1")
        #expect(again.status == 3 && again.stderr.contains("There is no partner P1."))
    }
}
