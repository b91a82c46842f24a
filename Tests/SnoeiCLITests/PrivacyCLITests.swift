import Foundation
import Testing

/// Privacy from the command line, end to end: export, retention, erasure and the access log.
@Suite(.serialized) struct PrivacyCLITests {
    /// A small ledger: A's relationship ended in early 2024, B is current.
    func smallFirm() throws -> CLI {
        let cli = try CLI()
        try cli.write("ledger/customers.csv", """
            customer_id,name,segment,account_manager
            A,Oud & Co,retail,Anouk
            B,Beta BV,retail,Mark

            """)
        try cli.write("ledger/invoices.csv", """
            invoice_id,customer_id,issue_date,due_date,amount,vat,reference
            IA1,A,2018-03-01,2018-03-31,1000.00,210.00,PO-77
            IA3,A,2023-05-01,2023-05-31,500.00,105.00,Order J. de Vries
            IB1,B,2026-05-01,2026-05-31,800.00,168.00,

            """)
        try cli.write("ledger/payments.csv", """
            payment_id,date,amount,invoice_id,customer_id,reference
            PA1,2018-03-20,1210.00,IA1,,
            PA3,2024-01-10,605.00,IA3,,J. de Vries

            """)
        try cli.write("ledger/incidents.csv", """
            customer_id,date,kind,severity,note
            A,2023-06-04,abuse_of_staff,3,raised voice at the helpdesk

            """)
        let imported = try cli.run("import", "ledger")
        #expect(imported.status == 0, "\(imported.stderr)")
        return cli
    }

    @Test func dueEraseAndTheAccessLog() throws {
        let cli = try smallFirm()
        defer { cli.cleanUp() }
        let asOf = ["--as-of", "2026-06-30"]
        let due = try cli.run(["privacy", "due"] + asOf)
        #expect(due.status == 0, "\(due.stderr)")
        #expect(due.stdout.contains("1 customer(s) due for erasure"))
        #expect(due.stdout.contains("A  Oud & Co") && !due.stdout.contains("Beta BV"))
        #expect(due.stdout.contains("Last record 2024-01-10 (payment PA3); kept until 2026-01-10"))
        #expect(due.stdout.contains("Delete 1 incidents (with their notes)."))

        let dry = try cli.run(["privacy", "erase", "A", "--by", "Mark", "--dry-run"] + asOf)
        #expect(dry.status == 0 && dry.stdout.contains("Dry run: nothing was changed."))
        #expect(try cli.run(["customer", "A"] + asOf).stdout.contains("Oud & Co"))

        let erased = try cli.run(["privacy", "erase", "A", "--by", "Mark"] + asOf)
        #expect(erased.status == 0, "\(erased.stderr)")
        #expect(erased.stdout.contains("Erased: 3 ledger rows deleted, 3 anonymised or reduced to amounts"))
        let customer = try cli.run(["customer", "A"] + asOf)
        #expect(customer.status == 0 && customer.stdout.contains("Anonymised customer ") && !customer.stdout.contains("Oud & Co"))
        #expect(!customer.stdout.contains("raised voice"))
        // The analysis still runs, with B as it was.
        let analysis = try cli.run(["analyze", "--format", "json"] + asOf)
        #expect(analysis.status == 0 && analysis.stdout.contains("Beta BV"))
        // Nothing left: not due any more, and erasing again changes nothing.
        #expect(try cli.run(["privacy", "due"] + asOf).stdout.contains("No customer is due"))
        let again = try cli.run(["privacy", "erase", "A", "--by", "Mark"] + asOf)
        #expect(again.stdout.contains("Nothing left to erase"))
        // The export shows only what is kept.
        let export = try cli.run(["privacy", "export", "A", "--by", "Eline"] + asOf)
        #expect(export.status == 0, "\(export.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(export.stdout.utf8)) as? [String: Any])
        #expect((object["invoices"] as? [[String: Any]])?.map { $0["invoice_id"] as? String } == ["IA3"])
        #expect(object["incidents"] == nil)
        let log = try cli.run("privacy", "log", "A")
        #expect(log.status == 0)
        let lines = log.stdout.split(separator: "\n").dropFirst(2)
        // Reading A's profile before the erasure showed the incident note: that is logged too.
        #expect(lines.count == 4, "\(log.stdout)")
        #expect(lines.filter { $0.contains("view_notes") && $0.contains("snoei customer") }.count == 1)
        #expect(lines.filter { $0.contains("erase") }.count == 2 && lines.filter { $0.contains("Eline") && $0.contains("export") }.count == 1)
        #expect(log.stdout.contains("nothing left to erase"))
    }

    @Test func exportIsLoggedAndAnEarlyErasureNeedsAReason() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        #expect(try cli.run("demo", "--end", "2026-11-24").status == 0)
        let asOf = ["--as-of", "2026-11-24"]
        let json = try cli.run(["privacy", "export", "C0045", "--by", "Anouk"] + asOf)
        #expect(json.status == 0, "\(json.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["document"] as? String == "gdpr_art15_export" && object["customer_id"] as? String == "C0045")
        #expect((object["automated_decisions"] as? String)?.contains("made by a person") == true)
        let text = try cli.run(["privacy", "export", "C0045", "--format", "text", "--output", "c45.txt", "--by", "Anouk",
                                "--lang", "nl"] + asOf)
        #expect(text.status == 0 && text.stdout.isEmpty && text.stderr.contains("c45.txt"))
        #expect(try cli.read("c45.txt").hasPrefix("Gegevens over klant C0045"))
        let log = try cli.run("privacy", "log", "C0045")
        #expect(log.stdout.contains("art. 15 export (json)") && log.stdout.contains("art. 15 export (text) to c45.txt"))

        // Recent activity: refused without a reason, and nothing changes.
        let refused = try cli.run(["privacy", "erase", "C0045", "--by", "Mark"] + asOf)
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("C0045 is not due for erasure") && refused.stderr.contains("--force-before-retention"))
        let name = try cli.run(["customer", "C0045"] + asOf).stdout.split(separator: "\n").first.map(String.init) ?? ""
        #expect(!name.contains("Anonymised"))
        #expect(try cli.run(["privacy", "erase", "C0045", "--by", "Mark", "--force-before-retention", " "] + asOf).status == 2)
        let forced = try cli.run(["privacy", "erase", "C0045", "--by", "Mark", "--force-before-retention",
                                  "the customer's request of 2026-11-20"] + asOf)
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(forced.stderr.contains("warning: C0045 is not due") && forced.stdout.contains("Erased:"))
        #expect(try cli.run(["customer", "C0045"] + asOf).stdout.contains("Anonymised customer"))
        #expect(try cli.run("privacy", "log", "C0045").stdout.contains("before retention: the customer's request of 2026-11-20"))

        #expect(try cli.run(["privacy", "export", "NOPE", "--by", "Anouk"] + asOf).status == 3)
        #expect(try cli.run("privacy", "log", "NOPE").status == 3)
        #expect(try cli.run("privacy", "erase", "NOPE", "--by", "Anouk").status == 3)
    }

    /// The command line logs like the web app: reading notes, changes and exports.
    @Test func commandLineViewsChangesAndExportsAreLogged() throws {
        let cli = try smallFirm()
        defer { cli.cleanUp() }
        #expect(try cli.run("privacy", "log", "A").stdout.contains("view_notes") == false)
        // A's profile quotes the incident note; B has none.
        #expect(try cli.run("customer", "A", "--as-of", "2023-12-31", environment: ["USER": "anouk"]).status == 0)
        #expect(try cli.run("customer", "B", "--as-of", "2026-06-30").status == 0)
        #expect(try cli.run("incident", "B", "--kind", "legal_threat", "--severity", "2", "--by", "Mark",
                            "--date", "2026-06-01").status == 0)
        #expect(try cli.run("exit", "export", "B", "handover").status == 0)
        let logA = try cli.run("privacy", "log", "A").stdout
        #expect(logA.contains("view_notes") && logA.contains("anouk (command line)"), "\(logA)")
        let logB = try cli.run("privacy", "log", "B").stdout
        #expect(!logB.contains("view_notes"))
        #expect(logB.contains("change") && logB.contains("Mark") && logB.contains("snoei incident"))
        #expect(logB.contains("export") && logB.contains("snoei exit export"))
    }
}
