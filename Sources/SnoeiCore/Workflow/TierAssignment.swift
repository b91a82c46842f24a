/// How a customer's service tier compares with its value (seed 001: treat unequal customers
/// unequally; a fixed contact person for the top customers).
public struct TierFit: Hashable, Sendable {
    public var row: Int
    /// The tier its revenue over the past year fits (`TierPolicy.tier(forRevenue:)`).
    public var valueTier: String
    /// The tier in the customer record, if any.
    public var currentTier: String?
    /// Whether the current tier is the value tier (compared without regard to case or spaces).
    public var matches: Bool
    /// The value tier comes with a fixed contact person, and the customer has no account manager.
    public var needsContactPerson: Bool
    /// Revenue, hours or contacts in the past year; customers without any are not counted in
    /// `TierAssignment.capacity`.
    public var active: Bool

    public init(row: Int, valueTier: String, currentTier: String?, matches: Bool, needsContactPerson: Bool, active: Bool = true) {
        self.row = row; self.valueTier = valueTier; self.currentTier = currentTier; self.matches = matches
        self.needsContactPerson = needsContactPerson; self.active = active
    }
}

/// A tier's load: its active customers (by value tier), the hours they took over the past
/// year, and the hours the policy sets aside for them.
public struct TierCapacity: Hashable, Sendable {
    public var tier: String
    public var customers: Int
    public var hoursUsed: MilliHours
    /// `customers × capacityHours` of the tier, in thousandths of an hour.
    public var capacityHours: MilliHours

    public init(tier: String, customers: Int, hoursUsed: MilliHours, capacityHours: MilliHours) {
        self.tier = tier; self.customers = customers; self.hoursUsed = hoursUsed; self.capacityHours = capacityHours
    }

    /// Hours used over capacity (0 when there is no capacity and no use).
    public var utilisation: Double {
        capacityHours > 0 ? Double(hoursUsed) / Double(capacityHours) : (hoursUsed > 0 ? .infinity : 0)
    }
    public var overCapacity: Bool { hoursUsed > capacityHours }
}

public enum TierAssignment {
    /// Every customer, in row order (`fits[r].row == r`).
    public static func assign(_ analysis: Analysis) -> [TierFit] {
        let tiers = analysis.policy.tiers
        let c = analysis.ledger.customers
        return analysis.customers.map { f in
            let tier = tiers.tier(forRevenue: f.revenue)
            let value = tier?.name ?? ""
            let current = c.tiers[f.row]
            let matches = current.map { same($0, value) } ?? false
            let manager = c.accountManagers[f.row].map(DecisionMachine.trimmed) ?? ""
            return TierFit(row: f.row, valueTier: value, currentTier: current, matches: matches,
                           needsContactPerson: (tier?.contactPerson ?? false) && manager.isEmpty,
                           active: isActive(f))
        }
    }

    /// Per tier of the policy, highest first: the active customers whose value fits it.
    public static func capacity(_ analysis: Analysis) -> [TierCapacity] {
        let ordered = analysis.policy.tiers.ordered
        var customers = [Int](repeating: 0, count: ordered.count)
        var hours = [MilliHours](repeating: 0, count: ordered.count)
        for f in analysis.customers where isActive(f) {
            let i = ordered.firstIndex { f.revenue >= $0.minRevenue } ?? (ordered.count - 1)
            guard i >= 0 else { continue }
            customers[i] += 1
            hours[i] += f.hours
        }
        return ordered.indices.map { i in
            TierCapacity(tier: ordered[i].name, customers: customers[i], hoursUsed: hours[i],
                         capacityHours: MilliHours((Double(customers[i]) * ordered[i].capacityHours * 1000).rounded()))
        }
    }

    static func isActive(_ f: CustomerFigures) -> Bool { f.revenue.cents != 0 || f.hours != 0 || f.contacts != 0 }

    static func same(_ a: String, _ b: String) -> Bool {
        DecisionMachine.trimmed(a).lowercased() == DecisionMachine.trimmed(b).lowercased()
    }
}
