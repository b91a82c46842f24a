/// Everything Snoei holds about one customer, for its right of access (GDPR/AVG art. 15):
/// its rows of every ledger table, the firm's assessments included (incidents and deviations
/// with their notes, values-fit scores, referrals, whether a contact was self-caused, invoice
/// cost prices); the workflow records (decisions with their audit trail, fix plans, boundary
/// notices, exits, leave requests); the access log about it; and the figures Snoei derives
/// (its analysis profile: friction score, quadrant, proposal and the reasons), because art. 15
/// covers profiling too. Snoei only proposes: every decision about a customer is made by a
/// person (art. 22).
///
/// This export goes to the data subject (the customer), never to another firm: it is the one
/// place outside the firm where the friction score and the assessments appear. What a leaving
/// customer takes to its next firm is `HandoverExport`, which carries none of them, and no
/// export or import carries a difficulty score from one firm's database into another's.
///
/// Which rows are the customer's is `CustomerRowIndex`'s rule: payments that settle its
/// invoices or name it, referrals it made (that another customer referred it is that
/// customer's record and is left out, art. 15(4)).
public struct PrivacyExport: Sendable {
    public let customerId: String
    /// The analysis date and the moment the export was made (ISO 8601).
    public let asOf: Day
    public let generatedAt: String
    public let language: Language
    /// The customer's rows of every ledger table.
    public let records: LedgerRecords
    public let workflow: WorkflowRecordSet
    public let accessLog: [AccessLogEntry]
    public let retention: RetentionStatus
    private let analysis: Analysis
    private let row: Int
    private let allRecords: LedgerRecords

    /// Nil when the customer is not in `records` or not in `analysis`. `workflow` and
    /// `accessLog` may hold other customers' records; only this customer's are used.
    public init?(customerId: String, records all: LedgerRecords, workflow: WorkflowRecordSet, accessLog: [AccessLogEntry],
                 analysis: Analysis, generatedAt: String, language: Language) {
        let index = CustomerRowIndex(all)
        guard let own = index.records(of: customerId), let row = analysis.row(of: customerId) else { return nil }
        self.customerId = customerId
        self.asOf = analysis.asOf
        self.generatedAt = generatedAt
        self.language = language
        self.records = own
        self.workflow = workflow.only(customerId: customerId)
        self.accessLog = accessLog.filter { $0.customerId == customerId }
        self.retention = RetentionRules.status(of: customerId, index: index, workflow: self.workflow,
                                               policy: analysis.policy.privacy, today: analysis.asOf)
        self.analysis = analysis
        self.row = row
        self.allRecords = all
    }

    /// The customer's rows of every ledger table, without the analysis (for tests and tools).
    public static func records(for customerId: String, in all: LedgerRecords) -> LedgerRecords? {
        CustomerRowIndex(all).records(of: customerId)
    }

    static func text(_ language: Language) -> (about: String, decisions: String) {
        language == .nl
            ? ("Alles wat Snoei over deze klant bewaart (AVG art. 15): de gegevens uit de administratie, de beoordelingen van het bedrijf, de besluiten met hun audittrail, het toegangslogboek en de cijfers die Snoei afleidt (profilering).",
               "Snoei berekent cijfers en doet voorstellen; elk besluit over een klant neemt een mens (AVG art. 22).")
            : ("Everything Snoei holds about this customer (GDPR art. 15): the ledger records, the firm's assessments, the decisions with their audit trail, the access log and the figures Snoei derives (profiling).",
               "Snoei computes figures and makes proposals; every decision about a customer is made by a person (GDPR art. 22).")
    }

    /// The export as one JSON document: what it is, retention, the analysis, the workflow
    /// records and the access log, then one array per ledger table (`LedgerRecordsJSON`).
    public func json() -> String {
        let texts = Self.text(language)
        return LedgerRecordsJSON.render(records) { w in
            w.string("document", "gdpr_art15_export")
            w.string("customer_id", customerId)
            w.string("as_of", asOf.iso)
            w.string("generated_at", generatedAt)
            w.string("language", language.rawValue)
            w.string("about", texts.about)
            w.string("automated_decisions", texts.decisions)
            w.beginObject("retention")
            w.int("retention_years", analysis.policy.privacy.retentionYears)
            w.int("tax_retention_years", analysis.policy.privacy.taxRetentionYears)
            w.string("relationship_ended", retention.relationshipEnded?.iso)
            w.string("kept_until", retention.keptUntil?.iso)
            w.bool("past_retention", retention.isPastRetention)
            w.endObject()
            // As in `snoei analyze --format json`, for this customer alone.
            w.beginObject("analysis")
            w.string("as_of", asOf.iso)
            w.beginArray("customers")
            AnalysisJSON.writeCustomer(&w, analysis, row, TextRenderer(language))
            w.endArray()
            w.endObject()
            Self.writeWorkflow(&w, workflow)
            w.beginArray("access_log")
            for e in accessLog {
                w.beginObject()
                w.string("at", e.at); w.string("actor", e.actor); w.string("action", e.action.rawValue)
                w.string("customer_id", e.customerId); w.string("detail", e.detail)
                w.endObject()
            }
            w.endArray()
        }
    }

    static func writeWorkflow(_ w: inout JSONWriter, _ x: WorkflowRecordSet) {
        w.beginArray("decisions")
        for d in x.decisions {
            w.beginObject()
            w.string("decision_id", d.decisionId); w.string("customer_id", d.customerId); w.string("state", d.state.rawValue)
            w.string("proposed", d.proposed.rawValue); w.string("chosen", d.chosen?.rawValue)
            w.string("opened_at", d.openedAt); w.string("updated_at", d.updatedAt)
            w.endObject()
        }
        w.endArray()
        w.beginArray("decision_events")
        for e in x.events {
            w.beginObject()
            w.string("decision_id", e.decisionId); w.string("customer_id", e.customerId); w.string("at", e.at)
            w.string("actor", e.actor); w.string("step", e.step.rawValue); w.string("from", e.from.rawValue)
            w.string("to", e.to.rawValue); w.string("proposed", e.proposed.rawValue); w.string("chosen", e.chosen?.rawValue)
            w.string("reason", e.reason)
            w.endObject()
        }
        w.endArray()
        w.beginArray("fix_plans")
        for p in x.fixPlans {
            w.beginObject()
            w.string("plan_id", p.planId); w.string("decision_id", p.decisionId); w.string("customer_id", p.customerId)
            w.beginArray("actions")
            for a in p.actions { w.string(nil, a.rawValue) }
            w.endArray()
            w.string("owner", p.owner); w.string("start", p.start.iso); w.string("review", p.review.iso)
            w.string("outcome", p.outcome?.rawValue); w.string("note", p.note)
            w.endObject()
        }
        w.endArray()
        w.beginArray("boundary_notices")
        for n in x.boundaryNotices {
            w.beginObject()
            w.string("customer_id", n.customerId); w.string("kind", n.kind.rawValue); w.string("date", n.date.iso)
            w.string("channel", n.channel.rawValue); w.string("by", n.by); w.string("note", n.note)
            w.endObject()
        }
        w.endArray()
        w.beginArray("exits")
        for e in x.exits {
            w.beginObject()
            w.string("decision_id", e.decisionId); w.string("customer_id", e.customerId); w.string("partner_id", e.partnerId)
            w.string("conversation_date", e.conversationDate?.iso); w.string("end_date", e.endDate?.iso)
            w.beginObject("done")
            for step in ExitStep.allCases { if let day = e.done[step] { w.string(step.rawValue, day.iso) } }
            w.endObject()
            w.endObject()
        }
        w.endArray()
        w.beginArray("leave_requests")
        for l in x.leaveRequests {
            w.beginObject()
            w.string("customer_id", l.customerId); w.string("date", l.date.iso); w.string("channel", l.channel.rawValue)
            w.string("note", l.note)
            w.endObject()
        }
        w.endArray()
    }

    /// The export as a readable document (sections of lines and tables) for the command line
    /// and the web page.
    public func document() -> PrivacyDocument {
        let fmt = Formatter(language)
        func L(_ en: String, _ nl: String) -> String { language == .nl ? nl : en }
        typealias Section = PrivacyDocument.Section
        typealias Table = PrivacyDocument.Table
        let texts = Self.text(language)
        let r = records
        func opt(_ s: String?) -> String { s ?? "" }
        func bool(_ b: Bool?) -> String { b.map { $0 ? L("yes", "ja") : L("no", "nee") } ?? "" }
        func section(_ title: String, _ headers: [String], _ rows: [[String]]) -> Section {
            rows.isEmpty ? Section(title: title, lines: [L("None.", "Geen.")])
                         : Section(title: title, table: Table(headers: headers, rows: rows))
        }
        var sections = [Section]()
        sections.append(Section(title: L("About this export", "Over dit overzicht"), lines: [
            texts.about, texts.decisions,
            L("Customer \(customerId), as of \(fmt.date(asOf)); made \(generatedAt).",
              "Klant \(customerId), per \(fmt.date(asOf)); gemaakt \(generatedAt)."),
        ]))
        let c = r.customers.first ?? CustomerRecord(customerId: customerId, name: "")
        sections.append(Section(title: L("Customer record", "Klantgegevens"), table: Table(
            headers: [L("field", "veld"), L("value", "waarde")],
            rows: [["customer_id", c.customerId], ["name", c.name], ["segment", opt(c.segment)],
                   ["account_manager", opt(c.accountManager)], ["since", opt(c.since?.iso)], ["tier", opt(c.tier)],
                   ["contract_end", opt(c.contractEnd?.iso)], ["notice_days", c.noticeDays.map(String.init) ?? ""],
                   ["cancel_channel", opt(c.cancelChannel)]])))
        sections.append(section(L("Invoices", "Facturen"),
            ["invoice_id", "issue_date", "due_date", "amount", "vat", "cost", "reference"],
            r.invoices.map { [$0.invoiceId, $0.issueDate.iso, $0.dueDate.iso, fmt.money($0.amount), fmt.money($0.vat),
                              $0.cost.map(fmt.money) ?? "", opt($0.reference)] }))
        sections.append(section(L("Payments", "Betalingen"),
            ["payment_id", "date", "amount", "invoice_id", "customer_id", "reference"],
            r.payments.map { [$0.paymentId, $0.date.iso, fmt.money($0.amount), opt($0.invoiceId), opt($0.customerId),
                              opt($0.reference)] }))
        sections.append(section(L("Hours", "Uren"), ["date", "hours", "activity", "billable", "employee"],
            r.timeEntries.map { [$0.date.iso, fmt.hours($0.hours), $0.activity.rawValue, bool($0.billable), opt($0.employee)] }))
        sections.append(section(L("Contacts", "Contacten"), ["date", "channel", "kind", "topic", "self_caused"],
            r.contacts.map { [$0.date.iso, $0.channel.rawValue, $0.kind.rawValue, opt($0.topic?.rawValue), bool($0.selfCaused)] }))
        sections.append(section(L("Deviations from the sales standards", "Afwijkingen van de verkoopvoorwaarden"),
            ["date", "kind", "cost", "note"],
            r.deviations.map { [$0.date.iso, $0.kind.rawValue, fmt.money($0.cost), opt($0.note)] }))
        sections.append(section(L("Incidents", "Incidenten"), ["date", "kind", "severity", "note"],
            r.incidents.map { [$0.date.iso, $0.kind.rawValue, String($0.severity), opt($0.note)] }))
        sections.append(section(L("Referrals made", "Aanbevelingen"), ["date", "referred_customer_id"],
            r.referrals.map { [$0.date.iso, $0.referredCustomerId] }))
        sections.append(section(L("Values fit", "Aansluiting bij onze waarden"), ["criterion", "score"],
            r.valuesFit.map { [$0.criterion, String($0.score)] }))

        let profile = CustomerProfile(analysis: analysis, row: row, records: allRecords, language: language,
                                      timelineSince: asOf + 1)
        var profiling = [texts.decisions, profile.verdictLine]
        for s in profile.sections { profiling += s.lines.map { s.title + ": " + $0 } }
        sections.append(Section(title: L("Snoei's analysis (profiling)", "Analyse door Snoei (profilering)"), lines: profiling))

        let w = workflow
        sections.append(section(L("Decisions", "Besluiten"), ["decision_id", "state", "proposed", "chosen", "opened_at", "updated_at"],
            w.decisions.map { [$0.decisionId, $0.state.rawValue, $0.proposed.rawValue, opt($0.chosen?.rawValue), $0.openedAt, $0.updatedAt] }))
        sections.append(section(L("Decision audit trail", "Audittrail van besluiten"),
            ["at", "actor", "decision_id", "step", "from", "to", "chosen", "reason"],
            w.events.map { [$0.at, $0.actor, $0.decisionId, $0.step.rawValue, $0.from.rawValue, $0.to.rawValue,
                            opt($0.chosen?.rawValue), $0.reason] }))
        sections.append(section(L("Fix plans", "Verbeterplannen"), ["plan_id", "actions", "owner", "start", "review", "outcome", "note"],
            w.fixPlans.map { [$0.planId, $0.actions.map(\.rawValue).joined(separator: ", "), $0.owner, $0.start.iso,
                              $0.review.iso, opt($0.outcome?.rawValue), opt($0.note)] }))
        sections.append(section(L("Boundaries told", "Afgesproken grenzen"), ["date", "kind", "channel", "by", "note"],
            w.boundaryNotices.map { [$0.date.iso, $0.kind.rawValue, $0.channel.rawValue, $0.by, opt($0.note)] }))
        sections.append(section(L("Exits", "Vertrek"), ["decision_id", "partner_id", "conversation_date", "end_date", "done"],
            w.exits.map { e in [e.decisionId, opt(e.partnerId), opt(e.conversationDate?.iso), opt(e.endDate?.iso),
                                ExitStep.allCases.compactMap { s in e.done[s].map { "\(s.rawValue) \($0.iso)" } }.joined(separator: ", ")] }))
        sections.append(section(L("Leave requests", "Opzegverzoeken"), ["date", "channel", "note"],
            w.leaveRequests.map { [$0.date.iso, $0.channel.rawValue, opt($0.note)] }))
        let privacy = analysis.policy.privacy
        sections.append(Section(title: L("Retention", "Bewaartermijn"), lines: [
            L("Kept for \(privacy.retentionYears) year(s) after the relationship ended; invoices and payments for \(privacy.taxRetentionYears) year(s) after their date (tax retention duty).",
              "Bewaard tot \(privacy.retentionYears) jaar na het einde van de relatie; facturen en betalingen \(privacy.taxRetentionYears) jaar na hun datum (fiscale bewaarplicht)."),
            retention.text(language),
        ]))
        sections.append(section(L("Access log", "Toegangslogboek"), ["at", "actor", "action", "detail"],
            accessLog.map { [$0.at, $0.actor, $0.action.rawValue, opt($0.detail)] }))
        return PrivacyDocument(title: L("Data held about customer \(customerId)", "Gegevens over klant \(customerId)"),
                               sections: sections)
    }
}

/// A readable document as data: a title and sections, each with lines and at most one table.
/// The command line prints `plainText`; the web app renders the same sections as HTML.
public struct PrivacyDocument: Sendable, Equatable {
    public struct Table: Sendable, Equatable {
        public var headers: [String]
        public var rows: [[String]]
        public init(headers: [String], rows: [[String]]) { self.headers = headers; self.rows = rows }
    }

    public struct Section: Sendable, Equatable {
        public var title: String
        public var lines: [String]
        public var table: Table?
        public init(title: String, lines: [String] = [], table: Table? = nil) {
            self.title = title; self.lines = lines; self.table = table
        }
    }

    public var title: String
    public var sections: [Section]

    public init(title: String, sections: [Section]) { self.title = title; self.sections = sections }

    /// Plain text: underlined titles, lines as they are, tables with aligned columns.
    public var plainText: String {
        var out = [title, String(repeating: "=", count: title.count)]
        for s in sections {
            out += ["", s.title, String(repeating: "-", count: s.title.count)]
            out += s.lines
            if let t = s.table {
                var widths = t.headers.map(\.count)
                for row in t.rows {
                    for (i, cell) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], cell.count) }
                }
                func line(_ cells: [String]) -> String {
                    var text = ""
                    for (i, cell) in cells.enumerated() {
                        text += i + 1 < cells.count ? cell + String(repeating: " ", count: widths[i] - cell.count + 2) : cell
                    }
                    return text
                }
                out.append(line(t.headers))
                out += t.rows.map(line)
            }
        }
        return out.joined(separator: "\n") + "\n"
    }
}
