import Foundation
import Testing
@testable import SnoeiCore

/// Expected value in the analysis: an unprofitable customer with high expected value is a
/// "fix", not a "let go", and the reason says so; red lines are not affected.
@Suite struct ValueAnalysisTests {
    static let asOf = Day(iso: "2026-11-24")!
    static let ledger = try! Ledger(records: DemoFirm.generate(seed: 1, end: asOf))

    @Test func highExpectedValueTurnsALetGoIntoAFix() throws {
        var policy = Policy.standard
        policy.value.highCLV = Money(cents: 500_000)
        let value = try CustomerValue(ledger: Self.ledger, asOf: Self.asOf, settings: CustomerValue.settings(policy))
        let without = Analysis(ledger: Self.ledger, policy: policy, asOf: Self.asOf)
        let with = Analysis(ledger: Self.ledger, policy: policy, asOf: Self.asOf, value: value)
        var flipped = 0
        for r in without.verdicts.indices where without.verdicts[r].recommendation == .letGo {
            let clv = try #require(value.clv[r])
            let redLine = without.customers[r].redLine != nil
            if clv >= policy.value.highCLV && !redLine {
                flipped += 1
                #expect(with.verdicts[r].recommendation == .fix)
                // The demo firm's customers have contracts: their value is retention-based.
                let code: ReasonCode = value.model[r] == .contract ? .contractValue : .futureValue
                let reason = try #require(with.verdicts[r].reasons.first { $0.code == code })
                #expect(reason.figure("clv") == .money(clv))
                #expect(reason.figure("boundary") == .money(policy.value.highCLV))
                let text = TextRenderer(.en).text(reason)
                #expect(text.contains("can still become profitable") && !text.contains("{"))
            } else {
                #expect(with.verdicts[r].recommendation == .letGo)
                #expect(!with.verdicts[r].reasons.contains { $0.code == .futureValue || $0.code == .contractValue })
            }
        }
        #expect(flipped > 0, "the demo firm has let-go customers above the boundary")
        // Nothing else moves.
        for r in without.verdicts.indices where without.verdicts[r].recommendation != .letGo {
            #expect(with.verdicts[r] == without.verdicts[r])
        }
    }

    @Test func theJSONCarriesTheValueFields() throws {
        let value = try CustomerValue(ledger: Self.ledger, asOf: Self.asOf, settings: .init())
        let json = AnalysisJSON.render(Analysis(ledger: Self.ledger, policy: .standard, asOf: Self.asOf, value: value),
                                       language: .en, rows: [0])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let first = try #require((object["customers"] as? [[String: Any]])?.first)
        #expect(first["expected_purchases"] is Double && first["p_alive"] is Double && first["clv"] is Double)
        let plain = AnalysisJSON.render(Analysis(ledger: Self.ledger, policy: .standard, asOf: Self.asOf), language: .en, rows: [0])
        #expect(plain.contains("\"clv\": null"))
    }
}
