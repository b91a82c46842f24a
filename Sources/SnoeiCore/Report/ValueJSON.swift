/// `snoei value --format json`: both fits with their diagnostics and every customer who
/// bought, in the field names of issue 7 / FORMAT.md's snake_case.
public enum ValueJSON {
    public static func render(_ value: CustomerValue, ledger: Ledger) -> String {
        var w = JSONWriter()
        w.beginObject()
        w.string("as_of", value.history.asOf.iso)
        w.string("unit", value.settings.unit.rawValue)
        w.number("horizon", value.settings.horizon, decimals: 2)
        w.number("discount_rate", value.settings.annualDiscountRate, decimals: 4)
        let bg = value.bgnbd
        w.beginObject("bg_nbd")
        w.number("r", bg.model.r, decimals: 6); w.number("alpha", bg.model.alpha, decimals: 6)
        w.number("a", bg.model.a, decimals: 6); w.number("b", bg.model.b, decimals: 6)
        w.number("log_likelihood", bg.logLikelihood, decimals: 4)
        w.int("iterations", bg.iterations); w.bool("converged", bg.converged)
        w.endObject()
        let gg = value.gammaGamma
        w.beginObject("gamma_gamma")
        w.number("p", gg.model.p, decimals: 6); w.number("q", gg.model.q, decimals: 6)
        w.number("gamma", gg.model.gamma, decimals: 6)
        w.number("log_likelihood", gg.logLikelihood, decimals: 4)
        w.int("iterations", gg.iterations); w.bool("converged", gg.converged)
        w.endObject()
        contracts(value.contracts, &w)
        w.beginArray("customers")
        let h = value.history
        let k = value.contracts
        // Everyone with a lifetime value: the buyers, and customers with a contract who have not bought yet.
        for c in value.clv.indices where value.clv[c] != nil {
            w.beginObject()
            w.string("customer_id", ledger.customers.ids[c])
            w.int("frequency", h.frequency[c])
            w.number("recency", h.recency[c], decimals: 4)
            w.number("t", h.age[c], decimals: 4)
            w.number("expected_purchases", value.expectedPurchases[c], decimals: 4)
            w.number("p_alive", value.probabilityAlive[c], decimals: 4)
            if let spend = value.expectedSpend[c] { w.money("expected_spend", spend) } else { w.null("expected_spend") }
            w.money("clv", value.clv[c] ?? .zero)
            w.string("value_model", value.model[c]?.rawValue)
            if value.model[c] == .contract {
                w.bool("contract_ended", k.hasEnded[c] ?? false)
                w.int("terms_completed", k.termsCompleted[c] ?? 0)
                w.string("committed_until", k.committedUntil[c]?.iso)
                w.money("monthly_revenue", k.monthlyRevenue[c] ?? .zero)
                w.number("renewal_chance", k.renewalChance[c], decimals: 4)
            }
            w.endObject()
        }
        w.endArray()
        w.endObject()
        return w.output
    }

    /// The retention model for contracts: which customers, and where the renewal chances came from.
    private static func contracts(_ k: ContractValue, _ w: inout JSONWriter) {
        w.beginObject("contracts")
        w.int("customers", k.contracts)
        w.int("ended", k.ended)
        w.int("term_months", k.settings.termMonths)
        switch k.retention {
        case .fitted(let fit):
            w.string("retention", "fitted")
            w.beginObject("shifted_beta_geometric")
            w.number("alpha", fit.model.alpha, decimals: 6); w.number("beta", fit.model.beta, decimals: 6)
            w.number("log_likelihood", fit.logLikelihood, decimals: 4)
            w.int("iterations", fit.iterations); w.bool("converged", fit.converged)
            w.endObject()
        case .policy(let rate):
            w.string("retention", "policy")
            w.number("retention_per_term", rate, decimals: 4)
        }
        w.endObject()
    }
}
