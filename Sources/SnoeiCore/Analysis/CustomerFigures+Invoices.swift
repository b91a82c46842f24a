/// What one invoice adds to its customer's figures (FORMAT rules 5–8: revenue and costs in the
/// window, aging of what is open, short payments, the late set). The full analysis adds every
/// invoice this way; an update (`IncrementalAnalysis`) takes an invoice's old share away and
/// adds its new one when payments arrive, so both count an invoice the same way.
extension CustomerFigures {
    /// Adds (`sign` 1) or takes away (−1) invoice `i` of `invoices`, settled as `state` says, as
    /// of `asOf`. Returns its days late when it is in the late set. Taking away leaves
    /// `firstInvoice` and `maxDaysLate` as they are: the caller decides whether they still hold.
    @inline(__always) @discardableResult
    mutating func add(invoice i: Int, of invoices: Ledger.Invoices, state: PaymentGroups.State, asOf D: Day,
                      windowStart start: Day, sign: Int64 = 1) -> Int? {
        let issue = invoices.issue[i], due = invoices.due[i], amount = invoices.amount[i]
        guard issue <= D else { return nil }
        let payable = amount + invoices.vat[i]
        if issue >= start {
            revenue.cents += sign * amount
            cogs.cents += sign * invoices.cost[i]
            payableInWindow.cents += sign * payable
            invoicesInWindow += Int(sign)
        }
        if sign > 0, amount > 0, firstInvoice.map({ issue < $0 }) ?? true { firstInvoice = issue }
        let open = payable - state.paid
        if open > 0 {
            switch D - due {
            case ...0: aging.notDue.cents += sign * open
            case 1...30: aging.d1_30.cents += sign * open
            case 31...60: aging.d31_60.cents += sign * open
            case 61...90: aging.d61_90.cents += sign * open
            default: aging.d90Plus.cents += sign * open
            }
            if due < D, state.count > 0, state.lastDate < D - 30 {
                shortPays += Int(sign)
                shortPaidOpen.cents += sign * open
            }
        }
        // The late set (rule 6): positive invoices due in [D − 365, D).
        guard amount > 0, due < D, due >= start else { return nil }
        let daysLate = open <= 0 ? max(0, state.settled.map { $0 - due } ?? 0) : D - due
        lateWeightedDays += sign * payable * Int64(daysLate)
        latePayable.cents += sign * payable
        lateSetCount += Int(sign)
        if daysLate > 0 { lateCount += Int(sign) }
        if sign > 0 { maxDaysLate = max(maxDaysLate, daysLate) }
        return daysLate
    }

    /// The ratios of the invoice figures, from the sums `add(invoice:…)` keeps.
    mutating func finishInvoiceFigures() {
        avgDaysLate = latePayable.cents != 0 ? Double(lateWeightedDays) / Double(latePayable.cents) : 0
        lateShare = lateSetCount > 0 ? Double(lateCount) / Double(lateSetCount) : 0
        dso = payableInWindow.cents != 0 ? Double(openTotal.cents) / Double(payableInWindow.cents) * 365 : 0
    }

    /// Takes from `other` every figure read from invoices, payments and values-fit scores (the
    /// invoice pass and the values-fit pass of `FigureCalculator`), and keeps the rest.
    mutating func takeInvoiceFigures(of other: CustomerFigures) {
        revenue = other.revenue; cogs = other.cogs
        payableInWindow = other.payableInWindow; invoicesInWindow = other.invoicesInWindow
        firstInvoice = other.firstInvoice
        aging = other.aging
        shortPays = other.shortPays; shortPaidOpen = other.shortPaidOpen
        avgDaysLate = other.avgDaysLate; lateShare = other.lateShare
        lateWeightedDays = other.lateWeightedDays; latePayable = other.latePayable
        lateSetCount = other.lateSetCount; lateCount = other.lateCount; maxDaysLate = other.maxDaysLate
        dso = other.dso
        valuesFit = other.valuesFit
    }
}
