/// Canonical records as one JSON document: an array per ledger table, named like the CSV
/// files, with FORMAT.md's column names as keys. Money as numbers with two decimals, hours
/// with three, days as ISO dates, empty optional columns as null. Used for the hand-over
/// export of a leaving customer.
public enum LedgerRecordsJSON {
    public static func render(_ r: LedgerRecords, header: (inout JSONWriter) -> Void = { _ in }) -> String {
        var w = JSONWriter()
        w.beginObject()
        header(&w)
        w.beginArray("customers")
        for c in r.customers {
            w.beginObject()
            w.string("customer_id", c.customerId); w.string("name", c.name); w.string("segment", c.segment)
            w.string("account_manager", c.accountManager); w.string("since", c.since?.iso); w.string("tier", c.tier)
            w.string("contract_end", c.contractEnd?.iso)
            if let n = c.noticeDays { w.int("notice_days", n) } else { w.null("notice_days") }
            w.string("cancel_channel", c.cancelChannel)
            w.endObject()
        }
        w.endArray()
        w.beginArray("invoices")
        for i in r.invoices {
            w.beginObject()
            w.string("invoice_id", i.invoiceId); w.string("customer_id", i.customerId)
            w.string("issue_date", i.issueDate.iso); w.string("due_date", i.dueDate.iso)
            w.money("amount", i.amount); w.money("vat", i.vat)
            if let cost = i.cost { w.money("cost", cost) } else { w.null("cost") }
            w.string("reference", i.reference)
            w.endObject()
        }
        w.endArray()
        w.beginArray("payments")
        for p in r.payments {
            w.beginObject()
            w.string("payment_id", p.paymentId); w.string("date", p.date.iso); w.money("amount", p.amount)
            w.string("invoice_id", p.invoiceId); w.string("customer_id", p.customerId); w.string("reference", p.reference)
            w.endObject()
        }
        w.endArray()
        w.beginArray("time_entries")
        for t in r.timeEntries {
            w.beginObject()
            w.string("customer_id", t.customerId); w.string("date", t.date.iso)
            w.number("hours", Double(t.hours) / 1000, decimals: 3); w.string("activity", t.activity.rawValue)
            if let b = t.billable { w.bool("billable", b) } else { w.null("billable") }
            w.string("employee", t.employee)
            w.endObject()
        }
        w.endArray()
        w.beginArray("contacts")
        for c in r.contacts {
            w.beginObject()
            w.string("customer_id", c.customerId); w.string("date", c.date.iso); w.string("channel", c.channel.rawValue)
            w.string("kind", c.kind.rawValue); w.string("topic", c.topic?.rawValue)
            if let s = c.selfCaused { w.bool("self_caused", s) } else { w.null("self_caused") }
            w.endObject()
        }
        w.endArray()
        // The assessment tables only when they hold rows: a hand-over export leaves them out.
        if !r.deviations.isEmpty {
            w.beginArray("deviations")
            for d in r.deviations {
                w.beginObject()
                w.string("customer_id", d.customerId); w.string("date", d.date.iso); w.string("kind", d.kind.rawValue)
                w.money("cost", d.cost); w.string("note", d.note)
                w.endObject()
            }
            w.endArray()
        }
        if !r.incidents.isEmpty {
            w.beginArray("incidents")
            for i in r.incidents {
                w.beginObject()
                w.string("customer_id", i.customerId); w.string("date", i.date.iso); w.string("kind", i.kind.rawValue)
                w.int("severity", i.severity); w.string("note", i.note)
                w.endObject()
            }
            w.endArray()
        }
        if !r.referrals.isEmpty {
            w.beginArray("referrals")
            for x in r.referrals {
                w.beginObject()
                w.string("customer_id", x.customerId); w.string("referred_customer_id", x.referredCustomerId)
                w.string("date", x.date.iso)
                w.endObject()
            }
            w.endArray()
        }
        if !r.valuesFit.isEmpty {
            w.beginArray("values_fit")
            for v in r.valuesFit {
                w.beginObject()
                w.string("customer_id", v.customerId); w.string("criterion", v.criterion); w.int("score", v.score)
                w.endObject()
            }
            w.endArray()
        }
        w.endObject()
        return w.output + "\n"
    }
}
