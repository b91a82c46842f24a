import SnoeiCore

/// The decisions people recorded, read against the analysis: where each customer's latest
/// decision stands, what was decided (from the audit trail) and which rows of the analysis
/// the exits and fix plans concern.
struct DecisionSummary {
    /// The latest decision per customer id (by `updatedAt`, then `openedAt`, then id).
    let latest: [String: DecisionRecord]
    /// Analysis rows per state of their latest decision, each ascending.
    let rows: [DecisionState: [Int]]
    /// Customers with a decision who are not in the current ledger.
    let unknownCustomers: Int
    /// Steps taken, from the audit trail.
    let steps: [DecisionStep: Int]
    /// The audit trail, newest first.
    let recent: [DecisionEvent]
    let recordCount: Int

    init(analysis: Analysis, decisions: [DecisionRecord], events: [DecisionEvent]) {
        var latest = [String: DecisionRecord]()
        for d in decisions {
            if let current = latest[d.customerId], !Self.isLater(d, than: current) { continue }
            latest[d.customerId] = d
        }
        self.latest = latest
        recordCount = decisions.count

        let ids = analysis.ledger.customers.ids
        var rowOf = [String: Int](minimumCapacity: ids.count)
        for (r, id) in ids.enumerated() where rowOf[id] == nil { rowOf[id] = r }
        var rows = [DecisionState: [Int]]()
        var unknown = 0
        for (id, d) in latest {
            guard let r = rowOf[id] else { unknown += 1; continue }
            rows[d.state, default: []].append(r)
        }
        for key in rows.keys { rows[key]?.sort() }
        self.rows = rows
        unknownCustomers = unknown

        var steps = [DecisionStep: Int]()
        for e in events { steps[e.step, default: 0] += 1 }
        self.steps = steps
        // Newest first; steps at the same time in reverse order of writing.
        recent = events.enumerated().sorted { $0.element.at != $1.element.at ? $0.element.at > $1.element.at : $0.offset > $1.offset }
            .map(\.element)
    }

    private static func isLater(_ a: DecisionRecord, than b: DecisionRecord) -> Bool {
        if a.updatedAt != b.updatedAt { return a.updatedAt > b.updatedAt }
        if a.openedAt != b.openedAt { return a.openedAt > b.openedAt }
        return a.decisionId > b.decisionId
    }

    var isEmpty: Bool { recordCount == 0 && recent.isEmpty }

    func count(_ state: DecisionState) -> Int { rows[state]?.count ?? 0 }

    /// Customers whose exit is in progress or closed: the rows a scenario drops.
    var exitRows: [Int] { ((rows[.exit] ?? []) + (rows[.closed] ?? [])).sorted() }

    /// Customers with a fix plan running.
    var fixRows: [Int] { rows[.fixPlan] ?? [] }

    func state(of customerId: String) -> DecisionState? { latest[customerId]?.state }
}
