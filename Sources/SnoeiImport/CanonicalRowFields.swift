import SnoeiCore

/// Each record as the fields of its canonical file, in `LedgerSchema` column order; nil is
/// an empty field. The writer and the import preview share these, so what the dry run
/// shows is exactly what an export of the stored ledger would hold.
enum CanonicalRowFields {
    static func day(_ d: Day?) -> String? { d?.iso }
    static func bool(_ b: Bool?) -> String? { b.map { $0 ? "true" : "false" } }

    static func fields(_ c: CustomerRecord) -> [String?] {
        [c.customerId, c.name, c.segment, c.accountManager, day(c.since), c.tier,
         day(c.contractEnd), c.noticeDays.map(String.init), c.cancelChannel]
    }

    static func fields(_ i: InvoiceRecord) -> [String?] {
        [i.invoiceId, i.customerId, i.issueDate.iso, i.dueDate.iso, i.amount.plainString,
         i.vat.plainString, i.cost?.plainString, i.reference]
    }

    static func fields(_ p: PaymentRecord) -> [String?] {
        [p.paymentId, p.date.iso, p.amount.plainString, p.invoiceId, p.customerId, p.reference]
    }

    static func fields(_ t: TimeEntryRecord) -> [String?] {
        [t.customerId, t.date.iso, FieldFormats.hours(t.hours), t.activity.rawValue, bool(t.billable), t.employee]
    }

    static func fields(_ c: ContactRecord) -> [String?] {
        [c.customerId, c.date.iso, c.channel.rawValue, c.kind.rawValue, c.topic?.rawValue, bool(c.selfCaused)]
    }

    static func fields(_ d: DeviationRecord) -> [String?] {
        [d.customerId, d.date.iso, d.kind.rawValue, d.cost.plainString, d.note]
    }

    static func fields(_ i: IncidentRecord) -> [String?] {
        [i.customerId, i.date.iso, i.kind.rawValue, String(i.severity), i.note]
    }

    static func fields(_ r: ReferralRecord) -> [String?] { [r.customerId, r.referredCustomerId, r.date.iso] }

    static func fields(_ v: ValuesFitRecord) -> [String?] { [v.customerId, v.criterion, String(v.score)] }
}
