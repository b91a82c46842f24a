import Foundation

/// Forward-looking value per customer: BG/NBD for how many purchases are still to come and
/// whether the customer is still active, Gamma-Gamma for what each will bring, and their
/// discounted sum over a horizon as customer lifetime value (revenue, not contribution).
/// Customers with a contract (a `contract_end`) are valued by retention instead
/// (`ContractValue`): their revenue follows the contract, not purchases at will.
public struct CustomerValue: Sendable {
    /// Which model a customer's lifetime value comes from.
    public enum Model: String, Sendable {
        case purchases, contract
    }

    public struct Settings: Sendable, Equatable {
        /// The forecast period, in `unit`.
        public var horizon: Double
        public var unit: TimeUnit
        /// Yearly discount rate for future revenue (0.10 = 10 %).
        public var annualDiscountRate: Double
        /// Contracts: the length of one term, and the retention per term when the firm's own
        /// contracts cannot support a fit.
        public var contractTermMonths: Int
        public var contractRetention: Double

        public init(horizon: Double = 52, unit: TimeUnit = .weeks, annualDiscountRate: Double = 0.10,
                    contractTermMonths: Int = 12, contractRetention: Double = 0.85) {
            self.horizon = horizon; self.unit = unit; self.annualDiscountRate = annualDiscountRate
            self.contractTermMonths = contractTermMonths; self.contractRetention = contractRetention
        }
    }

    public let settings: Settings
    public let history: PurchaseHistory
    public let bgnbd: BGNBD.Fit
    public let gammaGamma: GammaGamma.Fit
    /// Per customer row (nil for customers who never bought).
    public let expectedPurchases: [Double?]
    public let probabilityAlive: [Double?]
    public let expectedSpend: [Money?]
    public let clv: [Money?]
    /// The model behind each customer's `clv` (nil for customers without one).
    public let model: [Model?]
    /// Retention-based value of the customers with a contract.
    public let contracts: ContractValue

    /// The policy's settings (`[value]`): the horizon in weeks and its discount rate.
    public static func settings(_ policy: Policy, unit: TimeUnit = .weeks) -> Settings {
        Settings(horizon: Double(policy.value.horizonWeeks) * 7 / unit.days, unit: unit,
                 annualDiscountRate: policy.value.discountRate, contractTermMonths: policy.value.contractTermMonths,
                 contractRetention: policy.value.contractRetention)
    }

    /// Fits both models on the invoices up to `asOf` and values every customer who bought.
    public init(ledger: Ledger, asOf: Day, settings: Settings = .init()) throws {
        let history = PurchaseHistory(ledger: ledger, asOf: asOf, unit: settings.unit)
        let bg = try BGNBD.fit(history)
        let gg = try GammaGamma.fit(history)
        self.settings = settings
        self.history = history
        self.bgnbd = bg
        self.gammaGamma = gg
        let n = ledger.customers.count
        var purchases = [Double?](repeating: nil, count: n), alive = [Double?](repeating: nil, count: n)
        var spend = [Money?](repeating: nil, count: n), value = [Money?](repeating: nil, count: n)
        // Discounting per month (≈ 30.44 days) of the horizon, at the monthly equivalent rate.
        let monthLength = 365.25 / 12 / settings.unit.days
        let months = max(1, Int((settings.horizon / monthLength).rounded(.up)))
        let monthlyRate = pow(1 + settings.annualDiscountRate, 1.0 / 12) - 1
        // Where the model has no finite mean for a customer: the mean of all repeat buyers' spend.
        let repeaters = history.buyers.filter { history.frequency[$0] > 0 }
        let observedMean = repeaters.reduce(0.0) { $0 + Double(history.averageRepeatSpend[$1].cents) / 100 }
            / Double(max(1, repeaters.count))
        func finite(_ v: Double) -> Money { Money(euros: v.isFinite ? v : 0) }
        for c in history.buyers {
            let x = history.frequency[c], tx = history.recency[c], T = history.age[c]
            let m = Double(history.averageRepeatSpend[c].cents) / 100
            let perPurchase = gg.model.expectedSpend(x: x, m: m) ?? observedMean
            purchases[c] = bg.model.expectedPurchases(settings.horizon, x: x, tx: tx, T: T)
            alive[c] = bg.model.probabilityAlive(x: x, tx: tx, T: T)
            spend[c] = finite(perPurchase)
            var discounted = 0.0, previous = 0.0
            for month in 1...months {
                let t = min(settings.horizon, Double(month) * monthLength)
                let cumulative = bg.model.expectedPurchases(t, x: x, tx: tx, T: T)
                discounted += (cumulative - previous) * perPurchase / pow(1 + monthlyRate, Double(month))
                previous = cumulative
            }
            value[c] = finite(discounted)
        }
        let contracts = ContractValue(ledger: ledger, asOf: asOf, settings: ContractValue.Settings(
            termMonths: settings.contractTermMonths, fallbackRetention: settings.contractRetention,
            horizonDays: settings.horizon * settings.unit.days, annualDiscountRate: settings.annualDiscountRate))
        var model = value.map { $0 == nil ? nil : Model.purchases }
        for c in 0..<n {
            guard let v = contracts.value[c] else { continue }
            value[c] = v
            model[c] = .contract
        }
        expectedPurchases = purchases
        probabilityAlive = alive
        expectedSpend = spend
        clv = value
        self.model = model
        self.contracts = contracts
    }
}

extension CustomerValue {
    /// What the verdict rules weigh for one customer; nil without a lifetime value.
    public func outlook(row r: Int) -> VerdictRules.Outlook? {
        guard let clv = clv[r] else { return nil }
        var contract: VerdictRules.Contract?
        if model[r] == .contract, let until = contracts.committedUntil[r] {
            contract = VerdictRules.Contract(monthlyRevenue: contracts.monthlyRevenue[r] ?? .zero, committedUntil: until,
                                             renewalChance: contracts.renewalChance[r] ?? 0)
        }
        return VerdictRules.Outlook(clv: clv, probabilityAlive: probabilityAlive[r] ?? 0,
                                    expectedPurchases: expectedPurchases[r] ?? 0, contract: contract)
    }
}
