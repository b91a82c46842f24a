import Testing
@testable import SnoeiCore

/// The exit brief for the demo firm's cases, in both languages, and the leave confirmation.
@Suite struct WorkflowExitBriefTests {
    typealias F = WorkflowFixtures

    static func brief(_ id: String, _ language: Language, partner usePartner: Bool = true) -> (ExitBrief, ExitDates) {
        let a = F.demo, row = F.row(id)
        let dates = NoticeRules.firmExit(customer: F.customer(id), conversation: a.asOf + 7, policy: a.policy)
        let ranked = PartnerMatcher.rank(F.partners, for: row, in: a, records: F.demoRecords)
        let partner = usePartner ? ranked.first.flatMap { $0.score > 0 ? $0 : nil } : nil
        let brief = ExitBrief(analysis: a, row: row, records: F.demoRecords, partner: partner, dates: dates,
                              openBalance: a.customers[row].openTotal, language: language)
        return (brief, dates)
    }

    @Test(arguments: ["C0045", "C0003", "C0038"], Language.allCases)
    func briefStatesTheFactsAndTheDates(_ id: String, _ language: Language) {
        let (brief, dates) = Self.brief(id, language)
        let text = brief.text
        let t = TextRenderer(language), fmt = Formatter(language)
        let row = F.row(id)
        #expect(brief.title.contains(F.demo.ledger.customers.names[row]))
        #expect(text.contains(language == .en ? "not an e-mail" : "geen e-mail"))
        #expect(text.contains(fmt.date(dates.proposedEnd)))
        #expect(brief.sections.count == 8)
        // Every business reason of the verdict, with its figures, is in the brief.
        let concerns = F.demo.verdicts[row].reasons.filter { ExitBrief.concerns.contains($0.code) }
        #expect(!concerns.isEmpty)
        for reason in concerns { #expect(text.contains(t.text(reason)), "\(reason.code)") }
        #expect(text.contains(fmt.money(F.demo.customers[row].contribution)))
        // The open balance and the notice.
        let open = F.demo.customers[row].openTotal
        if open.cents > 0 { #expect(text.contains(fmt.money(open))) }
        for line in dates.text(language) { #expect(text.contains(line)) }
        #expect(WordingCheck.findings(in: text, language: language).isEmpty, "\(WordingCheck.findings(in: text, language: language).map(\.word))")
    }

    @Test func theCasesFiguresAreNamed() {
        // C0045: the red line, dated; C0038: "€ 5,000 now or € 5,300 later" left € 300 open; C0003: the dependency.
        let (intimidation, _) = Self.brief("C0045", .en)
        let incident = F.demo.customers[F.row("C0045")].redLine!
        #expect(intimidation.text.contains("On \(incident.date.iso) an incident of the kind “intimidation” (severity 4 of 5)"))
        #expect(!intimidation.text.contains("Snoei's current proposal"))
        let (coercion, _) = Self.brief("C0038", .en)
        #expect(coercion.text.contains("€300.00 is still open"))
        #expect(coercion.text.contains("Snoei's current proposal for Garage Vermeulen BV is “Fix”"))
        let (coercionNL, _) = Self.brief("C0038", .nl)
        #expect(coercionNL.text.contains("€ 300,00 staat nog open"))
        let (dependent, _) = Self.brief("C0003", .nl)
        #expect(dependent.text.contains("afhankelijkheidsgrens"))
        #expect(dependent.text.contains("Retail Systems Zuid"))
        #expect(dependent.text.contains("Ingrid Maas, 076 123 4567"))
    }

    @Test func withoutAFittingPartnerTheBriefSaysToDiscussOptions() {
        let (brief, _) = Self.brief("C0045", .en, partner: false)
        let referral = brief.sections.first { $0.title == "Referral" }
        #expect(referral?.lines == ["No firm on our partner list fits what Schildersbedrijf Van Rijn BV asks for. Discuss which options Schildersbedrijf Van Rijn BV sees, and offer to think along."])
        let (nl, _) = Self.brief("C0045", .nl, partner: false)
        #expect(nl.text.contains("Bespreek welke mogelijkheden"))
    }

    @Test func briefCoversSwitchingInvoiceAndTips() {
        let (brief, _) = Self.brief("C0045", .en)
        let text = brief.text
        for phrase in ["Hand-over", "Data export", "Overlap period", "final invoice", "Listen first", "Stay calm",
                       "Ask how", "no blame", "Do not argue about the past", "Thank Schildersbedrijf Van Rijn BV for the years together since",
                       "business decision, not a personal one", "can end earlier, at no cost"] {
            #expect(text.contains(phrase), "\(phrase)")
        }
        #expect(text.hasPrefix("Exit conversation with Schildersbedrijf Van Rijn BV (C0045)\n====="))
    }

    /// Every demo customer proposed for fix or let go gets a brief without judgmental wording.
    @Test(arguments: Language.allCases)
    func everyBriefOfTheDemoPassesTheWordingCheck(_ language: Language) {
        let a = F.demo
        #expect(a.needingDecision.count > 5)
        for row in a.needingDecision {
            let id = a.ledger.customers.ids[row]
            for usePartner in [true, false] {
                let (brief, _) = Self.brief(id, language, partner: usePartner)
                let found = WordingCheck.findings(in: brief.text, language: language)
                #expect(found.isEmpty, "\(id): \(found.map(\.word))")
            }
        }
    }

    // MARK: leave confirmation

    @Test(arguments: Language.allCases)
    func leaveConfirmationIsRespectfulAndComplete(_ language: Language) {
        let c = CustomerRecord(customerId: "C1", name: "Fysiotherapie Oosterhout", since: Day(iso: "2018-05-01"),
                               contractEnd: Day(iso: "2027-05-01"), noticeDays: 60, cancelChannel: "registered_letter")
        let request = LeaveRequest(customerId: "C1", date: Day(iso: "2026-11-02")!, channel: .email)
        let dates = NoticeRules.customerLeave(customer: c, request: request, policy: .standard)
        let text = LeaveConfirmation(customer: c, request: request, dates: dates, firmName: "Kroon IT & Hosting BV", language: language).text
        let fmt = Formatter(language)
        #expect(text.contains(language == .en ? "Thank you for letting us know on 2026-11-02, by e-mail, that you want to end our cooperation."
                                              : "Dank u dat u ons op 02-11-2026 per e-mail hebt laten weten dat u de samenwerking wilt beëindigen."))
        #expect(text.contains(fmt.date(request.date)))
        #expect(text.contains(fmt.date(Day(iso: "2027-01-01")!)))
        #expect(text.contains(language == .en ? "Dear Fysiotherapie Oosterhout," : "Beste Fysiotherapie Oosterhout,"))
        #expect(text.contains(language == .en ? "final invoice" : "slotfactuur"))
        #expect(text.contains("export"))
        #expect(text.contains(language == .en ? "since 2018" : "sinds 2018"))
        #expect(text.contains(language == .en ? "registered letter; that is not needed" : "aangetekende brief; dat is niet nodig"))
        #expect(text.hasSuffix("Kroon IT & Hosting BV\n"))
        for obstacle in ["unfortunately", "helaas", "must", "moet", "penalty", "boete"] {
            #expect(!text.lowercased().contains(obstacle), "\(obstacle)")
        }
        #expect(WordingCheck.passes(text, language: language))
    }

    @Test func leaveConfirmationWithoutChannelIssueOrFirmName() {
        let c = CustomerRecord(customerId: "C1", name: "Bakkerij Van Dijk", cancelChannel: "email")
        let request = LeaveRequest(customerId: "C1", date: Day(iso: "2026-11-02")!, channel: .email)
        let dates = NoticeRules.customerLeave(customer: c, request: request, policy: .standard)
        let text = LeaveConfirmation(customer: c, request: request, dates: dates, firmName: nil, language: .en).text
        #expect(!text.contains("not needed"))
        #expect(text.contains("Our services end on 2026-12-02."))
        #expect(text.contains("Thank you for working with us, and for your trust."))
        #expect(text.hasSuffix("Kind regards,\nThe team\n"))
    }
}
