import Foundation
public import SnoeiCore

/// One analysis of the whole ledger, as served to every request until the ledger, the
/// policy or the date changes. Immutable; sort orders are computed once per key on
/// first use, so paging a large portfolio is a scan, never a sort per request.
public final class Snapshot: @unchecked Sendable {
    public let records: LedgerRecords
    public let analysis: Analysis
    public let policySource: String
    /// What this snapshot was computed from; a new key means a new snapshot.
    let key: SnapshotKey
    /// Lower-cased names for the search box.
    let searchNames: [String]
    public let segments: [String]
    public let accountManagers: [String]
    /// Running share of revenue, customers with revenue largest first (point k = top k+1).
    public let paretoCurve: [Double]
    /// How long loading and analysing took (recorded with the analysis run).
    let computeTime: Duration

    private let lock = NSLock()
    private var orders: [CustomerSort: [Int32]] = [:]

    init(records: LedgerRecords, policy: Policy, policySource: String, asOf: Day, key: SnapshotKey,
         loadTime: Duration = .zero, futureValue: Bool = false) throws {
        let clock = ContinuousClock(), start = clock.now
        self.records = records
        let ledger = try Ledger(records: records)
        // A history too thin for the purchase models leaves the value figures out, nothing else.
        let value = futureValue ? try? CustomerValue(ledger: ledger, asOf: asOf, settings: CustomerValue.settings(policy)) : nil
        self.analysis = Analysis(ledger: ledger, policy: policy, asOf: asOf, value: value)
        self.policySource = policySource
        self.key = key
        let c = analysis.ledger.customers
        searchNames = c.names.map { $0.lowercased() }
        segments = Array(Set(c.segments.compactMap { $0 })).sorted()
        accountManagers = Array(Set(c.accountManagers.compactMap { $0 })).sorted()
        let total = analysis.portfolio.revenue.cents
        var running: Int64 = 0
        paretoCurve = analysis.customers.map(\.revenue.cents).filter { $0 > 0 }.sorted(by: >).map { cents in
            running += cents
            return total > 0 ? Double(running) / Double(total) : 0
        }
        computeTime = loadTime + (clock.now - start)
    }

    public var asOf: Day { analysis.asOf }
    public var policy: Policy { analysis.policy }

    /// Customer rows in ascending order of `sort` (ties by id, so pages are stable).
    func order(_ sort: CustomerSort) -> [Int32] {
        lock.lock()
        if let cached = orders[sort] { lock.unlock(); return cached }
        lock.unlock()
        let computed = computeOrder(sort)
        lock.lock(); orders[sort] = computed; lock.unlock()
        return computed
    }

    private func computeOrder(_ sort: CustomerSort) -> [Int32] {
        let a = analysis
        let ids = a.ledger.customers.ids
        var rows = Array(Int32(0)..<Int32(ids.count))
        func by<T: Comparable>(_ value: (Int) -> T) {
            rows.sort { x, y in
                let vx = value(Int(x)), vy = value(Int(y))
                return vx != vy ? vx < vy : ids[Int(x)] < ids[Int(y)]
            }
        }
        switch sort {
        case .name: by { self.searchNames[$0] }
        case .id: by { ids[$0] }
        case .revenue: by { a.customers[$0].revenue }
        case .contribution: by { a.customers[$0].contribution }
        case .friction: by { a.verdicts[$0].friction.score }
        case .daysLate: by { a.customers[$0].avgDaysLate }
        case .overdue: by { a.customers[$0].overdue }
        case .recommendation: by { a.verdicts[$0].recommendation }
        }
        return rows
    }

    /// One page of customers matching the query.
    public func customers(_ q: CustomerQuery) -> CustomerListResult {
        let a = analysis, c = a.ledger.customers
        let order = order(q.sort)
        let needle = q.search.trimmingCharacters(in: .whitespaces).lowercased()
        let first = (q.page - 1) * q.pageSize
        var total = 0
        var page = [Int]()
        page.reserveCapacity(q.pageSize)
        func visit(_ r: Int) {
            if let x = q.quadrant, a.verdicts[r].quadrant != x { return }
            if let x = q.recommendation, a.verdicts[r].recommendation != x { return }
            if let x = q.segment, c.segments[r] != x { return }
            if let x = q.accountManager, c.accountManagers[r] != x { return }
            if !needle.isEmpty, !searchNames[r].contains(needle), !c.ids[r].lowercased().contains(needle) { return }
            if total >= first && page.count < q.pageSize { page.append(r) }
            total += 1
        }
        if q.descending {
            for r in order.reversed() { visit(Int(r)) }
        } else {
            for r in order { visit(Int(r)) }
        }
        return CustomerListResult(rows: page, total: total, page: q.page, pageSize: q.pageSize)
    }
}

struct SnapshotKey: Equatable, Sendable {
    var ledgerVersion: String?
    var policyStamp: String
    var asOf: Day
}

public enum CustomerSort: String, CaseIterable, Sendable {
    case name, id, revenue, contribution, friction
    case daysLate = "days_late"
    case overdue, recommendation
}

public struct CustomerQuery: Sendable, Equatable {
    public var search = ""
    public var quadrant: Quadrant?
    public var recommendation: Recommendation?
    public var segment: String?
    public var accountManager: String?
    public var sort: CustomerSort = .name
    public var descending = false
    public var page = 1
    public var pageSize = 50

    public init() {}
}

public struct CustomerListResult: Sendable {
    public var rows: [Int]
    public var total: Int
    public var page: Int
    public var pageSize: Int
    public var pageCount: Int { max(1, (total + pageSize - 1) / pageSize) }
}
