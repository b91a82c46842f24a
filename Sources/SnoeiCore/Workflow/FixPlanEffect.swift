/// A figure before and after, and the change.
public struct EffectChange<Value: AdditiveArithmetic & Equatable & Sendable>: Equatable, Sendable {
    public var before: Value
    public var after: Value
    public init(before: Value, after: Value) { self.before = before; self.after = after }
    /// `after − before`.
    public var change: Value { after - before }
}

/// What a fix plan did for one customer: its figures as of the plan's start and as of its
/// review date, each computed exactly as `Analysis` does (the 365 days up to each date).
public struct FixPlanEffect: Sendable {
    /// One line of the comparison, for tables: a figure code, before, after, change, and whether
    /// the change is an improvement (nil when nothing changed).
    public struct Row: Equatable, Sendable {
        public var name: String
        public var before: FigureValue
        public var after: FigureValue
        public var change: FigureValue
        public var improved: Bool?

        /// The figure's name in the language (`WorkflowText` `effect.*`).
        public func label(_ language: Language) -> String { WorkflowText.text("effect.\(name)", language) }
    }

    public var customerId: String
    public var row: Int
    public var start: Day
    public var review: Day
    public var contribution: EffectChange<Money>
    public var friction: EffectChange<Double>
    public var avgDaysLate: EffectChange<Double>
    public var overdue: EffectChange<Money>
    public var hours: EffectChange<MilliHours>
    public var contacts: EffectChange<Int>
    /// All figures of the customer at both dates.
    public var figuresBefore: CustomerFigures
    public var figuresAfter: CustomerFigures

    /// Throws `LedgerError` when the ledger has no customer `customerId`.
    public init(ledger: Ledger, policy: Policy, customerId: String, start: Day, review: Day) throws {
        guard let row = ledger.customers.ids.firstIndex(of: customerId) else {
            throw LedgerError(description: "no customer \(customerId) in the ledger")
        }
        let before = FigureCalculator(ledger: ledger, policy: policy, asOf: start).customerFigures()[row]
        let after = FigureCalculator(ledger: ledger, policy: policy, asOf: review).customerFigures()[row]
        self.customerId = customerId; self.row = row; self.start = start; self.review = review
        figuresBefore = before; figuresAfter = after
        contribution = EffectChange(before: before.contribution, after: after.contribution)
        friction = EffectChange(before: FrictionScore.compute(before, policy: policy.friction).score,
                                after: FrictionScore.compute(after, policy: policy.friction).score)
        avgDaysLate = EffectChange(before: before.avgDaysLate, after: after.avgDaysLate)
        overdue = EffectChange(before: before.overdue, after: after.overdue)
        hours = EffectChange(before: before.hours, after: after.hours)
        contacts = EffectChange(before: before.contacts, after: after.contacts)
    }

    /// The six figures in a fixed order. Higher is better for contribution; lower for the rest.
    public var rows: [Row] {
        func row<V>(_ name: String, _ c: EffectChange<V>, _ value: (V) -> FigureValue, higherIsBetter: Bool,
                    _ less: (V, V) -> Bool) -> Row {
            let improved: Bool? = c.before == c.after ? nil : (higherIsBetter ? less(c.before, c.after) : less(c.after, c.before))
            return Row(name: name, before: value(c.before), after: value(c.after), change: value(c.change), improved: improved)
        }
        return [
            row("contribution", contribution, { .money($0) }, higherIsBetter: true, <),
            row("friction", friction, { .number($0) }, higherIsBetter: false, <),
            row("avg_days_late", avgDaysLate, { .days($0) }, higherIsBetter: false, <),
            row("overdue", overdue, { .money($0) }, higherIsBetter: false, <),
            row("hours", hours, { .number(Double($0) / 1000) }, higherIsBetter: false, <),
            row("contacts", contacts, { .count($0) }, higherIsBetter: false, <),
        ]
    }
}
