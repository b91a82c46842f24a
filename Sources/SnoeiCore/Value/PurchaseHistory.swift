import Foundation

/// The unit recency and age are measured in.
public enum TimeUnit: String, Sendable, CaseIterable {
    case weeks, days

    public var days: Double { self == .weeks ? 7 : 1 }
}

/// Each customer's buying history as the purchase models read it (Fader, Hardie & Lee 2005):
/// the invoices up to the as-of day, purchases on the same day counted as one.
///
/// - `frequency`: repeat purchases — purchase days after the first.
/// - `recency`: from the first to the last purchase; `age` (T): from the first purchase to the
///   as-of day; both in `unit`.
/// - `averageRepeatSpend`: the mean amount of the repeat purchase days (the first purchase is
///   left out, as Gamma-Gamma prescribes); zero without repeat purchases.
///
/// A day whose invoices add up to zero or less (credit notes) is not a purchase. Customers
/// without a purchase have `firstPurchase == nil` and take no part in the fit.
public struct PurchaseHistory: Sendable {
    public let asOf: Day
    public let unit: TimeUnit
    public var frequency: [Int]
    public var recency: [Double]
    public var age: [Double]
    public var averageRepeatSpend: [Money]
    public var firstPurchase: [Day?]

    /// A history given directly (simulations, tests); `firstPurchase` is derived from `age`.
    public init(asOf: Day, unit: TimeUnit, frequency: [Int], recency: [Double], age: [Double],
                averageRepeatSpend: [Money]) {
        self.asOf = asOf; self.unit = unit
        self.frequency = frequency; self.recency = recency; self.age = age
        self.averageRepeatSpend = averageRepeatSpend
        firstPurchase = age.map { asOf - Int(($0 * unit.days).rounded()) }
    }

    public init(ledger: Ledger, asOf: Day, unit: TimeUnit = .weeks) {
        self.asOf = asOf
        self.unit = unit
        let n = ledger.customers.count
        let inv = ledger.invoices
        // Invoices in (customer, day) order, so one pass sums each purchase day.
        let rows = inv.issue.indices.filter { inv.issue[$0] <= asOf }
            .sorted { (inv.customer[$0], inv.issue[$0].raw) < (inv.customer[$1], inv.issue[$1].raw) }
        frequency = Array(repeating: 0, count: n)
        recency = Array(repeating: 0, count: n)
        age = Array(repeating: 0, count: n)
        averageRepeatSpend = Array(repeating: .zero, count: n)
        firstPurchase = Array(repeating: nil, count: n)
        var repeatTotal = [Int64](repeating: 0, count: n)
        var lastPurchase = [Day?](repeating: nil, count: n)
        var i = 0
        while i < rows.count {
            let c = Int(inv.customer[rows[i]]), day = inv.issue[rows[i]]
            var total: Int64 = 0
            while i < rows.count, Int(inv.customer[rows[i]]) == c, inv.issue[rows[i]] == day {
                total += inv.amount[rows[i]]
                i += 1
            }
            guard total > 0 else { continue }
            if firstPurchase[c] == nil {
                firstPurchase[c] = day
            } else {
                frequency[c] += 1
                repeatTotal[c] += total
            }
            lastPurchase[c] = day
        }
        for c in 0..<n {
            guard let first = firstPurchase[c], let last = lastPurchase[c] else { continue }
            recency[c] = Double(last - first) / unit.days
            age[c] = Double(asOf - first) / unit.days
            if frequency[c] > 0 {
                // Rounded to the cent, half away from zero.
                let f = Int64(frequency[c])
                averageRepeatSpend[c] = Money(cents: (repeatTotal[c] + f / 2) / f)
            }
        }
    }

    /// Rows of customers with at least one purchase.
    public var buyers: [Int] { firstPurchase.indices.filter { firstPurchase[$0] != nil } }
}
