import Foundation
import Testing

/// `snoei import` on exports, run as a user runs it.
@Suite struct ExportImportCLITests {
    /// SnelStart relations and Exact Online receivables, as Windows-1252 with `;` and decimal commas.
    static let relations = """
        Relatiecode;Naam;Relatiesoort;Plaats\r
        10001;Bakkerij Jansen B.V.;Klant;Amersfoort\r
        10002;Café De Gouden Leeuw;Klant;'s-Hertogenbosch\r

        """
    static let receivables = """
        Relatiecode;Relatie;Factuurnummer;Factuurdatum;Vervaldatum;Omschrijving;Bedrag excl. btw;Btw-bedrag;Openstaand\r
        10001;Bakkerij Jansen B.V.;26100001;05-01-2026;04-02-2026;Broodkratten;1.234,56;259,26;1.493,82\r
        10002;Café De Gouden Leeuw;26100002;12-01-2026;11-02-2026;Inventaris € 200 korting;12.500,00;2.625,00;15.125,00\r

        """
    static let toggl = """
        User,Email,Client,Project,Task,Description,Billable,Start date,Start time,End date,End time,Duration,Tags,Amount (EUR)
        Anouk,a@x.nl,Cafe de Gouden Leeuw,Terras,,Overleg,No,2026-03-02,13:00:00,2026-03-02,13:45:00,00:45:00,overleg,0.00
        Anouk,a@x.nl,Slagerij Pieters,Winkel,,Storing,Yes,2026-03-03,09:00:00,2026-03-03,10:00:00,01:00:00,support,85.00

        """

    func writeCP1252(_ cli: CLI, _ name: String, _ text: String) throws {
        try text.data(using: .windowsCP1252)!.write(to: URL(fileURLWithPath: cli.path(name)))
    }

    @Test func dryRunShowsDialectMappingAndRowsAndWritesNothing() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try writeCP1252(cli, "relaties.csv", Self.relations)
        try writeCP1252(cli, "posten.csv", Self.receivables)
        let r = try cli.run("import", "posten.csv", "relaties.csv", "--dry-run")
        #expect(r.status == 0, "\(r.stderr)")
        for expected in ["posten.csv → invoices.csv", "profile     exact-receivables", "encoding    windows-1252",
                         "separator   semicolon (;)", "decimals    decimal comma (1.234,56)", "dates       dd-mm-yyyy",
                         "Bedrag excl. btw → amount", "unmapped    Omschrijving, Openstaand",
                         "26100002    10002        2026-01-12  2026-02-11  12500.00  2625.00", "relaties.csv → customers.csv",
                         "Café De Gouden Leeuw"] {
            #expect(r.stdout.contains(expected), "missing \(expected) in\n\(r.stdout)")
        }
        #expect(r.stdout.contains(try Regex(#"invoices\.csv\s+2\s+2\s+0\s+0"#)))
        #expect(!cli.exists("snoei.sqlite"))
    }

    @Test func importThenReimportChangesNothing() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try FileManager.default.createDirectory(atPath: cli.path("exports"), withIntermediateDirectories: true)
        try writeCP1252(cli, "exports/relaties.csv", Self.relations)
        try writeCP1252(cli, "exports/posten.csv", Self.receivables)
        let first = try cli.run("import", "exports")
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains(try Regex(#"customers\.csv\s+2\s+2\s+0\s+0"#)))
        let again = try cli.run("import", "exports")
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.contains("Nothing changed"), "\(again.stdout)")
    }

    @Test func unknownClientsAreRefusedAndTheDatabaseIsUnchanged() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try writeCP1252(cli, "relaties.csv", Self.relations)
        #expect(try cli.run("import", "relaties.csv").status == 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: cli.path("snoei.sqlite")))
        try cli.write("toggl.csv", Self.toggl)
        let r = try cli.run("import", "toggl.csv")
        #expect(r.status == 2)
        #expect(r.stderr.contains("toggl.csv:3:3: \"Slagerij Pieters\" (1 row) is neither the id nor the name of a customer"), "\(r.stderr)")
        #expect(r.stderr.contains("nothing was imported"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: cli.path("snoei.sqlite"))) == before)
        // Mapped to a customer by a mapping file, the same export goes in.
        try cli.write("toggl.toml", "profile = \"toggl\"\n[values.customer_name]\n\"Slagerij Pieters\" = \"10001\"\n")
        let mapped = try cli.run("import", "toggl.csv", "--mapping", "toggl.toml")
        #expect(mapped.status == 0, "\(mapped.stderr)")
        #expect(mapped.stdout.contains(try Regex(#"time_entries\.csv\s+2\s+2\s+0\s+0"#)), "\(mapped.stdout)")
    }

    @Test func wrongOptionsAndLimitsAreClearMessages() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try cli.write("toggl.csv", Self.toggl)
        let profile = try cli.run("import", "toggl.csv", "--profile", "exact")
        #expect(profile.status == 2 && profile.stderr.contains("known: exact-receivables, moneybird-invoices"), "\(profile.stderr)")
        let separator = try cli.run("import", "toggl.csv", "--separator", "x")
        #expect(separator.status == 2 && separator.stderr.contains("separator \"x\" is not one of"), "\(separator.stderr)")
        let rows = try cli.run("import", "toggl.csv", "--max-rows", "1", "--dry-run")
        #expect(rows.status == 2 && rows.stderr.contains("toggl.csv: the file has more than 1 data rows"), "\(rows.stderr)")
        let missing = try cli.run("import", "nope.csv")
        #expect(missing.status == 3)
    }
}
