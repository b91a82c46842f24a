import Testing
@testable import SnoeiCore

/// Notice and end dates in the spirit of the contract (seed 004).
@Suite struct WorkflowNoticeTests {
    static func d(_ iso: String) -> Day { Day(iso: iso)! }

    func customer(notice: Int? = 60, contractEnd: String? = nil, cancel: String? = nil) -> CustomerRecord {
        CustomerRecord(customerId: "C1", name: "Bakkerij Jansen", since: Self.d("2019-04-01"),
                       contractEnd: contractEnd.map(Self.d), noticeDays: notice, cancelChannel: cancel)
    }

    // MARK: the firm ends the relationship

    @Test func firmExitWithoutContractEndGivesTheFullNotice() {
        let x = NoticeRules.firmExit(customer: customer(), conversation: Self.d("2026-01-10"), policy: .standard)
        #expect(x.noticeDays == 60)
        #expect(x.earliestEnd == Self.d("2026-03-11"))
        #expect(x.proposedEnd == Self.d("2026-03-11"))
        #expect(x.contractEnd == nil)
        #expect(x.explanation == ["notice.from_customer", "exit.notice_period", "exit.earlier_at_no_cost"])
        #expect(x.text(.en) == [
            "Notice period: 60 days, as agreed with the customer.",
            "The service continues for the full notice period: until 2026-03-11, 60 days after the conversation on 2026-01-10.",
            "If it suits the customer, the cooperation can end earlier, at no cost.",
        ])
        #expect(x.text(.nl)[1] == "De dienstverlening loopt de volle opzegtermijn door: tot 11-03-2026, 60 dagen na het gesprek van 10-01-2026.")
    }

    @Test func aLongerContractIsHonoured() {
        let x = NoticeRules.firmExit(customer: customer(contractEnd: "2026-12-31"), conversation: Self.d("2026-01-10"), policy: .standard)
        #expect(x.earliestEnd == Self.d("2026-03-11"))
        #expect(x.proposedEnd == Self.d("2026-12-31"))
        #expect(x.explanation == ["notice.from_customer", "exit.contract_runs_longer", "exit.earlier_at_no_cost"])
        #expect(x.text(.en)[1].contains("runs until 2026-12-31"))
    }

    @Test func aContractEndingWithinTheNoticeStillGetsTheFullNotice() {
        let x = NoticeRules.firmExit(customer: customer(contractEnd: "2026-02-01"), conversation: Self.d("2026-01-10"), policy: .standard)
        #expect(x.proposedEnd == Self.d("2026-03-11"))
        #expect(x.explanation == ["notice.from_customer", "exit.notice_period", "exit.contract_ends_within_notice", "exit.earlier_at_no_cost"])
    }

    @Test func noticeDaysFromThePolicyDefault() {
        let c = customer(notice: nil)
        let x = NoticeRules.firmExit(customer: c, conversation: Self.d("2026-01-10"), policy: .standard)
        #expect(x.noticeDays == 30)
        #expect(x.proposedEnd == Self.d("2026-02-09"))
        #expect(x.explanation.first == "notice.policy_default")
        var p = Policy.standard
        p.exit.defaultNoticeDays = 45
        #expect(NoticeRules.firmExit(customer: c, conversation: Self.d("2026-01-10"), policy: p).proposedEnd == Self.d("2026-02-24"))
        // The customer's own notice wins over the default.
        #expect(NoticeRules.firmExit(customer: customer(notice: 90), conversation: Self.d("2026-01-10"), policy: p).noticeDays == 90)
    }

    // MARK: the customer asks to leave

    @Test func leaveEndsAfterTheNoticeAtTheLatest() {
        let request = LeaveRequest(customerId: "C1", date: Self.d("2026-03-01"), channel: .email)
        let x = NoticeRules.customerLeave(customer: customer(contractEnd: "2026-12-31"), request: request, policy: .standard)
        #expect(x.earliestEnd == Self.d("2026-04-30"))
        #expect(x.noticeDays == 60)
        #expect(x.acceptedChannel)
        #expect(x.explanation == ["notice.from_customer", "leave.notice_end", "leave.any_channel_counts"])
    }

    @Test func aRegisteredLetterIsNeverRequired() {
        let request = LeaveRequest(customerId: "C1", date: Self.d("2026-03-01"), channel: .call)
        let x = NoticeRules.customerLeave(customer: customer(cancel: "registered_letter"), request: request, policy: .standard)
        #expect(x.acceptedChannel)
        #expect(x.earliestEnd == Self.d("2026-04-30"))
        #expect(x.channelWaived)
        #expect(x.explanation.last == "leave.required_channel_waived")
        #expect(x.text(.en).last == "The contract asks for notice by registered letter; that is not needed: the request made by phone counts as it is.")
        #expect(x.text(.nl).last == "Het contract vraagt om opzeggen per aangetekende brief; dat is niet nodig: het verzoek dat telefonisch binnenkwam, telt zoals het is.")
        // The contract's own channel: nothing to waive.
        let same = NoticeRules.customerLeave(customer: customer(cancel: "email"),
                                             request: LeaveRequest(customerId: "C1", date: Self.d("2026-03-01"), channel: .email), policy: .standard)
        #expect(!same.channelWaived && same.acceptedChannel)
    }

    @Test func aContractEndingBeforeTheNoticeIsOverEndsItThen() {
        let request = LeaveRequest(customerId: "C1", date: Self.d("2026-03-01"), channel: .chat)
        let x = NoticeRules.customerLeave(customer: customer(contractEnd: "2026-03-20"), request: request, policy: .standard)
        #expect(x.earliestEnd == Self.d("2026-03-20"))
        #expect(x.explanation == ["notice.from_customer", "leave.contract_ends_earlier", "leave.any_channel_counts"])
        // A contract end that has already passed does not count; the notice does.
        let passed = NoticeRules.customerLeave(customer: customer(contractEnd: "2026-01-31"), request: request, policy: .standard)
        #expect(passed.earliestEnd == Self.d("2026-04-30"))
        #expect(passed.explanation.contains("leave.contract_end_passed"))
    }

    @Test func leaveUsesThePolicyDefaultWithoutNoticeDays() {
        var p = Policy.standard
        p.exit.defaultNoticeDays = 14
        let request = LeaveRequest(customerId: "C1", date: Self.d("2026-03-01"), channel: .visit)
        let x = NoticeRules.customerLeave(customer: customer(notice: nil), request: request, policy: p)
        #expect(x.noticeDays == 14 && x.earliestEnd == Self.d("2026-03-15"))
        #expect(x.explanation.first == "notice.policy_default")
    }

    @Test func leaveIsNeverLaterThanTheNoticeAndNeverBeforeTheRequest() {
        var rng = DemoRandom(seed: 4)
        let base = Self.d("2026-01-01")
        for _ in 0..<500 {
            let notice: Int? = rng.int(0...3) == 0 ? nil : rng.int(0...120)
            let end: Day? = rng.int(0...2) == 0 ? nil : base + rng.int(-60...400)
            let request = LeaveRequest(customerId: "C1", date: base + rng.int(0...200), channel: Channel.allCases[rng.int(0...4)])
            let c = CustomerRecord(customerId: "C1", name: "X", contractEnd: end, noticeDays: notice,
                                   cancelChannel: ["registered_letter", "portal", "email", nil][rng.int(0...3)])
            let x = NoticeRules.customerLeave(customer: c, request: request, policy: .standard)
            #expect(x.earliestEnd <= request.date + x.noticeDays)
            #expect(x.earliestEnd >= request.date)
            #expect(x.acceptedChannel)
            let exit = NoticeRules.firmExit(customer: c, conversation: request.date, policy: .standard)
            #expect(exit.proposedEnd >= exit.earliestEnd)
            #expect(exit.earliestEnd == request.date + exit.noticeDays)
        }
    }
}
