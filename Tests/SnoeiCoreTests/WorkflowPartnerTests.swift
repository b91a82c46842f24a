import Testing
@testable import SnoeiCore

/// Referral partners ranked by what the customer keeps asking for.
@Suite struct WorkflowPartnerTests {
    static let asOf = Day(iso: "2026-06-30")!

    /// One retail customer: 5 contacts about price (one of them a change request), 2 about
    /// delivery, 3 rush deliveries; and old contacts outside the window that must not count.
    static var records: LedgerRecords {
        var r = LedgerRecords()
        r.customers = [CustomerRecord(customerId: "C1", name: "Winkel Noord", segment: "Retail"),
                       CustomerRecord(customerId: "C2", name: "Ander")]
        let d = { (iso: String) in Day(iso: iso)! }
        for i in 0..<5 {
            r.contacts.append(ContactRecord(customerId: "C1", date: d("2026-02-01") + i, channel: .email,
                                            kind: i == 0 ? .changeRequest : .question, topic: .price))
        }
        for i in 0..<2 { r.contacts.append(ContactRecord(customerId: "C1", date: d("2026-03-01") + i, channel: .call, kind: .complaint, topic: .delivery)) }
        // Outside the window (more than 365 days before as-of), and another customer's contacts.
        for i in 0..<9 { r.contacts.append(ContactRecord(customerId: "C1", date: d("2025-01-01") + i, channel: .email, kind: .question, topic: .packaging)) }
        for i in 0..<9 { r.contacts.append(ContactRecord(customerId: "C2", date: d("2026-01-01") + i, channel: .email, kind: .question, topic: .communication)) }
        r.contacts.append(ContactRecord(customerId: "C1", date: d("2026-04-01"), channel: .email, kind: .question, topic: .other))
        for i in 0..<3 { r.deviations.append(DeviationRecord(customerId: "C1", date: d("2026-04-01") + i, kind: .rushDelivery, cost: Money(euros: 50))) }
        return r
    }

    static func analysis() throws -> (Analysis, LedgerRecords) {
        let r = records
        return (Analysis(ledger: try Ledger(records: r), policy: .standard, asOf: asOf), r)
    }

    @Test func demandsCountWhatTheCustomerKeepsAskingFor() throws {
        let (a, r) = try Self.analysis()
        let demands = PartnerMatcher.demands(for: 0, in: a, records: r)
        #expect(demands.map(\.code) == ["topic:price", "deviation:rush_delivery", "topic:delivery", "change_requests", "segment:retail"])
        #expect(demands.map(\.count) == [5, 3, 2, 1, 1])
        #expect(demands[0].text(.en) == "price (5 contact(s))")
        #expect(demands[1].text(.nl) == "spoedleveringen (3×)")
    }

    @Test func theMostFrequentTopicRanksFirst() throws {
        let (a, r) = try Self.analysis()
        let partners = [
            PartnerRecord(partnerId: "P1", name: "Alpha Verpakking", specialities: ["packaging"]),
            PartnerRecord(partnerId: "P2", name: "Bravo Budget", specialities: ["Price", "discount"]),
            PartnerRecord(partnerId: "P3", name: "Charlie Logistiek", specialities: ["rush delivery"]),
            PartnerRecord(partnerId: "P4", name: "Delta Retail", specialities: ["retail"]),
            PartnerRecord(partnerId: "P5", name: "Echo", specialities: []),
        ]
        let ranked = PartnerMatcher.rank(partners, for: 0, in: a, records: r)
        #expect(ranked.map(\.partner.name) == ["Bravo Budget", "Charlie Logistiek", "Delta Retail", "Alpha Verpakking", "Echo"])
        // Weights: price 5, rush deliveries 3, delivery 2, change requests 1, segment (11 / 4 =) 2.75; total 13.75.
        #expect(ranked[0].matched == ["topic:price"])
        #expect(ranked[0].evidence.first?.speciality == "Price")
        #expect(abs(ranked[0].score - 5.0 / 13.75) < 1e-12)
        // "rush delivery" is exactly rush_delivery, and half of the delivery topic.
        #expect(ranked[1].matched == ["deviation:rush_delivery", "topic:delivery"])
        #expect(ranked[1].evidence.map(\.exact) == [true, false])
        #expect(abs(ranked[1].score - 4.0 / 13.75) < 1e-12)
        #expect(ranked[2].matched == ["segment:retail"] && abs(ranked[2].score - 2.75 / 13.75) < 1e-12)
        // No match: score 0, last, by name (packaging only outside the window).
        #expect(ranked[3].score == 0 && ranked[4].score == 0 && ranked[3].matched.isEmpty)
    }

    @Test func tiesAreBrokenByName() throws {
        let (a, r) = try Self.analysis()
        let partners = [PartnerRecord(partnerId: "2", name: "Zeta", specialities: ["price"]),
                        PartnerRecord(partnerId: "1", name: "Alpha", specialities: ["PRICE"])]
        #expect(PartnerMatcher.rank(partners, for: 0, in: a, records: r).map(\.partner.name) == ["Alpha", "Zeta"])
        #expect(PartnerMatcher.rank([], for: 0, in: a, records: r).isEmpty)
    }

    @Test func normalisation() {
        #expect(PartnerMatcher.normalise("Bouw & Installatie") == "bouw_installatie")
        #expect(PartnerMatcher.normalise("  Rush-Delivery ") == "rush_delivery")
        #expect(PartnerMatcher.normalise("Café") == "cafe")
        #expect(PartnerMatcher.match(speciality: "packaging", term: "custom_packaging") == false)
        #expect(PartnerMatcher.match(speciality: "change_requests", term: "change_request") == true)
        #expect(PartnerMatcher.match(speciality: "it", term: "it_services") == nil)   // too short to count
        #expect(PartnerMatcher.match(speciality: "pricing", term: "price") == nil)
    }

    @Test func demoRetailChainMatchesTheRetailPartner() throws {
        let a = WorkflowFixtures.demo
        let row = WorkflowFixtures.row("C0003")
        let ranked = PartnerMatcher.rank(WorkflowFixtures.partners, for: row, in: a, records: WorkflowFixtures.demoRecords)
        #expect(zip(ranked, ranked.dropFirst()).allSatisfy { $0.score >= $1.score })
        let retail = try #require(ranked.first { $0.partner.partnerId == "P1" })
        #expect(retail.matched.contains("segment:retail"))
        #expect(retail.matched.contains("deviation:rush_delivery"))
        #expect(retail.matched.contains("deviation:custom_packaging"))
        #expect(retail.score > 0.2)
        #expect(ranked.last?.partner.partnerId == "P4" && ranked.last?.score == 0)
    }
}
