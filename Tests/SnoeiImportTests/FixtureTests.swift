import Testing
import Foundation
import SnoeiCore
import SnoeiImport

/// Fixtures/ledger: three customers and every file of the format, with a BOM and CRLF in
/// customers.csv, quoted fields, a credit note and a payment for an unknown invoice.
@Suite struct FixtureTests {
    func d(_ s: String) -> Day { Day(iso: s)! }

    @Test func readsEveryFile() throws {
        let r = try CanonicalLedgerReader().read(folder: try fixtureFolder())
        #expect(r.problems.isEmpty, "\(r.problems)")
        let x = r.records
        #expect(x.customers.count == 3)
        #expect(x.invoices.count == 5)
        #expect(x.payments.count == 4)
        #expect(x.timeEntries.count == 5)
        #expect(x.contacts.count == 3)
        #expect(x.deviations.count == 2)
        #expect(x.incidents.count == 1)
        #expect(x.referrals.count == 1)
        #expect(x.valuesFit.count == 3)
    }

    @Test func fieldValues() throws {
        let x = try CanonicalLedgerReader().read(folder: try fixtureFolder()).records
        #expect(x.customers[0] == CustomerRecord(
            customerId: "C001", name: "Bakkerij de Vries, B.V.", segment: "retail", accountManager: "Anna",
            since: d("2019-03-01"), tier: "gold", contractEnd: d("2026-12-31"), noticeDays: 90, cancelChannel: "email"))
        #expect(x.customers[1] == CustomerRecord(customerId: "C002", name: "Café Noord", segment: "horeca", since: d("2021-07-15")))
        #expect(x.customers[2].name == "Kroon \"IT\" Services")
        #expect(x.customers[2].cancelChannel == "letter\nor email")
        #expect(x.invoices[1].amount == Money(cents: 98_050))
        #expect(x.invoices[1].cost == nil)
        #expect(x.invoices[2].vat == .zero)
        #expect(x.invoices[2].reference == nil)
        #expect(x.invoices[4].amount == Money(cents: -50_000))
        #expect(x.invoices[4].payable == Money(cents: -60_500))
        #expect(x.payments[1].invoiceId == nil)
        #expect(x.payments[1].reference == "RF-002")
        #expect(x.payments[3].invoiceId == "F-1999-999")
        #expect(x.timeEntries.map(\.hours) == [1500, 250, 2000, 12_125, 1])
        #expect(x.timeEntries[2].billable == nil)
        #expect(x.contacts[2] == ContactRecord(customerId: "C003", date: d("2026-03-06"), channel: .ticket, kind: .changeRequest))
        #expect(x.deviations[0].kind == .rushDelivery)
        #expect(x.deviations[0].note == "weekend delivery, at cost")
        #expect(x.incidents[0] == IncidentRecord(customerId: "C003", date: d("2026-03-07"), kind: .reviewThreat, severity: 3,
                                                  note: "Said: \"one star unless free\""))
        #expect(x.referrals[0] == ReferralRecord(customerId: "C001", referredCustomerId: "C002", date: d("2021-07-01")))
        #expect(x.valuesFit.map(\.score) == [5, 2, 1])
    }

    @Test func fixtureBuildsALedger() throws {
        let x = try CanonicalLedgerReader().read(folder: try fixtureFolder()).records
        let ledger = try Ledger(records: x)
        #expect(ledger.customers.count == 3)
    }

    @Test func writeThenReadGivesIdenticalRecords() throws {
        let first = try CanonicalLedgerReader().read(folder: try fixtureFolder())
        let out = try TempLedger()
        try CanonicalLedgerWriter.write(first.records, to: out.url)
        let second = try out.read()
        #expect(second.problems.isEmpty, "\(second.problems)")
        #expect(second.records == first.records)
    }
}
