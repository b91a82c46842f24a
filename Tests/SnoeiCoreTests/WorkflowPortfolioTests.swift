import Testing
@testable import SnoeiCore

/// Tiers, the customer panel, ambassadors and de-escalation on the demo firm.
@Suite struct WorkflowPortfolioTests {
    typealias F = WorkflowFixtures

    // MARK: tiers

    @Test func everyCustomerGetsAValueTier() {
        let a = F.demo
        let fits = TierAssignment.assign(a)
        #expect(fits.count == a.customers.count)
        #expect(fits.enumerated().allSatisfy { $0.offset == $0.element.row })
        let names = Set(Policy.standard.tiers.tiers.map(\.name))
        #expect(fits.allSatisfy { names.contains($0.valueTier) })
        for fit in fits {
            let revenue = a.customers[fit.row].revenue
            let expected = revenue >= Money(euros: 50_000) ? "premium" : revenue >= Money(euros: 10_000) ? "plus" : "basis"
            #expect(fit.valueTier == expected)
            #expect(fit.currentTier == a.ledger.customers.tiers[fit.row])
            #expect(fit.matches == (fit.currentTier?.lowercased() == expected))
        }
        let big = fits[F.row("C0003")]
        #expect(big.valueTier == "premium" && big.currentTier == "premium" && big.matches && !big.needsContactPerson)
        // Most demo customers are on the tier their value fits; some are not.
        let matching = fits.filter(\.matches).count
        #expect(matching > fits.count / 2 && matching < fits.count)
    }

    @Test func topTierWithoutAccountManagerNeedsAContactPerson() throws {
        var r = LedgerRecords()
        r.customers = [CustomerRecord(customerId: "A", name: "Groot", accountManager: nil, tier: "Premium"),
                       CustomerRecord(customerId: "B", name: "Groot met AM", accountManager: "Joris", tier: "plus"),
                       CustomerRecord(customerId: "C", name: "Klein", accountManager: nil, tier: nil),
                       CustomerRecord(customerId: "D", name: "Stil")]
        let d = Day(iso: "2026-03-01")!
        r.invoices = [InvoiceRecord(invoiceId: "1", customerId: "A", issueDate: d, dueDate: d + 30, amount: Money(euros: 60_000)),
                      InvoiceRecord(invoiceId: "2", customerId: "B", issueDate: d, dueDate: d + 30, amount: Money(euros: 50_000)),
                      InvoiceRecord(invoiceId: "3", customerId: "C", issueDate: d, dueDate: d + 30, amount: Money(euros: 9_999.99))]
        r.timeEntries = [TimeEntryRecord(customerId: "A", date: d, hours: 150_000, activity: .support),
                         TimeEntryRecord(customerId: "C", date: d, hours: 2_500, activity: .support)]
        let a = Analysis(ledger: try Ledger(records: r), policy: .standard, asOf: Day(iso: "2026-06-30")!)
        let fits = TierAssignment.assign(a)
        #expect(fits.map(\.valueTier) == ["premium", "premium", "basis", "basis"])
        #expect(fits.map(\.matches) == [true, false, false, false])
        #expect(fits.map(\.needsContactPerson) == [true, false, false, false])
        #expect(fits.map(\.active) == [true, true, true, false])
        let capacity = TierAssignment.capacity(a)
        #expect(capacity == [
            TierCapacity(tier: "premium", customers: 2, hoursUsed: 150_000, capacityHours: 600_000),
            TierCapacity(tier: "plus", customers: 0, hoursUsed: 0, capacityHours: 0),
            TierCapacity(tier: "basis", customers: 1, hoursUsed: 2_500, capacityHours: 20_000),
        ])
        #expect(!capacity[0].overCapacity && capacity[0].utilisation == 0.25)
    }

    @Test func capacityAddsUpOverTheDemo() {
        let a = F.demo
        let capacity = TierAssignment.capacity(a)
        #expect(capacity.map(\.tier) == ["premium", "plus", "basis"])
        let active = a.customers.filter { $0.revenue.cents != 0 || $0.hours != 0 || $0.contacts != 0 }
        #expect(capacity.reduce(0) { $0 + $1.customers } == active.count)
        #expect(capacity.reduce(MilliHours(0)) { $0 + $1.hoursUsed } == active.reduce(MilliHours(0)) { $0 + $1.hours })
        for (c, tier) in zip(capacity, Policy.standard.tiers.ordered) {
            #expect(c.capacityHours == MilliHours(c.customers) * MilliHours(tier.capacityHours * 1000))
        }
    }

    // MARK: panel

    @Test func panelInvitesCriticalButValuableCustomers() {
        let a = F.demo
        let panel = CustomerPanel.candidates(a)
        #expect(!panel.isEmpty && panel.count <= 10)
        for c in panel {
            let f = a.customers[c.row]
            #expect(c.contribution == f.contribution && c.contribution.cents > 0)
            #expect(c.complaints == f.contactsByKind[ContactKind.complaint.ordinal])
            #expect(c.changeRequests == f.contactsByKind[ContactKind.changeRequest.ordinal])
            #expect(c.feedback >= 5)
            #expect(f.redLine == nil)
        }
        #expect(zip(panel, panel.dropFirst()).allSatisfy { a, b in
            a.feedback > b.feedback || (a.feedback == b.feedback && a.contribution >= b.contribution)
        })
        // Peeters (seed 001's demanding but worthwhile customer) is in; the intimidation case is not.
        let all = CustomerPanel.candidates(a, limit: 1000)
        #expect(all.contains { $0.row == F.row("C0012") })
        #expect(!all.contains { $0.row == F.row("C0045") })
        #expect(Array(all.prefix(10)) == panel)
        #expect(CustomerPanel.candidates(a, limit: 3).count == 3)
        // A stricter threshold gives fewer candidates.
        var p = Policy.standard
        p.panel.minFeedback = 15
        let strict = CustomerPanel.candidates(Analysis(ledger: a.ledger, policy: p, asOf: a.asOf), limit: 1000)
        #expect(strict.count < all.count && strict.allSatisfy { $0.feedback >= 15 })
    }

    @Test(arguments: Language.allCases)
    func panelInvitationIsRespectful(_ language: Language) {
        let text = CustomerPanel.invitation(name: "Installatiebedrijf Peeters BV", language: language, firmName: DemoFirm.firmName)
        #expect(text.hasPrefix(language == .en ? "Dear Installatiebedrijf Peeters BV," : "Beste Installatiebedrijf Peeters BV,"))
        #expect(text.contains(language == .en ? "feedback meeting" : "feedbackbijeenkomst"))
        #expect(text.hasSuffix(DemoFirm.firmName + "\n"))
        #expect(WordingCheck.passes(text, language: language))
    }

    // MARK: ambassadors

    @Test func theDemoAmbassadorsAreListed() {
        let a = F.demo
        let list = Ambassadors.list(a)
        let ambassadors = DemoFirm.cases(.ambassador).map { F.row($0.id) }
        #expect(Set(ambassadors).isSubset(of: Set(list)))
        #expect(Set(["C0008", "C0019", "C0033"].map { F.row($0) }) == Set(ambassadors))
        #expect(list.allSatisfy { a.customers[$0].referrals >= 1 })
        #expect(zip(list, list.dropFirst()).allSatisfy { a.customers[$0].referredRevenue >= a.customers[$1].referredRevenue })
        #expect(list.count == a.customers.filter { $0.referrals >= 1 }.count)
        // A stricter boundary leaves out customers with a single referral.
        var p = Policy.standard
        p.boundaries.ambassadorReferrals = 3
        let strict = Ambassadors.list(Analysis(ledger: a.ledger, policy: p, asOf: a.asOf))
        #expect(Set(strict) == Set(ambassadors))
    }

    @Test func exitsFreeTheirHours() {
        let a = F.demo
        let exits = ["C0045", "C0061"].map { F.row($0) }
        let expected = exits.reduce(MilliHours(0)) { $0 + a.customers[$1].hours }
        #expect(expected > 0)
        #expect(Ambassadors.freedHours(exits: exits, analysis: a) == expected)
        #expect(Ambassadors.freedHours(exits: exits + exits + [-1, 99_999], analysis: a) == expected)
        #expect(Ambassadors.freedHours(exits: [], analysis: a) == 0)
    }

    // MARK: de-escalation

    @Test func coercionGetsCalmQuestionsAgreementAndHumour() {
        let en = Deescalation.suggestion(for: .coercion, severity: 3, language: .en)
        #expect(en.contains("Ask calmly why the customer thinks this is a reasonable proposal."))
        #expect(en.contains { $0.contains("Restate the agreement") })
        #expect(en.contains { $0.contains("Why in three months, and not in six?") })
        #expect(en.contains { $0.contains("Do not make a counter-threat") })
        #expect(!en.contains { $0.contains("red line") })
        let nl = Deescalation.suggestion(for: .coercion, severity: 3, language: .nl)
        #expect(nl.contains { $0.contains("Waarom pas over drie maanden, en niet over zes?") })
        // At severity 4 and up: no humour; at 5 (the standard policy's red-line severity): a decision.
        let severe = Deescalation.suggestion(for: .coercion, severity: 5, language: .en)
        #expect(!severe.contains { $0.contains("Humour") })
        #expect(severe.first?.contains("red line") == true)
    }

    @Test func intimidationIsARedLineWithoutHumour() {
        for language in Language.allCases {
            let steps = Deescalation.suggestion(for: .intimidation, severity: 2, language: language)
            #expect(steps.first == WorkflowText.text("deescalation.red_line", language))
            #expect(!steps.contains { $0.contains("“") })   // no joke quoted
            #expect(steps.contains { $0.contains(language == .en ? "No humour here" : "Geen humor hier") })
            #expect(steps.contains(WorkflowText.text("deescalation.common.1", language)))
        }
        // Under a policy that does not name intimidation, a low severity is no red line.
        var p = Policy.standard
        p.redLines = RedLines(kinds: [.smear], minSeverity: 5)
        #expect(!Deescalation.suggestion(for: .intimidation, severity: 2, language: .en, policy: p).contains { $0.contains("red line") })
    }

    @Test func everyKindHasStepsThatPassTheWordingCheck() {
        for kind in IncidentKind.allCases {
            for severity in 1...5 {
                for language in Language.allCases {
                    let steps = Deescalation.suggestion(for: kind, severity: severity, language: language)
                    #expect(steps.count >= 3, "\(kind)")
                    #expect(steps.allSatisfy { WordingCheck.passes($0, language: language) })
                }
            }
        }
    }

    @Test func redLinesAgreeWithTheVerdict() {
        let a = F.demo
        for f in a.customers {
            if let line = f.redLine {
                #expect(Deescalation.isRedLine(kind: line.kind, severity: line.severity, policy: a.policy))
                #expect(a.verdicts[f.row].recommendation == .letGo)
                #expect(a.verdicts[f.row].reasons.first?.code == .redLine)
            }
        }
        for r in F.demoRecords.incidents where r.date <= a.asOf {
            let row = F.row(r.customerId)
            if Deescalation.isRedLine(kind: r.kind, severity: r.severity, policy: a.policy) {
                #expect(a.customers[row].redLine != nil, "\(r.customerId)")
            }
        }
        var p = Policy.standard
        p.redLines = RedLines(kinds: [.coercion], minSeverity: 6)
        #expect(Deescalation.isRedLine(kind: .coercion, severity: 1, policy: p))
        #expect(!Deescalation.isRedLine(kind: .intimidation, severity: 5, policy: p))
    }
}
