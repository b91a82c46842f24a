/// Deterministic rules from figures and policy to a recommendation with its reasons.
///
/// Order: red lines first (they override the arithmetic); then the quadrant gives the
/// base verdict; payment boundaries turn nurture/keep into fix; dependency risk turns
/// "let go" into "fix". Every step that moves the verdict adds a reason with its figures
/// and the boundary it crossed.
public struct VerdictRules: Sendable {
    public let policy: Policy
    public let portfolio: PortfolioFigures

    private let friction: FrictionScore.Weighting

    public init(policy: Policy, portfolio: PortfolioFigures) {
        self.policy = policy; self.portfolio = portfolio
        friction = FrictionScore.Weighting(policy.friction)
    }

    /// What the purchase models expect of one customer (`CustomerValue`), when they were fitted.
    public struct Outlook: Sendable, Equatable {
        public var clv: Money
        public var probabilityAlive: Double
        public var expectedPurchases: Double
        /// Set when the value comes from a contract (`ContractValue`) rather than from purchases.
        public var contract: Contract?
        public init(clv: Money, probabilityAlive: Double, expectedPurchases: Double, contract: Contract? = nil) {
            self.clv = clv; self.probabilityAlive = probabilityAlive; self.expectedPurchases = expectedPurchases
            self.contract = contract
        }
    }

    /// A running contract's terms as the retention model read them.
    public struct Contract: Sendable, Equatable {
        public var monthlyRevenue: Money
        public var committedUntil: Day
        public var renewalChance: Double
        public init(monthlyRevenue: Money, committedUntil: Day, renewalChance: Double) {
            self.monthlyRevenue = monthlyRevenue; self.committedUntil = committedUntil; self.renewalChance = renewalChance
        }
    }

    public func verdict(for f: CustomerFigures, outlook: Outlook? = nil) -> Verdict {
        let friction = FrictionScore.compute(f, weighting: self.friction)
        let b = policy.boundaries
        let profitable = f.contribution >= policy.quadrant.profitableContribution
        let demanding = friction.score >= policy.quadrant.highFriction
        let quadrant: Quadrant = switch (profitable, demanding) {
        case (true, false): .profitableEasy
        case (true, true): .profitableDemanding
        case (false, false): .unprofitableEasy
        case (false, true): .unprofitableDemanding
        }
        var reasons = [Reason]()
        reasons.reserveCapacity(6)
        var actions = [SuggestedAction]()
        actions.reserveCapacity(6)
        var recommendation: Recommendation

        // 1. Profitability and friction: the two axes, always stated.
        if f.revenue.cents == 0 && f.costToServe.cents == 0 {
            reasons.append(Reason(.noRevenue, []))
        } else {
            reasons.append(Reason(profitable ? .profitable : .unprofitable, [
                Figure("contribution", .money(f.contribution)), Figure("revenue", .money(f.revenue)),
                Figure("cogs", .money(f.cogs)), Figure("cost_to_serve", .money(f.costToServe)),
                Figure("boundary", .money(policy.quadrant.profitableContribution)),
            ]))
        }
        var frictionFigures = [Figure]()
        frictionFigures.reserveCapacity(5)
        frictionFigures += [Figure("friction", .number(friction.score)), Figure("boundary", .number(policy.quadrant.highFriction))]
        for part in friction.top(3) { frictionFigures.append(Figure(part.component.rawValue, .number(part.points))) }
        reasons.append(Reason(demanding ? .frictionHigh : .frictionLow, frictionFigures))

        // 2. Base verdict from the quadrant.
        switch quadrant {
        case .profitableEasy where f.revenue.cents == 0 && f.costToServe.cents == 0:
            // No activity in the window: nothing to nurture yet, nothing to act on.
            recommendation = .keep
        case .profitableEasy:
            recommendation = .nurture
            actions.append(.askForReferrals)
        case .profitableDemanding:
            recommendation = .keep
            actions += [.setBoundaries, .fixedContact]
        case .unprofitableEasy:
            recommendation = .keep
            actions += [.standardTier, .priceChange]
        case .unprofitableDemanding:
            if friction.score >= b.letGoFriction {
                recommendation = .letGo
                reasons.append(Reason(.letGoFriction, [Figure("friction", .number(friction.score)),
                                                       Figure("boundary", .number(b.letGoFriction)),
                                                       Figure("contribution", .money(f.contribution))]))
                actions.append(.frontDoorExit)
            } else {
                recommendation = .fix
                actions += [.priceChange, .scopeAgreement, .standardTier]
            }
        }

        // 3. Specific boundaries: each named when crossed.
        var paymentFix = false
        if f.avgDaysLate > b.lateDays {
            paymentFix = true
            reasons.append(Reason(.latePayment, [Figure("avg_days_late", .days(f.avgDaysLate)),
                                                 Figure("late_share", .ratio(f.lateShare)),
                                                 Figure("overdue", .money(f.overdue)),
                                                 Figure("boundary", .days(b.lateDays))]))
        }
        if f.shortPays >= b.shortPays && f.shortPays > 0 {
            paymentFix = true
            reasons.append(Reason(.shortPay, [Figure("short_pays", .count(f.shortPays)),
                                              Figure("open", .money(f.shortPaidOpen))]))
        }
        if f.aging.d90Plus > b.overdue90 {
            paymentFix = true
            reasons.append(Reason(.overdue90, [Figure("d90_plus", .money(f.aging.d90Plus)),
                                               Figure("boundary", .money(b.overdue90))]))
        }
        if paymentFix {
            actions += [.prepayment, .stricterTerms]
            if recommendation == .nurture || recommendation == .keep { recommendation = .fix }
        }
        if f.contacts >= policy.friction.selfCausedMinContacts, f.selfCausedShare >= b.selfCausedShare {
            reasons.append(Reason(.selfCaused, [Figure("self_caused_share", .ratio(f.selfCausedShare)),
                                                Figure("contacts", .count(f.contacts))]))
            if !actions.contains(.standardTier) { actions.append(.standardTier) }
        }
        if f.deviations > 0, demanding {
            reasons.append(Reason(.deviations, [Figure("deviations", .count(f.deviations)),
                                                Figure("deviation_cost", .money(f.deviationCost))]))
        }
        if let fit = f.valuesFit, fit < policy.valuesFit.minimum {
            reasons.append(Reason(.valuesFitLow, [Figure("values_fit", .ratio(fit)),
                                                  Figure("boundary", .ratio(policy.valuesFit.minimum))]))
        }
        if f.referrals >= b.ambassadorReferrals && f.referrals > 0 {
            reasons.append(Reason(.ambassador, [Figure("referrals", .count(f.referrals)),
                                                Figure("referred_revenue", .money(f.referredRevenue))]))
        }

        // 4. Dependency risk: letting go of a large share is a fix first.
        let dependent = f.revenueShare >= b.dependencyShare
        // Built only when named: this runs for every customer of the ledger.
        var dependencyFigures: [Figure] {
            [Figure("revenue_share", .ratio(f.revenueShare)), Figure("boundary", .ratio(b.dependencyShare)),
             Figure("revenue", .money(f.revenue)), Figure("replacement_months", .number(replacementMonths(f.revenue)))]
        }

        // 5. Red lines override the arithmetic.
        if let line = f.redLine {
            reasons.insert(Reason(.redLine, [Figure("kind", .text(line.kind.rawValue)),
                                             Figure("severity", .count(line.severity)),
                                             Figure("date", .date(line.date))]), at: 0)
            recommendation = .letGo
            actions = [.frontDoorExit]
            if dependent { reasons.append(Reason(.dependencyRisk, dependencyFigures)) }
        } else {
            if f.incidents > 0 {
                var figures = [Figure("incidents", .count(f.incidents)),
                               Figure("max_severity", .count(f.incidentMaxSeverity))]
                if let worst = f.worstIncident {
                    figures += [Figure("kind", .text(worst.kind.rawValue)), Figure("date", .date(worst.date))]
                }
                reasons.append(Reason(.incidents, figures))
            }
            if recommendation == .letGo, dependent {
                recommendation = .fix
                reasons.append(Reason(.dependency, dependencyFigures))
                actions = [.priceChange, .scopeAgreement, .setBoundaries, .fixedContact]
            } else if dependent {
                // A large share is worth knowing whatever the proposal.
                reasons.append(Reason(.dependencyRisk, dependencyFigures))
            }
            // 6. What the customer can still become: high expected value makes a let-go a fix.
            if recommendation == .letGo, let outlook, outlook.clv >= policy.value.highCLV {
                recommendation = .fix
                if let contract = outlook.contract {
                    reasons.append(Reason(.contractValue, [
                        Figure("clv", .money(outlook.clv)), Figure("horizon_weeks", .count(policy.value.horizonWeeks)),
                        Figure("monthly_revenue", .money(contract.monthlyRevenue)),
                        Figure("committed_until", .date(contract.committedUntil)),
                        Figure("renewal_chance", .ratio(contract.renewalChance)),
                        Figure("boundary", .money(policy.value.highCLV)),
                    ]))
                } else {
                    reasons.append(Reason(.futureValue, [
                        Figure("clv", .money(outlook.clv)), Figure("horizon_weeks", .count(policy.value.horizonWeeks)),
                        Figure("expected_purchases", .number(outlook.expectedPurchases)),
                        Figure("p_alive", .ratio(outlook.probabilityAlive)), Figure("boundary", .money(policy.value.highCLV)),
                    ]))
                }
                actions = [.priceChange, .scopeAgreement, .standardTier]
            }
        }
        // Asking for referrals fits a relationship that is going well, not one being fixed.
        if recommendation != .nurture { actions.removeAll { $0 == .askForReferrals } }
        var i = 1
        while i < actions.count {
            if actions[..<i].contains(actions[i]) { actions.remove(at: i) } else { i += 1 }
        }
        return Verdict(quadrant: quadrant, recommendation: recommendation, friction: friction,
                       reasons: reasons, actions: actions)
    }

    /// Months of revenue from new customers (at the past year's rate) needed to replace `revenue`.
    public func replacementMonths(_ revenue: Money) -> Double {
        let perMonth = portfolio.newRevenuePerMonth.cents
        guard perMonth > 0 else { return revenue.cents > 0 ? .infinity : 0 }
        return Double(revenue.cents) / Double(perMonth)
    }
}
