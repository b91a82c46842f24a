import Foundation
import Testing

/// The first import of a canonical folder into a new SQLite file takes the fast path (the
/// columnar reader, the two-thread bulk writer); what a user sees must be what the careful
/// path shows: the same tables, the same problems, nothing left behind.
@Suite struct FirstImportCLITests {
    @Test func aGeneratedFolderGoesInOnceAndLeavesNoScratchFile() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        #expect(try cli.run("generate", "--customers", "80", "--seed", "3", "ledger").status == 0)
        try FileManager.default.createDirectory(atPath: cli.path("tmp"), withIntermediateDirectories: true)
        let scratch = ["TMPDIR": cli.path("tmp")]
        let first = try cli.run(["import", "ledger", "--database", "a.sqlite"], environment: scratch)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains(try Regex(#"time_entries\.csv\s+(\d+)\s+\1\s+0\s+0"#)), "\(first.stdout)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: cli.path("tmp")) == [])
        let again = try cli.run(["import", "ledger", "--database", "a.sqlite"], environment: scratch)
        #expect(again.stdout.contains("Nothing changed"), "\(again.stdout)")
        let dry = try cli.run("import", "ledger", "--database", "dry.sqlite", "--dry-run")
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(!cli.exists("dry.sqlite"))
    }

    @Test func aBadFolderIsRefusedAsBeforeAndCreatesNoDatabase() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try cli.write("bad/customers.csv", "customer_id,name\nN1,New\nN1,Again\n")
        try cli.write("bad/invoices.csv", "invoice_id,customer_id,issue_date,due_date,amount\nX1,N1,2026-02-30,2026-03-30,100.00\nX2,GHOST,2026-01-01,2026-01-31,1\n")
        let result = try cli.run("import", "bad", "--database", "new.sqlite")
        #expect(result.status == 2)
        #expect(result.stderr.contains("customers.csv:3:1: customer_id \"N1\" appears again; first on line 2"), "\(result.stderr)")
        #expect(result.stderr.contains("invoices.csv:2:3:"), "\(result.stderr)")
        #expect(result.stderr.contains("invoices.csv:3:2:"), "\(result.stderr)")
        #expect(result.stderr.contains("nothing was imported"))
        #expect(!cli.exists("new.sqlite"))
    }

    @Test func aWarningIsStillShownOnAFirstImport() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try cli.write("ledger/customers.csv", "customer_id,name\nC1,One\n")
        try cli.write("ledger/invoices.csv", "invoice_id,customer_id,issue_date,due_date,amount\nI1,C1,2026-03-01,2026-02-01,10\n")
        let result = try cli.run("import", "ledger", "--database", "w.sqlite")
        #expect(result.status == 0, "\(result.stderr)")
        #expect((result.stderr + result.stdout).contains("invoices.csv:2:4: due date 2026-02-01 is before the issue date 2026-03-01"),
                "\(result.stderr)")
        #expect(result.stdout.contains(try Regex(#"invoices\.csv\s+1\s+1\s+0\s+0"#)))
    }
}
