import Dispatch

/// The per-customer analysis as one flat CSV (RFC 4180), for spreadsheets.
public enum AnalysisCSV {
    public static let header = [
        "customer_id", "name", "segment", "account_manager", "revenue", "cogs", "gross_margin", "hours",
        "cost_to_serve", "contribution", "avg_days_late", "late_share", "overdue", "not_due", "d1_30", "d31_60",
        "d61_90", "d90_plus", "dso", "short_pays", "contacts", "contacts_per_k", "self_caused_share", "deviations",
        "incidents", "incident_max_severity", "revenue_share", "values_fit", "friction", "quadrant",
        "recommendation", "reasons",
    ]

    public static func render(_ a: Analysis, rows: [Int]? = nil) -> String {
        var out: [UInt8] = []
        write(a, rows: rows, threads: 1) { out.append(contentsOf: $0) }
        return String(decoding: out, as: UTF8.self)
    }

    /// Writes the CSV in pieces, in order, to `emit` (a file, standard output): the header, then
    /// blocks of rows, each formatted on one of `threads` threads. A million customers come to
    /// about 200 MB of CSV; this way it is never one string in memory.
    public static func write(_ a: Analysis, rows: [Int]? = nil, threads: Int = 1, blockRows: Int = 16_384,
                             emit: ([UInt8]) throws -> Void) rethrows {
        var head = CSVBytes(capacity: 512)
        for name in header { head.text(name) }
        head.endLine()
        try emit(head.bytes)

        let count = rows?.count ?? a.customers.count
        let workers = max(1, threads)
        let blockRows = max(1, blockRows)
        var start = 0
        while start < count {
            // One round: a block per worker, formatted in parallel, emitted in order.
            let round = (0..<workers).map { w in
                min(count, start + w * blockRows)..<min(count, start + (w + 1) * blockRows)
            }.filter { !$0.isEmpty }
            let blocks = ResultBox<[UInt8]>(count: round.count)
            DispatchQueue.concurrentPerform(iterations: round.count) { i in
                var csv = CSVBytes(capacity: round[i].count * 220)
                for position in round[i] { appendRow(rows?[position] ?? position, of: a, to: &csv) }
                blocks.set(i, csv.bytes)
            }
            for i in round.indices { try emit(blocks.take(i)!) }
            start = round.last!.upperBound
        }
    }

    private static func appendRow(_ row: Int, of a: Analysis, to out: inout CSVBytes) {
        let c = a.ledger.customers
        let f = a.customers[row], v = a.verdicts[row]
        out.text(c.ids[row]); out.text(c.names[row]); out.optionalText(c.segments[row])
        out.optionalText(c.accountManagers[row])
        out.money(f.revenue); out.money(f.cogs); out.money(f.grossMargin); out.fixed(Double(f.hours) / 1000, 3)
        out.money(f.costToServe); out.money(f.contribution); out.fixed(f.avgDaysLate, 2); out.fixed(f.lateShare, 4)
        out.money(f.overdue); out.money(f.aging.notDue); out.money(f.aging.d1_30); out.money(f.aging.d31_60)
        out.money(f.aging.d61_90); out.money(f.aging.d90Plus); out.fixed(f.dso, 2); out.int(f.shortPays)
        out.int(f.contacts); out.fixed(f.contactsPerK, 2); out.fixed(f.selfCausedShare, 4); out.int(f.deviations)
        out.int(f.incidents); out.int(f.incidentMaxSeverity); out.fixed(f.revenueShare, 6); out.fixed(f.valuesFit, 4)
        out.fixed(v.friction.score, 1); out.text(v.quadrant.rawValue); out.text(v.recommendation.rawValue)
        out.text(v.reasons.map(\.code.rawValue).joined(separator: ";"))
        out.endLine()
    }
}
