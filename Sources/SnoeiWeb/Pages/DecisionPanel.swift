import SnoeiCore

/// The decision box on a customer page: state, the form for the next step, the audit trail.
struct DecisionPanel {
    let chrome: PageChrome
    let customerId: String
    let proposal: Recommendation
    let decision: DecisionRecord?
    let events: [DecisionEvent]
    var by = ""
    var flash: String?
    var error: String?

    func context() -> [String: Any] {
        let t = TextRenderer(chrome.language)
        let state = decision?.state ?? .proposed
        let steps = DecisionMachine.steps(from: state)
        let href = customerHref(customerId)
        var ctx: [String: Any] = [
            "hasDecision": decision != nil,
            "action": href + "/decision",
            "by": by,
            "hasSteps": !steps.isEmpty,
            "canChange": steps.contains(.change),
            "choices": Recommendation.allCases.filter { $0 != proposal }.map { ["value": $0.rawValue, "label": t.label($0), "selected": false] as [String: Any] },
            "steps": steps.map { step -> [String: Any] in
                var label = chrome.t("step_" + step.rawValue)
                if step == .confirm { label = chrome.t("step_confirm_as", ["proposal": t.label(proposal)]) }
                return ["value": step.rawValue, "label": label, "primary": step == .confirm || step == .resolve]
            },
            "hasEvents": !events.isEmpty,
            "events": events.reversed().map { e -> [String: String] in
                ["at": String(e.at.prefix(16)).replacingOccurrences(of: "T", with: " "), "actor": e.actor,
                 "stepLabel": chrome.t("step_" + e.step.rawValue), "from": chrome.t("state_" + e.from.rawValue),
                 "to": chrome.t("state_" + e.to.rawValue), "reason": e.reason]
            },
        ]
        if let decision {
            ctx["stateCode"] = decision.state.rawValue
            ctx["stateLabel"] = chrome.t("state_" + decision.state.rawValue)
            if let chosen = decision.chosen { ctx["chosenLabel"] = t.label(chosen) }
            var links = [[String: String]]()
            if decision.state == .exit {
                links.append(["href": href + "/exit-brief", "label": chrome.t("exit_brief_link")])
                links.append(["href": "/exits", "label": chrome.t("exit_board_link")])
            }
            ctx["links"] = links
        }
        if let flash { ctx["flash"] = flash }
        if let error { ctx["error"] = error }
        return ctx
    }
}
