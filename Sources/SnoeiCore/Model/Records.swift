/// Row-shaped canonical records: what an importer produces and the store persists.
/// Field names follow FORMAT.md; optional columns are optionals.

/// Hours in thousandths (1.5 h = 1500), exact like money.
public typealias MilliHours = Int64

public struct CustomerRecord: Hashable, Sendable {
    public var customerId: String
    public var name: String
    public var segment: String?
    public var accountManager: String?
    public var since: Day?
    public var tier: String?
    public var contractEnd: Day?
    public var noticeDays: Int?
    public var cancelChannel: String?

    public init(customerId: String, name: String, segment: String? = nil, accountManager: String? = nil,
                since: Day? = nil, tier: String? = nil, contractEnd: Day? = nil, noticeDays: Int? = nil,
                cancelChannel: String? = nil) {
        self.customerId = customerId; self.name = name; self.segment = segment
        self.accountManager = accountManager; self.since = since; self.tier = tier
        self.contractEnd = contractEnd; self.noticeDays = noticeDays; self.cancelChannel = cancelChannel
    }
}

public struct InvoiceRecord: Hashable, Sendable {
    public var invoiceId: String
    public var customerId: String
    public var issueDate: Day
    public var dueDate: Day
    public var amount: Money
    public var vat: Money
    public var cost: Money?
    public var reference: String?

    public init(invoiceId: String, customerId: String, issueDate: Day, dueDate: Day, amount: Money,
                vat: Money = .zero, cost: Money? = nil, reference: String? = nil) {
        self.invoiceId = invoiceId; self.customerId = customerId; self.issueDate = issueDate
        self.dueDate = dueDate; self.amount = amount; self.vat = vat; self.cost = cost; self.reference = reference
    }

    public var payable: Money { amount + vat }
}

public struct PaymentRecord: Hashable, Sendable {
    public var paymentId: String
    public var date: Day
    public var amount: Money
    public var invoiceId: String?
    public var customerId: String?
    public var reference: String?

    public init(paymentId: String, date: Day, amount: Money, invoiceId: String? = nil,
                customerId: String? = nil, reference: String? = nil) {
        self.paymentId = paymentId; self.date = date; self.amount = amount
        self.invoiceId = invoiceId; self.customerId = customerId; self.reference = reference
    }
}

public struct TimeEntryRecord: Hashable, Sendable {
    public var customerId: String
    public var date: Day
    public var hours: MilliHours
    public var activity: Activity
    public var billable: Bool?
    public var employee: String?

    public init(customerId: String, date: Day, hours: MilliHours, activity: Activity,
                billable: Bool? = nil, employee: String? = nil) {
        self.customerId = customerId; self.date = date; self.hours = hours
        self.activity = activity; self.billable = billable; self.employee = employee
    }
}

public struct ContactRecord: Hashable, Sendable {
    public var customerId: String
    public var date: Day
    public var channel: Channel
    public var kind: ContactKind
    public var topic: Topic?
    public var selfCaused: Bool?

    public init(customerId: String, date: Day, channel: Channel, kind: ContactKind,
                topic: Topic? = nil, selfCaused: Bool? = nil) {
        self.customerId = customerId; self.date = date; self.channel = channel
        self.kind = kind; self.topic = topic; self.selfCaused = selfCaused
    }
}

public struct DeviationRecord: Hashable, Sendable {
    public var customerId: String
    public var date: Day
    public var kind: DeviationKind
    public var cost: Money
    public var note: String?

    public init(customerId: String, date: Day, kind: DeviationKind, cost: Money, note: String? = nil) {
        self.customerId = customerId; self.date = date; self.kind = kind; self.cost = cost; self.note = note
    }
}

public struct IncidentRecord: Hashable, Sendable {
    public var customerId: String
    public var date: Day
    public var kind: IncidentKind
    /// 1 (minor) to 5 (red line).
    public var severity: Int
    public var note: String?

    public init(customerId: String, date: Day, kind: IncidentKind, severity: Int, note: String? = nil) {
        self.customerId = customerId; self.date = date; self.kind = kind; self.severity = severity; self.note = note
    }
}

public struct ReferralRecord: Hashable, Sendable {
    public var customerId: String
    public var referredCustomerId: String
    public var date: Day

    public init(customerId: String, referredCustomerId: String, date: Day) {
        self.customerId = customerId; self.referredCustomerId = referredCustomerId; self.date = date
    }
}

/// How well a customer fits the firm's own values, per criterion of the policy (1–5).
/// Optional file `values_fit.csv` (an addition to FORMAT.md).
public struct ValuesFitRecord: Hashable, Sendable {
    public var customerId: String
    public var criterion: String
    public var score: Int

    public init(customerId: String, criterion: String, score: Int) {
        self.customerId = customerId; self.criterion = criterion; self.score = score
    }
}

/// Every record of a ledger, in file order.
public struct LedgerRecords: Sendable, Equatable {
    public var customers: [CustomerRecord] = []
    public var invoices: [InvoiceRecord] = []
    public var payments: [PaymentRecord] = []
    public var timeEntries: [TimeEntryRecord] = []
    public var contacts: [ContactRecord] = []
    public var deviations: [DeviationRecord] = []
    public var incidents: [IncidentRecord] = []
    public var referrals: [ReferralRecord] = []
    public var valuesFit: [ValuesFitRecord] = []

    public init() {}

    public var rowCount: Int {
        customers.count + invoices.count + payments.count + timeEntries.count + contacts.count
            + deviations.count + incidents.count + referrals.count + valuesFit.count
    }
}
