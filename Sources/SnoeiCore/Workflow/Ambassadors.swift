/// Ambassadors (seed 003): the customers who bring new customers, and the time an exit frees
/// to invest in them.
public enum Ambassadors {
    /// Customers with at least `policy.boundaries.ambassadorReferrals` referrals (and at least
    /// one), most referred revenue first, then most referrals, then row.
    public static func list(_ analysis: Analysis) -> [Int] {
        let minimum = max(1, analysis.policy.boundaries.ambassadorReferrals)
        return analysis.customers.filter { $0.referrals >= minimum }.sorted { a, b in
            if a.referredRevenue != b.referredRevenue { return a.referredRevenue > b.referredRevenue }
            if a.referrals != b.referrals { return a.referrals > b.referrals }
            return a.row < b.row
        }.map(\.row)
    }

    /// The hours the exiting customers took over the past year: capacity freed for the top
    /// customers. Each row counts once; rows outside the ledger are ignored.
    public static func freedHours(exits rows: [Int], analysis: Analysis) -> MilliHours {
        var seen = Set<Int>()
        var total: MilliHours = 0
        for r in rows where r >= 0 && r < analysis.customers.count && seen.insert(r).inserted {
            total += analysis.customers[r].hours
        }
        return total
    }
}
