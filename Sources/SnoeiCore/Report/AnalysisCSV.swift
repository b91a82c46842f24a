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
        var out = header.joined(separator: ",") + "\r\n"
        out.reserveCapacity((rows?.count ?? a.customers.count) * 200)
        let c = a.ledger.customers
        func num(_ x: Double?, _ d: Int) -> String { x.map { $0.isFinite ? JSONWriter.fixed($0, decimals: d) : "" } ?? "" }
        for row in rows ?? Array(a.customers.indices) {
            let f = a.customers[row], v = a.verdicts[row]
            let fields: [String] = [
                c.ids[row], c.names[row], c.segments[row] ?? "", c.accountManagers[row] ?? "",
                f.revenue.plainString, f.cogs.plainString, f.grossMargin.plainString, num(Double(f.hours) / 1000, 3),
                f.costToServe.plainString, f.contribution.plainString, num(f.avgDaysLate, 2), num(f.lateShare, 4),
                f.overdue.plainString, f.aging.notDue.plainString, f.aging.d1_30.plainString, f.aging.d31_60.plainString,
                f.aging.d61_90.plainString, f.aging.d90Plus.plainString, num(f.dso, 2), String(f.shortPays),
                String(f.contacts), num(f.contactsPerK, 2), num(f.selfCausedShare, 4), String(f.deviations),
                String(f.incidents), String(f.incidentMaxSeverity), num(f.revenueShare, 6), num(f.valuesFit, 4),
                num(v.friction.score, 1), v.quadrant.rawValue, v.recommendation.rawValue,
                v.reasons.map(\.code.rawValue).joined(separator: ";"),
            ]
            for (i, field) in fields.enumerated() {
                if i > 0 { out += "," }
                out += escape(field)
            }
            out += "\r\n"
        }
        return out
    }

    public static func escape(_ field: String) -> String {
        // Bytes, not Characters: this runs for every field of every row (32 M at a million customers).
        guard field.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return field }
        var quoted = "\""
        for ch in field { quoted += ch == "\"" ? "\"\"" : String(ch) }
        return quoted + "\""
    }
}
