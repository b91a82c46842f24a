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

    public init(horizonWeeks: Int = 52, discountRate: Double = 0.10, highCLV: Money = Money(cents: 1_000_000)) {
        self.horizonWeeks = horizonWeeks; self.discountRate = discountRate; self.highCLV = highCLV
    }

    public static let standard = ValuePolicy()
}
