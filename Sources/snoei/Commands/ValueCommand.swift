import ArgumentParser
import Foundation
import SnoeiCore


/// Forward-looking value: which relationships can still become profitable (issue 7).
struct ValueCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "value",
        abstract: "Expected purchases, chance of still being active and lifetime value per customer (BG/NBD + Gamma-Gamma; contracts by retention).",
        discussion: """
            Fits the BG/NBD model (Fader, Hardie & Lee 2005) and the Gamma-Gamma spend model by maximum \
            likelihood on the firm's own invoices up to --as-of: purchases on one day count as one; frequency \
            is the number of repeat purchases, recency and age (t) run from each customer's first purchase. \
            Lifetime value is the expected revenue over the horizon, discounted monthly at the policy's \
            [value] discount_rate. Customers with a contract (contract_end) are valued by retention instead: \
            the months the contract binds them (renewal date, notice period), then renewals at a chance by \
            tenure fitted on the firm's own contracts (shifted-beta-geometric), or the policy's \
            contract_retention when there are too few. It is an estimate for a person to weigh, not a verdict.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, json }

    @Option(help: "weeks or days (default: weeks).") var unit: TimeUnit = .weeks
    @Option(help: ArgumentHelp("Forecast period in --unit (default: the policy's horizon_weeks).", valueName: "n"))
    var horizon: Double?
    @Option(help: "table or json (default: table).") var format: Format = .table
    @Option(help: "Rows in the table, highest lifetime value first (default 25; 0 for all).") var limit = 25
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var policy: PolicyOptions
    @OptionGroup var asOf: AsOfOptions

    func validate() throws {
        if let horizon, !(horizon > 0) { throw ValidationError("--horizon must be more than 0.") }
    }

    func run() async throws {
        let workspace = try await Workspace.load(database, policy: policy, asOf: asOf.day)
        let p = workspace.analysis.policy.value
        let settings = CustomerValue.Settings(
            horizon: horizon ?? Double(p.horizonWeeks) * 7 / unit.days, unit: unit, annualDiscountRate: p.discountRate)
        let value: CustomerValue
        do {
            value = try CustomerValue(ledger: workspace.analysis.ledger, asOf: asOf.day, settings: settings)
        } catch let error as ValueModelError {
            throw Terminal.failure(error.description, code: ExitCodes.badInput)
        }
        switch format {
        case .json: print(ValueJSON.render(value, ledger: workspace.analysis.ledger))
        case .table: Terminal.out(table(value, workspace.analysis))
        }
    }

    private func table(_ value: CustomerValue, _ a: Analysis) -> String {
        let f = SnoeiCore.Formatter(.en), bg = value.bgnbd, gg = value.gammaGamma
        let n = { (x: Double) in JSONWriter.fixed(x, decimals: 3) }
        let header: [String?] = [
            "Purchase models fitted on invoices up to \(value.history.asOf.iso) (\(value.history.buyers.count) customers who bought; unit: \(value.settings.unit.rawValue))",
            "  BG/NBD       r \(n(bg.model.r)), alpha \(n(bg.model.alpha)), a \(n(bg.model.a)), b \(n(bg.model.b)); "
                + "log-likelihood \(JSONWriter.fixed(bg.logLikelihood, decimals: 2)), \(bg.iterations) iterations, "
                + (bg.converged ? "converged" : "NOT converged: treat the figures with care"),
            "  Gamma-Gamma  p \(n(gg.model.p)), q \(n(gg.model.q)), gamma \(n(gg.model.gamma)); "
                + "log-likelihood \(JSONWriter.fixed(gg.logLikelihood, decimals: 2)), \(gg.iterations) iterations, "
                + (gg.converged ? "converged" : "NOT converged: treat the figures with care"),
            gg.model.q <= 1 || gg.model.p > 1e4
                ? "  note: spend per purchase varies little within customers, so the spend model relies on each customer's own average"
                : nil,
            contractLine(value.contracts),
            "  Horizon \(JSONWriter.fixed(value.settings.horizon, decimals: 1)) \(value.settings.unit.rawValue), discount rate \(JSONWriter.fixed(value.settings.annualDiscountRate * 100, decimals: 1)) % a year",
            "",
        ]
        var out = header.compactMap { $0 }
        var rows = value.clv.indices.filter { value.clv[$0] != nil }.sorted { (value.clv[$0]?.cents ?? 0) > (value.clv[$1]?.cents ?? 0) }
        if limit > 0 { rows = Array(rows.prefix(limit)) }
        var t = TextTable(["customer", "name", "repeat", "recency", "age", "exp. purchases", "P(active)", "per purchase",
                           "lifetime value", "model", "contribution (12 m)"], rightAligned: [2, 3, 4, 5, 6, 7, 8, 10])
        let h = value.history
        for c in rows {
            t.add([a.ledger.customers.ids[c], a.ledger.customers.names[c], "\(h.frequency[c])",
                   JSONWriter.fixed(h.recency[c], decimals: 1), JSONWriter.fixed(h.age[c], decimals: 1),
                   JSONWriter.fixed(value.expectedPurchases[c] ?? 0, decimals: 2),
                   JSONWriter.fixed((value.probabilityAlive[c] ?? 0) * 100, decimals: 0) + " %",
                   f.money(value.expectedSpend[c] ?? .zero), f.money(value.clv[c] ?? .zero),
                   value.model[c]?.rawValue ?? "", f.money(a.customers[c].contribution)])
        }
        out.append(t.render())
        return out.joined(separator: "\n")
    }

    /// Where the contract customers' renewal chances come from.
    private func contractLine(_ k: ContractValue) -> String? {
        guard k.contracts > 0 else { return nil }
        let n = { (x: Double) in JSONWriter.fixed(x, decimals: 3) }
        let head = "  Contracts    \(k.contracts) customers with a contract (\(k.ended) ended), terms of \(k.settings.termMonths) months, valued by retention; "
        switch k.retention {
        case .fitted(let fit):
            return head + "shifted-beta-geometric alpha \(n(fit.model.alpha)), beta \(n(fit.model.beta)); log-likelihood "
                + "\(JSONWriter.fixed(fit.logLikelihood, decimals: 2)), \(fit.iterations) iterations, "
                + (fit.converged ? "converged" : "NOT converged: treat the figures with care")
        case .policy(let rate):
            return head + "too few contracts to fit renewal by tenure: the policy's contract_retention \(n(rate)) per term"
        }
    }
}
