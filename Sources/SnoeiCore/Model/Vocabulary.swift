/// The closed vocabularies of FORMAT.md. Raw values are the canonical CSV spellings.

public protocol Vocabulary: CaseIterable, RawRepresentable, Hashable, Sendable where RawValue == String {}

extension Vocabulary {
    public static var spellings: String { allCases.map(\.rawValue).joined(separator: ", ") }
    /// Position in `allCases`, for small fixed-size per-kind counters in hot loops.
    ///
    /// A payload-free enum is stored as its case number in declaration order (Swift ABI,
    /// TypeLayout: "no-payload cases are numbered in declaration order"), which is also the
    /// order of `allCases`; reading that byte avoids a search per row. The slow path covers
    /// any layout that is not a single byte, and `VocabularyTests` checks both agree.
    @inlinable
    public var ordinal: Int {
        if MemoryLayout<Self>.size == 1 { return Int(unsafeBitCast(self, to: UInt8.self)) }
        return Array(Self.allCases).firstIndex(of: self)!
    }
}

public enum Activity: String, Vocabulary {
    case support, rework, meeting, sales, delivery, admin
}

public enum Channel: String, Vocabulary {
    case call, email, ticket, visit, chat
}

public enum ContactKind: String, Vocabulary {
    case question, complaint, changeRequest = "change_request"
}

public enum Topic: String, Vocabulary {
    case product, delivery, packaging, leadTime = "lead_time", communication
    case otherCustomers = "other_customers", price, other
}

public enum DeviationKind: String, Vocabulary {
    case discount, customPackaging = "custom_packaging", rushDelivery = "rush_delivery"
    case paymentTerms = "payment_terms", unpaidExtraWork = "unpaid_extra_work", other
}

public enum IncidentKind: String, Vocabulary {
    case intimidation, reviewThreat = "review_threat", coercion
    case brokenAgreement = "broken_agreement", legalThreat = "legal_threat", smear
    case abuseOfStaff = "abuse_of_staff", other
}
