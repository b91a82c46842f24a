import Foundation

/// Retention-based value for customers with a contract or subscription (a `contract_end`):
/// what they bring a month, how long the contract binds them (renewal date and notice
/// period), and the chance they renew after that, by tenure.
///
/// - A contract has ended when its renewal date lies before the as-of day and nothing was
///   invoiced after it; otherwise it runs.
/// - Committed: until the renewal date while the customer can still give notice
///   (as-of ≤ renewal − notice days); once that deadline has passed the next term is committed
///   too. A contract billed past its renewal date runs on with the notice period committed.
/// - After the committed period each renewal happens with the shifted-beta-geometric chance
///   for the customer's tenure, fitted on the firm's own contracts — or, with fewer than 20
///   contracts or 5 ended ones, the policy's `contract_retention` per term.
/// - Value = Σ over the horizon's months of (revenue over the last 365 days / 12) × the chance
///   the contract still runs that month, discounted monthly; revenue, not contribution.
public struct ContractValue: Sendable {
    public enum Retention: Sendable {
        case fitted(ShiftedBetaGeometric.Fit)
        case policy(Double)
    }

    public struct Settings: Sendable, Equatable {
        public var termMonths: Int
        public var fallbackRetention: Double
        public var horizonDays: Double
        public var annualDiscountRate: Double

        public init(termMonths: Int = 12, fallbackRetention: Double = 0.85, horizonDays: Double = 364,
                    annualDiscountRate: Double = 0.10) {
            self.termMonths = termMonths; self.fallbackRetention = fallbackRetention
            self.horizonDays = horizonDays; self.annualDiscountRate = annualDiscountRate
        }

        var termDays: Double { Double(termMonths) * 365.25 / 12 }
    }

    public let settings: Settings
    public let retention: Retention
    /// Customers with a contract, and how many of those contracts have ended.
    public let contracts: Int
    public let ended: Int
    /// Per customer row; nil for customers without a contract.
    public let hasEnded: [Bool?]
    public let termsCompleted: [Int?]
    public let committedUntil: [Day?]
    public let monthlyRevenue: [Money?]
    /// The chance of the first renewal after the committed period.
    public let renewalChance: [Double?]
    public let value: [Money?]

    public init(ledger: Ledger, asOf: Day, settings: Settings = .init()) {
        self.settings = settings
        let n = ledger.customers.count
        let inv = ledger.invoices
        var first = [Day?](repeating: nil, count: n), last = [Day?](repeating: nil, count: n)
        var revenue = [Int64](repeating: 0, count: n)
        for i in 0..<inv.count where inv.issue[i] <= asOf {
            let c = Int(inv.customer[i]), day = inv.issue[i]
            if first[c].map({ day < $0 }) ?? true { first[c] = day }
            if last[c].map({ day > $0 }) ?? true { last[c] = day }
            if day >= asOf - 365 { revenue[c] += inv.amount[i] }
        }
        let termDays = settings.termDays
        var ended = [Bool?](repeating: nil, count: n), terms = [Int?](repeating: nil, count: n)
        var rows = [Int]()
        for c in 0..<n {
            guard let end = ledger.customers.contractEnds[c] else { continue }
            let start = ledger.customers.since[c] ?? first[c] ?? min(end, asOf)
            let isEnded = end < asOf && (last[c].map { $0 <= end } ?? true)
            ended[c] = isEnded
            terms[c] = isEnded ? max(1, Int((Double(end - start) / termDays).rounded()))
                               : max(0, Int(Double(asOf - start) / termDays))
            rows.append(c)
        }
        contracts = rows.count
        self.ended = rows.lazy.filter { ended[$0] == true }.count
        hasEnded = ended
        termsCompleted = terms
        let retention: Retention
        if let fit = ShiftedBetaGeometric.fit(terms: rows.map { terms[$0]! }, ended: rows.map { ended[$0]! }) {
            retention = .fitted(fit)
        } else {
            retention = .policy(settings.fallbackRetention)
        }
        self.retention = retention

        var committed = [Day?](repeating: nil, count: n), monthly = [Money?](repeating: nil, count: n)
        var renewal = [Double?](repeating: nil, count: n), value = [Money?](repeating: nil, count: n)
        let months = max(1, Int((settings.horizonDays / (365.25 / 12)).rounded(.up)))
        let monthlyRate = pow(1 + settings.annualDiscountRate, 1.0 / 12) - 1
        for c in rows {
            monthly[c] = Money(cents: max(0, revenue[c]) / 12)
            guard ended[c] == false, let end = ledger.customers.contractEnds[c] else {
                value[c] = .zero; renewal[c] = 0; continue
            }
            let notice = ledger.customers.noticeDays[c] ?? 0
            let until: Day
            if end < asOf { until = asOf + notice }
            else if asOf <= end - notice { until = end }
            else { until = end + Int(termDays.rounded()) }
            committed[c] = until
            let tenure = terms[c]! + max(0, Int(Double(until - asOf) / termDays))
            renewal[c] = Self.chance(retention, renewals: 1, afterTerms: tenure)
            var sum = 0.0
            for m in 1...months {
                let day = asOf + Int((Double(m) * 365.25 / 12).rounded())
                let renewals = day <= until ? 0 : Int((Double(day - until) / termDays).rounded(.up))
                let running = Self.chance(retention, renewals: renewals, afterTerms: tenure)
                sum += Double(max(0, revenue[c])) / 12 * running / pow(1 + monthlyRate, Double(m))
            }
            value[c] = Money(cents: Int64(sum.rounded()))
        }
        committedUntil = committed
        monthlyRevenue = monthly
        renewalChance = renewal
        self.value = value
    }

    /// The chance of `renewals` more renewals for a customer who has completed `afterTerms` terms.
    public func chance(renewals: Int, afterTerms terms: Int) -> Double {
        Self.chance(retention, renewals: renewals, afterTerms: terms)
    }

    static func chance(_ retention: Retention, renewals: Int, afterTerms terms: Int) -> Double {
        guard renewals > 0 else { return 1 }
        switch retention {
        case .fitted(let fit): return fit.model.renewalChance(afterTerms: terms, renewals: renewals)
        case .policy(let rate): return pow(rate, Double(renewals))
        }
    }
}
