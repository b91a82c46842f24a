import Dispatch

/// The figures after an import, from the figures before and the new rows alone.
///
/// Time entries, contacts, deviations and incidents give sums, counts and maxima: their new
/// rows are added to the figures the customer had (`CustomerFigures+Rows`, as the full analysis
/// counts them). An invoice's figures depend on all its payments: each invoice with new
/// payments has its old share taken away and its new one added (`CustomerFigures+Invoices`),
/// and new invoices are added. Two things cannot be taken away — a maximum that may fall, and a
/// weighted mean of values-fit scores — so those few customers have their invoice and
/// values-fit figures computed again from their rows, cut out of the ledger, by the same
/// `FigureCalculator` as the full analysis.
extension IncrementalAnalysis {
    func updateInvoiceFigures(_ figures: inout [CustomerFigures], touched: Touched, calculator: FigureCalculator) {
        for r in figures.count..<calculator.ledger.customers.count { figures.append(CustomerFigures(row: r)) }
        var recompute = touched.recompute
        addInvoiceChanges(to: &figures, touched: touched, calculator: calculator, recompute: &recompute)
        let rows = recompute.sorted()
        let fresh = invoiceFigures(of: rows, in: calculator.ledger, policy: calculator.policy, asOf: calculator.asOf)
        for (k, r) in rows.enumerated() { figures[Int(r)].takeInvoiceFigures(of: fresh[k]) }
    }

    /// Adds the new invoices, and for each earlier invoice with newly matched payments takes
    /// its share before them away and adds its share with them. A customer whose most days
    /// late may fall goes to `recompute`.
    private func addInvoiceChanges(to figures: inout [CustomerFigures], touched: Touched, calculator: FigureCalculator,
                                   recompute: inout Set<Int32>) {
        let invoices = calculator.ledger.invoices, payments = calculator.ledger.payments
        let D = calculator.asOf, start = calculator.windowStart
        let firstNewInvoice = touched.firstNew.invoices, firstNewPayment = touched.firstNew.payments
        let rematched = Set(touched.rematched)
        var earlier = [Int32]()
        for p in firstNewPayment..<payments.count where payments.invoice[p] >= 0 && payments.invoice[p] < firstNewInvoice {
            earlier.append(payments.invoice[p])
        }
        for p in touched.rematched where payments.invoice[Int(p)] < firstNewInvoice { earlier.append(payments.invoice[Int(p)]) }
        earlier.sort()
        var paidBy = [Int32]()
        /// The invoice's payments up to D, by date; without those the import matched when `before`.
        func state(_ i: Int, before: Bool) -> PaymentGroups.State {
            paidBy.removeAll(keepingCapacity: true)
            index.paymentsByInvoice.appendRows(of: Int32(i), to: &paidBy)
            paidBy.removeAll { p in
                payments.date[Int(p)] > D || (before && (Int(p) >= firstNewPayment || (!rematched.isEmpty && rematched.contains(p))))
            }
            // A handful of payments: an insertion sort by date.
            for a in paidBy.indices.dropFirst() {
                let x = paidBy[a]
                var b = a - 1
                while b >= 0, payments.date[Int(paidBy[b])] > payments.date[Int(x)] { paidBy[b + 1] = paidBy[b]; b -= 1 }
                paidBy[b + 1] = x
            }
            return PaymentGroups.State(payable: invoices.amount[i] + invoices.vat[i], paidBy: paidBy, payments: payments)
        }
        var changed = [Int32]()
        var last: Int32 = -1
        for i32 in earlier where i32 != last {
            last = i32
            let i = Int(i32), c = invoices.customer[i]
            let most = figures[Int(c)].maxDaysLate
            let old = figures[Int(c)].add(invoice: i, of: invoices, state: state(i, before: true), asOf: D, windowStart: start, sign: -1)
            let new = figures[Int(c)].add(invoice: i, of: invoices, state: state(i, before: false), asOf: D, windowStart: start)
            if let old, old == most, (new ?? .min) < old { recompute.insert(c) }
            changed.append(c)
        }
        for i in firstNewInvoice..<invoices.count {
            let c = invoices.customer[i]
            figures[Int(c)].add(invoice: i, of: invoices, state: state(i, before: false), asOf: D, windowStart: start)
            changed.append(c)
        }
        for c in changed { figures[Int(c)].finishInvoiceFigures() }
    }

    /// The invoice and values-fit figures of `rows` (ascending) from their rows alone: each part of the rows cut out of the ledger and analysed on its own thread.
    private func invoiceFigures(of rows: [Int32], in ledger: Ledger, policy: Policy, asOf: Day) -> [CustomerFigures] {
        let parts = rows.count < 4_096 ? 1 : Parallelism.threads
        let index = self.index
        let computed = parallelMap(parts, threads: parts, minimumBlock: 1) { p in
            let part = Array(rows[rows.count * p / parts ..< rows.count * (p + 1) / parts])
            return FigureCalculator(ledger: index.invoiceLedger(of: part, in: ledger), policy: policy, asOf: asOf).customerFigures()
        }
        return Array(computed.joined())
    }

    /// Adds the time entries, contacts and deviations in the window and the incidents up to the
    /// as-of date that the import appended, and prices the hours and contacts again.
    func addNewRows(from touched: Touched, to figures: inout [CustomerFigures], calculator: FigureCalculator) {
        let l = calculator.ledger
        let t = l.timeEntries
        var hoursChanged = [Int32]()
        for i in touched.firstNew.timeEntries..<t.count where calculator.inWindow(t.date[i]) {
            figures[Int(t.customer[i])].add(hours: t.hours[i], activity: t.activity[i])
            hoursChanged.append(t.customer[i])
        }
        let rates = calculator.hourRates
        for c in hoursChanged { figures[Int(c)].priceHours(at: rates) }

        let k = l.contacts
        var contactsChanged = [Int32]()
        for i in touched.firstNew.contacts..<k.count where calculator.inWindow(k.date[i]) {
            figures[Int(k.customer[i])].addContact(kind: k.kind[i], channel: k.channel[i], selfCaused: k.selfCaused[i])
            contactsChanged.append(k.customer[i])
        }
        let unit = calculator.contactCosts
        for c in contactsChanged { figures[Int(c)].priceContacts(at: unit) }

        let d = l.deviations
        for i in touched.firstNew.deviations..<d.count where calculator.inWindow(d.date[i]) {
            figures[Int(d.customer[i])].addDeviation(cost: d.cost[i])
        }
        let x = l.incidents
        for i in touched.firstNew.incidents..<x.count where x.date[i] <= calculator.asOf {
            figures[Int(x.customer[i])].add(IncidentRef(kind: x.kind[i], severity: Int(x.severity[i]), date: x.date[i]),
                                            redLines: calculator.policy.redLines)
        }
    }

    /// Revenue shares (every one moves with the total `total`), and referral counts and referred
    /// revenue of the referrers the import concerns: those of new referrals and those who
    /// referred a customer in `changed`. Returns the rows whose verdict may change, ascending:
    /// `changed`, everyone at or above the dependency boundary before or after, and those
    /// referrers (every row when `all`).
    func updateRelationships(_ figures: inout [CustomerFigures], total: Money, touched: Touched, changed: [Int32],
                             ledger: Ledger, policy: Policy, asOf: Day, all: Bool) -> [Int] {
        let n = figures.count
        var decide = [Bool](repeating: all, count: n)
        for r in changed { decide[Int(r)] = true }
        let boundary = policy.boundaries.dependencyShare
        let parts = n < 65_536 ? 1 : Parallelism.threads
        // One pass over every customer's figures, split by rows: each part writes its own rows.
        figures.withUnsafeMutableBufferPointer { f in
            decide.withUnsafeMutableBufferPointer { d in
                let figures = SendableBuffer(f), decide = SendableBuffer(d)
                DispatchQueue.concurrentPerform(iterations: parts) { p in
                    for c in n * p / parts..<n * (p + 1) / parts {
                        let above = figures.buffer[c].revenueShare >= boundary
                        let share = FigureCalculator.revenueShare(figures.buffer[c].revenue, of: total)
                        figures.buffer[c].revenueShare = share
                        if above || share >= boundary { decide.buffer[c] = true }
                    }
                }
            }
        }
        let r = ledger.referrals
        var isChanged = [Bool](repeating: false, count: n)
        for c in changed { isChanged[Int(c)] = true }
        var recount = [Bool](repeating: false, count: n)
        var referrers = [Int32]()
        for i in 0..<r.count where i >= touched.firstNew.referrals || isChanged[Int(r.referred[i])] {
            let c = r.customer[i]
            if !recount[Int(c)] { recount[Int(c)] = true; referrers.append(c) }
        }
        for c in referrers {
            figures[Int(c)].referrals = 0
            figures[Int(c)].referredRevenue = .zero
            decide[Int(c)] = true
        }
        for i in 0..<r.count where recount[Int(r.customer[i])] && r.date[i] <= asOf {
            let revenue = figures[Int(r.referred[i])].revenue
            figures[Int(r.customer[i])].countReferral(revenue: revenue)
        }
        return decide.indices.filter { decide[$0] }
    }
}
