import Foundation
import SnoeiCore

/// The customer list: filters, sortable columns and pages, all on the server.
struct CustomersPage {
    let snapshot: Snapshot
    let chrome: PageChrome
    let query: CustomerQuery

    var title: String { chrome.t("customers_title") }

    /// Reads the query string; unknown values fall back to no filter rather than an error.
    static func query(from params: [String: String]) -> CustomerQuery {
        var q = CustomerQuery()
        q.search = String((params["q"] ?? "").prefix(200))
        q.quadrant = params["quadrant"].flatMap(Quadrant.init(rawValue:))
        q.recommendation = params["recommendation"].flatMap(Recommendation.init(rawValue:))
        q.segment = params["segment"].flatMap { $0.isEmpty ? nil : $0 }
        q.accountManager = params["manager"].flatMap { $0.isEmpty ? nil : $0 }
        q.sort = params["sort"].flatMap(CustomerSort.init(rawValue:)) ?? .name
        q.descending = params["dir"] == "desc"
        q.page = max(1, Int(params["page"] ?? "") ?? 1)
        return q
    }

    /// The query as URL parameters, without defaults, so links stay short.
    private func parameters(_ q: CustomerQuery) -> [(String, String)] {
        var p = [(String, String)]()
        if !q.search.isEmpty { p.append(("q", q.search)) }
        if let x = q.quadrant { p.append(("quadrant", x.rawValue)) }
        if let x = q.recommendation { p.append(("recommendation", x.rawValue)) }
        if let x = q.segment { p.append(("segment", x)) }
        if let x = q.accountManager { p.append(("manager", x)) }
        if q.sort != .name { p.append(("sort", q.sort.rawValue)) }
        if q.descending { p.append(("dir", "desc")) }
        if q.page > 1 { p.append(("page", "\(q.page)")) }
        return p
    }

    func context() -> [String: Any] {
        let a = snapshot.analysis, c = a.ledger.customers
        let f = SnoeiCore.Formatter(chrome.language)
        let t = TextRenderer(chrome.language)
        var q = query
        var result = snapshot.customers(q)
        if q.page > result.pageCount {
            q.page = result.pageCount
            result = snapshot.customers(q)
        }
        let rows: [[String: Any]] = result.rows.map { r in
            let fig = a.customers[r], v = a.verdicts[r]
            return ["id": c.ids[r], "name": c.names[r], "href": customerHref(c.ids[r]),
                    "revenue": f.moneyWhole(fig.revenue), "contribution": f.moneyWhole(fig.contribution),
                    "negative": fig.contribution.cents < 0, "friction": f.number(v.friction.score, decimals: 0),
                    "daysLate": f.days(fig.avgDaysLate), "overdue": f.moneyWhole(fig.overdue),
                    "quadrant": t.label(v.quadrant), "code": v.recommendation.rawValue, "proposal": t.label(v.recommendation)]
        }
        let columns: [(String, CustomerSort?, Bool)] = [
            ("col_customer", .name, false), ("col_revenue", .revenue, true), ("col_contribution", .contribution, true),
            ("col_friction", .friction, true), ("col_days_late", .daysLate, true), ("col_overdue", .overdue, true),
            ("col_quadrant", nil, false), ("col_proposal", .recommendation, false),
        ]
        let columnContext: [[String: Any]] = columns.map { key, sort, numeric in
            var col: [String: Any] = ["label": chrome.t(key), "numeric": numeric]
            if let sort {
                var next = q
                next.page = 1
                // Numbers sort largest first on the first click: that is what one looks for.
                if q.sort == sort { next.descending.toggle() } else { next.sort = sort; next.descending = numeric || sort == .recommendation }
                col["href"] = link("/customers", parameters(next))
                if q.sort == sort {
                    col["arrow"] = q.descending ? "▼" : "▲"
                    col["sortState"] = q.descending ? "descending" : "ascending"
                }
            }
            return col
        }
        func options<T>(_ all: [T], _ value: (T) -> String, _ label: (T) -> String, _ selected: T?) -> [[String: Any]]
            where T: Equatable {
            all.map { ["value": value($0), "label": label($0), "selected": $0 == selected] }
        }
        let filtered = q.quadrant != nil || q.recommendation != nil || q.segment != nil || q.accountManager != nil || !q.search.isEmpty
        var ctx: [String: Any] = [
            "countText": filtered
                ? chrome.t("customers_count_filtered", ["total": f.number(Double(result.total), decimals: 0),
                                                        "all": f.number(Double(a.customers.count), decimals: 0)])
                : chrome.t("customers_count", ["total": f.number(Double(result.total), decimals: 0)]),
            "query": ["q": q.search, "sort": q.sort == .name ? "" : q.sort.rawValue, "dir": q.descending ? "desc" : ""],
            "quadrants": options(Quadrant.allCases, \.rawValue, { t.label($0) }, q.quadrant),
            "recommendations": options(Recommendation.allCases, \.rawValue, { t.label($0) }, q.recommendation),
            "hasSegments": !snapshot.segments.isEmpty,
            "segments": options(snapshot.segments, { $0 }, { $0 }, q.segment),
            "hasManagers": !snapshot.accountManagers.isEmpty,
            "managers": options(snapshot.accountManagers, { $0 }, { $0 }, q.accountManager),
            "columns": columnContext, "rows": rows,
            "pageText": chrome.t("page_text", ["page": "\(result.page)", "pages": "\(result.pageCount)"]),
        ]
        if result.page > 1 {
            var prev = q; prev.page = result.page - 1
            ctx["prevHref"] = link("/customers", parameters(prev))
        }
        if result.page < result.pageCount {
            var next = q; next.page = result.page + 1
            ctx["nextHref"] = link("/customers", parameters(next))
        }
        return ctx
    }
}
