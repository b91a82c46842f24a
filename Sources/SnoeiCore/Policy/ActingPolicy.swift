/// The parts of the policy used when acting on a decision: exits, service tiers and the
/// customer panel (SPEC "Acting"). Defaults are written by `snoei policy init`.

/// How the firm ends a relationship "in the spirit of the contract" (seed 004).
public struct ExitPolicy: Equatable, Sendable {
    /// Notice period in days for a customer whose record names none.
    public var defaultNoticeDays: Int

    public init(defaultNoticeDays: Int = 30) { self.defaultNoticeDays = defaultNoticeDays }

    public static let standard = ExitPolicy()
}

/// One service level (seed 001: treat unequal customers unequally).
public struct ServiceTier: Equatable, Sendable {
    /// The name as it appears in `customers.tier` (compared without regard to case).
    public var name: String
    /// Revenue over the past year at or above which a customer's value fits this tier.
    public var minRevenue: Money
    /// Whether customers in this tier get a fixed contact person (an account manager).
    public var contactPerson: Bool
    /// Hours of work (all activities) per customer per year the firm sets aside for this tier
    /// (its capacity).
    public var capacityHours: Double

    public init(name: String, minRevenue: Money, contactPerson: Bool, capacityHours: Double) {
        self.name = name; self.minRevenue = minRevenue; self.contactPerson = contactPerson; self.capacityHours = capacityHours
    }
}

/// Service tiers by value. A customer's value tier is the tier with the highest `minRevenue`
/// its revenue reaches; the tier with the lowest `minRevenue` also takes everyone below it.
public struct TierPolicy: Equatable, Sendable {
    /// In any order; `ordered` sorts them from the highest minimum down.
    public var tiers: [ServiceTier]

    public init(tiers: [ServiceTier]) { self.tiers = tiers }

    /// Two tier policies are equal when they have the same tiers, in whatever order.
    public static func == (a: TierPolicy, b: TierPolicy) -> Bool { a.ordered == b.ordered }

    /// The tiers from the highest revenue minimum to the lowest (ties by name).
    public var ordered: [ServiceTier] {
        tiers.sorted { $0.minRevenue != $1.minRevenue ? $0.minRevenue > $1.minRevenue : $0.name < $1.name }
    }

    /// The tier whose value band `revenue` falls in; nil only when there are no tiers.
    public func tier(forRevenue revenue: Money) -> ServiceTier? {
        let o = ordered
        return o.first { revenue >= $0.minRevenue } ?? o.last
    }

    /// The demo firm's names: premium (≥ € 50,000, fixed contact person, 300 hours a customer),
    /// plus (≥ € 10,000, 75 hours), basis (20 hours).
    public static let standard = TierPolicy(tiers: [
        ServiceTier(name: "premium", minRevenue: Money(euros: 50_000), contactPerson: true, capacityHours: 300),
        ServiceTier(name: "plus", minRevenue: Money(euros: 10_000), contactPerson: false, capacityHours: 75),
        ServiceTier(name: "basis", minRevenue: .zero, contactPerson: false, capacityHours: 20),
    ])
}

/// The customer panel: critical but valuable customers invited for a feedback meeting (seed 001).
public struct PanelPolicy: Equatable, Sendable {
    /// Complaints plus change requests in the past year at or above which a profitable customer
    /// is a panel candidate.
    public var minFeedback: Int

    public init(minFeedback: Int = 5) { self.minFeedback = minFeedback }

    public static let standard = PanelPolicy()
}
