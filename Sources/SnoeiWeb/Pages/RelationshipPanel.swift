import SnoeiCore

/// Fix plan, boundaries and a leave request on the customer page.
struct RelationshipPanel {
    let chrome: PageChrome
    let snapshot: Snapshot
    let row: Int
    let decision: DecisionRecord?
    let plan: FixPlanRecord?
    let notices: [BoundaryNotice]
    let latestLeave: LeaveRequest?
    let showLeave: Bool

    func context() -> [String: Any] {
        let a = snapshot.analysis
        let id = a.ledger.customers.ids[row]
        let t = TextRenderer(chrome.language)
        let f = t.format
        let href = customerHref(id)
        let channels = Channel.allCases.map { ["value": $0.rawValue, "label": t.term($0.rawValue)] }
        var ctx: [String: Any] = [
            "boundaryAction": href + "/boundaries", "leaveAction": href + "/leave", "channels": channels,
            "boundaryKinds": BoundaryKind.allCases.map { ["value": $0.rawValue, "label": chrome.t("boundary_" + $0.rawValue)] },
            "hasNotices": !notices.isEmpty,
            "notices": notices.map {
                chrome.t("boundaries_notice", ["date": f.date($0.date), "kind": chrome.t("boundary_" + $0.kind.rawValue),
                                               "by": $0.by, "channel": t.term($0.channel.rawValue)])
            },
        ]
        let breaches = BoundaryBreaches.find(notices: notices, row: row, analysis: a, records: snapshot.records)
        ctx["hasBreaches"] = !breaches.isEmpty
        ctx["breaches"] = breaches.prefix(20).map { $0.text(chrome.language) }
        if decision?.state == .fixPlan {
            var fix: [String: Any] = ["action": href + "/fixplan"]
            if let plan {
                let end = min(a.asOf, plan.review)
                let effect = end > plan.start
                    ? try? FixPlanEffect(ledger: a.ledger, policy: a.policy, customerId: id, start: plan.start, review: end) : nil
                var p: [String: Any] = [
                    "summary": chrome.t("fixplan_summary", ["actions": plan.actions.map { t.label($0) }.joined(separator: ", "),
                                                            "owner": plan.owner, "review": f.date(plan.review)])
                        + (plan.outcome.map { " " + chrome.t("fixplan_outcome_done", ["outcome": chrome.t("outcome_" + $0.rawValue)]) } ?? ""),
                    "needsOutcome": plan.outcome == nil,
                    "outcomes": FixOutcome.allCases.map { ["value": $0.rawValue, "label": chrome.t("outcome_" + $0.rawValue)] },
                    "hasEffect": effect != nil,
                ]
                if let effect {
                    p["effect"] = effect.rows.map {
                        ["label": $0.label(chrome.language), "before": f.figure($0.before), "after": f.figure($0.after),
                         "change": f.figure($0.change)]
                    }
                }
                fix["plan"] = p
            } else {
                let suggested = Set(a.verdicts[row].actions)
                fix["actions"] = SuggestedAction.allCases.filter { $0 != .askForReferrals && $0 != .frontDoorExit }.map {
                    ["value": $0.rawValue, "label": t.label($0), "checked": suggested.contains($0)] as [String: Any]
                }
                fix["defaultReview"] = (a.asOf + 90).iso
            }
            ctx["fixPlan"] = fix
        }
        if showLeave, let latestLeave, let customer = snapshot.records.customers.first(where: { $0.customerId == id }) {
            let dates = NoticeRules.customerLeave(customer: customer, request: latestLeave, policy: a.policy)
            ctx["confirmation"] = LeaveConfirmation(customer: customer, request: latestLeave, dates: dates, firmName: nil,
                                                    language: chrome.language).text
        }
        return ctx
    }
}
