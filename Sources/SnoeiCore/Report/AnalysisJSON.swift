/// The analysis as JSON: `{"as_of", "portfolio": {…}, "customers": [{…}]}` with the
/// snake_case names of FORMAT.md, money as numbers with two decimals.
public enum AnalysisJSON {
    public static func render(_ a: Analysis, language: Language, rows: [Int]? = nil, pretty: Bool = true) -> String {
        let text = TextRenderer(language)
        var w = JSONWriter(pretty: pretty)
        w.beginObject()
        w.string("as_of", a.asOf.iso)
        w.string("language", language.rawValue)
        writePortfolio(&w, a)
        w.beginArray("customers")
        for row in rows ?? Array(a.customers.indices) { writeCustomer(&w, a, row, text) }
        w.endArray()
        w.endObject()
        return w.output + "\n"
    }

    static func writeAging(_ w: inout JSONWriter, _ aging: Aging) {
        w.beginObject("aging")
        w.money("not_due", aging.notDue); w.money("d1_30", aging.d1_30); w.money("d31_60", aging.d31_60)
        w.money("d61_90", aging.d61_90); w.money("d90_plus", aging.d90Plus)
        w.endObject()
    }

    public static func writePortfolio(_ w: inout JSONWriter, _ a: Analysis) {
        let p = a.portfolio
        w.beginObject("portfolio")
        w.int("customers", p.customers)
        w.int("customers_with_revenue", p.customersWithRevenue)
        w.money("revenue", p.revenue); w.money("cogs", p.cogs); w.money("gross_margin", p.grossMargin)
        w.money("cost_to_serve", p.costToServe); w.money("contribution", p.contribution)
        w.number("hours", Double(p.hours) / 1000, decimals: 3)
        w.money("overdue", p.overdue)
        writeAging(&w, p.aging)
        w.number("pareto_top20", p.paretoTop20, decimals: 4)
        w.int("pareto_top_count", p.paretoTopCount)
        w.number("whale_peak", p.whalePeak, decimals: 4)
        w.int("whale_peak_rank", p.whalePeakRank)
        w.number("unprofitable_share", p.unprofitableShare, decimals: 4)
        w.int("unprofitable_count", p.unprofitableCount)
        w.number("hhi", p.hhi, decimals: 2)
        w.int("new_customers", p.newCustomers)
        w.money("new_customer_revenue", p.newCustomerRevenue)
        w.int("unmatched_payments", p.unmatchedPayments)
        w.money("unmatched_amount", p.unmatchedAmount)
        w.beginObject("recommendations")
        for r in Recommendation.allCases { w.int(r.rawValue, a.count(r)) }
        w.endObject()
        w.beginObject("quadrants")
        for q in Quadrant.allCases { w.int(q.rawValue, a.count(q)) }
        w.endObject()
        w.endObject()
    }

    public static func writeCustomer(_ w: inout JSONWriter, _ a: Analysis, _ row: Int, _ text: TextRenderer) {
        let f = a.customers[row], v = a.verdicts[row], c = a.ledger.customers
        w.beginObject()
        w.string("customer_id", c.ids[row]); w.string("name", c.names[row])
        w.string("segment", c.segments[row]); w.string("account_manager", c.accountManagers[row])
        w.money("revenue", f.revenue); w.money("cogs", f.cogs); w.money("gross_margin", f.grossMargin)
        w.number("hours", Double(f.hours) / 1000, decimals: 3)
        w.beginObject("hours_by_activity")
        for act in Activity.allCases { w.number(act.rawValue, Double(f.hoursByActivity[act.ordinal]) / 1000, decimals: 3) }
        w.endObject()
        w.money("cost_to_serve", f.costToServe)
        w.money("contribution", f.contribution)
        w.number("avg_days_late", f.avgDaysLate, decimals: 2)
        w.number("late_share", f.lateShare, decimals: 4)
        w.money("overdue", f.overdue)
        writeAging(&w, f.aging)
        w.number("dso", f.dso, decimals: 2)
        w.int("short_pays", f.shortPays)
        w.int("contacts", f.contacts)
        w.beginObject("contacts_by_kind")
        for k in ContactKind.allCases { w.int(k.rawValue, f.contactsByKind[k.ordinal]) }
        w.endObject()
        w.beginObject("contacts_by_channel")
        for ch in Channel.allCases { w.int(ch.rawValue, f.contactsByChannel[ch.ordinal]) }
        w.endObject()
        w.number("contacts_per_k", f.contactsPerK, decimals: 2)
        w.number("self_caused_share", f.selfCausedShare, decimals: 4)
        w.int("deviations", f.deviations)
        w.money("deviation_cost", f.deviationCost)
        w.int("incidents", f.incidents)
        w.int("incident_max_severity", f.incidentMaxSeverity)
        w.number("revenue_share", f.revenueShare, decimals: 6)
        w.int("referrals", f.referrals)
        w.number("values_fit", f.valuesFit, decimals: 4)
        // Future value (null when the purchase models were not fitted or the customer never bought).
        w.number("expected_purchases", a.value?.expectedPurchases[row], decimals: 4)
        w.number("p_alive", a.value?.probabilityAlive[row], decimals: 4)
        if let clv = a.value?.clv[row] { w.money("clv", clv) } else { w.null("clv") }
        w.string("value_model", a.value?.model[row]?.rawValue)
        w.number("friction", v.friction.score, decimals: 1)
        w.beginObject("friction_parts")
        for part in v.friction.parts { w.number(part.component.rawValue, part.points, decimals: 2) }
        w.endObject()
        w.string("quadrant", v.quadrant.rawValue)
        w.string("recommendation", v.recommendation.rawValue)
        w.beginArray("actions")
        for act in v.actions { w.string(nil, act.rawValue) }
        w.endArray()
        w.beginArray("reasons")
        for reason in v.reasons {
            w.beginObject()
            w.string("code", reason.code.rawValue)
            w.string("text", text.text(reason))
            w.beginObject("figures")
            for fig in reason.figures { writeFigure(&w, fig) }
            w.endObject()
            w.endObject()
        }
        w.endArray()
        w.endObject()
    }

    static func writeFigure(_ w: inout JSONWriter, _ f: Figure) {
        switch f.value {
        case .money(let m): w.money(f.name, m)
        case .ratio(let r): w.number(f.name, r, decimals: 4)
        case .days(let d): w.number(f.name, d, decimals: 2)
        case .count(let c): w.int(f.name, c)
        case .number(let x): w.number(f.name, x, decimals: 2)
        case .date(let d): w.string(f.name, d.iso)
        case .text(let t): w.string(f.name, t)
        }
    }
}
