import SnoeiCore

/// time_entries.csv
enum TimeEntryRows {
    static let schema = LedgerSchema.timeEntries

    static func parse(_ row: inout Row, _ state: inout ImportState) -> TimeEntryRecord? {
        let customer = row.customer(0, state)
        let date = row.day(1)
        let hours = row.hours(2)
        let activity = row.vocabulary(3, Activity.self, noun: "activity")
        let billable = row.bool(4)
        let employee = row.text(5)
        guard !row.failed, let customer, let date, let hours, let activity else { return nil }
        return TimeEntryRecord(customerId: customer, date: date, hours: hours, activity: activity,
                               billable: billable, employee: employee)
    }
}

/// contacts.csv
enum ContactRows {
    static let schema = LedgerSchema.contacts

    static func parse(_ row: inout Row, _ state: inout ImportState) -> ContactRecord? {
        let customer = row.customer(0, state)
        let date = row.day(1)
        let channel = row.vocabulary(2, Channel.self, noun: "channel")
        let kind = row.vocabulary(3, ContactKind.self, noun: "contact kind")
        let topic = row.vocabulary(4, Topic.self, noun: "topic")
        let selfCaused = row.bool(5)
        guard !row.failed, let customer, let date, let channel, let kind else { return nil }
        return ContactRecord(customerId: customer, date: date, channel: channel, kind: kind,
                             topic: topic, selfCaused: selfCaused)
    }
}

/// deviations.csv
enum DeviationRows {
    static let schema = LedgerSchema.deviations

    static func parse(_ row: inout Row, _ state: inout ImportState) -> DeviationRecord? {
        let customer = row.customer(0, state)
        let date = row.day(1)
        let kind = row.vocabulary(2, DeviationKind.self, noun: "deviation kind")
        let cost = row.money(3)
        let note = row.text(4)
        guard !row.failed, let customer, let date, let kind, let cost else { return nil }
        return DeviationRecord(customerId: customer, date: date, kind: kind, cost: cost, note: note)
    }
}

/// incidents.csv
enum IncidentRows {
    static let schema = LedgerSchema.incidents

    static func parse(_ row: inout Row, _ state: inout ImportState) -> IncidentRecord? {
        let customer = row.customer(0, state)
        let date = row.day(1)
        let kind = row.vocabulary(2, IncidentKind.self, noun: "incident kind")
        let severity = row.grade(3)
        let note = row.text(4)
        guard !row.failed, let customer, let date, let kind, let severity else { return nil }
        return IncidentRecord(customerId: customer, date: date, kind: kind, severity: severity, note: note)
    }
}
