public import SnoeiCore

/// An e-invoice (UBL 2.1 Invoice or CreditNote: SI-UBL 2.0, Peppol BIS Billing 3.0) as read,
/// before it is mapped onto the ledger.
public struct EInvoice: Sendable, Equatable {
    public enum Kind: String, Sendable { case invoice, creditNote = "credit note" }

    /// How the due date was found; anything but `.explicit` is reported to the user.
    public enum DueDateSource: Sendable, Equatable {
        case explicit
        /// From `cac:PaymentTerms` (its date, a settlement period or "30 dagen" in its note).
        case paymentTerms(String)
        /// No due date and no usable payment terms: due on the issue date.
        case issueDate
    }

    public var kind: Kind
    public var id: String
    public var issueDate: Day
    public var dueDate: Day
    public var dueDateSource: DueDateSource
    public var buyer: Party
    /// `LegalMonetaryTotal/TaxExclusiveAmount`, negative for a credit note.
    public var taxExclusive: Money
    /// `LegalMonetaryTotal/PayableAmount`, negative for a credit note: what the bank will show.
    public var payable: Money
    /// `PaymentMeans/PaymentID`: the payment reference the buyer is asked to quote.
    public var paymentId: String?
    public var customization: String?
    public var file: String
    public var line: Int
}

/// A trading party and the identifiers it carries.
public struct Party: Sendable, Equatable {
    public var name: String?
    public var identifiers: [PartyIdentifier]

    public init(name: String?, identifiers: [PartyIdentifier]) { self.name = name; self.identifiers = identifiers }
}

/// A registration number that names one company. Stored in `customer_identifiers`
/// (`scheme:value`) so a later invoice or payment finds the same customer.
public struct PartyIdentifier: Sendable, Hashable, CustomStringConvertible {
    public enum Scheme: String, Sendable, CaseIterable {
        /// Dutch Chamber of Commerce number (ISO 6523 ICD 0106), 8 digits.
        case kvk
        /// Belgian enterprise number (ICD 0208), 10 digits.
        case kbo
        /// VAT number with its country prefix (NL…B01, BE0…).
        case vat
        /// A bank account seen on the customer's payments (learnt from matches and assignments).
        case iban
    }

    public var scheme: Scheme
    public var value: String

    /// Normalises the value: upper case, without spaces, dots and dashes; a KBO number as
    /// its ten digits (a leading "BE" dropped).
    public init?(scheme: Scheme, value raw: String) {
        var v = String(raw.uppercased().filter { $0 != " " && $0 != "." && $0 != "-" })
        if scheme == .kbo, v.hasPrefix("BE") { v.removeFirst(2) }
        guard !v.isEmpty, v.count <= 40, v.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else { return nil }
        switch scheme {
        case .kvk: guard v.count == 8, v.allSatisfy(\.isNumber) else { return nil }
        case .kbo: guard v.count == 10, v.allSatisfy(\.isNumber) else { return nil }
        case .vat: guard v.count >= 4, v.prefix(2).allSatisfy(\.isLetter) else { return nil }
        case .iban: guard v.count >= 15, v.prefix(2).allSatisfy(\.isLetter) else { return nil }
        }
        self.scheme = scheme; self.value = v
    }

    /// `kvk:12345678`: the key in `customer_identifiers`.
    public var key: String { "\(scheme.rawValue):\(value)" }
    public var description: String { "\(scheme.rawValue.uppercased()) \(value)" }

    /// The ISO 6523 / EAS scheme codes used in SI-UBL and Peppol BIS.
    public static func scheme(forCode code: String?) -> Scheme? {
        switch code?.trimmingXMLSpace().uppercased() {
        case "0106", "NL:KVK": return .kvk
        case "0208", "BE:EN", "BE:CBE": return .kbo
        case "9944", "9925", "NL:VAT", "BE:VAT", "VAT": return .vat
        default: return nil
        }
    }
}
