/// Every workflow record (`WorkflowRecords.swift`) as one value: what the privacy export
/// shows and what retention and erasure look at. Partners are the firm's own list, not
/// customer data, and are not part of it.
public struct WorkflowRecordSet: Sendable, Equatable {
    public var decisions: [DecisionRecord]
    /// The decision audit trail, in the order it was written.
    public var events: [DecisionEvent]
    public var fixPlans: [FixPlanRecord]
    public var boundaryNotices: [BoundaryNotice]
    public var exits: [ExitRecord]
    public var leaveRequests: [LeaveRequest]

    public init(decisions: [DecisionRecord] = [], events: [DecisionEvent] = [], fixPlans: [FixPlanRecord] = [],
                boundaryNotices: [BoundaryNotice] = [], exits: [ExitRecord] = [], leaveRequests: [LeaveRequest] = []) {
        self.decisions = decisions; self.events = events; self.fixPlans = fixPlans
        self.boundaryNotices = boundaryNotices; self.exits = exits; self.leaveRequests = leaveRequests
    }

    /// The records about one customer, in the same order.
    public func only(customerId id: String) -> WorkflowRecordSet {
        WorkflowRecordSet(
            decisions: decisions.filter { $0.customerId == id }, events: events.filter { $0.customerId == id },
            fixPlans: fixPlans.filter { $0.customerId == id },
            boundaryNotices: boundaryNotices.filter { $0.customerId == id },
            exits: exits.filter { $0.customerId == id }, leaveRequests: leaveRequests.filter { $0.customerId == id })
    }

    public var isEmpty: Bool {
        decisions.isEmpty && events.isEmpty && fixPlans.isEmpty && boundaryNotices.isEmpty && exits.isEmpty
            && leaveRequests.isEmpty
    }

    /// Decisions still being worked on (not resolved or closed).
    public var openDecisions: [DecisionRecord] {
        decisions.filter { $0.state != .resolved && $0.state != .closed }
    }
}
