import SnoeiCore

/// Binds one record's columns straight to the bulk writer's INSERT, parameters 2… in
/// `LedgerTable.columns` order (parameter 1 is the key). The same values `LedgerTable.cells`
/// gives, without building an array of cells per row: for the first import of a large
/// ledger that array was a good part of the writer's own time. The bulk-versus-merge tests
/// compare the resulting tables cell by cell.
struct SQLiteRowBinding<R>: Sendable {
    let bind: @Sendable (SQLiteStatementHandle, R) -> Void
}

extension SQLiteStatementHandle {
    func bind(_ index: Int32, _ day: Day?) { bind(index, day?.iso) }
    func bind(_ index: Int32, _ value: Int?) { bind(index, value.map(Int64.init)) }
}

enum SQLiteRowBindings {
    static let customers = SQLiteRowBinding<CustomerRecord> { s, c in
        s.bind(2, c.name); s.bind(3, c.segment); s.bind(4, c.accountManager); s.bind(5, c.since); s.bind(6, c.tier)
        s.bind(7, c.contractEnd); s.bind(8, c.noticeDays); s.bind(9, c.cancelChannel)
    }
    static let invoices = SQLiteRowBinding<InvoiceRecord> { s, i in
        s.bind(2, i.customerId); s.bind(3, i.issueDate); s.bind(4, i.dueDate); s.bind(5, i.amount.cents)
        s.bind(6, i.vat.cents); s.bind(7, i.cost?.cents); s.bind(8, i.reference)
    }
    static let payments = SQLiteRowBinding<PaymentRecord> { s, p in
        s.bind(2, p.date); s.bind(3, p.amount.cents); s.bind(4, p.invoiceId); s.bind(5, p.customerId); s.bind(6, p.reference)
    }
    static let timeEntries = SQLiteRowBinding<TimeEntryRecord> { s, t in
        s.bind(2, t.customerId); s.bind(3, t.date); s.bind(4, t.hours); s.bind(5, t.activity.rawValue)
        s.bind(6, t.billable); s.bind(7, t.employee)
    }
    static let contacts = SQLiteRowBinding<ContactRecord> { s, c in
        s.bind(2, c.customerId); s.bind(3, c.date); s.bind(4, c.channel.rawValue); s.bind(5, c.kind.rawValue)
        s.bind(6, c.topic?.rawValue); s.bind(7, c.selfCaused)
    }
    static let deviations = SQLiteRowBinding<DeviationRecord> { s, d in
        s.bind(2, d.customerId); s.bind(3, d.date); s.bind(4, d.kind.rawValue); s.bind(5, d.cost.cents); s.bind(6, d.note)
    }
    static let incidents = SQLiteRowBinding<IncidentRecord> { s, i in
        s.bind(2, i.customerId); s.bind(3, i.date); s.bind(4, i.kind.rawValue); s.bind(5, i.severity); s.bind(6, i.note)
    }
    static let referrals = SQLiteRowBinding<ReferralRecord> { s, f in
        s.bind(2, f.customerId); s.bind(3, f.referredCustomerId); s.bind(4, f.date)
    }
    static let valuesFit = SQLiteRowBinding<ValuesFitRecord> { s, v in
        s.bind(2, v.customerId); s.bind(3, v.criterion); s.bind(4, v.score)
    }
}
