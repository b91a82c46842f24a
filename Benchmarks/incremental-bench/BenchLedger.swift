import Foundation
import SnoeiCore
import SnoeiImport

/// Loading a ledger folder and cutting one day off it, for the incremental benchmark.
enum BenchLedger {
    /// The fast loader (`ColumnarLedgerLoader`): a large ledger would not fit as records.
    static func load(_ folder: URL) throws -> Ledger {
        try ColumnarLedgerLoader().load(folder: folder)
    }

    /// The ledger without the rows dated on `day`, and those rows as an import. An invoice of
    /// that day whose reference another invoice already carries (a customer's repeated purchase
    /// order number) stays in the ledger: it would make earlier matches ambiguous, which
    /// `IncrementalAnalysis` leaves to a full analysis; `heldBack` counts them.
    static func split(_ l: Ledger, on day: Day) -> (Ledger, LedgerRecords, heldBack: Int) {
        var referenceCount = [String: Int]()
        for case let ref? in l.invoices.reference where !ref.isEmpty { referenceCount[ref, default: 0] += 1 }
        let ids = Set(l.invoices.ids)
        var heldBack = 0
        func arrives(_ i: Int) -> Bool {
            guard l.invoices.issue[i] == day else { return false }
            if let ref = l.invoices.reference[i], !ref.isEmpty, referenceCount[ref, default: 0] > 1 || ids.contains(ref) {
                heldBack += 1
                return false
            }
            return true
        }
        var base = Ledger(), delta = LedgerRecords()
        base.customers = l.customers
        let customerIds = l.customers.ids
        var newRow = [Int32](repeating: -1, count: l.invoices.count)
        for i in 0..<l.invoices.count {
            if arrives(i) {
                delta.invoices.append(InvoiceRecord(
                    invoiceId: l.invoices.ids[i], customerId: customerIds[Int(l.invoices.customer[i])], issueDate: l.invoices.issue[i],
                    dueDate: l.invoices.due[i], amount: Money(cents: l.invoices.amount[i]), vat: Money(cents: l.invoices.vat[i]),
                    cost: Money(cents: l.invoices.cost[i]), reference: l.invoices.reference[i]))
                continue
            }
            newRow[i] = Int32(base.invoices.count)
            base.invoices.ids.append(l.invoices.ids[i]); base.invoices.customer.append(l.invoices.customer[i])
            base.invoices.issue.append(l.invoices.issue[i]); base.invoices.due.append(l.invoices.due[i])
            base.invoices.amount.append(l.invoices.amount[i]); base.invoices.vat.append(l.invoices.vat[i])
            base.invoices.cost.append(l.invoices.cost[i]); base.invoices.reference.append(l.invoices.reference[i])
        }
        for p in 0..<l.payments.count {
            let invoice = Int(l.payments.invoice[p])
            let key = invoice >= 0 ? PaymentKey(invoiceId: l.invoices.ids[invoice], reference: nil)
                                   : l.payments.unmatchedKeys[Int32(p)] ?? PaymentKey(invoiceId: nil, reference: nil)
            if l.payments.date[p] == day {
                delta.payments.append(PaymentRecord(paymentId: l.payments.ids[p], date: l.payments.date[p],
                                                    amount: Money(cents: l.payments.amount[p]),
                                                    invoiceId: key.invoiceId, reference: key.reference))
                continue
            }
            let row = Int32(base.payments.count)
            let mapped = invoice >= 0 ? newRow[invoice] : -1
            base.payments.ids.append(l.payments.ids[p]); base.payments.date.append(l.payments.date[p])
            base.payments.amount.append(l.payments.amount[p]); base.payments.invoice.append(mapped)
            if mapped < 0 { base.payments.unmatchedKeys[row] = key }
        }
        for i in 0..<l.timeEntries.count {
            let t = l.timeEntries
            if t.date[i] == day {
                delta.timeEntries.append(TimeEntryRecord(customerId: customerIds[Int(t.customer[i])], date: t.date[i], hours: t.hours[i],
                                                         activity: t.activity[i]))
            } else {
                base.timeEntries.customer.append(t.customer[i]); base.timeEntries.date.append(t.date[i])
                base.timeEntries.hours.append(t.hours[i]); base.timeEntries.activity.append(t.activity[i])
            }
        }
        for i in 0..<l.contacts.count {
            let k = l.contacts
            if k.date[i] == day {
                delta.contacts.append(ContactRecord(customerId: customerIds[Int(k.customer[i])], date: k.date[i], channel: k.channel[i],
                                                    kind: k.kind[i], selfCaused: k.selfCaused[i]))
            } else {
                base.contacts.customer.append(k.customer[i]); base.contacts.date.append(k.date[i])
                base.contacts.channel.append(k.channel[i]); base.contacts.kind.append(k.kind[i])
                base.contacts.selfCaused.append(k.selfCaused[i])
            }
        }
        for i in 0..<l.deviations.count {
            let d = l.deviations
            if d.date[i] == day {
                delta.deviations.append(DeviationRecord(customerId: customerIds[Int(d.customer[i])], date: d.date[i], kind: d.kind[i],
                                                        cost: Money(cents: d.cost[i])))
            } else {
                base.deviations.customer.append(d.customer[i]); base.deviations.date.append(d.date[i])
                base.deviations.kind.append(d.kind[i]); base.deviations.cost.append(d.cost[i])
            }
        }
        for i in 0..<l.incidents.count {
            let x = l.incidents
            if x.date[i] == day {
                delta.incidents.append(IncidentRecord(customerId: customerIds[Int(x.customer[i])], date: x.date[i], kind: x.kind[i],
                                                      severity: Int(x.severity[i])))
            } else {
                base.incidents.customer.append(x.customer[i]); base.incidents.date.append(x.date[i])
                base.incidents.kind.append(x.kind[i]); base.incidents.severity.append(x.severity[i])
            }
        }
        base.referrals = l.referrals
        base.valuesFit = l.valuesFit
        return (base, delta, heldBack)
    }
}
