/// Forward-looking value (`CustomerValue`): how far ahead to look, how to discount, and when
/// expected value changes a proposal.
public struct ValuePolicy: Equatable, Sendable {
    /// The forecast period for expected purchases and lifetime value, in weeks.
    public var horizonWeeks: Int
    /// Yearly rate at which future revenue is discounted (0.10 = 10 %).
    public var discountRate: Double
    /// Lifetime value (discounted expected revenue over the horizon) at or above which a
    /// customer who costs more than it brings today is proposed "fix" rather than "let go":
    /// the relationship can still become profitable. Red lines are not affected.
    public var highCLV: Money
    /// Contracts and subscriptions (`ContractValue`): the length of one term in months, and the
    /// chance of renewing per term used when the firm has too few contracts (20) or too few
    /// ended ones (5) to fit retention by tenure.
    public var contractTermMonths: Int
    public var contractRetention: Double

    public init(horizonWeeks: Int = 52, discountRate: Double = 0.10, highCLV: Money = Money(cents: 1_000_000),
                contractTermMonths: Int = 12, contractRetention: Double = 0.85) {
        self.horizonWeeks = horizonWeeks; self.discountRate = discountRate; self.highCLV = highCLV
        self.contractTermMonths = contractTermMonths; self.contractRetention = contractRetention
    }

    public static let standard = ValuePolicy()
}
