/// What people decide and do about customers: stored by SnoeiStore, shown by the CLI and
/// the web app. Snoei proposes; these records hold what a person decided (GDPR art. 22).
/// Timestamps are ISO 8601 text (UTC) so they sort and round-trip through any database.

/// Where a decision about one customer stands.
///
///     proposed ──confirm/change──▶ fix_plan ──resolve──▶ resolved (kept)
///        │  └──confirm/change──▶ exit ──close──▶ closed      │
///        └──reject / keep──▶ resolved        fix_plan ──exit──▶ exit
public enum DecisionState: String, Vocabulary {
    case proposed
    case fixPlan = "fix_plan"
    case resolved
    case exit
    case closed
}

/// What a person did to a decision; every step is one event in the append-only audit trail.
public enum DecisionStep: String, Vocabulary {
    /// The person agrees with Snoei's proposal.
    case confirm
    /// The person chooses a different outcome than proposed.
    case change
    /// The person rejects the proposal: the customer stays as is.
    case reject
    /// A fix plan worked: the relationship is kept.
    case resolve
    /// A fix plan did not work: the relationship ends, through the front door.
    case startExit = "start_exit"
    /// The exit is complete.
    case close
}

/// One row of the audit trail: who did what to which decision, when and why. Never updated
/// or deleted.
public struct DecisionEvent: Hashable, Sendable {
    public var decisionId: String
    public var customerId: String
    /// ISO 8601 UTC timestamp.
    public var at: String
    public var actor: String
    public var step: DecisionStep
    public var from: DecisionState
    public var to: DecisionState
    /// What Snoei proposed at the time of the step.
    public var proposed: Recommendation
    /// What the person chose (for confirm/change/reject).
    public var chosen: Recommendation?
    public var reason: String

    public init(decisionId: String, customerId: String, at: String, actor: String, step: DecisionStep,
                from: DecisionState, to: DecisionState, proposed: Recommendation, chosen: Recommendation?, reason: String) {
        self.decisionId = decisionId; self.customerId = customerId; self.at = at; self.actor = actor; self.step = step
        self.from = from; self.to = to; self.proposed = proposed; self.chosen = chosen; self.reason = reason
    }
}

/// The current state of a decision (derived from its events, stored for quick lists).
public struct DecisionRecord: Hashable, Sendable {
    public var decisionId: String
    public var customerId: String
    public var state: DecisionState
    public var proposed: Recommendation
    public var chosen: Recommendation?
    public var openedAt: String
    public var updatedAt: String

    public init(decisionId: String, customerId: String, state: DecisionState, proposed: Recommendation,
                chosen: Recommendation?, openedAt: String, updatedAt: String) {
        self.decisionId = decisionId; self.customerId = customerId; self.state = state; self.proposed = proposed
        self.chosen = chosen; self.openedAt = openedAt; self.updatedAt = updatedAt
    }
}

/// Kinds of boundary a firm tells a customer about.
public enum BoundaryKind: String, Vocabulary {
    /// Pay within the payment term.
    case paymentTerms = "payment_terms"
    /// Pay invoices in full.
    case fullPayment = "full_payment"
    /// Extra work only with an agreed budget.
    case scope
    /// Respectful behaviour towards staff.
    case behaviour
    /// Questions through the agreed channel and contact person.
    case contactChannel = "contact_channel"
}

/// That (and how, and by whom) a boundary was told to a customer. Breaches are counted
/// only after this date.
public struct BoundaryNotice: Hashable, Sendable {
    public var customerId: String
    public var kind: BoundaryKind
    public var date: Day
    public var channel: Channel
    public var by: String
    public var note: String?

    public init(customerId: String, kind: BoundaryKind, date: Day, channel: Channel, by: String, note: String? = nil) {
        self.customerId = customerId; self.kind = kind; self.date = date; self.channel = channel; self.by = by; self.note = note
    }
}

/// Outcome of a fix plan at its review.
public enum FixOutcome: String, Vocabulary {
    case worked
    case partly
    case failed
}

/// "Do everything to make it a good relationship first": actions, an owner and a review date.
public struct FixPlanRecord: Hashable, Sendable {
    public var planId: String
    public var decisionId: String
    public var customerId: String
    public var actions: [SuggestedAction]
    public var owner: String
    public var start: Day
    public var review: Day
    public var outcome: FixOutcome?
    public var note: String?

    public init(planId: String, decisionId: String, customerId: String, actions: [SuggestedAction], owner: String,
                start: Day, review: Day, outcome: FixOutcome? = nil, note: String? = nil) {
        self.planId = planId; self.decisionId = decisionId; self.customerId = customerId; self.actions = actions
        self.owner = owner; self.start = start; self.review = review; self.outcome = outcome; self.note = note
    }
}

/// A firm the customer can be referred to: the firm's own partner list.
public struct PartnerRecord: Hashable, Sendable {
    public var partnerId: String
    public var name: String
    /// What the partner is good at, as topics and free words (matched against what the
    /// customer keeps asking for).
    public var specialities: [String]
    public var contact: String?
    public var note: String?

    public init(partnerId: String, name: String, specialities: [String], contact: String? = nil, note: String? = nil) {
        self.partnerId = partnerId; self.name = name; self.specialities = specialities; self.contact = contact; self.note = note
    }
}

/// The steps of an exit through the front door, each ticked off on the exit board.
public enum ExitStep: String, Vocabulary {
    case conversationPlanned = "conversation_planned"
    case conversationHeld = "conversation_held"
    case referralMade = "referral_made"
    case noticeConfirmed = "notice_confirmed"
    case finalInvoice = "final_invoice"
    case handover
    case dataExport = "data_export"
}

public struct ExitRecord: Hashable, Sendable {
    public var decisionId: String
    public var customerId: String
    public var partnerId: String?
    public var conversationDate: Day?
    public var endDate: Day?
    /// Steps done, with the day they were done.
    public var done: [ExitStep: Day]

    public init(decisionId: String, customerId: String, partnerId: String? = nil, conversationDate: Day? = nil,
                endDate: Day? = nil, done: [ExitStep: Day] = [:]) {
        self.decisionId = decisionId; self.customerId = customerId; self.partnerId = partnerId
        self.conversationDate = conversationDate; self.endDate = endDate; self.done = done
    }
}

/// A customer who asked to leave.
public struct LeaveRequest: Hashable, Sendable {
    public var customerId: String
    public var date: Day
    public var channel: Channel
    public var note: String?

    public init(customerId: String, date: Day, channel: Channel, note: String? = nil) {
        self.customerId = customerId; self.date = date; self.channel = channel; self.note = note
    }
}
