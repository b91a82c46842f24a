/// When a customer's data is due for erasure (GDPR/AVG art. 5(1)(e) storage limitation,
/// art. 17(1)(a): no longer necessary), by the firm's `PrivacyPolicy`.
///
/// The relationship ended on the latest date of anything held about the customer: its own
/// record (`since`, `contract_end`), invoices, payments, hours, contacts, deviations,
/// incidents, referrals it made, decisions and their audit trail, fix plans, boundary
/// notices, exits (a closed exit's end date, also when it lies ahead) and leave requests.
/// The access log is not activity: looking at or exporting data does not prolong keeping it.
///
/// The data is kept through `ended + retention_years` (calendar years; 29 February counts
/// as 28 February) and is past retention from the day after. A customer with a decision still
/// open, or with an open balance (it owes the firm money, FORMAT.md's open > 0.005), is never
/// due: the firm still needs the data for that decision or that claim. A customer without any
/// dated record cannot be placed in time and is not due either.
public struct RetentionStatus: Sendable, Equatable {
    /// Why a customer past retention is not due.
    public enum Blocker: Sendable, Equatable {
        case openDecision(decisionId: String, state: DecisionState)
        case openBalance(Money)
    }

    public var customerId: String
    /// The latest dated record; nil when there is none.
    public var relationshipEnded: Day?
    /// What that record is, e.g. `invoice I-17` or `exit end date`.
    public var endedBy: String?
    /// The last day the data is kept (`relationshipEnded + retention_years`).
    public var keptUntil: Day?
    /// Today is after `keptUntil`.
    public var isPastRetention: Bool
    public var blockers: [Blocker]

    /// Past retention and nothing holds the data back.
    public var isDue: Bool { isPastRetention && blockers.isEmpty }

    /// One factual line: when the relationship ended, until when data is kept, what blocks.
    public func text(_ language: Language) -> String {
        let fmt = Formatter(language)
        func L(_ en: String, _ nl: String) -> String { language == .nl ? nl : en }
        guard let ended = relationshipEnded, let until = keptUntil else {
            return L("No dated records: when the relationship ended is unknown.",
                     "Geen gedateerde gegevens: wanneer de relatie eindigde is onbekend.")
        }
        var text = L("Last record \(ended.iso) (\(endedBy ?? "")); kept until \(until.iso)",
                     "Laatste gegeven \(ended.iso) (\(endedBy ?? "")); bewaard tot en met \(until.iso)")
        text += isPastRetention ? L(", past retention since \((until + 1).iso).", ", bewaartermijn verstreken sinds \((until + 1).iso).")
                                : L(".", ".")
        for blocker in blockers {
            switch blocker {
            case .openDecision(let id, let state):
                text += L(" Decision \(id) is open (\(state.rawValue)).", " Besluit \(id) staat open (\(state.rawValue)).")
            case .openBalance(let amount):
                text += L(" \(fmt.money(amount)) is still open.", " Er staat nog \(fmt.money(amount)) open.")
            }
        }
        return text
    }
}

public enum RetentionRules {
    /// The retention status of one customer; nil when there is no such customer.
    public static func status(of customerId: String, records: LedgerRecords, workflow: WorkflowRecordSet,
                              policy: PrivacyPolicy, today: Day) -> RetentionStatus? {
        let index = CustomerRowIndex(records)
        guard index.rows[customerId]?.customer != nil else { return nil }
        return status(of: customerId, index: index, workflow: workflow.only(customerId: customerId), policy: policy,
                      today: today)
    }

    /// Every customer that is due, with its erasure plan, in customer order. A customer whose
    /// plan changes nothing (erased before, and nothing has aged past the tax period since) is
    /// left out.
    public static func due(records: LedgerRecords, workflow: WorkflowRecordSet, policy: PrivacyPolicy,
                           today: Day) -> [(status: RetentionStatus, plan: ErasurePlan)] {
        let index = CustomerRowIndex(records)
        let byCustomer = WorkflowByCustomer(workflow)
        var out = [(status: RetentionStatus, plan: ErasurePlan)]()
        for (row, customer) in records.customers.enumerated() where index.rows[customer.customerId]?.customer == row {
            let id = customer.customerId
            let own = byCustomer[id]
            let status = status(of: id, index: index, workflow: own, policy: policy, today: today)
            guard status.isDue, let plan = ErasurePlan(customerId: id, index: index, workflow: own, policy: policy, today: today),
                  plan.changesAnything else { continue }
            out.append((status, plan))
        }
        return out
    }

    static func status(of id: String, index: CustomerRowIndex, workflow w: WorkflowRecordSet, policy: PrivacyPolicy,
                       today: Day) -> RetentionStatus {
        let r = index.records
        let x = index.rows[id] ?? CustomerRowIndex.Rows()
        var latest: (day: Day, what: String)?
        func see(_ day: Day?, _ what: @autoclosure () -> String) {
            guard let day else { return }
            if latest == nil || day > latest!.day { latest = (day, what()) }
        }
        if let c = x.customer {
            see(r.customers[c].since, "since")
            see(r.customers[c].contractEnd, "contract_end")
        }
        for i in x.invoices { see(r.invoices[i].issueDate, "invoice \(r.invoices[i].invoiceId)") }
        for i in x.payments { see(r.payments[i].date, "payment \(r.payments[i].paymentId)") }
        for i in x.timeEntries { see(r.timeEntries[i].date, "time entry") }
        for i in x.contacts { see(r.contacts[i].date, "contact") }
        for i in x.deviations { see(r.deviations[i].date, "deviation") }
        for i in x.incidents { see(r.incidents[i].date, "incident") }
        for i in x.referrals { see(r.referrals[i].date, "referral") }
        for d in w.decisions {
            see(Day(timestamp: d.openedAt), "decision \(d.decisionId)")
            see(Day(timestamp: d.updatedAt), "decision \(d.decisionId)")
        }
        for e in w.events { see(Day(timestamp: e.at), "decision \(e.decisionId): \(e.step.rawValue)") }
        for p in w.fixPlans {
            see(p.start, "fix plan \(p.planId)")
            see(p.review, "fix plan review \(p.planId)")
        }
        for n in w.boundaryNotices { see(n.date, "boundary notice") }
        for e in w.exits {
            see(e.conversationDate, "exit conversation")
            for day in e.done.values { see(day, "exit checklist") }
            see(e.endDate, "exit end date")
        }
        for l in w.leaveRequests { see(l.date, "leave request") }

        var blockers = [RetentionStatus.Blocker]()
        for d in w.openDecisions { blockers.append(.openDecision(decisionId: d.decisionId, state: d.state)) }
        let open = index.openBalance(of: id, asOf: today)
        if open > .zero { blockers.append(.openBalance(open)) }
        let keptUntil = latest.map { $0.day.addingYears(policy.retentionYears) }
        return RetentionStatus(customerId: id, relationshipEnded: latest?.day, endedBy: latest?.what, keptUntil: keptUntil,
                               isPastRetention: keptUntil.map { today > $0 } ?? false, blockers: blockers)
    }
}

/// Workflow records grouped by customer in one pass.
struct WorkflowByCustomer {
    private var groups: [String: WorkflowRecordSet] = [:]

    init(_ w: WorkflowRecordSet) {
        for x in w.decisions { groups[x.customerId, default: .init()].decisions.append(x) }
        for x in w.events { groups[x.customerId, default: .init()].events.append(x) }
        for x in w.fixPlans { groups[x.customerId, default: .init()].fixPlans.append(x) }
        for x in w.boundaryNotices { groups[x.customerId, default: .init()].boundaryNotices.append(x) }
        for x in w.exits { groups[x.customerId, default: .init()].exits.append(x) }
        for x in w.leaveRequests { groups[x.customerId, default: .init()].leaveRequests.append(x) }
    }

    subscript(_ id: String) -> WorkflowRecordSet { groups[id] ?? WorkflowRecordSet() }
}
