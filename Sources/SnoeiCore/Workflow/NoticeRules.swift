/// Notice and end dates, honoured in the spirit of the contract (seed 004), both when the firm
/// ends a relationship and when a customer asks to leave.

/// When an exit the firm starts ends.
public struct ExitDates: Hashable, Sendable {
    /// The day of the conversation in which the customer is told (the notice is given).
    public var conversation: Day
    public var noticeDays: Int
    /// `conversation + noticeDays`: the end of the full notice period. The firm ends nothing
    /// before this day unless the customer asks for it.
    public var earliestEnd: Day
    public var contractEnd: Day?
    /// The later of `earliestEnd` and the contract end.
    public var proposedEnd: Day
    /// Codes in `WorkflowText` (`notice.*`, `exit.*`), in reading order; `text(_:)` renders them.
    public var explanation: [String]

    public init(conversation: Day, noticeDays: Int, earliestEnd: Day, contractEnd: Day?, proposedEnd: Day, explanation: [String]) {
        self.conversation = conversation; self.noticeDays = noticeDays; self.earliestEnd = earliestEnd
        self.contractEnd = contractEnd; self.proposedEnd = proposedEnd; self.explanation = explanation
    }

    /// The explanation as sentences.
    public func text(_ language: Language) -> [String] {
        let f = Formatter(language)
        var values = ["notice_days": String(noticeDays), "conversation": f.date(conversation),
                      "earliest_end": f.date(earliestEnd), "proposed_end": f.date(proposedEnd)]
        if let contractEnd { values["contract_end"] = f.date(contractEnd) }
        return explanation.map { WorkflowText.fill($0, language, values) }
    }
}

/// When a customer who asked to leave can go.
public struct LeaveDates: Hashable, Sendable {
    /// The earliest fair end date: never later than `requestDate + noticeDays`.
    public var earliestEnd: Day
    public var noticeDays: Int
    /// Always true: a request by any ordinary channel counts ("no registered-letter tricks").
    public var acceptedChannel: Bool
    /// Codes in `WorkflowText` (`notice.*`, `leave.*`), in reading order.
    public var explanation: [String]
    public var requestDate: Day
    public var requestChannel: Channel
    /// The channel the contract names for notice, when it names one.
    public var requiredChannel: String?
    public var contractEnd: Day?

    public init(earliestEnd: Day, noticeDays: Int, acceptedChannel: Bool = true, explanation: [String], requestDate: Day,
                requestChannel: Channel, requiredChannel: String? = nil, contractEnd: Day? = nil) {
        self.earliestEnd = earliestEnd; self.noticeDays = noticeDays; self.acceptedChannel = acceptedChannel
        self.explanation = explanation; self.requestDate = requestDate; self.requestChannel = requestChannel
        self.requiredChannel = requiredChannel; self.contractEnd = contractEnd
    }

    /// Whether the contract names another channel than the one the request came by.
    public var channelWaived: Bool { explanation.contains(NoticeRules.Code.requiredChannelWaived) }

    public func text(_ language: Language) -> [String] {
        let f = Formatter(language)
        var values = ["notice_days": String(noticeDays), "earliest_end": f.date(earliestEnd),
                      "request_date": f.date(requestDate), "request_channel": WorkflowText.by(requestChannel, language)]
        if let contractEnd { values["contract_end"] = f.date(contractEnd) }
        if let requiredChannel { values["required_channel"] = WorkflowText.cancelChannel(requiredChannel, language) }
        return explanation.map { WorkflowText.fill($0, language, values) }
    }
}

public enum NoticeRules {
    /// The explanation codes.
    public enum Code {
        public static let noticeFromCustomer = "notice.from_customer"
        public static let noticePolicyDefault = "notice.policy_default"
        public static let exitNoticePeriod = "exit.notice_period"
        public static let exitContractRunsLonger = "exit.contract_runs_longer"
        public static let exitContractEndsWithinNotice = "exit.contract_ends_within_notice"
        public static let exitEarlierAtNoCost = "exit.earlier_at_no_cost"
        public static let leaveNoticeEnd = "leave.notice_end"
        public static let leaveContractEndsEarlier = "leave.contract_ends_earlier"
        public static let leaveContractEndPassed = "leave.contract_end_passed"
        public static let anyChannelCounts = "leave.any_channel_counts"
        public static let requiredChannelWaived = "leave.required_channel_waived"
    }

    /// The customer's notice period, or the policy's default when the record names none
    /// (a negative value in the record counts as none).
    public static func noticeDays(_ customer: CustomerRecord, policy: Policy) -> (days: Int, fromCustomer: Bool) {
        if let d = customer.noticeDays, d >= 0 { return (d, true) }
        return (max(0, policy.exit.defaultNoticeDays), false)
    }

    /// The firm ends the relationship: the customer keeps the full notice period from the day of
    /// the conversation, and the rest of the contract when it runs longer; it may leave earlier,
    /// at no cost, when that suits it.
    public static func firmExit(customer: CustomerRecord, conversation: Day, policy: Policy) -> ExitDates {
        let (days, fromCustomer) = noticeDays(customer, policy: policy)
        var explanation = [fromCustomer ? Code.noticeFromCustomer : Code.noticePolicyDefault]
        let noticeEnd = conversation + days
        var proposed = noticeEnd
        if let end = customer.contractEnd, end > noticeEnd {
            proposed = end
            explanation.append(Code.exitContractRunsLonger)
        } else {
            explanation.append(Code.exitNoticePeriod)
            if let end = customer.contractEnd, end >= conversation, end < noticeEnd {
                explanation.append(Code.exitContractEndsWithinNotice)
            }
        }
        explanation.append(Code.exitEarlierAtNoCost)
        return ExitDates(conversation: conversation, noticeDays: days, earliestEnd: noticeEnd,
                         contractEnd: customer.contractEnd, proposedEnd: proposed, explanation: explanation)
    }

    /// The customer asks to leave: the earliest fair end date is the request date plus the notice
    /// period, or the contract end when that comes first. A request by any ordinary channel
    /// counts, whatever channel the contract names (a registered letter is never required).
    public static func customerLeave(customer: CustomerRecord, request: LeaveRequest, policy: Policy) -> LeaveDates {
        let (days, fromCustomer) = noticeDays(customer, policy: policy)
        var explanation = [fromCustomer ? Code.noticeFromCustomer : Code.noticePolicyDefault]
        let noticeEnd = request.date + days
        var earliest = noticeEnd
        if let end = customer.contractEnd, end >= request.date, end < noticeEnd {
            earliest = end
            explanation.append(Code.leaveContractEndsEarlier)
        } else {
            explanation.append(Code.leaveNoticeEnd)
            if let end = customer.contractEnd, end < request.date { explanation.append(Code.leaveContractEndPassed) }
        }
        explanation.append(Code.anyChannelCounts)
        var required: String?
        if let raw = customer.cancelChannel.map(DecisionMachine.trimmed), !raw.isEmpty {
            required = raw
            if raw.lowercased() != request.channel.rawValue { explanation.append(Code.requiredChannelWaived) }
        }
        return LeaveDates(earliestEnd: earliest, noticeDays: days, acceptedChannel: true, explanation: explanation,
                          requestDate: request.date, requestChannel: request.channel, requiredChannel: required,
                          contractEnd: customer.contractEnd)
    }
}
