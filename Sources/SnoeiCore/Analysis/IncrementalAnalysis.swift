/// Re-analysis after a small import without recomputing the whole ledger (issue 8).
///
/// New rows touch a few customers, and only their figures change: the new rows are added to the
/// figures they had, through the very functions the full analysis counts every row with
/// (`IncrementalAnalysis+Figures` says how, and which few customers are computed again from all
/// their rows), so they are exactly what a full analysis gives. What depends on every customer —
/// revenue share, referrals, the portfolio, verdicts against portfolio boundaries — is then
/// brought up to date over the figures: linear in the number of customers, not rows.
///
/// The as-of date stays fixed: a new date moves the window for every customer, which is a full
/// analysis. Rows must be new to the ledger (an import that only added rows); an invoice whose
/// id is already known, or whose reference would change how earlier payments match (FORMAT
/// rule 4), gives `.needsFullAnalysis` and leaves the state as it was. Lifetime values are not
/// refitted here (`analysis.value` is nil after an update).
public struct IncrementalAnalysis: Sendable {
    public enum Update: Sendable, Equatable {
        /// Rows added, and the figures of this many customers (those the rows touch) brought up to date.
        case updated(customers: Int)
        case needsFullAnalysis(reason: String)
    }

    public private(set) var analysis: Analysis
    /// How long each step of the last `apply` took, in order (for benchmarks and logs).
    public private(set) var timings: [(step: String, time: Duration)] = []
    // Kept in step with the ledger by `append` (IncrementalAnalysis+Append).
    var index: LedgerRowIndex
    var customerIndex: [String: Int32]
    var matcher: PaymentMatcher
    /// Unmatched payments by the string they name (invoice id, else reference).
    var unmatchedByKey: [String: [Int32]]
    /// `analysis.needingDecision` as the keys it is sorted by, for the merge of an update.
    private var decisionKeys: [Analysis.DecisionKey]

    /// Gives the ledger's columns room to grow (a copy, once, when they have none) so updates
    /// append in place while no one else holds `analysis`.
    public init(_ analysis: Analysis) {
        var l = analysis.ledger
        l.makeRoom(.init(proportionalTo: l))
        self.analysis = analysis.over(l)
        decisionKeys = analysis.needingDecision.map {
            Analysis.DecisionKey(row: $0, recommendation: analysis.verdicts[$0].recommendation, figures: analysis.customers[$0])
        }
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

    static func lookupKey(_ key: PaymentKey) -> String? {
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
        // Both only look things up in tables of millions of entries: side by side.
        // The second side holds the customer index alone: a copy of `self` would keep the old
        // analysis's columns, and appending to them below would then copy them all.
        let customerIndex = self.customerIndex, customers = analysis.ledger.customers.count
        let (reason, owners) = try bothAtOnce({ fullAnalysisReason(delta) },
                                              { try Self.owners(of: delta, customers: customers, index: customerIndex) })
        if let reason { return .needsFullAnalysis(reason: reason) }
        step("check")
        let policy = analysis.policy, asOf = analysis.asOf
        var ledger = analysis.ledger
        var figures = analysis.customers
        var verdicts = analysis.verdicts
        let counts = analysis.counts
        var portfolio = PortfolioCalculator.Update(analysis.basis, asOf: asOf)
        let analysisHadValue = analysis.value != nil
        var unmatched = (count: analysis.portfolio.unmatchedPayments, amount: analysis.portfolio.unmatchedAmount)
        // Let go of the old analysis so the columns are uniquely held and grow in place.
        analysis = Analysis(ledger: Ledger(), policy: policy, asOf: asOf)
        var touched = Touched(ledger)
        ledger.makeRoom(.init(for: delta))
        append(delta, owners: owners, to: &ledger, touched: &touched, unmatched: &unmatched, asOf: asOf)
        ledger.customerRows = nil
        step("append")

        let rows = touched.affected.sorted()
        for row in rows where Int(row) < figures.count { portfolio.remove(figures[Int(row)]) }
        step("portfolio before")
        let calculator = FigureCalculator(ledger: ledger, policy: policy, asOf: asOf)
        updateInvoiceFigures(&figures, touched: touched, calculator: calculator)
        step("invoice figures")
        addNewRows(from: touched, to: &figures, calculator: calculator)
        step("new rows")
        for row in rows { portfolio.add(figures[Int(row)]) }
        let newBasis = portfolio.finish(unmatched: unmatched)
        step("portfolio")
        // Verdicts read the lifetime values, which an update does not refit: then all change.
        let decided = updateRelationships(&figures, total: newBasis.portfolio.revenue, touched: touched, changed: rows,
                                          ledger: ledger, policy: policy, asOf: asOf, all: analysisHadValue)
        step("relationships")
        let update = VerdictUpdate(decisions: decisionKeys, counts: counts)
        let (newDecisions, newCounts) = update.apply(rows: decided, to: &verdicts, figures: figures,
                                                     rules: VerdictRules(policy: policy, portfolio: newBasis.portfolio))
        step("verdicts")
        analysis = Analysis(ledger: ledger, policy: policy, asOf: asOf, figures: figures, verdicts: verdicts, basis: newBasis,
                            needingDecision: newDecisions.map { Int($0.row) }, recommendationCounts: newCounts.recommendations,
                            quadrantCounts: newCounts.quadrants)
        decisionKeys = newDecisions
        step("assembly")
        return .updated(customers: rows.count)
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

    /// Every customer reference is looked up (and so checked) before anything changes.
    private static func owners(of d: LedgerRecords, customers: Int, index customerIndex: [String: Int32]) throws -> DeltaOwners {
        var newCustomers = [String: Int32]()
        for c in d.customers where customerIndex[c.customerId] == nil && newCustomers[c.customerId] == nil {
            newCustomers[c.customerId] = Int32(customers + newCustomers.count)
        }
        func row(_ id: String, _ what: @autoclosure () -> String) throws -> Int32 {
            guard let r = customerIndex[id] ?? newCustomers[id] else { throw LedgerError(description: "\(what()) refers to unknown customer \(id)") }
            return r
        }
        var o = DeltaOwners()
        o.invoices = try d.invoices.map { try row($0.customerId, "invoice \($0.invoiceId)") }
        o.timeEntries = try d.timeEntries.map { try row($0.customerId, "time entry") }
        o.contacts = try d.contacts.map { try row($0.customerId, "contact") }
        o.deviations = try d.deviations.map { try row($0.customerId, "deviation") }
        o.incidents = try d.incidents.map { try row($0.customerId, "incident") }
        o.referrers = try d.referrals.map { try row($0.customerId, "referral") }
        o.referred = try d.referrals.map { try row($0.referredCustomerId, "referral") }
        o.valuesFit = try d.valuesFit.map { try row($0.customerId, "values fit") }
        return o
    }
}

/// The customer row of each row of an import, in the order of its tables.
struct DeltaOwners {
    var invoices = [Int32](), timeEntries = [Int32](), contacts = [Int32](), deviations = [Int32](), incidents = [Int32]()
    var referrers = [Int32](), referred = [Int32](), valuesFit = [Int32]()
}
