import Testing
@testable import SnoeiCore

/// A fix plan's effect equals the analysis figures as of its start and review dates.
@Suite struct WorkflowFixPlanEffectTests {
    typealias F = WorkflowFixtures

    @Test(arguments: ["C0027", "C0038", "C0061"])
    func effectEqualsTheAnalysisAtBothDates(_ id: String) throws {
        let ledger = F.demo.ledger
        let start = F.end - 180, review = F.end
        let effect = try FixPlanEffect(ledger: ledger, policy: .standard, customerId: id, start: start, review: review)
        let before = Analysis(ledger: ledger, policy: .standard, asOf: start)
        let after = F.demo
        let row = F.row(id)
        #expect(effect.row == row)
        for (analysis, pick) in [(before, { (c: EffectChange<Money>) in c.before }), (after, { (c: EffectChange<Money>) in c.after })] {
            #expect(pick(effect.contribution) == analysis.customers[row].contribution)
            #expect(pick(effect.overdue) == analysis.customers[row].overdue)
        }
        #expect(effect.friction.before == before.verdicts[row].friction.score)
        #expect(effect.friction.after == after.verdicts[row].friction.score)
        #expect(effect.avgDaysLate.before == before.customers[row].avgDaysLate)
        #expect(effect.avgDaysLate.after == after.customers[row].avgDaysLate)
        #expect(effect.hours.before == before.customers[row].hours && effect.hours.after == after.customers[row].hours)
        #expect(effect.contacts.before == before.customers[row].contacts && effect.contacts.after == after.customers[row].contacts)
        #expect(effect.contribution.change == after.customers[row].contribution - before.customers[row].contribution)
        #expect(effect.contacts.change == after.customers[row].contacts - before.customers[row].contacts)
        let rows = effect.rows
        #expect(rows.map(\.name) == ["contribution", "friction", "avg_days_late", "overdue", "hours", "contacts"])
        #expect(rows[0].before == .money(before.customers[row].contribution))
        #expect(rows[0].change == .money(effect.contribution.change))
        #expect(rows[0].improved == (effect.contribution.change.cents == 0 ? nil : effect.contribution.change.cents > 0))
        #expect(rows[5].improved == (effect.contacts.change == 0 ? nil : effect.contacts.change < 0))
        #expect(rows[1].label(.nl) == "Frictiescore")
    }

    @Test func aPlanThatWorkedShowsIt() throws {
        // Late payments before the plan, on time after it.
        var r = LedgerRecords()
        r.customers = [CustomerRecord(customerId: "X", name: "X")]
        var day = Day(iso: "2025-01-05")!
        var n = 0
        while day < Day(iso: "2026-06-01")! {
            let lateness = day < Day(iso: "2025-12-01")! ? 60 : 0
            r.invoices.append(InvoiceRecord(invoiceId: "I\(n)", customerId: "X", issueDate: day, dueDate: day + 14, amount: Money(euros: 1000)))
            r.payments.append(PaymentRecord(paymentId: "P\(n)", date: day + 14 + lateness, amount: Money(euros: 1000), invoiceId: "I\(n)"))
            day = day + 30; n += 1
        }
        let effect = try FixPlanEffect(ledger: try Ledger(records: r), policy: .standard, customerId: "X",
                                       start: Day(iso: "2025-12-01")!, review: Day(iso: "2026-12-01")!)
        #expect(effect.avgDaysLate.before > 50)
        #expect(effect.avgDaysLate.after < effect.avgDaysLate.before)
        #expect(effect.rows[2].improved == true)
        #expect(effect.friction.change < 0)
    }

    @Test func unknownCustomerIsAnError() {
        #expect(throws: LedgerError.self) {
            try FixPlanEffect(ledger: F.demo.ledger, policy: .standard, customerId: "NOPE", start: F.end - 90, review: F.end)
        }
    }
}
