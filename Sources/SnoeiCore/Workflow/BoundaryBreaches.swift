/// A boundary crossed after it was told to the customer (`BoundaryNotice`).
public struct Breach: Equatable, Sendable {
    public var kind: BoundaryKind
    /// The day the boundary was told.
    public var noticeDate: Day
    /// The day of the breach: the payment, contact, deviation or incident, or the day an open
    /// invoice went past the boundary.
    public var date: Day
    /// `breach.payment_terms.late`, `breach.payment_terms.open`, `breach.full_payment`,
    /// `breach.scope.unpaid_extra_work`, `breach.scope.change_request`, `breach.behaviour`,
    /// `breach.contact_channel` (keys in `WorkflowText`).
    public var code: String
    /// The figures the sentence names (`invoice`, `due`, `days_late`, `boundary`, `open`, …).
    public var figures: [Figure]

    public init(kind: BoundaryKind, noticeDate: Day, date: Day, code: String, figures: [Figure]) {
        self.kind = kind; self.noticeDate = noticeDate; self.date = date; self.code = code; self.figures = figures
    }

    public func figure(_ name: String) -> FigureValue? { figures.first { $0.name == name }?.value }

    /// One factual sentence.
    public func text(_ language: Language) -> String {
        let format = Formatter(language)
        var values = ["notice_date": format.date(noticeDate), "date": format.date(date)]
        for f in figures {
            switch (f.name, f.value) {
            case ("channel", .text(let raw)): values[f.name] = Channel(rawValue: raw).map { WorkflowText.by($0, language) } ?? raw
            case ("kind", .text(let raw)): values[f.name] = TextRenderer(language).term(raw)
            case (_, .text(let raw)): values[f.name] = raw
            default: values[f.name] = format.figure(f.value)
            }
        }
        return WorkflowText.fill(code, language, values)
    }
}

/// Breaches of the boundaries a customer was told, counted only after the notice (strictly
/// later than its date) and up to the analysis date. Per kind the earliest notice counts.
///
/// - payment_terms: invoices due after the notice, paid more than `policy.boundaries.lateDays`
///   days late, or still open longer than that.
/// - full_payment: invoices issued after the notice that were paid in part, with no payment for
///   more than 30 days since (the short-pay rule of the figures).
/// - scope: deviations of kind `unpaid_extra_work` and change-request contacts after the notice.
/// - behaviour: incidents after the notice.
/// - contact_channel: contacts by phone or visit after the notice. Kept simple: the agreed
///   channels are taken to be the written ones (e-mail, ticket, chat).
public enum BoundaryBreaches {
    public static func find(notices: [BoundaryNotice], row: Int, analysis: Analysis, records: LedgerRecords) -> [Breach] {
        let ledger = analysis.ledger
        guard row >= 0, row < ledger.customers.count else { return [] }
        let id = ledger.customers.ids[row]
        var earliest = [BoundaryKind: Day]()
        for n in notices where n.customerId == id {
            if earliest[n.kind].map({ n.date < $0 }) ?? true { earliest[n.kind] = n.date }
        }
        let asOf = analysis.asOf
        var out = [Breach]()
        for kind in BoundaryKind.allCases {
            guard let notice = earliest[kind], notice < asOf else { continue }
            switch kind {
            case .paymentTerms: out += paymentTerms(row: row, notice: notice, analysis: analysis)
            case .fullPayment: out += fullPayment(row: row, notice: notice, analysis: analysis)
            case .scope:
                let d = ledger.deviations
                for i in rows(ledger.customerRows?.deviations[row], d.customer, row) where d.kind[i] == .unpaidExtraWork
                    && d.date[i] > notice && d.date[i] <= asOf {
                    out.append(Breach(kind: kind, noticeDate: notice, date: d.date[i], code: "breach.scope.unpaid_extra_work",
                                      figures: [Figure("cost", .money(Money(cents: d.cost[i])))]))
                }
                let c = ledger.contacts
                for i in rows(ledger.customerRows?.contacts[row], c.customer, row) where c.kind[i] == .changeRequest
                    && c.date[i] > notice && c.date[i] <= asOf {
                    out.append(Breach(kind: kind, noticeDate: notice, date: c.date[i], code: "breach.scope.change_request",
                                      figures: [Figure("channel", .text(c.channel[i].rawValue))]))
                }
            case .behaviour:
                let x = ledger.incidents
                for i in rows(ledger.customerRows?.incidents[row], x.customer, row) where x.date[i] > notice && x.date[i] <= asOf {
                    out.append(Breach(kind: kind, noticeDate: notice, date: x.date[i], code: "breach.behaviour",
                                      figures: [Figure("kind", .text(x.kind[i].rawValue)), Figure("severity", .count(Int(x.severity[i])))]))
                }
            case .contactChannel:
                let c = ledger.contacts
                for i in rows(ledger.customerRows?.contacts[row], c.customer, row) where (c.channel[i] == .call || c.channel[i] == .visit)
                    && c.date[i] > notice && c.date[i] <= asOf {
                    out.append(Breach(kind: kind, noticeDate: notice, date: c.date[i], code: "breach.contact_channel",
                                      figures: [Figure("channel", .text(c.channel[i].rawValue))]))
                }
            }
        }
        return out.enumerated().sorted { a, b in
            if a.element.date != b.element.date { return a.element.date < b.element.date }
            return a.offset < b.offset
        }.map(\.element)
    }

    /// Rows of one customer in a ledger table, from the index when there is one.
    static func rows(_ group: ArraySlice<Int32>?, _ customer: [Int32], _ row: Int) -> [Int] {
        if let group { return group.map { Int($0) } }
        let r = Int32(row)
        return customer.indices.filter { customer[$0] == r }
    }

    /// Payments per invoice of one customer, dated up to `asOf`, by date.
    static func payments(invoices: [Int], ledger: Ledger, asOf: Day) -> [Int: [(date: Day, amount: Int64)]] {
        let wanted = Set(invoices.map { Int32($0) })
        var out = [Int: [(date: Day, amount: Int64)]]()
        let p = ledger.payments
        for j in 0..<p.count where p.invoice[j] >= 0 && p.date[j] <= asOf && wanted.contains(p.invoice[j]) {
            out[Int(p.invoice[j]), default: []].append((p.date[j], p.amount[j]))
        }
        for k in out.keys { out[k]!.sort { $0.date < $1.date } }
        return out
    }

    static func paymentTerms(row: Int, notice: Day, analysis: Analysis) -> [Breach] {
        let ledger = analysis.ledger, inv = ledger.invoices, asOf = analysis.asOf
        let boundary = analysis.policy.boundaries.lateDays
        let mine = CustomerRecordRows.invoices(row: row, ledger: ledger).filter {
            inv.due[$0] > notice && inv.due[$0] < asOf && inv.issue[$0] <= asOf && inv.amount[$0] + inv.vat[$0] > 0
        }
        let paid = payments(invoices: mine, ledger: ledger, asOf: asOf)
        var out = [Breach]()
        for i in mine {
            let payable = inv.amount[i] + inv.vat[i], due = inv.due[i]
            var sum: Int64 = 0
            var settled: Day?
            for p in paid[i] ?? [] {
                sum += p.amount
                if sum >= payable { settled = p.date; break }
            }
            let daysLate = (settled ?? asOf) - due
            guard Double(daysLate) > boundary else { continue }
            let figures = [Figure("invoice", .text(inv.ids[i])), Figure("due", .date(due)),
                           Figure("days_late", .count(daysLate)), Figure("boundary", .days(boundary))]
            if let settled {
                out.append(Breach(kind: .paymentTerms, noticeDate: notice, date: settled, code: "breach.payment_terms.late", figures: figures))
            } else {
                let passed = due + (Int(boundary.rounded(.down)) + 1)
                out.append(Breach(kind: .paymentTerms, noticeDate: notice, date: passed, code: "breach.payment_terms.open",
                                  figures: figures + [Figure("open", .money(Money(cents: payable - sum)))]))
            }
        }
        return out
    }

    static func fullPayment(row: Int, notice: Day, analysis: Analysis) -> [Breach] {
        let ledger = analysis.ledger, inv = ledger.invoices, asOf = analysis.asOf
        let mine = CustomerRecordRows.invoices(row: row, ledger: ledger).filter {
            inv.issue[$0] > notice && inv.issue[$0] <= asOf && inv.due[$0] < asOf && inv.amount[$0] + inv.vat[$0] > 0
        }
        let paid = payments(invoices: mine, ledger: ledger, asOf: asOf)
        var out = [Breach]()
        for i in mine {
            guard let list = paid[i], let last = list.last?.date else { continue }
            let open = inv.amount[i] + inv.vat[i] - list.reduce(0) { $0 + $1.amount }
            guard open > 0, last < asOf - 30 else { continue }
            out.append(Breach(kind: .fullPayment, noticeDate: notice, date: last, code: "breach.full_payment",
                              figures: [Figure("invoice", .text(inv.ids[i])), Figure("issued", .date(inv.issue[i])),
                                        Figure("open", .money(Money(cents: open)))]))
        }
        return out
    }
}
