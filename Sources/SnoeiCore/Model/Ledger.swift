/// The columnar form of a ledger that the analysis runs over.
///
/// Each table is a set of parallel arrays; customers are referred to by their row
/// index (`Int32`), resolved once when the ledger is built, so the analysis is a few
/// linear passes over flat arrays with no hashing or string work in its loops.
public struct Ledger: Sendable {
    public struct Customers: Sendable {
        public init() {}
        public var ids: [String] = []
        public var names: [String] = []
        public var segments: [String?] = []
        public var accountManagers: [String?] = []
        public var since: [Day?] = []
        public var tiers: [String?] = []
        public var contractEnds: [Day?] = []
        public var noticeDays: [Int?] = []
        public var cancelChannels: [String?] = []
        public var count: Int { ids.count }
    }

    public struct Invoices: Sendable {
        public init() {}
        public var ids: [String] = []
        public var customer: [Int32] = []
        public var issue: [Day] = []
        public var due: [Day] = []
        public var amount: [Int64] = []
        public var vat: [Int64] = []
        public var cost: [Int64] = []
        public var reference: [String?] = []
        /// Not `ids.count`: a ledger that only reports an analysis drops the ids (`dropRowIdentifiers`).
        public var count: Int { customer.count }
    }

    public struct Payments: Sendable {
        public init() {}
        public var ids: [String] = []
        public var date: [Day] = []
        public var amount: [Int64] = []
        /// Row of the matched invoice, or -1 when the payment is unmatched (FORMAT rule 4).
        public var invoice: [Int32] = []
        /// What each unmatched payment named (its invoice_id or reference), by payment row: an
        /// invoice imported later may match it (`IncrementalAnalysis`).
        public var unmatchedKeys: [Int32: PaymentKey] = [:]
        /// Not `ids.count`: a ledger that only reports an analysis drops the ids (`dropRowIdentifiers`).
        public var count: Int { date.count }
    }

    public struct TimeEntries: Sendable {
        public init() {}
        public var customer: [Int32] = []
        public var date: [Day] = []
        public var hours: [MilliHours] = []
        public var activity: [Activity] = []
        public var count: Int { customer.count }
    }

    public struct Contacts: Sendable {
        public init() {}
        public var customer: [Int32] = []
        public var date: [Day] = []
        public var channel: [Channel] = []
        public var kind: [ContactKind] = []
        public var selfCaused: [Bool] = []
        public var count: Int { customer.count }
    }

    public struct Deviations: Sendable {
        public init() {}
        public var customer: [Int32] = []
        public var date: [Day] = []
        public var kind: [DeviationKind] = []
        public var cost: [Int64] = []
        public var count: Int { customer.count }
    }

    public struct Incidents: Sendable {
        public init() {}
        public var customer: [Int32] = []
        public var date: [Day] = []
        public var kind: [IncidentKind] = []
        public var severity: [UInt8] = []
        public var count: Int { customer.count }
    }

    public struct Referrals: Sendable {
        public init() {}
        public var customer: [Int32] = []
        public var referred: [Int32] = []
        public var date: [Day] = []
        public var count: Int { customer.count }
    }

    public struct ValuesFit: Sendable {
        public init() {}
        public var customer: [Int32] = []
        public var criterion: [String] = []
        public var score: [UInt8] = []
        public var count: Int { customer.count }
    }

    public var customers = Customers()
    public var invoices = Invoices()
    public var payments = Payments()
    public var timeEntries = TimeEntries()
    public var contacts = Contacts()
    public var deviations = Deviations()
    public var incidents = Incidents()
    public var referrals = Referrals()
    public var valuesFit = ValuesFit()
    /// Each customer's rows, for pages about one customer; built by `init(records:)`.
    public internal(set) var customerRows: CustomerRows?

    public init() {}

    /// Empties every table but the customers (and the per-customer row index that points into
    /// them), freeing their storage when this ledger is its only owner.
    public mutating func keepCustomersOnly() {
        invoices = Invoices(); payments = Payments(); timeEntries = TimeEntries(); contacts = Contacts()
        deviations = Deviations(); incidents = Incidents(); referrals = Referrals(); valuesFit = ValuesFit()
        customerRows = nil
    }

    /// Drops what only names or matches invoice and payment rows — their ids, the invoices'
    /// references, the unmatched payments' keys — which no figure, portfolio figure or verdict
    /// reads: for a caller that only reports an analysis (`snoei analyze --from`), about a
    /// gigabyte at a million customers. Payments stay matched; the ledger can no longer match
    /// new rows (`IncrementalAnalysis`) nor show invoice or payment ids.
    public mutating func dropRowIdentifiers() {
        invoices.ids = []; invoices.reference = []
        payments.ids = []; payments.unmatchedKeys = [:]
    }

    public var customerIndex: [String: Int32] {
        var index = [String: Int32](minimumCapacity: customers.count)
        for (i, id) in customers.ids.enumerated() { index[id] = Int32(i) }
        return index
    }
}

/// The fields FORMAT rule 4 matches a payment by.
public struct PaymentKey: Sendable, Hashable {
    public var invoiceId: String?
    public var reference: String?
    public init(invoiceId: String?, reference: String?) { self.invoiceId = invoiceId; self.reference = reference }
}

public struct LedgerError: Error, Equatable, CustomStringConvertible {
    public var description: String
}

extension Ledger {
    /// Builds the columnar ledger; every customer reference must name a customer.
    public init(records r: LedgerRecords) throws {
        self.init()
        for c in r.customers {
            customers.ids.append(c.customerId); customers.names.append(c.name)
            customers.segments.append(c.segment); customers.accountManagers.append(c.accountManager)
            customers.since.append(c.since); customers.tiers.append(c.tier)
            customers.contractEnds.append(c.contractEnd); customers.noticeDays.append(c.noticeDays)
            customers.cancelChannels.append(c.cancelChannel)
        }
        let index = customerIndex
        func row(_ id: String, _ kind: String) throws -> Int32 {
            guard let i = index[id] else { throw LedgerError(description: "\(kind) refers to unknown customer \(id)") }
            return i
        }
        invoices.ids.reserveCapacity(r.invoices.count)
        for v in r.invoices {
            invoices.ids.append(v.invoiceId); invoices.customer.append(try row(v.customerId, "invoice \(v.invoiceId)"))
            invoices.issue.append(v.issueDate); invoices.due.append(v.dueDate)
            invoices.amount.append(v.amount.cents); invoices.vat.append(v.vat.cents)
            invoices.cost.append(v.cost?.cents ?? 0); invoices.reference.append(v.reference)
        }
        let matcher = PaymentMatcher(invoiceIds: invoices.ids, references: invoices.reference)
        // The invoice each payment names by its invoice_id (for `customerRows`), whether or not
        // rule 4 matches it that way.
        var named = [Int32]()
        named.reserveCapacity(r.payments.count)
        for p in r.payments {
            payments.ids.append(p.paymentId); payments.date.append(p.date); payments.amount.append(p.amount.cents)
            let match = matcher.match(invoiceId: p.invoiceId, reference: p.reference)
            payments.invoice.append(match)
            if match < 0 { payments.unmatchedKeys[Int32(payments.invoice.count - 1)] = PaymentKey(invoiceId: p.invoiceId, reference: p.reference) }
            if let id = p.invoiceId { named.append(id.isEmpty ? matcher.invoiceRow(id: id) ?? -1 : match) } else { named.append(-1) }
        }
        for t in r.timeEntries {
            timeEntries.customer.append(try row(t.customerId, "time entry")); timeEntries.date.append(t.date)
            timeEntries.hours.append(t.hours); timeEntries.activity.append(t.activity)
        }
        for c in r.contacts {
            contacts.customer.append(try row(c.customerId, "contact")); contacts.date.append(c.date)
            contacts.channel.append(c.channel); contacts.kind.append(c.kind); contacts.selfCaused.append(c.selfCaused ?? false)
        }
        for d in r.deviations {
            deviations.customer.append(try row(d.customerId, "deviation")); deviations.date.append(d.date)
            deviations.kind.append(d.kind); deviations.cost.append(d.cost.cents)
        }
        for i in r.incidents {
            incidents.customer.append(try row(i.customerId, "incident")); incidents.date.append(i.date)
            incidents.kind.append(i.kind); incidents.severity.append(UInt8(clamping: i.severity))
        }
        for f in r.referrals {
            referrals.customer.append(try row(f.customerId, "referral"))
            referrals.referred.append(try row(f.referredCustomerId, "referral"))
            referrals.date.append(f.date)
        }
        for v in r.valuesFit {
            valuesFit.customer.append(try row(v.customerId, "values fit")); valuesFit.criterion.append(v.criterion)
            valuesFit.score.append(UInt8(clamping: v.score))
        }
        customerRows = matcher.invoiceIdsAreUnique && index.count == customers.count
            ? Self.customerRows(r, self, namedInvoice: named, customerIndex: index) : nil
    }
}
