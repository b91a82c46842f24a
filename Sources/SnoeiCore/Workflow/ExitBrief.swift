import Foundation

/// A prepared conversation for ending a relationship through the front door (seeds 002, 003):
/// for a phone call or a visit, never only an e-mail. Business reasons from the figures, what the
/// customer gains by moving, a referral, help with switching, the notice honoured in the spirit
/// of the contract (seed 004), the final invoice, and how to hold the conversation.
///
/// Every sentence comes from `WorkflowText` and passes `WordingCheck`.
public struct ExitBrief: Sendable {
    public struct Section: Hashable, Sendable {
        public var title: String
        public var lines: [String]
        public init(title: String, lines: [String]) { self.title = title; self.lines = lines }
    }

    public var title: String
    public var sections: [Section]
    public var language: Language

    /// Reason codes that are business reasons for an exit (the others describe what goes well,
    /// or the firm's own risk, which the purpose section notes for the caller).
    static let concerns: Set<ReasonCode> = [.redLine, .unprofitable, .letGoFriction, .frictionHigh, .latePayment,
                                            .shortPay, .overdue90, .selfCaused, .deviations, .incidents, .valuesFitLow]

    public init(analysis a: Analysis, row: Int, records: LedgerRecords, partner: PartnerMatch?, dates: ExitDates,
                openBalance: Money, language: Language) {
        self.language = language
        let t = TextRenderer(language), fmt = t.format
        let f = a.customers[row], v = a.verdicts[row], c = a.ledger.customers
        let name = c.names[row], id = c.ids[row]
        func L(_ key: String, _ values: [String: String] = [:]) -> String {
            var all = values
            all["name"] = all["name"] ?? name
            return WorkflowText.fill(key, language, all)
        }
        title = L("brief.title", ["id": id])
        var sections = [Section]()

        // Purpose
        var purpose = [L("brief.purpose.medium"), L("brief.purpose.goal", ["end_date": fmt.date(dates.proposedEnd)]),
                       L("brief.purpose.business")]
        let since = c.since[row]
        if let since { purpose.append(L("brief.purpose.since", ["since": fmt.date(since)])) }
        if v.recommendation != .letGo {
            purpose.append(L("brief.purpose.proposal_differs", ["proposal": t.label(v.recommendation)]))
        }
        for r in v.reasons where r.code == .dependency || r.code == .dependencyRisk { purpose.append(t.text(r)) }
        sections.append(Section(title: L("brief.section.purpose"), lines: purpose))

        // Business reasons
        var reasons = v.reasons.filter { Self.concerns.contains($0.code) }.map { t.text($0) }
        if reasons.isEmpty { reasons.append(L("brief.reasons.none")) }
        reasons.append(L("brief.reasons.figures", [
            "revenue": fmt.money(f.revenue), "contribution": fmt.money(f.contribution),
            "hours": fmt.hours(f.hours), "contacts": String(f.contacts),
        ]))
        sections.append(Section(title: L("brief.section.reasons"), lines: reasons))

        // What the customer gains
        let demands = PartnerMatcher.demands(for: row, in: a, records: records).filter { $0.source != .segment }
        var gain = [String]()
        if demands.isEmpty {
            gain.append(L("brief.gain.general"))
        } else {
            let listed = demands.prefix(3).map { $0.text(language) }.joined(separator: ", ")
            gain += [L("brief.gain.demands", ["demands": listed]), L("brief.gain.fit")]
        }
        sections.append(Section(title: L("brief.section.gain"), lines: gain))

        // Referral
        var referral = [String]()
        if let partner {
            let p = partner.partner
            let specialities = p.specialities.map { Self.speciality($0, language) }.joined(separator: ", ")
            referral.append(L("brief.referral.partner", ["partner": p.name, "specialities": specialities]))
            if !partner.evidence.isEmpty {
                let matched = partner.evidence.map { $0.demand.text(language) }.joined(separator: ", ")
                referral.append(L("brief.referral.matched", ["partner": p.name, "matched": matched]))
            }
            if let contact = p.contact, !contact.isEmpty {
                referral.append(L("brief.referral.contact", ["partner": p.name, "contact": contact]))
            }
            referral.append(L("brief.referral.offer"))
        } else {
            referral.append(L("brief.referral.none"))
        }
        sections.append(Section(title: L("brief.section.referral"), lines: referral))

        // Switching
        sections.append(Section(title: L("brief.section.switching"),
                                lines: [L("brief.switch.handover"), L("brief.switch.export"), L("brief.switch.overlap")]))

        // Notice and end date
        sections.append(Section(title: L("brief.section.dates"),
                                lines: [L("brief.dates.end", ["proposed_end": fmt.date(dates.proposedEnd)])] + dates.text(language)))

        // Final invoice
        var invoice = [L("brief.invoice.final")]
        if openBalance.cents > 0 {
            invoice.append(L("brief.invoice.open", ["open_balance": fmt.money(openBalance)]))
        } else if openBalance.cents < 0 {
            invoice.append(L("brief.invoice.credit", ["credit": fmt.money(-openBalance)]))
        } else {
            invoice.append(L("brief.invoice.none"))
        }
        sections.append(Section(title: L("brief.section.invoice"), lines: invoice))

        // Tips
        var tips = [L("brief.tip.listen"), L("brief.tip.calm"), L("brief.tip.ask"), L("brief.tip.no_blame"), L("brief.tip.past")]
        if let since { tips.append(L("brief.tip.thanks_since", ["since": String(since.components.year)])) } else { tips.append(L("brief.tip.thanks")) }
        sections.append(Section(title: L("brief.section.tips"), lines: tips))
        self.sections = sections
    }

    /// Plain text for a print or the command line: the title, then each section with its lines.
    public var text: String {
        var out = title + "\n" + String(repeating: "=", count: title.count) + "\n"
        for s in sections {
            out += "\n" + s.title + "\n"
            for line in s.lines { out += "- " + line + "\n" }
        }
        return out
    }

    /// A partner's speciality in words: a topic or deviation code in the language, else as written.
    static func speciality(_ raw: String, _ language: Language) -> String {
        let code = PartnerMatcher.normalise(raw)
        if let topic = Topic(rawValue: code) { return WorkflowText.topic(topic, language) }
        if let kind = DeviationKind(rawValue: code) { return WorkflowText.deviation(kind, language) }
        return raw.replacingOccurrences(of: "_", with: " ")
    }
}
