/// The words of future value (expected purchases, chance of being active, lifetime value),
/// merged into `WebText.en` and `WebText.nl`.
extension WebText {
    static let valueEn: [String: String] = [
        "card_clv": "Lifetime value ahead",
        "card_clv_note": "Expected revenue over the next {weeks} weeks, discounted",
        "card_p_alive": "Chance still active",
        "fig_clv": "lifetime value", "fig_p_alive": "chance still active",
        "fig_expected_purchases": "expected purchases", "fig_horizon_weeks": "weeks ahead",
    ]

    static let valueNl: [String: String] = [
        "card_clv": "Verwachte klantwaarde",
        "card_clv_note": "Verwachte omzet over de komende {weeks} weken, verdisconteerd",
        "card_p_alive": "Kans nog actief",
        "fig_clv": "klantwaarde", "fig_p_alive": "kans nog actief",
        "fig_expected_purchases": "verwachte aankopen", "fig_horizon_weeks": "weken vooruit",
    ]
}
