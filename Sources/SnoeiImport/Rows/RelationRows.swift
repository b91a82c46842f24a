import SnoeiCore

/// referrals.csv: both sides must be known customers.
enum ReferralRows {
    static let schema = LedgerSchema.referrals

    static func parse(_ row: inout Row, _ state: inout ImportState) -> ReferralRecord? {
        let customer = row.customer(0, state)
        let referred = row.customer(1, state)
        let date = row.day(2)
        guard !row.failed, let customer, let referred, let date else { return nil }
        return ReferralRecord(customerId: customer, referredCustomerId: referred, date: date)
    }
}

/// values_fit.csv (optional, an addition to FORMAT.md): a 1–5 score per policy criterion.
enum ValuesFitRows {
    static let schema = LedgerSchema.valuesFit

    static func parse(_ row: inout Row, _ state: inout ImportState) -> ValuesFitRecord? {
        let customer = row.customer(0, state)
        let criterion = row.text(1)
        let score = row.grade(2)
        guard !row.failed, let customer, let criterion, let score else { return nil }
        return ValuesFitRecord(customerId: customer, criterion: criterion, score: score)
    }
}
