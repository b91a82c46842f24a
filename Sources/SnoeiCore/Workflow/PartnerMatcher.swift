import Foundation

/// Something a customer keeps asking for, counted over the analysis window (the 365 days up to
/// the as-of date): contact topics, deviations from the sales standards, change requests, and
/// the customer's segment.
public struct CustomerDemand: Hashable, Sendable {
    public enum Source: String, Sendable, Hashable {
        case topic, deviation
        case changeRequests = "change_requests"
        case segment
    }

    public var source: Source
    /// Normalised term: a topic or deviation code (`price`, `rush_delivery`), `change_request`,
    /// or the segment in lower case with `_` between words (`bouw_installatie`).
    public var term: String
    /// Contacts, deviations or requests in the window; 1 for the segment.
    public var count: Int
    /// The segment as written in the customer record (for text).
    public var label: String?

    public init(source: Source, term: String, count: Int, label: String? = nil) {
        self.source = source; self.term = term; self.count = count; self.label = label
    }

    /// `topic:price`, `deviation:rush_delivery`, `change_requests`, `segment:retail`.
    public var code: String {
        switch source {
        case .changeRequests: "change_requests"
        default: "\(source.rawValue):\(term)"
        }
    }

    /// "price (12 contact(s))", "rush deliveries (5×)".
    public func text(_ language: Language) -> String {
        let count = String(self.count)
        switch source {
        case .topic:
            let name = Topic(rawValue: term).map { WorkflowText.topic($0, language) } ?? term
            return WorkflowText.fill("brief.demand.topic", language, ["topic": name, "count": count])
        case .deviation:
            let name = DeviationKind(rawValue: term).map { WorkflowText.deviation($0, language) } ?? term
            return WorkflowText.fill("brief.demand.deviation", language, ["kind": name, "count": count])
        case .changeRequests:
            return WorkflowText.fill("brief.demand.change_requests", language, ["count": count])
        case .segment:
            return WorkflowText.fill("brief.demand.segment", language, ["segment": label ?? term])
        }
    }
}

/// One demand a partner's speciality covers.
public struct PartnerEvidence: Hashable, Sendable {
    public var demand: CustomerDemand
    /// The partner's speciality as listed.
    public var speciality: String
    /// Exact (same term, or its plural) or partial (one word of the other, such as `packaging`
    /// for `custom_packaging`); a partial match counts half.
    public var exact: Bool

    public init(demand: CustomerDemand, speciality: String, exact: Bool) {
        self.demand = demand; self.speciality = speciality; self.exact = exact
    }
}

/// A partner and how well it fits what the customer keeps asking for.
public struct PartnerMatch: Hashable, Sendable {
    public var partner: PartnerRecord
    /// From 0 (nothing matches) to 1 (the partner covers everything the customer asks for):
    /// the matched demands' weight over the total weight.
    public var score: Double
    /// What matched, as demand codes (`topic:price`, `deviation:rush_delivery`, `change_requests`,
    /// `segment:retail`), heaviest first.
    public var matched: [String]
    /// The same, with counts and the specialities that matched.
    public var evidence: [PartnerEvidence]

    public init(partner: PartnerRecord, score: Double, matched: [String], evidence: [PartnerEvidence]) {
        self.partner = partner; self.score = score; self.matched = matched; self.evidence = evidence
    }
}

/// Ranks the firm's partners for a referral (seeds 000, 003): a firm that is good at what this
/// customer keeps asking for serves it better than we can.
///
/// Weights: each contact with a topic counts 1 for that topic, each deviation 1 for its kind,
/// each change request 1 for `change_request`; the segment weighs a quarter of all of those
/// together (at least 1). Topics and deviations of kind `other` are left out. Specialities and
/// terms are compared in lower case without diacritics, with any run of spaces or punctuation
/// read as `_`.
public enum PartnerMatcher {
    public static func rank(_ partners: [PartnerRecord], for row: Int, in analysis: Analysis,
                            records: LedgerRecords) -> [PartnerMatch] {
        let demands = self.demands(for: row, in: analysis, records: records)
        let total = demands.reduce(0.0) { $0 + weight($1, demands) }
        let matches = partners.map { partner -> PartnerMatch in
            var evidence = [PartnerEvidence]()
            var score = 0.0
            for d in demands {
                var best: PartnerEvidence?
                for s in partner.specialities {
                    guard let exact = match(speciality: normalise(s), term: d.term) else { continue }
                    if best == nil || (exact && best?.exact == false) { best = PartnerEvidence(demand: d, speciality: s, exact: exact) }
                    if exact { break }
                }
                guard let best else { continue }
                evidence.append(best)
                score += weight(d, demands) * (best.exact ? 1 : 0.5)
            }
            let share = total > 0 ? min(1, score / total) : 0
            return PartnerMatch(partner: partner, score: share, matched: evidence.map(\.demand.code), evidence: evidence)
        }
        return matches.sorted { a, b in
            if a.score != b.score { return a.score > b.score }
            if a.partner.name != b.partner.name { return a.partner.name < b.partner.name }
            return a.partner.partnerId < b.partner.partnerId
        }
    }

    /// What the customer keeps asking for, most frequent first (the segment last).
    public static func demands(for row: Int, in analysis: Analysis, records: LedgerRecords) -> [CustomerDemand] {
        let ledger = analysis.ledger
        guard row >= 0, row < ledger.customers.count else { return [] }
        let start = analysis.asOf - 365, end = analysis.asOf
        var topics = [Int](repeating: 0, count: Topic.allCases.count)
        var deviations = [Int](repeating: 0, count: DeviationKind.allCases.count)
        var changeRequests = 0
        for j in CustomerRecordRows.contacts(row: row, ledger: ledger, records: records) {
            let c = records.contacts[j]
            guard c.date >= start && c.date <= end else { continue }
            if let t = c.topic, t != .other { topics[t.ordinal] += 1 }
            if c.kind == .changeRequest { changeRequests += 1 }
        }
        for j in CustomerRecordRows.deviations(row: row, ledger: ledger, records: records) {
            let d = records.deviations[j]
            guard d.date >= start && d.date <= end && d.kind != .other else { continue }
            deviations[d.kind.ordinal] += 1
        }
        var out = [CustomerDemand]()
        for t in Topic.allCases where topics[t.ordinal] > 0 {
            out.append(CustomerDemand(source: .topic, term: t.rawValue, count: topics[t.ordinal]))
        }
        for k in DeviationKind.allCases where deviations[k.ordinal] > 0 {
            out.append(CustomerDemand(source: .deviation, term: k.rawValue, count: deviations[k.ordinal]))
        }
        if changeRequests > 0 {
            out.append(CustomerDemand(source: .changeRequests, term: ContactKind.changeRequest.rawValue, count: changeRequests))
        }
        // Stable: by count, then in vocabulary order as appended.
        out = out.enumerated().sorted { $0.element.count != $1.element.count ? $0.element.count > $1.element.count : $0.offset < $1.offset }
            .map(\.element)
        if let segment = ledger.customers.segments[row], !normalise(segment).isEmpty {
            out.append(CustomerDemand(source: .segment, term: normalise(segment), count: 1, label: segment))
        }
        return out
    }

    static func weight(_ d: CustomerDemand, _ all: [CustomerDemand]) -> Double {
        guard d.source == .segment else { return Double(d.count) }
        let rest = all.filter { $0.source != .segment }.reduce(0) { $0 + $1.count }
        return max(1, Double(rest) / 4)
    }

    /// Lower case, no diacritics, runs of anything but letters and digits as one `_`.
    public static func normalise(_ s: String) -> String {
        let folded = s.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        var out = ""
        var gap = false
        for c in folded {
            if c.isLetter || c.isNumber {
                if gap && !out.isEmpty { out.append("_") }
                out.append(c)
                gap = false
            } else {
                gap = true
            }
        }
        return out
    }

    /// nil: no match; true: exact (or a plural); false: one side is a single word of the other.
    static func match(speciality s: String, term t: String) -> Bool? {
        guard !s.isEmpty, !t.isEmpty else { return nil }
        if s == t || s == t + "s" || t == s + "s" { return true }
        let sw = s.split(separator: "_"), tw = t.split(separator: "_")
        func covers(_ word: Substring, _ words: [Substring]) -> Bool {
            word.count >= 4 && words.contains { $0 == word || $0 == word + "s" || $0 + "s" == word }
        }
        if sw.count == 1, tw.count > 1, covers(sw[0], tw) { return false }
        if tw.count == 1, sw.count > 1, covers(tw[0], sw) { return false }
        return nil
    }
}
