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
        w.beginArray("customers")
        let h = value.history
        for c in h.buyers {
            w.beginObject()
            w.string("customer_id", ledger.customers.ids[c])
            w.int("frequency", h.frequency[c])
            w.number("recency", h.recency[c], decimals: 4)
            w.number("t", h.age[c], decimals: 4)
            w.number("expected_purchases", value.expectedPurchases[c], decimals: 4)
            w.number("p_alive", value.probabilityAlive[c], decimals: 4)
            w.money("expected_spend", value.expectedSpend[c] ?? .zero)
            w.money("clv", value.clv[c] ?? .zero)
            w.endObject()
        }
        w.endArray()
        w.endObject()
        return w.output
    }
}
