/// How long the firm keeps what it holds about a customer (SPEC "Privacy"; GDPR/AVG art. 5(1)(e)
/// storage limitation and art. 17 erasure). `RetentionRules` applies it; `snoei privacy due`
/// lists the customers it makes due. Both periods are the firm's own setting: Snoei checks no
/// law, it only applies the numbers written here.
public struct PrivacyPolicy: Equatable, Sendable {
    /// Whole years after the relationship ended (its last dated record of any kind, or the end
    /// date of a closed exit) after which the customer's personal data is erased or anonymised.
    public var retentionYears: Int
    /// Whole years invoices and payments are kept after their own date, for the tax authorities.
    /// 7 is the Dutch *fiscale bewaarplicht*; other countries set other periods (Belgium's, for
    /// one, is reported to be 10 years since 2023), so set the period that applies to the firm.
    /// A firm that counts from the end of the financial year rather than from the invoice date
    /// can add one year to be safe.
    public var taxRetentionYears: Int

    public init(retentionYears: Int = 2, taxRetentionYears: Int = 7) {
        self.retentionYears = retentionYears; self.taxRetentionYears = taxRetentionYears
    }

    public static let standard = PrivacyPolicy()
}
