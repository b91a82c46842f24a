/// The words of the unmatched-payments page, merged into `WebText.en` and `WebText.nl`.
extension WebText {
    static let paymentsEn: [String: String] = [
        "nav_payments": "Payments",
        "payments_title": "Unmatched payments",
        "payments_intro": "Credits from imported bank statements that no rule could tie to an invoice (structured reference, invoice number in the text, amount and account). They change no figure until someone assigns them; the payer's account is then remembered for the customer.",
        "payments_empty": "No unmatched payments.",
        "payments_total": "{n} unmatched payment(s), {amount} in all.",
        "payments_col_entry": "Entry", "payments_col_from": "From", "payments_col_reference": "Reference or text",
        "payments_col_assign": "Assign to",
        "payments_invoice": "Invoice", "payments_customer": "or customer (no invoice)",
        "payments_assign": "Assign",
        "payments_assigned": "Payment {entry} assigned.",
        "payments_more": "The oldest {n} are shown; assigning them brings up the next.",
    ]

    static let paymentsNl: [String: String] = [
        "nav_payments": "Betalingen",
        "payments_title": "Niet-gekoppelde betalingen",
        "payments_intro": "Bijschrijvingen uit ingelezen bankafschriften die geen regel aan een factuur kon koppelen (gestructureerde mededeling of betalingskenmerk, factuurnummer in de omschrijving, bedrag en rekening). Ze tellen in geen enkel cijfer mee tot iemand ze toewijst; de rekening van de betaler wordt dan bij de klant onthouden.",
        "payments_empty": "Geen niet-gekoppelde betalingen.",
        "payments_total": "{n} niet-gekoppelde betaling(en), samen {amount}.",
        "payments_col_entry": "Boeking", "payments_col_from": "Van", "payments_col_reference": "Kenmerk of omschrijving",
        "payments_col_assign": "Toewijzen aan",
        "payments_invoice": "Factuur", "payments_customer": "of klant (zonder factuur)",
        "payments_assign": "Toewijzen",
        "payments_assigned": "Betaling {entry} toegewezen.",
        "payments_more": "De oudste {n} staan hier; wie ze toewijst, krijgt de volgende te zien.",
    ]
}
