/// Per-customer and portfolio figures as defined in FORMAT.md (as of one date).

public struct Aging: Equatable, Sendable {
    public var notDue = Money.zero
    public var d1_30 = Money.zero
    public var d31_60 = Money.zero
    public var d61_90 = Money.zero
    public var d90Plus = Money.zero
    public init() {}
    /// The four overdue buckets; they sum to `overdue` (FORMAT rule 7).
    public var overdue: Money { d1_30 + d31_60 + d61_90 + d90Plus }

    public static func + (a: Aging, b: Aging) -> Aging {
        var r = Aging()
        r.notDue = a.notDue + b.notDue; r.d1_30 = a.d1_30 + b.d1_30; r.d31_60 = a.d31_60 + b.d31_60
        r.d61_90 = a.d61_90 + b.d61_90; r.d90Plus = a.d90Plus + b.d90Plus
        return r
    }
}

public struct CustomerFigures: Sendable, Equatable {
    // Once, not per customer: `allCases` builds an array on every call.
    private static let activities = Activity.allCases.count
    private static let contactKinds = ContactKind.allCases.count
    private static let channels = Channel.allCases.count

    public var row: Int
    // Profitability (window)
    public var revenue = Money.zero
    public var cogs = Money.zero
    public var grossMargin: Money { revenue - cogs }
    public var timeCost = Money.zero
    public var contactCost = Money.zero
    public var deviationCost = Money.zero
    public var costToServe: Money { timeCost + contactCost + deviationCost }
    public var contribution: Money { grossMargin - costToServe }
    public var hours: MilliHours = 0
    /// Indexed by `Activity.ordinal`.
    public var hoursByActivity = OrdinalCounts<MilliHours>(count: Self.activities)
    public var invoicesInWindow = 0
    // Payment behaviour
    public var avgDaysLate = 0.0
    /// The sums `avgDaysLate` divides: Σ payable × days late and Σ payable over the late set.
    public var lateWeightedDays: Int64 = 0
    public var latePayable = Money.zero
    public var lateShare = 0.0
    public var lateSetCount = 0
    public var lateCount = 0
    public var maxDaysLate = 0
    public var aging = Aging()
    public var overdue: Money { aging.overdue }
    public var openTotal: Money { aging.overdue + aging.notDue }
    public var payableInWindow = Money.zero
    public var dso = 0.0
    public var shortPays = 0
    public var shortPaidOpen = Money.zero
    // Friction inputs (window)
    public var contacts = 0
    /// Indexed by `ContactKind.ordinal` / `Channel.ordinal`.
    public var contactsByKind = OrdinalCounts<Int>(count: Self.contactKinds)
    public var contactsByChannel = OrdinalCounts<Int>(count: Self.channels)
    public var selfCausedContacts = 0
    public var selfCausedShare: Double { contacts == 0 ? 0 : Double(selfCausedContacts) / Double(contacts) }
    /// contacts / (revenue / 1000); nil when revenue ≤ 0 (undefined), see friction.
    public var contactsPerK: Double? { revenue.cents > 0 ? Double(contacts) / (revenue.euros / 1000) : nil }
    public var deviations = 0
    // Incidents (all time up to the as-of date)
    public var incidents = 0
    public var incidentMaxSeverity = 0
    public var redLine: IncidentRef?
    public var worstIncident: IncidentRef?
    // Relationship
    public var revenueShare = 0.0
    public var referrals = 0
    public var referredRevenue = Money.zero
    public var valuesFit: Double?
    public var firstInvoice: Day?

    public init(row: Int) { self.row = row }
}

public struct IncidentRef: Equatable, Sendable {
    public var kind: IncidentKind
    public var severity: Int
    public var date: Day
}

public struct PortfolioFigures: Sendable, Equatable {
    public var customers = 0
    public var customersWithRevenue = 0
    public var revenue = Money.zero
    public var cogs = Money.zero
    public var costToServe = Money.zero
    public var contribution = Money.zero
    public var grossMargin: Money { revenue - cogs }
    public var hours: MilliHours = 0
    public var aging = Aging()
    public var overdue: Money { aging.overdue }
    public var paretoTop20 = 0.0
    public var paretoTopCount = 0
    /// Point k (1-based, index k-1) = cumulative contribution of the best k / total.
    public var whaleCurve: [Double] = []
    public var whalePeak = 0.0
    public var whalePeakRank = 0
    public var unprofitableShare = 0.0
    public var unprofitableCount = 0
    public var hhi = 0.0
    /// Customers whose first invoice falls in the window, and their revenue (replaceability).
    public var newCustomers = 0
    public var newCustomerRevenue = Money.zero
    public var unmatchedPayments = 0
    public var unmatchedAmount = Money.zero

    public init() {}

    /// Revenue that new customers bring per month at the current rate.
    public var newRevenuePerMonth: Money { Money(cents: newCustomerRevenue.cents / 12) }
}
