import SnoeiCore

/// time_entries, contacts, deviations, incidents and referrals of one customer.
extension GeneratorState {
    static let activities: [StaticString] = ["support", "support", "delivery", "delivery", "meeting", "sales", "rework", "admin"]
    static let channels: [StaticString] = ["email", "email", "call", "ticket", "visit", "chat"]
    static let kinds: [StaticString] = ["question", "question", "complaint", "change_request"]
    static let topics: [StaticString] = ["product", "delivery", "packaging", "lead_time", "communication", "other_customers", "price", "other"]
    static let deviationKinds: [StaticString] = ["discount", "custom_packaging", "rush_delivery", "payment_terms", "unpaid_extra_work", "other"]
    static let incidentKinds: [StaticString] = ["intimidation", "review_threat", "coercion", "broken_agreement", "legal_threat", "smear", "abuse_of_staff", "other"]

    /// A date in the two years before `asOf`.
    private func recent(_ r: inout SplitMix64) -> Day { asOf - r.below(731) }

    mutating func activity(_ customer: Int, customers n: Int, _ r: inout SplitMix64, _ f: inout [ByteFile]) {
        for _ in 0..<r.below(41) {
            f[3].id(UInt8(ascii: "C"), customer); f[3].comma(); f[3].day(recent(&r), days); f[3].comma()
            f[3].hours(Int64(1 + r.below(32)) * 250); f[3].comma()
            f[3].ascii(Self.activities[r.below(Self.activities.count)]); f[3].comma()
            switch r.below(3) { case 0: f[3].ascii("true"); case 1: f[3].ascii("false"); default: break }
            f[3].comma()
            if r.percent(40) { f[3].ascii("E"); f[3].int(r.below(50)) }
            f[3].newline(); rows[3] += 1
        }
        for _ in 0..<r.below(21) {
            f[4].id(UInt8(ascii: "C"), customer); f[4].comma(); f[4].day(recent(&r), days); f[4].comma()
            f[4].ascii(Self.channels[r.below(Self.channels.count)]); f[4].comma()
            f[4].ascii(Self.kinds[r.below(Self.kinds.count)]); f[4].comma()
            if r.percent(60) { f[4].ascii(Self.topics[r.below(Self.topics.count)]) }
            f[4].comma()
            switch r.below(4) { case 0: f[4].ascii("true"); case 1, 2: f[4].ascii("false"); default: break }
            f[4].newline(); rows[4] += 1
        }
        if r.percent(30) {
            for _ in 0..<(1 + r.below(2)) {
                f[5].id(UInt8(ascii: "C"), customer); f[5].comma(); f[5].day(recent(&r), days); f[5].comma()
                f[5].ascii(Self.deviationKinds[r.below(Self.deviationKinds.count)]); f[5].comma()
                f[5].cents(Int64(1000 + r.below(50_000))); f[5].comma()
                if r.percent(20) { f[5].ascii("\"weekend, at cost\"") }
                f[5].newline(); rows[5] += 1
            }
        }
        if r.percent(3) {
            for _ in 0..<(1 + r.below(2)) {
                f[6].id(UInt8(ascii: "C"), customer); f[6].comma(); f[6].day(recent(&r), days); f[6].comma()
                f[6].ascii(Self.incidentKinds[r.below(Self.incidentKinds.count)]); f[6].comma()
                f[6].int(1 + r.below(5)); f[6].comma()
                // A note over two lines with quotes: a record that spans physical lines.
                if r.percent(30) { f[6].ascii("\"Said: \"\"one star\"\",\nthen left\"") }
                f[6].newline(); rows[6] += 1
            }
        }
        if n > 1, r.percent(3) {
            var other = 1 + r.below(n)
            if other == customer { other = other % n + 1 }
            f[7].id(UInt8(ascii: "C"), customer); f[7].comma(); f[7].id(UInt8(ascii: "C"), other); f[7].comma()
            f[7].day(recent(&r), days); f[7].newline(); rows[7] += 1
        }
    }
}
