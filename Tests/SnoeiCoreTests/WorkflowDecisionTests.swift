import Testing
@testable import SnoeiCore

/// Every transition of a decision, valid and invalid, and what each step needs.
@Suite struct WorkflowDecisionTests {
    typealias M = DecisionMachine

    @Test func stepsPerState() {
        #expect(M.steps(from: .proposed) == [.confirm, .change, .reject])
        #expect(M.steps(from: .fixPlan) == [.resolve, .startExit])
        #expect(M.steps(from: .exit) == [.close])
        #expect(M.steps(from: .resolved).isEmpty)
        #expect(M.steps(from: .closed).isEmpty)
    }

    @Test(arguments: [(Recommendation.nurture, DecisionState.resolved), (.keep, .resolved), (.fix, .fixPlan), (.letGo, .exit)])
    func confirmGoesWhereTheProposalLeads(_ proposed: Recommendation, _ target: DecisionState) throws {
        #expect(try M.next(from: .proposed, step: .confirm, proposed: proposed, chosen: nil) == target)
        #expect(try M.next(from: .proposed, step: .confirm, proposed: proposed, chosen: proposed) == target)
        for other in Recommendation.allCases where other != proposed {
            let e = #expect(throws: DecisionError.self) {
                try M.next(from: .proposed, step: .confirm, proposed: proposed, chosen: other)
            }
            #expect(e?.kind == .confirmDiffers)
            #expect(e?.description == "A confirm takes the proposal (\(proposed.rawValue)) as it is, but \(other.rawValue) was chosen; to choose another outcome, use change.")
        }
    }

    @Test func changeGoesWhereTheChoiceLeads() throws {
        let target: [Recommendation: DecisionState] = [.nurture: .resolved, .keep: .resolved, .fix: .fixPlan, .letGo: .exit]
        for proposed in Recommendation.allCases {
            for chosen in Recommendation.allCases where chosen != proposed {
                #expect(try M.next(from: .proposed, step: .change, proposed: proposed, chosen: chosen) == target[chosen])
            }
            let same = #expect(throws: DecisionError.self) { try M.next(from: .proposed, step: .change, proposed: proposed, chosen: proposed) }
            #expect(same?.kind == .chosenSame)
            let missing = #expect(throws: DecisionError.self) { try M.next(from: .proposed, step: .change, proposed: proposed, chosen: nil) }
            #expect(missing?.kind == .chosenRequired)
        }
        let e = #expect(throws: DecisionError.self) { try M.next(from: .proposed, step: .change, proposed: .letGo, chosen: nil) }
        #expect(e?.description == "A change needs a chosen outcome other than the proposal (let_go): one of nurture, keep, fix.")
    }

    @Test func rejectKeepsTheCustomerAsIs() throws {
        for proposed in Recommendation.allCases {
            #expect(try M.next(from: .proposed, step: .reject, proposed: proposed, chosen: nil) == .resolved)
            #expect(try M.next(from: .proposed, step: .reject, proposed: proposed, chosen: .keep) == .resolved)
        }
        let e = #expect(throws: DecisionError.self) { try M.next(from: .proposed, step: .reject, proposed: .fix, chosen: .letGo) }
        #expect(e?.kind == .rejectChosen)
    }

    @Test func fixPlanAndExitSteps() throws {
        #expect(try M.next(from: .fixPlan, step: .resolve, proposed: .fix, chosen: nil) == .resolved)
        #expect(try M.next(from: .fixPlan, step: .startExit, proposed: .fix, chosen: nil) == .exit)
        #expect(try M.next(from: .exit, step: .close, proposed: .letGo, chosen: nil) == .closed)
    }

    @Test func everyStepNotAllowedIsRefused() {
        for state in DecisionState.allCases {
            for step in DecisionStep.allCases where !M.steps(from: state).contains(step) {
                for proposed in Recommendation.allCases {
                    let e = #expect(throws: DecisionError.self, "\(state) \(step)") {
                        try M.next(from: state, step: step, proposed: proposed, chosen: nil)
                    }
                    #expect(e?.kind == (M.isFinal(state) ? .final : .notAllowed))
                }
            }
        }
    }

    @Test func refusalsSayWhatIsPossible() {
        let e = #expect(throws: DecisionError.self) { try M.next(from: .fixPlan, step: .confirm, proposed: .fix, chosen: nil) }
        #expect(e?.description == "A decision in state fix_plan cannot be confirmed; possible steps: resolve, start_exit.")
        let exit = #expect(throws: DecisionError.self) { try M.next(from: .exit, step: .startExit, proposed: .fix, chosen: nil) }
        #expect(exit?.description == "A decision in state exit cannot be moved to an exit; possible steps: close.")
        let proposed = #expect(throws: DecisionError.self) { try M.next(from: .proposed, step: .close, proposed: .letGo, chosen: nil) }
        #expect(proposed?.description == "A decision in state proposed cannot be closed; possible steps: confirm, change, reject.")
        let closed = #expect(throws: DecisionError.self) { try M.next(from: .closed, step: .close, proposed: .letGo, chosen: nil) }
        #expect(closed?.description == "A decision in state closed is final; no further steps are possible.")
        let resolved = #expect(throws: DecisionError.self) { try M.next(from: .resolved, step: .startExit, proposed: .fix, chosen: nil) }
        #expect(resolved?.kind == .final)
    }

    func event(_ step: DecisionStep, from: DecisionState, proposed: Recommendation = .letGo, chosen: Recommendation? = nil,
               actor: String = "anna", reason: String = "") throws(DecisionError) -> DecisionEvent {
        try M.event(decisionId: "D1", customerId: "C0045", at: "2026-11-24T10:00:00Z", actor: actor, step: step,
                    from: from, proposed: proposed, chosen: chosen, reason: reason)
    }

    @Test func reasonIsRequiredForChangeRejectStartExitAndClose() throws {
        let cases: [(DecisionStep, DecisionState, Recommendation, Recommendation?)] = [
            (.change, .proposed, .letGo, .fix), (.reject, .proposed, .letGo, nil),
            (.startExit, .fixPlan, .fix, nil), (.close, .exit, .letGo, nil),
        ]
        for (step, from, proposed, chosen) in cases {
            for blank in ["", "   ", "\n\t "] {
                let e = #expect(throws: DecisionError.self, "\(step)") {
                    try event(step, from: from, proposed: proposed, chosen: chosen, reason: blank)
                }
                #expect(e?.kind == .reasonRequired)
                #expect(e?.description == "The step \(step.rawValue) needs a reason: say in a sentence why it was taken.")
            }
            let ok = try event(step, from: from, proposed: proposed, chosen: chosen, reason: "  Owner spoke with the customer. ")
            #expect(ok.reason == "Owner spoke with the customer.")
        }
        // Confirm and resolve need none.
        #expect(try event(.confirm, from: .proposed).to == .exit)
        #expect(try event(.resolve, from: .fixPlan, proposed: .fix).to == .resolved)
    }

    @Test func actorIsAlwaysRequired() {
        for step in DecisionStep.allCases {
            let from = DecisionState.allCases.first { M.steps(from: $0).contains(step) }!
            let e = #expect(throws: DecisionError.self) {
                try event(step, from: from, chosen: step == .change ? .fix : nil, actor: "  ", reason: "why")
            }
            #expect(e?.kind == .actorRequired)
        }
    }

    @Test func eventFillsTheTargetAndTheChoice() throws {
        let confirm = try event(.confirm, from: .proposed, proposed: .fix, actor: " anna ")
        #expect(confirm == DecisionEvent(decisionId: "D1", customerId: "C0045", at: "2026-11-24T10:00:00Z", actor: "anna",
                                         step: .confirm, from: .proposed, to: .fixPlan, proposed: .fix, chosen: .fix, reason: ""))
        let change = try event(.change, from: .proposed, proposed: .letGo, chosen: .fix, reason: "Large share of revenue")
        #expect(change.to == .fixPlan && change.chosen == .fix && change.proposed == .letGo)
        let reject = try event(.reject, from: .proposed, proposed: .fix, reason: "Just renegotiated")
        #expect(reject.to == .resolved && reject.chosen == nil)
        // An invalid step is refused before the reason is looked at.
        let e = #expect(throws: DecisionError.self) { try event(.close, from: .closed, reason: "") }
        #expect(e?.kind == .final)
    }

    @Test func aWholeLifeThroughTheFrontDoor() throws {
        var state = DecisionState.proposed
        for (step, chosen, reason) in [(DecisionStep.change, Recommendation?.some(.fix), "Dependency"),
                                       (.startExit, nil, "Fix plan failed at review"), (.close, nil, "Hand-over done")] {
            state = try event(step, from: state, proposed: .letGo, chosen: chosen, reason: reason).to
        }
        #expect(state == .closed)
        #expect(M.isFinal(state))
    }
}
