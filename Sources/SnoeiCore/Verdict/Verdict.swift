/// Profitability × friction. Seed names in the README: *superfijn*, *demanding but worth it*,
/// *low value, easy*, *klant terrible*; the codes stay neutral because they end up in
/// exports about people.
public enum Quadrant: String, Vocabulary {
    case profitableEasy = "profitable_easy"
    case profitableDemanding = "profitable_demanding"
    case unprofitableEasy = "unprofitable_easy"
    case unprofitableDemanding = "unprofitable_demanding"
}

/// What Snoei proposes; a person decides.
public enum Recommendation: String, Vocabulary, Comparable {
    case nurture, keep, fix
    case letGo = "let_go"

    /// Ordering for "needs a decision first": let go, fix, keep, nurture.
    public var urgency: Int {
        switch self { case .letGo: 3; case .fix: 2; case .keep: 1; case .nurture: 0 }
    }
    public static func < (a: Recommendation, b: Recommendation) -> Bool { a.urgency < b.urgency }
    public var needsDecision: Bool { self == .fix || self == .letGo }
}

/// The follow-through that fits a verdict (fix-plan actions of seed 003, tiers of seed 001).
public enum SuggestedAction: String, Vocabulary {
    case askForReferrals = "ask_for_referrals"
    case setBoundaries = "set_boundaries"
    case fixedContact = "fixed_contact"
    case standardTier = "standard_tier"
    case priceChange = "price_change"
    case scopeAgreement = "scope_agreement"
    case prepayment
    case stricterTerms = "stricter_terms"
    case frontDoorExit = "front_door_exit"
}

/// A stable reason code with the figures it used; text comes from the catalogue.
public struct Reason: Sendable, Equatable {
    public var code: ReasonCode
    public var figures: [Figure]
    public init(_ code: ReasonCode, _ figures: [Figure]) { self.code = code; self.figures = figures }

    public func figure(_ name: String) -> FigureValue? { figures.first { $0.name == name }?.value }
}

public enum ReasonCode: String, Vocabulary {
    case redLine = "red_line"
    case profitable
    case unprofitable
    case frictionLow = "friction_low"
    case frictionHigh = "friction_high"
    case letGoFriction = "let_go_friction"
    case latePayment = "late_payment"
    case shortPay = "short_pay"
    case overdue90 = "overdue_90"
    case selfCaused = "self_caused"
    case deviations
    case incidents
    case dependency
    case dependencyRisk = "dependency_risk"
    case ambassador
    case valuesFitLow = "values_fit_low"
    case noRevenue = "no_revenue"
    case futureValue = "future_value"
    case contractValue = "contract_value"
}

public struct Figure: Sendable, Equatable {
    public var name: String
    public var value: FigureValue
    public init(_ name: String, _ value: FigureValue) { self.name = name; self.value = value }
}

public enum FigureValue: Sendable, Equatable {
    case money(Money)
    /// A share from 0 to 1, shown as a percentage.
    case ratio(Double)
    case days(Double)
    case count(Int)
    /// A score or a plain number, one decimal.
    case number(Double)
    case date(Day)
    case text(String)
}

public struct Verdict: Sendable, Equatable {
    public var quadrant: Quadrant
    public var recommendation: Recommendation
    public var friction: FrictionScore
    public var reasons: [Reason]
    public var actions: [SuggestedAction]
}
