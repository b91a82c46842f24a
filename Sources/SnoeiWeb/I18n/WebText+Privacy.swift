/// The words of the privacy pages (GDPR/AVG), merged into `WebText.en` and `WebText.nl`.
extension WebText {
    static let privacyEn: [String: String] = [
        "privacy_link": "Everything held about this customer (GDPR art. 15)",
        "privacy_intro": "What the firm holds about this customer and what Snoei derives from it, as the customer may ask for it (right of access, GDPR art. 15): its records of every table, the firm's assessments and notes, the decisions with their audit trail, and the access log.",
        "privacy_logged": "Opening this overview was recorded in the customer's access log under your name, as an export.",
        "privacy_download": "Download as JSON (for the customer)",
        "privacy_contents": "Contents",
        "privacy_columns": "Column headings are the field names of the JSON download.",
    ]

    static let privacyNl: [String: String] = [
        "privacy_link": "Alles wat over deze klant is vastgelegd (AVG art. 15)",
        "privacy_intro": "Wat het bedrijf over deze klant bewaart en wat Snoei daaruit afleidt, zoals de klant het kan opvragen (recht op inzage, AVG art. 15): de gegevens uit elke tabel, de beoordelingen en notities van het bedrijf, de besluiten met hun audittrail en het toegangslogboek.",
        "privacy_logged": "Het openen van dit overzicht is onder uw naam als export vastgelegd in het toegangslogboek van de klant.",
        "privacy_download": "Downloaden als JSON (voor de klant)",
        "privacy_contents": "Inhoud",
        "privacy_columns": "De kolomkoppen zijn de veldnamen in de JSON-download.",
    ]
}
