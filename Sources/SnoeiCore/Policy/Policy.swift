/// What "difficult" means for this firm: costs, weights and boundaries.
///
/// Every boundary a recommendation crosses comes from here and is named in its reasons.
/// Defaults are documented in `PolicyDocumentation` and written by `snoei policy init`.
public struct Policy: Equatable, Sendable {
    /// Internal cost of one hour, per activity.
    public var hourlyRate: [Activity: Money]
    /// Cost of handling one contact, per kind.
    public var contactCost: [ContactKind: Money]
    public var friction: FrictionPolicy
    public var quadrant: QuadrantPolicy
    public var boundaries: Boundaries
    public var redLines: RedLines
    public var valuesFit: ValuesFitPolicy
    /// Acting on decisions (`ActingPolicy.swift`): exits, service tiers, the customer panel.
    public var exit: ExitPolicy
    public var tiers: TierPolicy
    public var panel: PanelPolicy
    /// How long customer data is kept (`PrivacyPolicy.swift`).
    public var privacy: PrivacyPolicy
    /// Expected purchases and lifetime value (`ValuePolicy.swift`).
    public var value: ValuePolicy

    public init(hourlyRate: [Activity: Money], contactCost: [ContactKind: Money], friction: FrictionPolicy,
                quadrant: QuadrantPolicy, boundaries: Boundaries, redLines: RedLines, valuesFit: ValuesFitPolicy,
                exit: ExitPolicy = .standard, tiers: TierPolicy = .standard, panel: PanelPolicy = .standard,
                privacy: PrivacyPolicy = .standard, value: ValuePolicy = .standard) {
        self.hourlyRate = hourlyRate; self.contactCost = contactCost; self.friction = friction
        self.quadrant = quadrant; self.boundaries = boundaries; self.redLines = redLines; self.valuesFit = valuesFit
        self.exit = exit; self.tiers = tiers; self.panel = panel; self.privacy = privacy
        self.value = value
    }

    public func rate(_ activity: Activity) -> Money { hourlyRate[activity] ?? .zero }
    public func cost(_ kind: ContactKind) -> Money { contactCost[kind] ?? .zero }

    public static let standard = Policy(
        hourlyRate: [.support: Money(euros: 65), .rework: Money(euros: 65), .meeting: Money(euros: 75),
                     .sales: Money(euros: 75), .delivery: Money(euros: 55), .admin: Money(euros: 45)],
        contactCost: [.question: Money(euros: 8), .complaint: Money(euros: 25), .changeRequest: Money(euros: 40)],
        friction: .standard, quadrant: .standard, boundaries: .standard, redLines: .standard, valuesFit: .standard
    )
}

/// One friction component: its weight and the value at which it counts fully (score 1).
public struct FrictionComponentPolicy: Equatable, Sendable {
    public var weight: Double
    public var saturation: Double
    public init(weight: Double, saturation: Double) { self.weight = weight; self.saturation = saturation }
}

/// Friction = 100 × Σ weight × min(1, value / saturation) / Σ weight, a score from 0 to 100.
public struct FrictionPolicy: Equatable, Sendable {
    public var components: [FrictionComponent: FrictionComponentPolicy]
    /// Below this many contacts the self-caused share counts proportionally less.
    public var selfCausedMinContacts: Int

    public init(components: [FrictionComponent: FrictionComponentPolicy], selfCausedMinContacts: Int) {
        self.components = components; self.selfCausedMinContacts = selfCausedMinContacts
    }

    public static let standard = FrictionPolicy(components: [
        .contactsPerK: .init(weight: 2, saturation: 5),
        .selfCaused: .init(weight: 1.5, saturation: 1),
        .complaints: .init(weight: 1.5, saturation: 6),
        .changeRequests: .init(weight: 1, saturation: 6),
        .deviations: .init(weight: 1.5, saturation: 6),
        .incidents: .init(weight: 2, saturation: 5),
        .lateness: .init(weight: 1.5, saturation: 60),
        .shortPays: .init(weight: 1, saturation: 1),
    ], selfCausedMinContacts: 5)
}

public enum FrictionComponent: String, Vocabulary {
    /// contacts per € 1,000 revenue (saturated when revenue ≤ 0 and there are contacts)
    case contactsPerK = "contacts_per_k"
    /// self-caused share of contacts
    case selfCaused = "self_caused_share"
    case complaints
    case changeRequests = "change_requests"
    /// number of deviations from the sales standards
    case deviations
    /// highest incident severity (1–5)
    case incidents
    /// avg_days_late
    case lateness = "avg_days_late"
    case shortPays = "short_pays"
}

public struct QuadrantPolicy: Equatable, Sendable {
    /// Contribution at or above which a customer counts as profitable.
    public var profitableContribution: Money
    /// Friction at or above which a relationship counts as high-friction.
    public var highFriction: Double
    public init(profitableContribution: Money, highFriction: Double) {
        self.profitableContribution = profitableContribution; self.highFriction = highFriction
    }
    public static let standard = QuadrantPolicy(profitableContribution: .zero, highFriction: 30)
}

public struct Boundaries: Equatable, Sendable {
    /// Unprofitable, high-friction customers at or above this friction are proposed to let go.
    public var letGoFriction: Double
    /// Average days late above which payment behaviour calls for a fix plan.
    public var lateDays: Double
    /// Short-paid invoices at or above which payment behaviour calls for a fix plan.
    public var shortPays: Int
    /// Overdue for more than 90 days above which payment behaviour calls for a fix plan.
    public var overdue90: Money
    /// Revenue share at or above which letting go is a dependency risk (turns "let go" into "fix").
    public var dependencyShare: Double
    /// Self-caused share of contacts (with enough contacts) that is named as a reason.
    public var selfCausedShare: Double
    /// Referrals at or above which a customer counts as an ambassador.
    public var ambassadorReferrals: Int

    public init(letGoFriction: Double, lateDays: Double, shortPays: Int, overdue90: Money, dependencyShare: Double,
                selfCausedShare: Double, ambassadorReferrals: Int) {
        self.letGoFriction = letGoFriction; self.lateDays = lateDays; self.shortPays = shortPays
        self.overdue90 = overdue90; self.dependencyShare = dependencyShare
        self.selfCausedShare = selfCausedShare; self.ambassadorReferrals = ambassadorReferrals
    }

    public static let standard = Boundaries(letGoFriction: 45, lateDays: 30, shortPays: 1, overdue90: Money(euros: 1000),
                                            dependencyShare: 0.10, selfCausedShare: 0.5, ambassadorReferrals: 1)
}

/// Behaviour that ends a relationship whatever the figures say.
public struct RedLines: Equatable, Sendable {
    public var kinds: Set<IncidentKind>
    /// Any incident at or above this severity is a red line.
    public var minSeverity: Int
    public init(kinds: Set<IncidentKind>, minSeverity: Int) { self.kinds = kinds; self.minSeverity = minSeverity }
    public static let standard = RedLines(kinds: [.intimidation, .abuseOfStaff, .smear], minSeverity: 5)

    public func crossed(kind: IncidentKind, severity: Int) -> Bool { kinds.contains(kind) || severity >= minSeverity }
}

/// The firm's own values, scored per customer from 1 to 5 in `values_fit.csv`.
public struct ValuesFitPolicy: Equatable, Sendable {
    /// Criterion name → weight. Scores for criteria not listed here count with weight 1.
    public var criteria: [String: Double]
    /// Values fit (0–1) below which it is named as a reason.
    public var minimum: Double
    public init(criteria: [String: Double], minimum: Double) { self.criteria = criteria; self.minimum = minimum }
    public static let standard = ValuesFitPolicy(
        criteria: ["respect": 2, "reliability": 1.5, "quality_over_price": 1, "collaboration": 1], minimum: 0.5)
}
