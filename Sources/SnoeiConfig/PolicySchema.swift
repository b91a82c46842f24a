import SnoeiCore

/// Names and plain-English explanations of the policy file's tables and keys, shared by the
/// renderer (comments) and the parser (error messages).
enum PolicySchema {
    static let hourlyRate = "hourly_rate"
    static let contactCost = "contact_cost"
    static let friction = "friction"
    static let weights = "weights"
    static let saturation = "saturation"
    static let selfCausedMinContacts = "self_caused_min_contacts"
    static let quadrant = "quadrant"
    static let boundaries = "boundaries"
    static let redLines = "red_lines"
    static let valuesFit = "values_fit"
    static let criteria = "criteria"
    static let exit = "exit"
    static let tiers = "tiers"
    static let panel = "panel"
    static let privacy = "privacy"
    static let value = "value"

    static let tables = [hourlyRate, contactCost, friction, quadrant, boundaries, redLines, valuesFit, exit, tiers, panel,
                         privacy, value]

    enum ExitKey {
        static let defaultNoticeDays = "default_notice_days"
    }

    enum TierKey {
        static let minRevenue = "min_revenue"
        static let contactPerson = "contact_person"
        static let capacityHours = "capacity_hours"
        static let all = [minRevenue, contactPerson, capacityHours]
    }

    enum PanelKey {
        static let minFeedback = "min_feedback"
    }

    enum PrivacyKey {
        static let retentionYears = "retention_years"
        static let taxRetentionYears = "tax_retention_years"
        static let all = [retentionYears, taxRetentionYears]
    }

    enum ValueKey {
        static let horizonWeeks = "horizon_weeks"
        static let discountRate = "discount_rate"
        static let highCLV = "high_clv"
        static let contractTermMonths = "contract_term_months"
        static let contractRetention = "contract_retention"
        static let all = [horizonWeeks, discountRate, highCLV, contractTermMonths, contractRetention]
    }

    /// Longest retention period accepted (years).
    static let maxRetentionYears = 100

    /// Longest notice period accepted (ten years, in days).
    static let maxNoticeDays = 3650

    enum QuadrantKey {
        static let profitableContribution = "profitable_contribution"
        static let highFriction = "high_friction"
    }

    enum BoundaryKey {
        static let letGoFriction = "let_go_friction"
        static let lateDays = "late_days"
        static let shortPays = "short_pays"
        static let overdue90 = "overdue_90"
        static let dependencyShare = "dependency_share"
        static let selfCausedShare = "self_caused_share"
        static let ambassadorReferrals = "ambassador_referrals"
        static let all = [letGoFriction, lateDays, shortPays, overdue90, dependencyShare, selfCausedShare, ambassadorReferrals]
    }

    enum RedLineKey {
        static let kinds = "kinds"
        static let minSeverity = "min_severity"
    }

    static let valuesFitMinimum = "minimum"

    /// Highest `red_lines.min_severity`: 6 means "by kind only", as severities go up to 5.
    static let severityOff = 6

    static func activity(_ a: Activity) -> String {
        switch a {
        case .support: "Euro per hour of support work (helping the customer with questions and problems)"
        case .rework: "Euro per hour of rework (doing work again because it was changed or rejected)"
        case .meeting: "Euro per hour of meetings with or about the customer"
        case .sales: "Euro per hour of sales work (quotes, negotiation, account management)"
        case .delivery: "Euro per hour of delivery work (doing the job the customer pays for)"
        case .admin: "Euro per hour of administration (invoicing, reminders, paperwork)"
        }
    }

    static func contactKind(_ k: ContactKind) -> String {
        switch k {
        case .question: "Euro per question handled (a call, e-mail, ticket, visit or chat)"
        case .complaint: "Euro per complaint handled"
        case .changeRequest: "Euro per change request handled"
        }
    }

    /// What a friction component measures (for its weight), and what its saturation means.
    static func component(_ c: FrictionComponent) -> (name: String, saturation: String) {
        switch c {
        case .contactsPerK:
            ("contacts per €1,000 revenue",
             "Contacts per €1,000 revenue at which this component counts fully (contacts per €1,000)")
        case .selfCaused:
            ("the self-caused share of contacts",
             "Share of contacts the customer could have avoided at which this component counts fully\n"
                + "(fraction from 0 to 1)")
        case .complaints:
            ("complaints in the past year",
             "Complaints in the past year at which this component counts fully (number of complaints)")
        case .changeRequests:
            ("change requests in the past year",
             "Change requests in the past year at which this component counts fully (number of requests)")
        case .deviations:
            ("deviations from the sales standards in the past year",
             "Deviations from the sales standards in the past year (extra discount, rush delivery, …)\n"
                + "at which this component counts fully (number of deviations)")
        case .incidents:
            ("the highest incident severity",
             "Highest incident severity at which this component counts fully (severity, 1 to 5)")
        case .lateness:
            ("the average days late",
             "Average days late, weighted by invoice amount, at which this component counts fully (days)")
        case .shortPays:
            ("short-paid invoices",
             "Short-paid invoices (paid in part, then no more) at which this component counts fully\n"
                + "(number of invoices)")
        }
    }

    static func incidentKindList() -> String { IncidentKind.allCases.map(\.rawValue).joined(separator: ", ") }
}
