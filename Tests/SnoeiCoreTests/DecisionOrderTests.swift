import Testing
@testable import SnoeiCore

/// `Analysis.needingDecision`: every fix and let-go proposal, most urgent first, then the
/// lowest contribution, then by row — checked against a plain sort of the verdicts.
@Suite struct DecisionOrderTests {
    @Test("the decision list is the proposals needing a decision, in urgency, contribution and row order")
    func order() throws {
        var records = DemoFirm.generate(seed: 3, end: DemoFirmTests.end)
        // Customers with nothing but a red-line incident: let go, all with contribution zero,
        // so their order is decided by row alone.
        for k in 1...4 {
            records.customers.append(CustomerRecord(customerId: "TIE\(k)", name: "Tie \(k)"))
            records.incidents.append(IncidentRecord(customerId: "TIE\(k)", date: DemoFirmTests.end - 10, kind: .intimidation, severity: 5))
        }
        let a = try DemoFirmTests.analysis(records)
        let expected = a.verdicts.indices
            .filter { a.verdicts[$0].recommendation.needsDecision }
            .sorted { x, y in
                (-a.verdicts[x].recommendation.urgency, a.customers[x].contribution.cents, x)
                    < (-a.verdicts[y].recommendation.urgency, a.customers[y].contribution.cents, y)
            }
        #expect(a.needingDecision == expected)
        #expect(a.count(.letGo) + a.count(.fix) == expected.count)
        let ties = a.needingDecision.filter { a.ledger.customers.ids[$0].hasPrefix("TIE") }
        #expect(ties.count == 4)
        #expect(ties == ties.sorted())
        #expect(Set(a.needingDecision.map { a.verdicts[$0].recommendation }) == [.fix, .letGo])
    }
}
