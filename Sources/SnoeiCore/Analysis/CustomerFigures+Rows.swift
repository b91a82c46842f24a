/// What one row adds to its customer's figures. The full analysis (`FigureCalculator`) and an
/// update (`IncrementalAnalysis`, which adds only the new rows to the figures it had) count every
/// time entry, contact, deviation and incident through these, so both count a row the same way.
/// These figures are sums, counts and maxima, so adding rows later gives what counting them all
/// at once gives. The caller checks the window.
extension CustomerFigures {
    @inline(__always)
    mutating func add(hours h: MilliHours, activity: Activity) {
        hours += h
        hoursByActivity[activity.ordinal] += h
    }

    @inline(__always)
    mutating func addContact(kind: ContactKind, channel: Channel, selfCaused: Bool) {
        contacts += 1
        contactsByKind[kind.ordinal] += 1
        contactsByChannel[channel.ordinal] += 1
        if selfCaused { selfCausedContacts += 1 }
    }

    @inline(__always)
    mutating func addDeviation(cost: Int64) {
        deviations += 1
        deviationCost.cents += cost
    }

    mutating func add(_ incident: IncidentRef, redLines: RedLines) {
        incidents += 1
        incidentMaxSeverity = max(incidentMaxSeverity, incident.severity)
        if incident.outweighs(worstIncident) { worstIncident = incident }
        if redLines.crossed(kind: incident.kind, severity: incident.severity), incident.outweighs(redLine) { redLine = incident }
    }

    /// A referral (dated up to the as-of date) by this customer of one whose revenue is `revenue`.
    @inline(__always)
    mutating func countReferral(revenue: Money) {
        referrals += 1
        referredRevenue += revenue
    }

    /// `timeCost` from the hours per activity at `rates` (cents per hour, by `Activity.ordinal`);
    /// zero when the hours add up to zero.
    mutating func priceHours(at rates: [Int64]) {
        var cost = Money.zero
        if hours != 0 {
            for (a, h) in hoursByActivity.enumerated() where h != 0 { cost += Money.product(cents: rates[a], times: h, over: 1000) }
        }
        timeCost = cost
    }

    /// `contactCost` from the contacts per kind at `unit` (cents per contact, by `ContactKind.ordinal`).
    mutating func priceContacts(at unit: [Int64]) {
        var cost: Int64 = 0
        for (kind, count) in contactsByKind.enumerated() { cost += Int64(count) * unit[kind] }
        contactCost = Money(cents: cost)
    }
}
