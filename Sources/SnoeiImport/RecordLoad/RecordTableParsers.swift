import SnoeiCore

// The canonical files straight into `LedgerRecords`' arrays, chunk by chunk on several
// threads (`ChunkedParse`), with the checks of the canonical row parsers (`CustomerRows`,
// `InvoiceRows`, …) through `RecordFields`. Unlike the `Ledger` parsers these keep every
// column the store holds (notes, employees, a payment's invoice id and reference).
// Repeated ids are checked afterwards, over the whole file (`ColumnarRecordLoader`).

/// One chunk's records, and whether a row of it would draw a warning from the canonical
/// reader (then that reader has to run, to say it).
struct RecordChunk<R: Sendable>: Sendable {
    var records: [R] = []
    var warned = false

    init(reserving n: Int) { records.reserveCapacity(n) }

    static func merged(_ parts: inout [RecordChunk<R>]) -> RecordChunk<R> {
        var out = RecordChunk(reserving: 0)
        out.warned = parts.contains(where: \.warned)
        out.records = concatenate(&parts, \.records)
        return out
    }
}

struct CustomerRecordParser: TableParser {
    var schema: FileSchema { LedgerSchema.customers }
    func makeTable(reserving n: Int) -> RecordChunk<CustomerRecord> { RecordChunk(reserving: n) }
    func merge(_ p: inout [RecordChunk<CustomerRecord>]) -> RecordChunk<CustomerRecord> { .merged(&p) }

    func add(_ r: inout RecordFields, to t: inout RecordChunk<CustomerRecord>) {
        let id = r.text(0), name = r.text(1), segment = r.text(2), manager = r.text(3), since = r.day(4)
        let tier = r.text(5), end = r.day(6), notice = r.count(7), cancel = r.text(8)
        guard !r.failed, let id, let name else { return }
        t.records.append(CustomerRecord(customerId: id, name: name, segment: segment, accountManager: manager,
                                        since: since, tier: tier, contractEnd: end, noticeDays: notice,
                                        cancelChannel: cancel))
    }
}

struct InvoiceRecordParser: TableParser {
    let customers: StringKeyTable?
    var schema: FileSchema { LedgerSchema.invoices }
    func makeTable(reserving n: Int) -> RecordChunk<InvoiceRecord> { RecordChunk(reserving: n) }
    func merge(_ p: inout [RecordChunk<InvoiceRecord>]) -> RecordChunk<InvoiceRecord> { .merged(&p) }

    func add(_ r: inout RecordFields, to t: inout RecordChunk<InvoiceRecord>) {
        let id = r.text(0), customer = r.knownCustomer(1, customers), issue = r.day(2), due = r.day(3)
        let amount = r.cents(4), vat = r.cents(5), cost = r.cents(6), reference = r.text(7)
        guard !r.failed, let id, let customer, let issue, let due, let amount else { return }
        // `InvoiceRows` warns about this one.
        if due < issue { t.warned = true }
        t.records.append(InvoiceRecord(invoiceId: id, customerId: customer, issueDate: issue, dueDate: due,
                                       amount: Money(cents: amount), vat: Money(cents: vat ?? 0),
                                       cost: cost.map(Money.init(cents:)), reference: reference))
    }
}

struct PaymentRecordParser: TableParser {
    let customers: StringKeyTable?
    var schema: FileSchema { LedgerSchema.payments }
    func makeTable(reserving n: Int) -> RecordChunk<PaymentRecord> { RecordChunk(reserving: n) }
    func merge(_ p: inout [RecordChunk<PaymentRecord>]) -> RecordChunk<PaymentRecord> { .merged(&p) }

    func add(_ r: inout RecordFields, to t: inout RecordChunk<PaymentRecord>) {
        let id = r.text(0), date = r.day(1), amount = r.cents(2), invoice = r.text(3)
        let customer = r.knownCustomer(4, customers), reference = r.text(5)
        guard !r.failed, let id, let date, let amount else { return }
        t.records.append(PaymentRecord(paymentId: id, date: date, amount: Money(cents: amount), invoiceId: invoice,
                                       customerId: customer, reference: reference))
    }
}

struct TimeEntryRecordParser: TableParser {
    let customers: StringKeyTable?
    let activities = ByteVocabulary<Activity>()
    var schema: FileSchema { LedgerSchema.timeEntries }
    func makeTable(reserving n: Int) -> RecordChunk<TimeEntryRecord> { RecordChunk(reserving: n) }
    func merge(_ p: inout [RecordChunk<TimeEntryRecord>]) -> RecordChunk<TimeEntryRecord> { .merged(&p) }

    func add(_ r: inout RecordFields, to t: inout RecordChunk<TimeEntryRecord>) {
        let customer = r.knownCustomer(0, customers), date = r.day(1), hours = r.hours(2)
        let activity = r.vocabulary(3, activities, noun: "activity"), billable = r.bool(4), employee = r.text(5)
        guard !r.failed, let customer, let date, let hours, let activity else { return }
        t.records.append(TimeEntryRecord(customerId: customer, date: date, hours: hours, activity: activity,
                                         billable: billable, employee: employee))
    }
}

struct ContactRecordParser: TableParser {
    let customers: StringKeyTable?
    let channels = ByteVocabulary<Channel>()
    let kinds = ByteVocabulary<ContactKind>()
    let topics = ByteVocabulary<Topic>()
    var schema: FileSchema { LedgerSchema.contacts }
    func makeTable(reserving n: Int) -> RecordChunk<ContactRecord> { RecordChunk(reserving: n) }
    func merge(_ p: inout [RecordChunk<ContactRecord>]) -> RecordChunk<ContactRecord> { .merged(&p) }

    func add(_ r: inout RecordFields, to t: inout RecordChunk<ContactRecord>) {
        let customer = r.knownCustomer(0, customers), date = r.day(1)
        let channel = r.vocabulary(2, channels, noun: "channel"), kind = r.vocabulary(3, kinds, noun: "contact kind")
        let topic = r.vocabulary(4, topics, noun: "topic"), selfCaused = r.bool(5)
        guard !r.failed, let customer, let date, let channel, let kind else { return }
        t.records.append(ContactRecord(customerId: customer, date: date, channel: channel, kind: kind, topic: topic,
                                       selfCaused: selfCaused))
    }
}

struct DeviationRecordParser: TableParser {
    let customers: StringKeyTable?
    let kinds = ByteVocabulary<DeviationKind>()
    var schema: FileSchema { LedgerSchema.deviations }
    func makeTable(reserving n: Int) -> RecordChunk<DeviationRecord> { RecordChunk(reserving: n) }
    func merge(_ p: inout [RecordChunk<DeviationRecord>]) -> RecordChunk<DeviationRecord> { .merged(&p) }

    func add(_ r: inout RecordFields, to t: inout RecordChunk<DeviationRecord>) {
        let customer = r.knownCustomer(0, customers), date = r.day(1)
        let kind = r.vocabulary(2, kinds, noun: "deviation kind"), cost = r.cents(3), note = r.text(4)
        guard !r.failed, let customer, let date, let kind, let cost else { return }
        t.records.append(DeviationRecord(customerId: customer, date: date, kind: kind, cost: Money(cents: cost), note: note))
    }
}

struct IncidentRecordParser: TableParser {
    let customers: StringKeyTable?
    let kinds = ByteVocabulary<IncidentKind>()
    var schema: FileSchema { LedgerSchema.incidents }
    func makeTable(reserving n: Int) -> RecordChunk<IncidentRecord> { RecordChunk(reserving: n) }
    func merge(_ p: inout [RecordChunk<IncidentRecord>]) -> RecordChunk<IncidentRecord> { .merged(&p) }

    func add(_ r: inout RecordFields, to t: inout RecordChunk<IncidentRecord>) {
        let customer = r.knownCustomer(0, customers), date = r.day(1)
        let kind = r.vocabulary(2, kinds, noun: "incident kind"), severity = r.grade(3), note = r.text(4)
        guard !r.failed, let customer, let date, let kind, let severity else { return }
        t.records.append(IncidentRecord(customerId: customer, date: date, kind: kind, severity: severity, note: note))
    }
}

struct ReferralRecordParser: TableParser {
    let customers: StringKeyTable?
    var schema: FileSchema { LedgerSchema.referrals }
    func makeTable(reserving n: Int) -> RecordChunk<ReferralRecord> { RecordChunk(reserving: n) }
    func merge(_ p: inout [RecordChunk<ReferralRecord>]) -> RecordChunk<ReferralRecord> { .merged(&p) }

    func add(_ r: inout RecordFields, to t: inout RecordChunk<ReferralRecord>) {
        let customer = r.knownCustomer(0, customers), referred = r.knownCustomer(1, customers), date = r.day(2)
        guard !r.failed, let customer, let referred, let date else { return }
        t.records.append(ReferralRecord(customerId: customer, referredCustomerId: referred, date: date))
    }
}

struct ValuesFitRecordParser: TableParser {
    let customers: StringKeyTable?
    var schema: FileSchema { LedgerSchema.valuesFit }
    func makeTable(reserving n: Int) -> RecordChunk<ValuesFitRecord> { RecordChunk(reserving: n) }
    func merge(_ p: inout [RecordChunk<ValuesFitRecord>]) -> RecordChunk<ValuesFitRecord> { .merged(&p) }

    func add(_ r: inout RecordFields, to t: inout RecordChunk<ValuesFitRecord>) {
        let customer = r.knownCustomer(0, customers), criterion = r.text(1), score = r.grade(2)
        guard !r.failed, let customer, let criterion, let score else { return }
        t.records.append(ValuesFitRecord(customerId: customer, criterion: criterion, score: score))
    }
}

extension RecordFields {
    /// The customer id as text, once `customer(_:_:)` found it in customers.csv (or could
    /// not check it: customers.csv was unusable, which is an error of its own).
    @inline(__always) mutating func knownCustomer(_ c: Int, _ customers: StringKeyTable?) -> String? {
        guard customer(c, customers) != nil else { return nil }
        return ByteFields.string(scanner.bytes(fieldOf[c]))
    }
}
