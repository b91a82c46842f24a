import Foundation
import Testing

/// `snoei value`: both fits on the demo firm's invoices, and a clear refusal on too little data.
@Suite struct ValueCLITests {
    @Test func jsonCarriesBothFitsAndEveryBuyer() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        #expect(try cli.run("demo", "--end", "2026-11-24").status == 0)
        let run = try cli.run("value", "--as-of", "2026-11-24", "--format", "json")
        #expect(run.status == 0, "\(run.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let bg = try #require(object["bg_nbd"] as? [String: Any]), gg = try #require(object["gamma_gamma"] as? [String: Any])
        for key in ["r", "alpha", "a", "b", "log_likelihood"] { #expect((bg[key] as? Double)?.isFinite == true, "\(key)") }
        #expect(bg["converged"] as? Bool != nil && (bg["iterations"] as? Int ?? 0) > 0)
        for key in ["p", "q", "gamma", "log_likelihood"] { #expect(gg[key] is Double, "\(key)") }
        let customers = try #require(object["customers"] as? [[String: Any]])
        #expect(customers.count == 400)
        // The demo firm's customers all have contracts; retention is fitted on the ended ones.
        let contracts = try #require(object["contracts"] as? [String: Any])
        #expect(contracts["customers"] as? Int == 400 && (contracts["ended"] as? Int ?? 0) > 0)
        #expect(contracts["retention"] as? String == "fitted" && contracts["shifted_beta_geometric"] is [String: Any])
        for c in customers {
            let purchases = try #require(c["expected_purchases"] as? Double), alive = try #require(c["p_alive"] as? Double)
            let spend = try #require(c["expected_spend"] as? Double), clv = try #require(c["clv"] as? Double)
            #expect((0...1).contains(alive) && purchases >= 0 && spend >= 0)
            // Discounting only lowers the undiscounted expectation (one cent of rounding allowed):
            // purchases × spend, or for a contract twelve months of its monthly revenue.
            if c["value_model"] as? String == "contract" {
                let monthly = try #require(c["monthly_revenue"] as? Double)
                #expect(clv <= monthly * 12 + 0.01, "\(c["customer_id"] ?? "")")
                #expect(c["renewal_chance"] is Double && c["contract_ended"] is Bool)
            } else {
                #expect(c["value_model"] as? String == "purchases")
                #expect(clv <= purchases * spend + 0.01, "\(c["customer_id"] ?? "")")
            }
            #expect((c["t"] as? Double ?? -1) >= (c["recency"] as? Double ?? 0))
        }
        // Days instead of weeks: ages seven times larger, the same customers.
        let days = try cli.run("value", "--as-of", "2026-11-24", "--format", "json", "--unit", "days")
        let daysObject = try #require(try JSONSerialization.jsonObject(with: Data(days.stdout.utf8)) as? [String: Any])
        let first = try #require((daysObject["customers"] as? [[String: Any]])?.first)
        let sameInWeeks = try #require(customers.first { $0["customer_id"] as? String == first["customer_id"] as? String })
        #expect(abs((first["t"] as? Double ?? 0) - 7 * (sameInWeeks["t"] as? Double ?? 0)) < 0.01)
    }

    @Test func tooLittleHistoryIsRefusedWithTheReason() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try cli.write("ledger/customers.csv", "customer_id,name\nA,Alfa BV\nB,Beta BV\n")
        try cli.write("ledger/invoices.csv", """
            invoice_id,customer_id,issue_date,due_date,amount,vat
            I1,A,2026-01-05,2026-02-04,100.00,21.00
            I2,A,2026-03-05,2026-04-04,100.00,21.00
            I3,B,2026-02-05,2026-03-04,100.00,21.00

            """)
        #expect(try cli.run("import", "ledger").status == 0)
        let run = try cli.run("value", "--as-of", "2026-06-30")
        #expect(run.status == 2)
        #expect(run.stderr.contains("2 customers bought, 1 of them more than once"))
    }
}
