import Foundation

/// Column names that Dutch, Belgian and English exports use for each canonical field.
///
/// Names are compared normalised (`normalise`): lower case, accents removed, anything but
/// letters and digits turned into single spaces, so "Bedrag excl. BTW" = "bedrag excl btw".
/// For each field the first name present in a file wins; order therefore encodes
/// preference (the amount excluding VAT before a bare "bedrag").
enum HeaderSynonyms {
    static func normalise(_ header: String) -> String {
        let folded = header.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "en_US_POSIX"))
        var out = ""
        var space = false
        for c in folded.lowercased() {
            if c.isLetter || c.isNumber {
                if space, !out.isEmpty { out.append(" ") }
                out.append(c)
                space = false
            } else {
                space = true
            }
        }
        return out
    }

    static let customerId = ["customer id", "customer number", "customer no", "client id", "relatiecode", "relatienummer",
                             "klantnummer", "klantcode", "klant id", "debiteurnummer", "debiteurcode", "debiteur nr", "contact id"]
    static let customerName = ["customer name", "klantnaam", "relatienaam", "debiteur", "debiteurnaam", "klant", "relatie",
                               "customer", "client", "client name", "contact", "contact name", "opdrachtgever", "bedrijfsnaam", "naam"]
    static let date = ["date", "datum", "start date", "startdatum", "boekdatum", "day", "dag"]

    /// Synonyms per kind and field, besides the canonical name itself.
    static func names(kind: LedgerKind, field: String) -> [String] {
        let own = [normalise(field)]
        switch (kind, field) {
        case (.customers, "customer_id"): return own + customerId + ["code", "nummer", "nr"]
        case (.customers, "name"): return own + ["naam", "name", "customer name", "klantnaam", "relatienaam", "bedrijfsnaam",
                                                  "company name", "company", "bedrijf", "organisation", "organization", "debiteur"]
        case (.customers, "segment"): return own + ["branche", "sector", "industry", "categorie", "category"]
        case (.customers, "account_manager"): return own + ["accountmanager", "relatiebeheerder", "verkoper", "sales rep", "owner"]
        case (.customers, "since"): return own + ["klant sinds", "customer since", "aangemaakt op", "created at", "created"]
        case (.customers, "contract_end"): return own + ["einddatum contract", "contract end date", "einde contract"]
        case (.customers, "notice_days"): return own + ["opzegtermijn dagen", "opzegtermijn", "notice period days"]

        case (.invoices, "invoice_id"): return own + ["invoice number", "invoice no", "invoice id", "invoice", "factuurnummer",
                                                       "factuurnr", "factuur nr", "factuur", "documentnummer"]
        case (.invoices, "issue_date"): return own + ["invoice date", "factuurdatum", "documentdatum", "boekdatum", "datum", "date"]
        case (.invoices, "due_date"): return own + ["due date", "vervaldatum", "verloopdatum", "uiterste betaaldatum", "payment due date"]
        case (.invoices, "amount"): return own + ["bedrag excl btw", "bedrag exclusief btw", "totaal excl btw", "totaal exclusief btw",
                                                   "amount excl vat", "total excl vat", "total price excl tax", "net amount",
                                                   "netto bedrag", "subtotaal", "subtotal", "bedrag", "amount"]
        case (.invoices, "vat"): return own + ["btw bedrag", "btw", "vat amount", "total tax", "tax", "tax amount"]
        case (.invoices, "cost"): return own + ["kostprijs", "kosten", "inkoopwaarde", "cost of goods", "cost"]
        case (.invoices, "reference"): return own + ["betalingskenmerk", "kenmerk", "referentie", "payment reference", "reference"]

        case (.payments, "payment_id"): return own + ["payment id", "payment number", "betalingsnummer", "transactie id",
                                                       "transaction id", "volgnummer"]
        case (.payments, "date"): return own + ["payment date", "betaaldatum", "transactiedatum", "valutadatum"] + date
        case (.payments, "amount"): return own + ["betaald bedrag", "paid amount", "bedrag", "amount"]
        case (.payments, "invoice_id"): return own + ["factuurnummer", "invoice number", "invoice id", "invoice"]
        case (.payments, "reference"): return own + ["betalingskenmerk", "mededeling", "omschrijving", "description", "referentie"]

        case (.timeEntries, "date"): return own + date
        case (.timeEntries, "hours"): return own + ["duration decimal", "uren", "aantal uren", "hours", "duration", "duur", "tijd"]
        case (.timeEntries, "activity"): return own + ["activiteit", "werksoort", "soort", "type", "task", "taak", "tags", "tag",
                                                        "category", "categorie"]
        case (.timeEntries, "billable"): return own + ["billable", "declarabel", "factureerbaar", "facturabel"]
        case (.timeEntries, "employee"): return own + ["medewerker", "werknemer", "gebruiker", "user", "member", "employee name"]

        case (_, "customer_id"): return own + customerId
        case (_, CanonicalField.customerName): return own + customerName
        case (_, "date"): return own + date
        case (_, "channel"): return own + ["kanaal"]
        case (_, "kind"): return own + ["soort", "type"]
        case (_, "topic"): return own + ["onderwerp", "subject"]
        case (_, "self_caused"): return own + ["zelf veroorzaakt", "eigen schuld"]
        case (_, "cost"): return own + ["kosten", "bedrag"]
        case (_, "note"): return own + ["notitie", "opmerking", "toelichting", "notes", "omschrijving"]
        case (_, "severity"): return own + ["ernst", "zwaarte"]
        case (_, "referred_customer_id"): return own + ["doorverwezen klant", "referred customer"]
        case (_, "criterion"): return own + ["criterium"]
        default: return own
        }
    }
}
