/// The rules of a decision's life (see the diagram on `DecisionState`): which step is allowed
/// from which state, where it leads, and what it needs. Snoei proposes; a person takes every step.
///
/// - From `proposed`: `confirm` agrees with the proposal (chosen nil or equal to it) and goes
///   where the proposal leads; `change` chooses another outcome (chosen required, different from
///   the proposal) and goes where that leads; `reject` keeps the customer as is (→ `resolved`).
///   Nurture and keep lead to `resolved`, fix to `fix_plan`, let go to `exit`.
/// - From `fix_plan`: `resolve` (→ `resolved`) or `start_exit` (→ `exit`).
/// - From `exit`: `close` (→ `closed`).
/// - `resolved` and `closed` are final.
///
/// Every step needs an actor; change, reject, start_exit and close also need a reason.
public enum DecisionMachine {
    /// The steps a person can take from `state`, in a fixed order.
    public static func steps(from state: DecisionState) -> [DecisionStep] {
        switch state {
        case .proposed: [.confirm, .change, .reject]
        case .fixPlan: [.resolve, .startExit]
        case .exit: [.close]
        case .resolved, .closed: []
        }
    }

    /// Whether a state allows no further steps.
    public static func isFinal(_ state: DecisionState) -> Bool { steps(from: state).isEmpty }

    /// Steps that must say why they were taken.
    public static func needsReason(_ step: DecisionStep) -> Bool {
        switch step {
        case .change, .reject, .startExit, .close: true
        case .confirm, .resolve: false
        }
    }

    /// Where an outcome leads once a person has settled on it.
    public static func state(for outcome: Recommendation) -> DecisionState {
        switch outcome {
        case .nurture, .keep: .resolved
        case .fix: .fixPlan
        case .letGo: .exit
        }
    }

    /// The state after `step`. `chosen` matters for confirm (nil or the proposal), change
    /// (required, not the proposal) and reject (nil or keep); the other steps ignore it.
    public static func next(from: DecisionState, step: DecisionStep, proposed: Recommendation,
                            chosen: Recommendation?) throws(DecisionError) -> DecisionState {
        guard steps(from: from).contains(step) else { throw DecisionError.notAllowed(step, from: from) }
        switch step {
        case .confirm:
            if let chosen, chosen != proposed { throw .confirmDiffers(proposed: proposed, chosen: chosen) }
            return state(for: proposed)
        case .change:
            guard let chosen else { throw .chosenRequired(proposed: proposed) }
            guard chosen != proposed else { throw .chosenSame(proposed: proposed) }
            return state(for: chosen)
        case .reject:
            if let chosen, chosen != .keep { throw .rejectChosen(chosen) }
            return .resolved
        case .resolve: return .resolved
        case .startExit: return .exit
        case .close: return .closed
        }
    }

    /// One audit-trail event: checks the actor, the reason and the step, and fills `to`.
    /// The actor and reason are stored trimmed; a confirm without `chosen` records the proposal
    /// as chosen.
    public static func event(decisionId: String, customerId: String, at: String, actor: String, step: DecisionStep,
                             from: DecisionState, proposed: Recommendation, chosen: Recommendation?,
                             reason: String) throws(DecisionError) -> DecisionEvent {
        let actor = trimmed(actor), reason = trimmed(reason)
        guard !actor.isEmpty else { throw .actorRequired }
        let to = try next(from: from, step: step, proposed: proposed, chosen: chosen)
        if needsReason(step), reason.isEmpty { throw .reasonRequired(step) }
        let recorded = step == .confirm ? (chosen ?? proposed) : chosen
        return DecisionEvent(decisionId: decisionId, customerId: customerId, at: at, actor: actor, step: step,
                             from: from, to: to, proposed: proposed, chosen: recorded, reason: reason)
    }

    static func trimmed(_ s: String) -> String {
        var t = Substring(s)
        while let c = t.first, c.isWhitespace { t.removeFirst() }
        while let c = t.last, c.isWhitespace { t.removeLast() }
        return String(t)
    }
}

/// Why a step was refused, with a sentence that says what is possible instead.
public struct DecisionError: Error, CustomStringConvertible, Equatable, Sendable {
    public enum Kind: String, Sendable, Equatable {
        case notAllowed = "not_allowed"
        case final
        case chosenRequired = "chosen_required"
        case chosenSame = "chosen_same"
        case confirmDiffers = "confirm_differs"
        case rejectChosen = "reject_chosen"
        case reasonRequired = "reason_required"
        case actorRequired = "actor_required"
    }

    public var kind: Kind
    public var description: String

    public init(kind: Kind, description: String) { self.kind = kind; self.description = description }

    private static func message(_ key: String, _ values: [String: String] = [:]) -> String {
        WorkflowText.fill("decision.error.\(key)", .en, values)
    }

    static func notAllowed(_ step: DecisionStep, from state: DecisionState) -> DecisionError {
        let possible = DecisionMachine.steps(from: state)
        if possible.isEmpty { return DecisionError(kind: .final, description: message("final", ["state": state.rawValue])) }
        return DecisionError(kind: .notAllowed, description: message("step", [
            "state": state.rawValue, "done": WorkflowText.text("decision.done.\(step.rawValue)", .en),
            "steps": possible.map(\.rawValue).joined(separator: ", "),
        ]))
    }

    static func chosenRequired(proposed: Recommendation) -> DecisionError {
        let options = Recommendation.allCases.filter { $0 != proposed }.map(\.rawValue).joined(separator: ", ")
        return DecisionError(kind: .chosenRequired, description: message("chosen_required", ["proposed": proposed.rawValue, "options": options]))
    }

    static func chosenSame(proposed: Recommendation) -> DecisionError {
        DecisionError(kind: .chosenSame, description: message("chosen_same", ["proposed": proposed.rawValue]))
    }

    static func confirmDiffers(proposed: Recommendation, chosen: Recommendation) -> DecisionError {
        DecisionError(kind: .confirmDiffers, description: message("confirm_differs", ["proposed": proposed.rawValue, "chosen": chosen.rawValue]))
    }

    static func rejectChosen(_ chosen: Recommendation) -> DecisionError {
        DecisionError(kind: .rejectChosen, description: message("reject_chosen", ["chosen": chosen.rawValue]))
    }

    static func reasonRequired(_ step: DecisionStep) -> DecisionError {
        DecisionError(kind: .reasonRequired, description: message("reason_required", ["step": step.rawValue]))
    }

    static let actorRequired = DecisionError(kind: .actorRequired, description: message("actor_required"))
}
