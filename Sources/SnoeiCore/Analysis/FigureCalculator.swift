import Dispatch

/// Computes every FORMAT.md metric for every customer in a few linear passes.
///
/// All money is summed in integer cents. The passes touch flat columns only; the one
/// grouping step (payments per invoice) is a counting sort, so the cost is O(rows).
public struct FigureCalculator: Sendable {
    public let ledger: Ledger
    public let policy: Policy
    public let asOf: Day

    public init(ledger: Ledger, policy: Policy, asOf: Day) {
        self.ledger = ledger; self.policy = policy; self.asOf = asOf
    }

    /// First day of the window `[D − 365, D]`.
    public var windowStart: Day { asOf - 365 }

    /// Whether a time entry, contact or deviation dated `day` counts (the window `[D − 365, D]`).
    @inline(__always)
    func inWindow(_ day: Day) -> Bool { day >= windowStart && day <= asOf }

    public func customerFigures() -> [CustomerFigures] {
        let n = ledger.customers.count
        var figures = (0..<n).map { CustomerFigures(row: $0) }
        // Grouping the payments per invoice (a counting sort over all of them) and the windowed
        // flows read different columns and write different fields: side by side on two threads.
        let groups = ResultBox<PaymentGroups>(count: 1)
        figures.withUnsafeMutableBufferPointer { buffer in
            let flows = SendableBuffer(buffer)
            DispatchQueue.concurrentPerform(iterations: 2) { part in
                if part == 0 {
                    groups.set(0, PaymentGroups(payments: ledger.payments, invoiceCount: ledger.invoices.count, asOf: asOf))
                } else {
                    flowPass(flows.buffer)
                }
            }
        }
        // The invoice pass on every core, each over the invoices of its own range of customers:
        // every part reads the customer column, but writes only its own customers' figures.
        let paymentGroups = groups.take(0)!
        let parts = min(Parallelism.threads, max(1, n / 4_096))
        figures.withUnsafeMutableBufferPointer { buffer in
            let out = SendableBuffer(buffer)
            DispatchQueue.concurrentPerform(iterations: parts) { part in
                invoicePass(out.buffer, groups: paymentGroups, customers: n * part / parts..<n * (part + 1) / parts)
            }
        }
        incidentPass(&figures)
        relationshipPass(&figures)
        valuesFitPass(&figures)
        return figures
    }

    // MARK: invoices and payments

    private func invoicePass(_ figures: UnsafeMutableBufferPointer<CustomerFigures>, groups: PaymentGroups, customers: Range<Int>) {
        let inv = ledger.invoices
        let D = asOf, start = windowStart
        for i in 0..<inv.count {
            let c = Int(inv.customer[i])
            guard customers.contains(c), inv.issue[i] <= D else { continue }
            let state = groups.state(invoice: i, payable: inv.amount[i] + inv.vat[i])
            figures[c].add(invoice: i, of: inv, state: state, asOf: D, windowStart: start)
        }
        for c in customers { figures[c].finishInvoiceFigures() }
    }

    // MARK: hours, contacts, deviations (windowed flows)

    private func flowPass(_ figures: UnsafeMutableBufferPointer<CustomerFigures>) {
        let t = ledger.timeEntries
        for i in 0..<t.count where inWindow(t.date[i]) {
            figures[Int(t.customer[i])].add(hours: t.hours[i], activity: t.activity[i])
        }
        let rates = hourRates
        for c in figures.indices where figures[c].hours != 0 { figures[c].priceHours(at: rates) }

        let k = ledger.contacts
        for i in 0..<k.count where inWindow(k.date[i]) {
            figures[Int(k.customer[i])].addContact(kind: k.kind[i], channel: k.channel[i], selfCaused: k.selfCaused[i])
        }
        let unit = contactCosts
        for c in figures.indices where figures[c].contacts != 0 { figures[c].priceContacts(at: unit) }

        let d = ledger.deviations
        for i in 0..<d.count where inWindow(d.date[i]) {
            figures[Int(d.customer[i])].addDeviation(cost: d.cost[i])
        }
    }

    /// Cents per hour by `Activity.ordinal`, and per contact by `ContactKind.ordinal`.
    var hourRates: [Int64] { Activity.allCases.map { policy.rate($0).cents } }
    var contactCosts: [Int64] { ContactKind.allCases.map { policy.cost($0).cents } }

    // MARK: incidents (all time up to D)

    private func incidentPass(_ figures: inout [CustomerFigures]) {
        let x = ledger.incidents
        for i in 0..<x.count where x.date[i] <= asOf {
            figures[Int(x.customer[i])].add(IncidentRef(kind: x.kind[i], severity: Int(x.severity[i]), date: x.date[i]),
                                            redLines: policy.redLines)
        }
    }

    // MARK: revenue share, referrals, values fit

    /// Revenue share and referrals: the figures that depend on other customers' revenue, so the
    /// incremental analysis runs this over the whole ledger after recomputing a few customers.
    func relationshipPass(_ figures: inout [CustomerFigures]) {
        var total = Money.zero
        for f in figures { total += f.revenue }
        for c in figures.indices {
            figures[c].revenueShare = Self.revenueShare(figures[c].revenue, of: total)
            figures[c].referrals = 0
            figures[c].referredRevenue = .zero
        }
        let r = ledger.referrals
        for i in 0..<r.count where r.date[i] <= asOf {
            let revenue = figures[Int(r.referred[i])].revenue
            figures[Int(r.customer[i])].countReferral(revenue: revenue)
        }
    }

    /// A customer's revenue as a share of the portfolio's `total`.
    static func revenueShare(_ revenue: Money, of total: Money) -> Double {
        total.cents != 0 ? Double(revenue.cents) / Double(total.cents) : 0
    }

    private func valuesFitPass(_ figures: inout [CustomerFigures]) {
        let v = ledger.valuesFit
        guard v.count > 0 else { return }
        var weighted = [Double](repeating: 0, count: figures.count)
        var weights = [Double](repeating: 0, count: figures.count)
        for i in 0..<v.count {
            let c = Int(v.customer[i])
            let w = policy.valuesFit.criteria[v.criterion[i]] ?? 1
            // Scores 1–5 map onto 0–1.
            weighted[c] += w * (Double(v.score[i]) - 1) / 4
            weights[c] += w
        }
        for c in figures.indices where weights[c] > 0 { figures[c].valuesFit = weighted[c] / weights[c] }
    }
}

/// Payments grouped per invoice, ordered by date, only those dated ≤ the as-of date.
struct PaymentGroups: Sendable {
    private var offsets: [Int32]
    private var order: [Int32]
    private let payments: Ledger.Payments

    struct State {
        var paid: Int64 = 0
        var count = 0
        var lastDate = Day(raw: .min)
        /// First date on which the invoice was fully paid (same-day payments summed).
        var settled: Day?
    }

    init(payments p: Ledger.Payments, invoiceCount: Int, asOf: Day) {
        payments = p
        var counts = [Int32](repeating: 0, count: invoiceCount + 1)
        for j in 0..<p.count where p.invoice[j] >= 0 && p.date[j] <= asOf { counts[Int(p.invoice[j]) + 1] += 1 }
        for i in 0..<invoiceCount { counts[i + 1] += counts[i] }
        offsets = counts
        var cursor = counts
        order = [Int32](repeating: 0, count: Int(counts[invoiceCount]))
        for j in 0..<p.count where p.invoice[j] >= 0 && p.date[j] <= asOf {
            let i = Int(p.invoice[j])
            order[Int(cursor[i])] = Int32(j)
            cursor[i] += 1
        }
        // Groups are tiny: insertion sort by date keeps the whole step O(rows) in practice.
        for i in 0..<invoiceCount {
            let lo = Int(offsets[i]), hi = Int(offsets[i + 1])
            guard hi - lo > 1 else { continue }
            for a in (lo + 1)..<hi {
                let x = order[a]
                var b = a - 1
                while b >= lo, p.date[Int(order[b])] > p.date[Int(x)] { order[b + 1] = order[b]; b -= 1 }
                order[b + 1] = x
            }
        }
    }

    func state(invoice i: Int, payable: Int64) -> State {
        State(payable: payable, paidBy: order[Int(offsets[i])..<Int(offsets[i + 1])], payments: payments)
    }
}

extension PaymentGroups.State {
    /// The state of an invoice for `payable` after its payments `rows`, ordered by date.
    init(payable: Int64, paidBy rows: some Collection<Int32>, payments: Ledger.Payments) {
        var k = rows.startIndex
        while k < rows.endIndex {
            let day = payments.date[Int(rows[k])]
            while k < rows.endIndex, payments.date[Int(rows[k])] == day {
                paid += payments.amount[Int(rows[k])]
                count += 1
                k = rows.index(after: k)
            }
            lastDate = day
            if settled == nil, payable > 0, payable - paid <= 0 { settled = day }
        }
    }
}

extension IncidentRef {
    /// The incident a verdict names: the most severe, then the most recent, then by kind — never
    /// the order of the rows, so an import in another order (or an incremental one) names the same.
    func outweighs(_ other: IncidentRef?) -> Bool {
        guard let other else { return true }
        if severity != other.severity { return severity > other.severity }
        if date != other.date { return date > other.date }
        return kind.ordinal > other.kind.ordinal
    }
}
