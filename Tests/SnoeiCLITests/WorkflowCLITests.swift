import Foundation
import Testing

/// The decide-and-act workflow from the command line, end to end on the demo firm.
@Suite(.serialized) struct WorkflowCLITests {
    static let asOf = ["--as-of", "2026-11-24"]

    func demo() throws -> CLI {
        let cli = try CLI()
        #expect(try cli.run("demo", "--end", "2026-11-24").status == 0)
        return cli
    }

    @Test func anExitThroughTheFrontDoorFromProposalToClosed() throws {
        let cli = try demo()
        defer { cli.cleanUp() }
        #expect(try cli.run("partner", "add", "P1", "--name", "Schilders Collectief", "--speciality", "communication").status == 0)
        let confirmed = try cli.run(["decide", "C0045", "confirm", "--by", "Anouk"] + Self.asOf)
        #expect(confirmed.status == 0, "\(confirmed.stderr)")
        #expect(confirmed.stdout.contains("exit — let_go"))
        let brief = try cli.run(["exit", "brief", "C0045"] + Self.asOf)
        #expect(brief.status == 0)
        #expect(brief.stdout.contains("not an e-mail"))
        #expect(brief.stdout.contains("Schilders Collectief"))
        #expect(brief.stderr.contains("Saved on the exit board"))
        #expect(!brief.stderr.contains("warning:"))
        #expect(try cli.run("exit", "done", "C0045", "conversation_held").status == 0)
        let board = try cli.run("exit", "board")
        #expect(board.stdout.contains("C0045"))
        // Closing without a reason is refused, and changes nothing.
        let noReason = try cli.run("decide", "C0045", "close", "--by", "Anouk")
        #expect(noReason.status == 2)
        let closed = try cli.run("decide", "C0045", "close", "--by", "Anouk", "--reason", "Hand-over done")
        #expect(closed.stdout.contains("closed"))
        let trail = try cli.run("decisions", "--customer", "C0045")
        #expect(trail.stdout.contains("proposed → exit"))
        #expect(trail.stdout.contains("exit → closed"))
        #expect(trail.stdout.contains("Hand-over done"))
        // A closed decision takes no further steps.
        #expect(try cli.run("decide", "C0045", "close", "--by", "Anouk", "--reason", "again").status != 0)
    }

    @Test func theHandOverExportIsALedgerOfTheCustomerAlone() throws {
        let cli = try demo()
        defer { cli.cleanUp() }
        let export = try cli.run("exit", "export", "C0045", "handover")
        #expect(export.status == 0, "\(export.stderr)")
        #expect(export.stderr.contains("exit done C0045 data_export"))
        let customers = try String(contentsOfFile: cli.path("handover/customers.csv"), encoding: .utf8)
        #expect(customers.split(separator: "\n").count == 2, "header and one customer")
        #expect(customers.contains("C0045"))
        #expect(!(try String(contentsOfFile: cli.path("handover/incidents.csv"), encoding: .utf8)).contains("C0045"))
        // The export is a canonical ledger: it imports as it is, and gives the same revenue.
        #expect(try cli.run("import", "handover", "--database", "handover.sqlite").status == 0)
        let original = try cli.run(["customer", "C0045"] + Self.asOf)
        let copy = try cli.run(["customer", "C0045", "--database", "handover.sqlite"] + Self.asOf)
        // Revenue only: cost prices stay with the firm, so the copy's margin differs on purpose.
        let revenue = { (text: String) in
            text.split(separator: "\n").first { $0.contains("Revenue in the last") }?.split(separator: ";").first
        }
        #expect(revenue(original.stdout) != nil && revenue(original.stdout) == revenue(copy.stdout))
        #expect(try cli.run("exit", "export", "NOPE", "x").status == 3)
    }

    @Test func aFixPlanWithAReviewAndItsEffect() throws {
        let cli = try demo()
        defer { cli.cleanUp() }
        #expect(try cli.run(["decide", "C0038", "confirm", "--by", "Mark"] + Self.asOf).stdout.contains("fix_plan"))
        let plan = try cli.run("fixplan", "set", "C0038", "--action", "prepayment", "--owner", "Mark",
                               "--review", "2027-02-01", "--start", "2026-08-01")
        #expect(plan.status == 0, "\(plan.stderr)")
        let due = try cli.run("fixplan", "due", "--date", "2027-03-01")
        #expect(due.stdout.contains("C0038"))
        let review = try cli.run(["fixplan", "review", "C0038", "--outcome", "worked"] + Self.asOf)
        #expect(review.status == 0, "\(review.stderr)")
        #expect(review.stdout.contains("before"))
        #expect(try cli.run(["decide", "C0038", "resolve", "--by", "Mark"] + Self.asOf).stdout.contains("resolved"))
    }

    @Test func changingAProposalNeedsAReasonAndAnotherOutcome() throws {
        let cli = try demo()
        defer { cli.cleanUp() }
        let same = try cli.run(["decide", "C0003", "change", "--to", "fix", "--by", "X", "--reason", "r"] + Self.asOf)
        #expect(same.status == 2)
        let changed = try cli.run(["decide", "C0003", "change", "--to", "keep", "--by", "X",
                                   "--reason", "Agreed new prices on 2026-11-20"] + Self.asOf)
        #expect(changed.stdout.contains("resolved — keep"), "\(changed.stderr)")
    }

    @Test func aLeaveRequestIsConfirmedAndARedLineIncidentOpensADecision() throws {
        let cli = try demo()
        defer { cli.cleanUp() }
        let leave = try cli.run("leave", "C0012", "--channel", "email", "--date", "2026-11-24")
        #expect(leave.status == 0)
        #expect(leave.stdout.contains("2026-11-24"))
        let incident = try cli.run("incident", "C0061", "--kind", "abuse_of_staff", "--severity", "4", "--by", "Eline",
                                   "--date", "2026-11-20", "--note", "Raised voice at the support desk")
        #expect(incident.status == 0, "\(incident.stderr)")
        #expect(incident.stdout.contains("red line"))
        #expect(try cli.run("decisions").stdout.contains("C0061"))
        let profile = try cli.run(["customer", "C0061", "--full-timeline"] + Self.asOf)
        #expect(profile.stdout.contains("Raised voice at the support desk"))
    }
}
