/// The privacy audit trail (SPEC "Privacy"): every view of a customer's notes, every change to
/// what is held about a customer and every export or erasure of its data, with who and when.
/// Stored append-only by SnoeiStore (`access_log`), next to the decision audit trail.

/// What was done with a customer's data.
public enum AccessAction: String, Vocabulary {
    /// Someone read notes about the customer: incident or deviation notes, boundary notices,
    /// leave requests (a page or command that shows them).
    case viewNotes = "view_notes"
    /// The customer's data left Snoei: an art. 15 export or a hand-over export.
    case export
    /// The customer's data was erased or anonymised (art. 17).
    case erase
    /// What is held about the customer was added to or corrected by hand.
    case change
}

/// One row of the access log. Never updated or deleted.
public struct AccessLogEntry: Hashable, Sendable {
    /// ISO 8601 UTC timestamp.
    public var at: String
    public var actor: String
    public var action: AccessAction
    public var customerId: String
    /// What exactly: the page or command, the file written, the rows erased.
    public var detail: String?

    public init(at: String, actor: String, action: AccessAction, customerId: String, detail: String? = nil) {
        self.at = at; self.actor = actor; self.action = action; self.customerId = customerId; self.detail = detail
    }
}
