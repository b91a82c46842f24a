import Foundation

/// One customer's whole profile as readable sentences, grouped in sections, plus a
/// timeline. Shared by the command line and (later) the web app.
public struct CustomerProfile: Sendable {
    public struct Section: Sendable {
        public var title: String
        public var lines: [String]
    }

    public struct Event: Sendable, Equatable {
        public var date: Day
        public var kind: String
        public var text: String
    }

    public var heading: String
    public var verdictLine: String
    public var sections: [Section]
    public var timeline: [Event]

    public init(analysis a: Analysis, row: Int, records: LedgerRecords, language: Language, timelineSince: Day?) {
        let t = TextRenderer(language)
        let fmt = t.format
        func L(_ en: String, _ nl: String) -> String { language == .nl ? nl : en }
        let f = a.customers[row], v = a.verdicts[row], c = a.ledger.customers
        let id = c.ids[row]

        var meta = [String]()
        if let s = c.segments[row] { meta.append(L("segment ", "segment ") + s) }
        if let m = c.accountManagers[row] { meta.append(L("account manager ", "accountmanager ") + m) }
        if let s = c.since[row] { meta.append(L("customer since ", "klant sinds ") + fmt.date(s)) }
        if let tier = c.tiers[row] { meta.append(L("tier ", "serviceniveau ") + tier) }
        heading = "\(c.names[row]) (\(id))" + (meta.isEmpty ? "" : " · " + meta.joined(separator: " · "))
        verdictLine = L("Proposal: ", "Voorstel: ") + t.label(v.recommendation) + " — " + t.label(v.quadrant)
            + L(" (as of ", " (per ") + fmt.date(a.asOf) + L("; a person decides)", "; een mens beslist)")

        var sections = [Section]()
        sections.append(Section(title: L("Why", "Waarom"), lines: v.reasons.map { t.text($0) }))
        sections.append(Section(title: L("Suggested next steps", "Voorgestelde vervolgstappen"),
                                lines: v.actions.map { t.label($0) }))

        // Profitability
        var profit = [String]()
        profit.append(L("Revenue in the last 12 months: \(fmt.money(f.revenue)) from \(f.invoicesInWindow) invoice(s); cost of goods \(fmt.money(f.cogs)); gross margin \(fmt.money(f.grossMargin)).",
                        "Omzet in de afgelopen 12 maanden: \(fmt.money(f.revenue)) uit \(f.invoicesInWindow) factuur/facturen; inkoopkosten \(fmt.money(f.cogs)); brutomarge \(fmt.money(f.grossMargin))."))
        profit.append(L("Cost to serve: \(fmt.money(f.costToServe)) — \(fmt.hours(f.hours)) hours (\(fmt.money(f.timeCost))), \(f.contacts) contact(s) (\(fmt.money(f.contactCost))), \(f.deviations) deviation(s) (\(fmt.money(f.deviationCost))).",
                        "Kosten van bediening: \(fmt.money(f.costToServe)) — \(fmt.hours(f.hours)) uur (\(fmt.money(f.timeCost))), \(f.contacts) contact(en) (\(fmt.money(f.contactCost))), \(f.deviations) afwijking(en) (\(fmt.money(f.deviationCost)))."))
        let hoursSplit = Activity.allCases.filter { f.hoursByActivity[$0.ordinal] > 0 }
            .map { "\($0.rawValue) \(fmt.hours(f.hoursByActivity[$0.ordinal]))" }
        if !hoursSplit.isEmpty { profit.append(L("Hours by activity: ", "Uren per activiteit: ") + hoursSplit.joined(separator: ", ") + ".") }
        profit.append(L("Contribution: \(fmt.money(f.contribution)). Share of the firm's revenue: \(fmt.percent(f.revenueShare)).",
                        "Bijdrage: \(fmt.money(f.contribution)). Aandeel in de omzet van het bedrijf: \(fmt.percent(f.revenueShare))."))
        sections.append(Section(title: L("Profitability", "Winstgevendheid"), lines: profit))

        // Payment behaviour
        var pay = [String]()
        if f.lateSetCount > 0 {
            pay.append(L("Of \(f.lateSetCount) invoice(s) due in the last 12 months, \(f.lateCount) were paid late; on average \(fmt.days(f.avgDaysLate)) days late (weighted by amount), at most \(f.maxDaysLate) days.",
                         "Van \(f.lateSetCount) factuur/facturen die de afgelopen 12 maanden vervielen, zijn er \(f.lateCount) te laat betaald; gemiddeld \(fmt.days(f.avgDaysLate)) dagen te laat (gewogen naar bedrag), hooguit \(f.maxDaysLate) dagen."))
        } else {
            pay.append(L("No invoices fell due in the last 12 months.", "Er vervielen geen facturen in de afgelopen 12 maanden."))
        }
        pay.append(L("Open now: \(fmt.money(f.openTotal)) — not yet due \(fmt.money(f.aging.notDue)); overdue \(fmt.money(f.overdue)) (1–30 days \(fmt.money(f.aging.d1_30)), 31–60 \(fmt.money(f.aging.d31_60)), 61–90 \(fmt.money(f.aging.d61_90)), over 90 \(fmt.money(f.aging.d90Plus))). DSO \(fmt.days(f.dso)) days.",
                     "Nu open: \(fmt.money(f.openTotal)) — nog niet vervallen \(fmt.money(f.aging.notDue)); achterstallig \(fmt.money(f.overdue)) (1–30 dagen \(fmt.money(f.aging.d1_30)), 31–60 \(fmt.money(f.aging.d31_60)), 61–90 \(fmt.money(f.aging.d61_90)), meer dan 90 \(fmt.money(f.aging.d90Plus))). DSO \(fmt.days(f.dso)) dagen."))
        if f.shortPays > 0 {
            pay.append(L("\(f.shortPays) invoice(s) were partly paid, with no payment for more than 30 days since; \(fmt.money(f.shortPaidOpen)) remains open.",
                         "\(f.shortPays) factuur/facturen zijn deels betaald, sindsdien meer dan 30 dagen zonder betaling; \(fmt.money(f.shortPaidOpen)) staat nog open."))
        }
        sections.append(Section(title: L("Payment behaviour", "Betaalgedrag"), lines: pay))

        // Contacts and friction
        var friction = [String]()
        if f.contacts > 0 {
            let kinds = ContactKind.allCases.filter { f.contactsByKind[$0.ordinal] > 0 }
                .map { "\(f.contactsByKind[$0.ordinal]) \($0.rawValue.replacingOccurrences(of: "_", with: " "))" }
            let channels = Channel.allCases.filter { f.contactsByChannel[$0.ordinal] > 0 }
                .map { "\($0.rawValue) \(f.contactsByChannel[$0.ordinal])" }
            let perK = f.contactsPerK.map { fmt.number($0) } ?? "–"
            friction.append(L("\(f.contacts) contact(s) in the last 12 months: \(kinds.joined(separator: ", ")); by \(channels.joined(separator: ", ")). That is \(perK) per €1,000 of revenue; \(fmt.percent(f.selfCausedShare)) concerned problems that started on the customer's side.",
                              "\(f.contacts) contact(en) in de afgelopen 12 maanden: \(kinds.joined(separator: ", ")); via \(channels.joined(separator: ", ")). Dat is \(perK) per € 1.000 omzet; \(fmt.percent(f.selfCausedShare)) ging over problemen die aan de kant van de klant ontstonden."))
        } else {
            friction.append(L("No contacts recorded in the last 12 months.", "Geen contacten vastgelegd in de afgelopen 12 maanden."))
        }
        let parts = v.friction.top(8).map { "\(t.label($0.component)) \(fmt.number($0.points))" }
        friction.append(L("Friction score \(fmt.number(v.friction.score)) of 100", "Frictiescore \(fmt.number(v.friction.score)) van 100")
                        + (parts.isEmpty ? "." : ": " + parts.joined(separator: ", ") + "."))
        if f.incidents > 0 {
            friction.append(L("\(f.incidents) incident(s) logged, highest severity \(f.incidentMaxSeverity) of 5.",
                              "\(f.incidents) incident(en) vastgelegd, hoogste ernst \(f.incidentMaxSeverity) van 5."))
        }
        sections.append(Section(title: L("Contacts and friction", "Contacten en frictie"), lines: friction))

        var relation = [String]()
        if f.referrals > 0 {
            relation.append(L("Referred \(f.referrals) new customer(s), who brought \(fmt.money(f.referredRevenue)) in the last 12 months.",
                              "Bracht \(f.referrals) nieuwe klant(en) aan, goed voor \(fmt.money(f.referredRevenue)) in de afgelopen 12 maanden."))
        }
        if let fit = f.valuesFit {
            relation.append(L("Values fit: \(fmt.percent(fit)) (policy minimum \(fmt.percent(a.policy.valuesFit.minimum))).",
                              "Aansluiting bij onze waarden: \(fmt.percent(fit)) (minimum in het beleid \(fmt.percent(a.policy.valuesFit.minimum)))."))
        }
        if let end = c.contractEnds[row] {
            let notice = c.noticeDays[row].map { L(", notice \($0) days", ", opzegtermijn \($0) dagen") } ?? ""
            let channel = c.cancelChannels[row].map { L(", cancel by \($0)", ", opzeggen via \($0)") } ?? ""
            relation.append(L("Contract runs until ", "Contract loopt tot ") + fmt.date(end) + notice + channel + ".")
        }
        if !relation.isEmpty { sections.append(Section(title: L("Relationship", "Relatie"), lines: relation)) }
        self.sections = sections
        let rows = TimelineRows.of(id: id, row: row, ledger: a.ledger, records: records, asOf: a.asOf)
        self.timeline = CustomerProfile.timeline(rows, records: records, asOf: a.asOf, since: timelineSince, language: language)
    }

    /// The rows of one customer's timeline. From the ledger's per-customer index when it has
    /// one that fits these records (O(the customer's rows)), else by scanning every record;
    /// both give the same rows in the same (table) order.
    struct TimelineRows: Equatable {
        var invoices: [Int] = []
        /// Per invoice above: the payments dated ≤ as-of whose `invoice_id` is its id.
        var paid: [Int64] = []
        var payments: [Int] = []
        var contacts: [Int] = []
        var deviations: [Int] = []
        var incidents: [Int] = []

        static func of(id: String, row: Int, ledger: Ledger, records r: LedgerRecords, asOf: Day) -> TimelineRows {
            indexed(id: id, row: row, ledger: ledger, records: r, asOf: asOf) ?? scanning(id: id, records: r, asOf: asOf)
        }

        static func indexed(id: String, row: Int, ledger: Ledger, records r: LedgerRecords, asOf: Day) -> TimelineRows? {
            guard let index = ledger.customerRows,
                  r.customers.count == ledger.customers.count, r.invoices.count == ledger.invoices.count,
                  r.payments.count == ledger.payments.count, r.contacts.count == ledger.contacts.count,
                  r.deviations.count == ledger.deviations.count, r.incidents.count == ledger.incidents.count,
                  row < r.customers.count, r.customers[row].customerId == id else { return nil }
            func rows(_ s: ArraySlice<Int32>) -> [Int] { s.map { Int($0) } }
            var t = TimelineRows()
            t.invoices = rows(index.invoices[row]); t.payments = rows(index.payments[row])
            t.contacts = rows(index.contacts[row]); t.deviations = rows(index.deviations[row])
            t.incidents = rows(index.incidents[row])
            // Trusted only as far as it can be checked cheaply: every row it names is this customer's.
            let invoiceIds = Set(t.invoices.lazy.map { r.invoices[$0].invoiceId })
            guard t.invoices.allSatisfy({ r.invoices[$0].customerId == id }),
                  t.payments.allSatisfy({ r.payments[$0].customerId == id || r.payments[$0].invoiceId.map(invoiceIds.contains) ?? false }),
                  t.contacts.allSatisfy({ r.contacts[$0].customerId == id }),
                  t.deviations.allSatisfy({ r.deviations[$0].customerId == id }),
                  t.incidents.allSatisfy({ r.incidents[$0].customerId == id }) else { return nil }
            t.paid = t.invoices.map { i in
                var sum: Int64 = 0
                for j in index.paymentsNamingInvoice[i] where r.payments[Int(j)].date <= asOf { sum += r.payments[Int(j)].amount.cents }
                return sum
            }
            return t
        }

        static func scanning(id: String, records r: LedgerRecords, asOf: Day) -> TimelineRows {
            var t = TimelineRows()
            t.invoices = r.invoices.indices.filter { r.invoices[$0].customerId == id }
            let invoiceIds = Set(t.invoices.lazy.map { r.invoices[$0].invoiceId })
            var paidTo = [String: Int64]()
            for p in r.payments where p.date <= asOf { if let i = p.invoiceId { paidTo[i, default: 0] += p.amount.cents } }
            t.paid = t.invoices.map { paidTo[r.invoices[$0].invoiceId] ?? 0 }
            t.payments = r.payments.indices.filter {
                let p = r.payments[$0]
                return p.invoiceId.map(invoiceIds.contains) ?? false || p.customerId == id
            }
            t.contacts = r.contacts.indices.filter { r.contacts[$0].customerId == id }
            t.deviations = r.deviations.indices.filter { r.deviations[$0].customerId == id }
            t.incidents = r.incidents.indices.filter { r.incidents[$0].customerId == id }
            return t
        }
    }

    static func timeline(_ rows: TimelineRows, records r: LedgerRecords, asOf: Day, since: Day?, language: Language) -> [Event] {
        let fmt = Formatter(language)
        func L(_ en: String, _ nl: String) -> String { language == .nl ? nl : en }
        func keep(_ d: Day) -> Bool { d <= asOf && (since.map { d >= $0 } ?? true) }
        var events = [Event]()
        for (row, paid) in zip(rows.invoices, rows.paid) {
            let i = r.invoices[row]
            guard keep(i.issueDate) else { continue }
            let open = i.payable.cents - paid
            let state = open > 0 ? L("open \(fmt.money(Money(cents: open)))", "open \(fmt.money(Money(cents: open)))")
                                 : L("paid", "betaald")
            events.append(Event(date: i.issueDate, kind: L("invoice", "factuur"),
                                text: "\(i.invoiceId) \(fmt.money(i.payable)) " + L("due ", "vervalt ") + fmt.date(i.dueDate) + " · " + state))
        }
        for row in rows.payments {
            let p = r.payments[row]
            guard keep(p.date) else { continue }
            events.append(Event(date: p.date, kind: L("payment", "betaling"),
                                text: "\(p.paymentId) \(fmt.money(p.amount))" + (p.invoiceId.map { " → \($0)" } ?? "")))
        }
        for row in rows.contacts {
            let k = r.contacts[row]
            guard keep(k.date) else { continue }
            var text = "\(k.channel.rawValue), \(k.kind.rawValue.replacingOccurrences(of: "_", with: " "))"
            if let topic = k.topic { text += " (\(topic.rawValue.replacingOccurrences(of: "_", with: " ")))" }
            if k.selfCaused == true { text += L(" · started on the customer's side", " · ontstaan aan de kant van de klant") }
            events.append(Event(date: k.date, kind: L("contact", "contact"), text: text))
        }
        for row in rows.deviations {
            let d = r.deviations[row]
            guard keep(d.date) else { continue }
            events.append(Event(date: d.date, kind: L("deviation", "afwijking"),
                                text: "\(d.kind.rawValue.replacingOccurrences(of: "_", with: " ")) \(fmt.money(d.cost))" + (d.note.map { " · \($0)" } ?? "")))
        }
        for row in rows.incidents {
            let x = r.incidents[row]
            guard x.date <= asOf else { continue }
            events.append(Event(date: x.date, kind: L("incident", "incident"),
                                text: TextRenderer(language).term(x.kind.rawValue) + L(", severity \(x.severity)", ", ernst \(x.severity)") + (x.note.map { " · \($0)" } ?? "")))
        }
        return events.sorted { $0.date != $1.date ? $0.date > $1.date : $0.kind < $1.kind }
    }
}
