import SnoeiCore

/// Reads a UBL 2.1 `Invoice` or `CreditNote` (SI-UBL 2.0/NLCIUS and Peppol BIS Billing 3.0 are
/// profiles of it). Elements are found by namespace URI, so any prefix works.
public enum UBLReader {
    public static let invoiceNS = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"
    public static let creditNoteNS = "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2"
    static let cbc = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"
    static let cac = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"

    /// Whether a root element is a UBL invoice or credit note.
    public static func accepts(_ root: XMLNode) -> Bool {
        (root.namespace == invoiceNS && root.name == "Invoice") || (root.namespace == creditNoteNS && root.name == "CreditNote")
    }

    /// The invoice, or the problems that stop it (each naming file, line and column); a
    /// derived due date comes back as a warning next to the invoice.
    public static func read(_ root: XMLNode, file: String, currency: String = "EUR") -> (EInvoice?, [ImportProblem]) {
        var problems: [ImportProblem] = []
        func error(_ node: XMLNode, _ reason: String) {
            problems.append(ImportProblem(file: file, line: node.line, column: node.column, reason: reason))
        }
        guard accepts(root) else {
            error(root, "root element {\(root.namespace)}\(root.name) is not a UBL 2.1 Invoice or CreditNote")
            return (nil, problems)
        }
        let kind: EInvoice.Kind = root.name == "Invoice" ? .invoice : .creditNote
        func required(_ name: String) -> String? {
            guard let v = root.child(cbc, name)?.value else { error(root, "\(root.name) has no cbc:\(name)"); return nil }
            return v
        }
        let id = required("ID")
        var issue: Day?
        if let text = required("IssueDate") {
            issue = date(text)
            if issue == nil { error(root.child(cbc, "IssueDate")!, "IssueDate \(ImportText.quoted(text)) is not a date (YYYY-MM-DD)") }
        }
        if let code = root.child(cbc, "DocumentCurrencyCode")?.value, code != currency {
            error(root.child(cbc, "DocumentCurrencyCode")!, "the invoice is in \(code); Snoei holds amounts in \(currency)")
        }
        let totals = root.child(cac, "LegalMonetaryTotal")
        if totals == nil { error(root, "\(root.name) has no cac:LegalMonetaryTotal") }
        func amount(_ name: String) -> Money? {
            guard let totals else { return nil }
            guard let node = totals.child(cbc, name), let text = node.value else {
                error(totals, "LegalMonetaryTotal has no cbc:\(name)"); return nil
            }
            if let c = node.attribute("currencyID"), c != currency { error(node, "\(name) is in \(c); Snoei holds amounts in \(currency)") }
            guard let money = DecimalAmount.parse(text) else {
                error(node, "\(name) \(ImportText.quoted(text)) is not an amount with at most two decimals"); return nil
            }
            return money
        }
        let exclusive = amount("TaxExclusiveAmount")
        let payable = amount("PayableAmount")
        let buyer = BuyerReader.party(root.path(cac, "AccountingCustomerParty", "Party"))
        if buyer.identifiers.isEmpty && buyer.name == nil {
            error(root.child(cac, "AccountingCustomerParty") ?? root,
                  "the buyer has no KvK (0106), KBO (0208) or VAT number and no name")
        }
        guard let id, let issue, let exclusive, let payable, problems.isEmpty else { return (nil, problems) }

        let (due, source) = dueDate(root, issue: issue)
        if let due, due < issue {
            problems.append(ImportProblem(file: file, line: root.line, column: root.column,
                                          reason: "due date \(due.iso) is before the issue date \(issue.iso)", severity: .warning))
        }
        switch source {
        case .explicit: break
        case .paymentTerms(let how):
            problems.append(ImportProblem(file: file, line: root.line, column: root.column,
                                          reason: "\(id): no due date; derived from \(how): \(due!.iso)", severity: .warning))
        case .issueDate:
            problems.append(ImportProblem(file: file, line: root.line, column: root.column,
                                          reason: "\(id): no due date and no payment terms; due on the issue date \(issue.iso)", severity: .warning))
        }
        // A credit note states positive totals; FORMAT.md holds it as a negative invoice.
        let sign: Int64 = kind == .creditNote ? -1 : 1
        let paymentId = root.all(cac, "PaymentMeans").lazy.compactMap { $0.child(cbc, "PaymentID")?.value }.first
        let invoice = EInvoice(kind: kind, id: id, issueDate: issue, dueDate: due ?? issue, dueDateSource: source,
                               buyer: buyer, taxExclusive: Money(cents: exclusive.cents * sign),
                               payable: Money(cents: payable.cents * sign), paymentId: paymentId,
                               customization: root.child(cbc, "CustomizationID")?.value, file: file, line: root.line)
        return (invoice, problems)
    }

    /// `DueDate` (Invoice) or `PaymentMeans/PaymentDueDate` (CreditNote) as written; else
    /// from the payment terms: their date, a settlement period in days, or "30 dagen"/"30 days"
    /// in their note; else the issue date.
    static func dueDate(_ root: XMLNode, issue: Day) -> (Day?, EInvoice.DueDateSource) {
        if let d = root.child(cbc, "DueDate")?.value.flatMap(date) { return (d, .explicit) }
        for means in root.all(cac, "PaymentMeans") {
            if let d = means.child(cbc, "PaymentDueDate")?.value.flatMap(date) { return (d, .explicit) }
        }
        for terms in root.all(cac, "PaymentTerms") {
            if let d = terms.child(cbc, "PaymentDueDate")?.value.flatMap(date) { return (d, .paymentTerms("PaymentTerms/PaymentDueDate")) }
            if let period = terms.path(cac, "SettlementPeriod")?.child(cbc, "DurationMeasure"),
               period.attribute("unitCode").map({ ["DAY", "D"].contains($0.uppercased()) }) ?? true,
               let text = period.value, let days = Int(text), (0...3650).contains(days) {
                return (issue + days, .paymentTerms("PaymentTerms/SettlementPeriod (\(days) days)"))
            }
            for note in terms.all(cbc, "Note") {
                if let text = note.value, let days = daysInNote(text) {
                    return (issue + days, .paymentTerms("the payment terms \(ImportText.quoted(text))"))
                }
            }
        }
        return (nil, .issueDate)
    }

    /// The number of days in "Betaling binnen 30 dagen", "Net 14 days", "netto 30 dg".
    static func daysInNote(_ text: String) -> Int? {
        let words = text.lowercased().split { !$0.isLetter && !$0.isNumber }
        for (k, w) in words.enumerated() where k + 1 < words.count {
            if let n = Int(w), (0...3650).contains(n), ["dagen", "dag", "days", "day", "dg", "jours", "d"].contains(String(words[k + 1])) {
                return n
            }
        }
        return nil
    }

    /// `YYYY-MM-DD`, optionally followed by a time zone (`Z`, `+01:00`) as xs:date allows.
    static func date(_ text: String) -> Day? {
        let u = Array(text.utf8)
        guard u.count >= 10 else { return nil }
        if u.count > 10, !["Z", "+", "-"].contains(Character(Unicode.Scalar(u[10]))) { return nil }
        return Day.parse(iso: Array(u[0..<10]))
    }
}

/// The buyer's name and identifiers, wherever SI-UBL and Peppol put them: `EndpointID`,
/// `PartyIdentification/ID`, `PartyLegalEntity/CompanyID` (by `schemeID`) and
/// `PartyTaxScheme/CompanyID` (a VAT number).
enum BuyerReader {
    static func party(_ party: XMLNode?) -> Party {
        guard let party else { return Party(name: nil, identifiers: []) }
        let cbc = UBLReader.cbc, cac = UBLReader.cac
        var ids: [PartyIdentifier] = []
        func add(_ node: XMLNode?, default fallback: PartyIdentifier.Scheme? = nil) {
            guard let node, let value = node.value else { return }
            let code = node.attribute("schemeID")
            guard let scheme = PartyIdentifier.scheme(forCode: code) ?? (code == nil ? fallback : nil) ?? guess(value),
                  let id = PartyIdentifier(scheme: scheme, value: value), !ids.contains(id) else { return }
            ids.append(id)
        }
        add(party.child(cbc, "EndpointID"))
        for p in party.all(cac, "PartyIdentification") { add(p.child(cbc, "ID")) }
        for p in party.all(cac, "PartyLegalEntity") { add(p.child(cbc, "CompanyID")) }
        for p in party.all(cac, "PartyTaxScheme") { add(p.child(cbc, "CompanyID"), default: .vat) }
        let name = party.path(cac, "PartyName")?.child(cbc, "Name")?.value
            ?? party.path(cac, "PartyLegalEntity")?.child(cbc, "RegistrationName")?.value
        return Party(name: name, identifiers: ids)
    }

    /// A VAT number is recognisable by itself (two letters then digits); other bare numbers
    /// without a scheme are not guessed.
    private static func guess(_ value: String) -> PartyIdentifier.Scheme? {
        let v = value.uppercased().filter { $0 != " " && $0 != "." }
        if (v.hasPrefix("NL") && v.count == 14) || (v.hasPrefix("BE") && v.count == 12) { return .vat }
        return nil
    }
}
