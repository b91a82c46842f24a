import SnoeiCore

// time_entries, contacts, deviations, incidents, referrals and values_fit straight into
// `Ledger` columns, with the checks of the canonical row parsers (`TimeEntryRows`, …).

struct TimeEntryTableParser: TableParser {
    let customers: StringKeyTable?
    let activities = ByteVocabulary<Activity>()
    var schema: FileSchema { LedgerSchema.timeEntries }

    func makeTable(reserving n: Int) -> Ledger.TimeEntries {
        var t = Ledger.TimeEntries()
        reserve(&t.customer, n); reserve(&t.date, n); reserve(&t.hours, n); reserve(&t.activity, n)
        return t
    }

    func add(_ r: inout RecordFields, to t: inout Ledger.TimeEntries) {
        let customer = r.customer(0, customers), date = r.day(1), hours = r.hours(2)
        let activity = r.vocabulary(3, activities, noun: "activity")
        _ = r.bool(4); _ = r.raw(5)  // billable, employee: checked, not used by the analysis
        guard !r.failed, let customer, let date, let hours, let activity else { return }
        t.customer.append(customer); t.date.append(date); t.hours.append(hours); t.activity.append(activity)
    }

    func merge(_ p: inout [Ledger.TimeEntries]) -> Ledger.TimeEntries {
        var t = Ledger.TimeEntries()
        t.customer = concatenate(&p, \.customer); t.date = concatenate(&p, \.date)
        t.hours = concatenate(&p, \.hours); t.activity = concatenate(&p, \.activity)
        return t
    }
}

struct ContactTableParser: TableParser {
    let customers: StringKeyTable?
    let channels = ByteVocabulary<Channel>()
    let kinds = ByteVocabulary<ContactKind>()
    let topics = ByteVocabulary<Topic>()
    var schema: FileSchema { LedgerSchema.contacts }

    func makeTable(reserving n: Int) -> Ledger.Contacts {
        var t = Ledger.Contacts()
        reserve(&t.customer, n); reserve(&t.date, n); reserve(&t.channel, n)
        reserve(&t.kind, n); reserve(&t.selfCaused, n)
        return t
    }

    func add(_ r: inout RecordFields, to t: inout Ledger.Contacts) {
        let customer = r.customer(0, customers), date = r.day(1)
        let channel = r.vocabulary(2, channels, noun: "channel"), kind = r.vocabulary(3, kinds, noun: "contact kind")
        _ = r.vocabulary(4, topics, noun: "topic")
        let selfCaused = r.bool(5)
        guard !r.failed, let customer, let date, let channel, let kind else { return }
        t.customer.append(customer); t.date.append(date); t.channel.append(channel); t.kind.append(kind)
        t.selfCaused.append(selfCaused ?? false)
    }

    func merge(_ p: inout [Ledger.Contacts]) -> Ledger.Contacts {
        var t = Ledger.Contacts()
        t.customer = concatenate(&p, \.customer); t.date = concatenate(&p, \.date); t.channel = concatenate(&p, \.channel)
        t.kind = concatenate(&p, \.kind); t.selfCaused = concatenate(&p, \.selfCaused)
        return t
    }
}

struct DeviationTableParser: TableParser {
    let customers: StringKeyTable?
    let kinds = ByteVocabulary<DeviationKind>()
    var schema: FileSchema { LedgerSchema.deviations }

    func makeTable(reserving n: Int) -> Ledger.Deviations { Ledger.Deviations() }

    func add(_ r: inout RecordFields, to t: inout Ledger.Deviations) {
        let customer = r.customer(0, customers), date = r.day(1)
        let kind = r.vocabulary(2, kinds, noun: "deviation kind"), cost = r.cents(3)
        _ = r.raw(4)
        guard !r.failed, let customer, let date, let kind, let cost else { return }
        t.customer.append(customer); t.date.append(date); t.kind.append(kind); t.cost.append(cost)
    }

    func merge(_ p: inout [Ledger.Deviations]) -> Ledger.Deviations {
        var t = Ledger.Deviations()
        t.customer = concatenate(&p, \.customer); t.date = concatenate(&p, \.date)
        t.kind = concatenate(&p, \.kind); t.cost = concatenate(&p, \.cost)
        return t
    }
}

struct IncidentTableParser: TableParser {
    let customers: StringKeyTable?
    let kinds = ByteVocabulary<IncidentKind>()
    var schema: FileSchema { LedgerSchema.incidents }

    func makeTable(reserving n: Int) -> Ledger.Incidents { Ledger.Incidents() }

    func add(_ r: inout RecordFields, to t: inout Ledger.Incidents) {
        let customer = r.customer(0, customers), date = r.day(1)
        let kind = r.vocabulary(2, kinds, noun: "incident kind"), severity = r.grade(3)
        _ = r.raw(4)
        guard !r.failed, let customer, let date, let kind, let severity else { return }
        t.customer.append(customer); t.date.append(date); t.kind.append(kind); t.severity.append(UInt8(severity))
    }

    func merge(_ p: inout [Ledger.Incidents]) -> Ledger.Incidents {
        var t = Ledger.Incidents()
        t.customer = concatenate(&p, \.customer); t.date = concatenate(&p, \.date)
        t.kind = concatenate(&p, \.kind); t.severity = concatenate(&p, \.severity)
        return t
    }
}

struct ReferralTableParser: TableParser {
    let customers: StringKeyTable?
    var schema: FileSchema { LedgerSchema.referrals }

    func makeTable(reserving n: Int) -> Ledger.Referrals { Ledger.Referrals() }

    func add(_ r: inout RecordFields, to t: inout Ledger.Referrals) {
        let customer = r.customer(0, customers), referred = r.customer(1, customers), date = r.day(2)
        guard !r.failed, let customer, let referred, let date else { return }
        t.customer.append(customer); t.referred.append(referred); t.date.append(date)
    }

    func merge(_ p: inout [Ledger.Referrals]) -> Ledger.Referrals {
        var t = Ledger.Referrals()
        t.customer = concatenate(&p, \.customer); t.referred = concatenate(&p, \.referred); t.date = concatenate(&p, \.date)
        return t
    }
}

struct ValuesFitTableParser: TableParser {
    let customers: StringKeyTable?
    var schema: FileSchema { LedgerSchema.valuesFit }

    func makeTable(reserving n: Int) -> Ledger.ValuesFit { Ledger.ValuesFit() }

    func add(_ r: inout RecordFields, to t: inout Ledger.ValuesFit) {
        let customer = r.customer(0, customers), criterion = r.text(1), score = r.grade(2)
        guard !r.failed, let customer, let criterion, let score else { return }
        t.customer.append(customer); t.criterion.append(criterion); t.score.append(UInt8(score))
    }

    func merge(_ p: inout [Ledger.ValuesFit]) -> Ledger.ValuesFit {
        var t = Ledger.ValuesFit()
        t.customer = concatenate(&p, \.customer); t.criterion = concatenate(&p, \.criterion); t.score = concatenate(&p, \.score)
        return t
    }
}
