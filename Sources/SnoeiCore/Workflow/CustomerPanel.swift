/// A critical but valuable customer: profitable, and tells the firm a lot about what could be
/// better (complaints and change requests in the past year).
public struct PanelCandidate: Hashable, Sendable {
    public var row: Int
    public var complaints: Int
    public var changeRequests: Int
    public var contribution: Money

    public init(row: Int, complaints: Int, changeRequests: Int, contribution: Money) {
        self.row = row; self.complaints = complaints; self.changeRequests = changeRequests; self.contribution = contribution
    }

    public var feedback: Int { complaints + changeRequests }
}

/// The customer panel (seed 001): critical but valuable customers invited to a feedback meeting.
public enum CustomerPanel {
    /// Customers with a positive contribution and at least `policy.panel.minFeedback` complaints
    /// plus change requests, without a red line; most feedback first, then the largest
    /// contribution, then row.
    public static func candidates(_ analysis: Analysis, limit: Int = 10) -> [PanelCandidate] {
        let minimum = analysis.policy.panel.minFeedback
        let found = analysis.customers.compactMap { f -> PanelCandidate? in
            let complaints = f.contactsByKind[ContactKind.complaint.ordinal]
            let changes = f.contactsByKind[ContactKind.changeRequest.ordinal]
            guard f.contribution.cents > 0, complaints + changes >= minimum, complaints + changes > 0,
                  f.redLine == nil else { return nil }
            return PanelCandidate(row: f.row, complaints: complaints, changeRequests: changes, contribution: f.contribution)
        }
        let sorted = found.sorted { a, b in
            if a.feedback != b.feedback { return a.feedback > b.feedback }
            if a.contribution != b.contribution { return a.contribution > b.contribution }
            return a.row < b.row
        }
        return Array(sorted.prefix(max(0, limit)))
    }

    /// A respectful invitation to the feedback meeting, signed with the firm's name when given.
    public static func invitation(name: String, language: Language, firmName: String? = nil) -> String {
        var text = WorkflowText.fill("panel.invitation", language, ["name": name])
        let signature = firmName.map(DecisionMachine.trimmed).flatMap { $0.isEmpty ? nil : $0 }
            ?? WorkflowText.text("leave.signature", language)
        text += "\n" + signature + "\n"
        return text
    }
}
