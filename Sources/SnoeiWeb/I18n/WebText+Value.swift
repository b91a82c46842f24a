/// The words of future value (expected purchases, chance of being active, lifetime value),
/// merged into `WebText.en` and `WebText.nl`.
extension WebText {
    static let valueEn: [String: String] = [
        "card_clv": "Lifetime value ahead",
        "card_clv_note": "Expected revenue over the next {weeks} weeks, discounted",
        "card_p_alive": "Chance still active",
        "fig_clv": "lifetime value", "fig_p_alive": "chance still active",
        "fig_expected_purchases": "expected purchases", "fig_horizon_weeks": "weeks ahead",
        "matrix_axis": "Vertical axis:", "matrix_axis_contribution": "contribution", "matrix_axis_value": "lifetime value",
        "matrix_y_value": "Lifetime value ahead", "col_clv": "lifetime value",
        "matrix_value_high_easy": "High value, low friction", "matrix_value_high_demanding": "High value, demanding",
        "matrix_value_low_easy": "Lower value, low friction", "matrix_value_low_demanding": "Lower value, demanding",
        "matrix_text_value": "One dot per customer: lifetime value over the next {weeks} weeks against friction. The lines are the policy's boundaries (friction {friction}, lifetime value {boundary}). Open a customer by clicking its dot.",
        "card_contract_value": "Contract value ahead",
        "card_contract_note": "Revenue over the next {weeks} weeks by retention, discounted; binds until {date}",
        "card_contract_ended": "The contract has ended",
        "card_renewal_chance": "Chance of the next renewal",
        "fig_monthly_revenue": "a month", "fig_committed_until": "binds until", "fig_renewal_chance": "chance of renewal",
    ]

    static let valueNl: [String: String] = [
        "card_clv": "Verwachte klantwaarde",
        "card_clv_note": "Verwachte omzet over de komende {weeks} weken, verdisconteerd",
        "card_p_alive": "Kans nog actief",
        "fig_clv": "klantwaarde", "fig_p_alive": "kans nog actief",
        "fig_expected_purchases": "verwachte aankopen", "fig_horizon_weeks": "weken vooruit",
        "matrix_axis": "Verticale as:", "matrix_axis_contribution": "bijdrage", "matrix_axis_value": "klantwaarde",
        "matrix_y_value": "Verwachte klantwaarde", "col_clv": "klantwaarde",
        "matrix_value_high_easy": "Hoge waarde, weinig frictie", "matrix_value_high_demanding": "Hoge waarde, veeleisend",
        "matrix_value_low_easy": "Lagere waarde, weinig frictie", "matrix_value_low_demanding": "Lagere waarde, veeleisend",
        "matrix_text_value": "Eén stip per klant: verwachte klantwaarde over de komende {weeks} weken tegen frictie. De lijnen zijn de grenzen uit het beleid (frictie {friction}, klantwaarde {boundary}). Klik op een stip om de klant te openen.",
        "card_contract_value": "Verwachte contractwaarde",
        "card_contract_note": "Omzet over de komende {weeks} weken naar verlengingskans, verdisconteerd; loopt vast tot {date}",
        "card_contract_ended": "Het contract is afgelopen",
        "card_renewal_chance": "Kans op de volgende verlenging",
        "fig_monthly_revenue": "per maand", "fig_committed_until": "loopt vast tot", "fig_renewal_chance": "kans op verlenging",
    ]
}
