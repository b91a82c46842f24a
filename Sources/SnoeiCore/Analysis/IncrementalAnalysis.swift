/// Re-analysis after a small import without recomputing the whole ledger (issue 8).
///
/// New rows touch a few customers: only those are recomputed, by cutting them out of the ledger
/// (`LedgerRowIndex.figureLedger`) and running the same `FigureCalculator` on them, so their
/// figures are exactly what a full analysis gives. What depends on every customer — revenue
/// share, referrals, the portfolio, verdicts against portfolio boundaries — is then recomputed
/// over the figures, which is linear in the number of customers, not rows.
///
/// The as-of date stays fixed: a new date moves the window for every customer, which is a full
/// analysis. Rows must be new to the ledger (an import that only added rows); an invoice whose
/// id is already known, or whose reference would change how earlier payments match (FORMAT
/// rule 4), gives `.needsFullAnalysis` and leaves the state as it was. Lifetime values are not
/// refitted here (`analysis.value` is nil after an update).
public struct IncrementalAnalysis: Sendable {
    public enum Update: Sendable, Equatable {
        /// Rows added and this many customers recomputed.
        case updated(customers: Int)
        case needsFullAnalysis(reason: String)
    }

    public private(set) var analysis: Analysis
    /// How long each step of the last `apply` took, in order (for benchmarks and logs).
    public private(set) var timings: [(step: String, time: Duration)] = []
    private var index: LedgerRowIndex
    private var customerIndex: [String: Int32]
    private var matcher: PaymentMatcher
    /// Unmatched payments by the string they name (invoice id, else reference).
    private var unmatchedByKey: [String: [Int32]]

    /// Gives the ledger's columns room to grow (a copy, once, when they have none) so updates
    /// append in place while no one else holds `analysis`.
    public init(_ analysis: Analysis) {
        var l = analysis.ledger
        l.makeRoom(.init(proportionalTo: l))
        self.analysis = analysis.over(l)
        index = LedgerRowIndex(l)
        customerIndex = l.customerIndex
        matcher = PaymentMatcher(invoiceIds: l.invoices.ids, references: l.invoices.reference)
        var unmatched = [String: [Int32]]()
        for (row, key) in l.payments.unmatchedKeys {
            if let k = Self.lookupKey(key) { unmatched[k, default: []].append(row) }
        }
        for k in unmatched.keys { unmatched[k]!.sort() }
        unmatchedByKey = unmatched
    }

    private static func lookupKey(_ key: PaymentKey) -> String? {
        if let id = key.invoiceId, !id.isEmpty { return id }
        if let ref = key.reference, !ref.isEmpty { return ref }
        return nil
    }

    /// Adds `delta`'s rows to the ledger and brings the analysis up to date.
    public mutating func apply(_ delta: LedgerRecords) throws -> Update {
        let clock = ContinuousClock()
        var lap = clock.now
        timings = []
        func step(_ name: String) {
            let now = clock.now
            timings.append((name, now - lap))
            lap = now
        }
        if let reason = fullAnalysisReason(delta) { return .needsFullAnalysis(reason: reason) }
        try validate(delta, customers: analysis.ledger.customers.count)
        step("check")
        let policy = analysis.policy, asOf = analysis.asOf
        var ledger = analysis.ledger
        var figures = analysis.customers
        var verdicts = analysis.verdicts
        let basis = analysis.basis, decisions = analysis.needingDecision, counts = analysis.counts
        // Verdicts read the lifetime values, which an update does not refit: then all change.
        let everyVerdict = analysis.value != nil
        // Let go of the old analysis so the columns are uniquely held and grow in place.
        analysis = Analysis(ledger: Ledger(), policy: policy, asOf: asOf)
        var affected = Set<Int32>()
        var unmatched = (count: basis.portfolio.unmatchedPayments, amount: basis.portfolio.unmatchedAmount)
        let referralsBefore = ledger.referrals.count
        ledger.makeRoom(.init(for: delta))
        append(delta, to: &ledger, affected: &affected, unmatched: &unmatched, asOf: asOf)
        ledger.customerRows = nil
        step("append")

        let rows = affected.sorted()
        let recomputed = figuresOf(rows, in: ledger, policy: policy, asOf: asOf)
        step("figures")
        var changes = [PortfolioCalculator.Change]()
        changes.reserveCapacity(rows.count)
        for (k, row) in rows.enumerated() {
            var f = recomputed[k]
            f.row = Int(row)
            if Int(row) < figures.count {
                changes.append(.init(row: Int(row), before: figures[Int(row)]))
                figures[Int(row)] = f
            } else {
                changes.append(.init(row: Int(row), before: nil))
                figures.append(f)
            }
        }
        // Revenue shares move for everyone; a verdict names them only past the dependency
        // boundary, so those above it before or after are decided again.
        let boundary = policy.boundaries.dependencyShare
        var decide = Set(rows.map(Int.init))
        for r in figures.indices where figures[r].revenueShare >= boundary { decide.insert(r) }
        FigureCalculator(ledger: ledger, policy: policy, asOf: asOf).relationshipPass(&figures)
        for r in figures.indices where figures[r].revenueShare >= boundary { decide.insert(r) }
        // Referral counts and referred revenue: new referrals, and referrals of changed customers.
        let referrals = ledger.referrals
        for i in 0..<referrals.count where i >= referralsBefore || affected.contains(referrals.referred[i]) {
            decide.insert(Int(referrals.customer[i]))
        }
        step("relationships")
        let newBasis = PortfolioCalculator.update(basis, customers: figures, changes: changes, unmatched: unmatched, asOf: asOf)
        step("portfolio")
        let decided = everyVerdict ? Array(figures.indices) : decide.sorted()
        let update = VerdictUpdate(decisions: decisions, counts: counts)
        let (newDecisions, newCounts) = update.apply(rows: decided, to: &verdicts, figures: figures,
                                                     rules: VerdictRules(policy: policy, portfolio: newBasis.portfolio))
        analysis = Analysis(ledger: ledger, policy: policy, asOf: asOf, figures: figures, verdicts: verdicts, basis: newBasis,
                            needingDecision: newDecisions, recommendationCounts: newCounts.recommendations,
                            quadrantCounts: newCounts.quadrants)
        step("verdicts")
        return .updated(customers: rows.count)
    }

    /// The figures of `rows` (ascending), exactly as a full analysis computes them: each part
    /// of the rows cut out of the ledger and analysed on its own thread.
    private func figuresOf(_ rows: [Int32], in ledger: Ledger, policy: Policy, asOf: Day) -> [CustomerFigures] {
        let parts = rows.count < 4_096 ? 1 : Parallelism.threads
        let index = self.index
        let computed = parallelMap(parts, threads: parts, minimumBlock: 1) { p in
            let part = Array(rows[rows.count * p / parts ..< rows.count * (p + 1) / parts])
            return FigureCalculator(ledger: index.figureLedger(of: part, in: ledger), policy: policy, asOf: asOf).customerFigures()
        }
        return Array(computed.joined())
    }

    private func fullAnalysisReason(_ delta: LedgerRecords) -> String? {
        var ids = Set<String>()
        for v in delta.invoices {
            guard ids.insert(v.invoiceId).inserted, matcher.keepsMatches(invoiceId: v.invoiceId, reference: v.reference) else {
                return "invoice \(v.invoiceId) is already known or changes how earlier payments match"
            }
        }
        return nil
    }

    /// Every customer reference is checked before anything changes.
    private func validate(_ d: LedgerRecords, customers: Int) throws {
        var newCustomers = [String: Int32]()
        for c in d.customers where customerIndex[c.customerId] == nil && newCustomers[c.customerId] == nil {
            newCustomers[c.customerId] = Int32(customers + newCustomers.count)
        }
        func row(_ id: String, _ what: String) throws -> Int32 {
            guard let r = customerIndex[id] ?? newCustomers[id] else { throw LedgerError(description: "\(what) refers to unknown customer \(id)") }
            return r
        }
        for v in d.invoices { _ = try row(v.customerId, "invoice \(v.invoiceId)") }
        for t in d.timeEntries { _ = try row(t.customerId, "time entry") }
        for c in d.contacts { _ = try row(c.customerId, "contact") }
        for x in d.deviations { _ = try row(x.customerId, "deviation") }
        for x in d.incidents { _ = try row(x.customerId, "incident") }
        for f in d.referrals { _ = try row(f.customerId, "referral"); _ = try row(f.referredCustomerId, "referral") }
        for v in d.valuesFit { _ = try row(v.customerId, "values fit") }
    }

    private mutating func append(_ d: LedgerRecords, to l: inout Ledger, affected: inout Set<Int32>,
                                 unmatched: inout (count: Int, amount: Money), asOf: Day) {
        appendCustomers(d.customers, to: &l, affected: &affected)
        appendInvoicesAndPayments(d, to: &l, affected: &affected, unmatched: &unmatched, asOf: asOf)
        for t in d.timeEntries {
            let c = customerIndex[t.customerId]!
            index.timeEntries.append(row: Int32(l.timeEntries.count), owner: c)
            l.timeEntries.customer.append(c); l.timeEntries.date.append(t.date)
            l.timeEntries.hours.append(t.hours); l.timeEntries.activity.append(t.activity)
            affected.insert(c)
        }
        for k in d.contacts {
            let c = customerIndex[k.customerId]!
            index.contacts.append(row: Int32(l.contacts.count), owner: c)
            l.contacts.customer.append(c); l.contacts.date.append(k.date); l.contacts.channel.append(k.channel)
            l.contacts.kind.append(k.kind); l.contacts.selfCaused.append(k.selfCaused ?? false)
            affected.insert(c)
        }
        for x in d.deviations {
            let c = customerIndex[x.customerId]!
            index.deviations.append(row: Int32(l.deviations.count), owner: c)
            l.deviations.customer.append(c); l.deviations.date.append(x.date); l.deviations.kind.append(x.kind)
            l.deviations.cost.append(x.cost.cents)
            affected.insert(c)
        }
        for x in d.incidents {
            let c = customerIndex[x.customerId]!
            index.incidents.append(row: Int32(l.incidents.count), owner: c)
            l.incidents.customer.append(c); l.incidents.date.append(x.date); l.incidents.kind.append(x.kind)
            l.incidents.severity.append(UInt8(clamping: x.severity))
            affected.insert(c)
        }
        for f in d.referrals {
            l.referrals.customer.append(customerIndex[f.customerId]!)
            l.referrals.referred.append(customerIndex[f.referredCustomerId]!); l.referrals.date.append(f.date)
        }
        for v in d.valuesFit {
            let c = customerIndex[v.customerId]!
            index.valuesFit.append(row: Int32(l.valuesFit.count), owner: c)
            l.valuesFit.customer.append(c); l.valuesFit.criterion.append(v.criterion); l.valuesFit.score.append(UInt8(clamping: v.score))
            affected.insert(c)
        }
    }

    /// New customers are appended; a known id updates that customer's columns.
    private mutating func appendCustomers(_ customers: [CustomerRecord], to l: inout Ledger, affected: inout Set<Int32>) {
        for c in customers {
            let r: Int
            if let known = customerIndex[c.customerId] {
                r = Int(known)
            } else {
                r = l.customers.count
                customerIndex[c.customerId] = Int32(r)
                l.customers.ids.append(c.customerId); l.customers.names.append(c.name)
                l.customers.segments.append(nil); l.customers.accountManagers.append(nil); l.customers.since.append(nil)
                l.customers.tiers.append(nil); l.customers.contractEnds.append(nil); l.customers.noticeDays.append(nil)
                l.customers.cancelChannels.append(nil)
            }
            l.customers.names[r] = c.name; l.customers.segments[r] = c.segment; l.customers.accountManagers[r] = c.accountManager
            l.customers.since[r] = c.since; l.customers.tiers[r] = c.tier; l.customers.contractEnds[r] = c.contractEnd
            l.customers.noticeDays[r] = c.noticeDays; l.customers.cancelChannels[r] = c.cancelChannel
            affected.insert(Int32(r))
        }
    }

    /// `unmatched` follows the portfolio's count of unmatched payments dated up to `asOf`.
    private mutating func appendInvoicesAndPayments(_ d: LedgerRecords, to l: inout Ledger, affected: inout Set<Int32>,
                                                    unmatched: inout (count: Int, amount: Money), asOf: Day) {
        var reconsider = [Int32]()
        for v in d.invoices {
            let c = customerIndex[v.customerId]!, row = Int32(l.invoices.count)
            index.invoices.append(row: row, owner: c)
            matcher.add(invoiceId: v.invoiceId, reference: v.reference, row: row)
            l.invoices.ids.append(v.invoiceId); l.invoices.customer.append(c)
            l.invoices.issue.append(v.issueDate); l.invoices.due.append(v.dueDate)
            l.invoices.amount.append(v.amount.cents); l.invoices.vat.append(v.vat.cents)
            l.invoices.cost.append(v.cost?.cents ?? 0); l.invoices.reference.append(v.reference)
            affected.insert(c)
            // Earlier payments that named this invoice before it was known.
            reconsider += unmatchedByKey.removeValue(forKey: v.invoiceId) ?? []
            if let ref = v.reference, !ref.isEmpty { reconsider += unmatchedByKey.removeValue(forKey: ref) ?? [] }
        }
        for p in reconsider.sorted() {
            guard let key = l.payments.unmatchedKeys[p] else { continue }
            let m = matcher.match(invoiceId: key.invoiceId, reference: key.reference)
            if m >= 0 {
                l.payments.invoice[Int(p)] = m
                l.payments.unmatchedKeys[p] = nil
                if l.payments.date[Int(p)] <= asOf {
                    unmatched.count -= 1
                    unmatched.amount.cents -= l.payments.amount[Int(p)]
                }
                index.paymentsByInvoice.append(row: p, owner: m)
                affected.insert(l.invoices.customer[Int(m)])
            } else if let k = Self.lookupKey(key) {
                unmatchedByKey[k, default: []].append(p)
            }
        }
        for p in d.payments {
            let row = Int32(l.payments.count)
            let m = matcher.match(invoiceId: p.invoiceId, reference: p.reference)
            l.payments.ids.append(p.paymentId); l.payments.date.append(p.date); l.payments.amount.append(p.amount.cents)
            l.payments.invoice.append(m)
            if m >= 0 {
                index.paymentsByInvoice.append(row: row, owner: m)
                affected.insert(l.invoices.customer[Int(m)])
            } else {
                if p.date <= asOf {
                    unmatched.count += 1
                    unmatched.amount += p.amount
                }
                let key = PaymentKey(invoiceId: p.invoiceId, reference: p.reference)
                l.payments.unmatchedKeys[row] = key
                if let k = Self.lookupKey(key) { unmatchedByKey[k, default: []].append(row) }
            }
        }
    }
}
