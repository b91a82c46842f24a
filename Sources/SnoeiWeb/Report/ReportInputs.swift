public import Foundation
public import SnoeiCore
public import SnoeiStore

/// What the report needs besides the analysis, read from the store in one place for the
/// command line and the web app. The report itself never touches the store.
public struct ReportInputs: Sendable {
    public var decisions: [DecisionRecord]
    public var events: [DecisionEvent]
    public var firmName: String?

    public init(decisions: [DecisionRecord], events: [DecisionEvent], firmName: String?) {
        self.decisions = decisions
        self.events = events
        self.firmName = firmName
    }

    /// The decisions, their audit trail and the firm's name (`firm_name` in the store's
    /// metadata; the demo firm's name in a demo database).
    public static func load(from store: LedgerStore) async throws -> ReportInputs {
        let decisions = try await store.decisions()
        let events = try await store.allEvents()
        var firm = try await store.meta("firm_name")
        if firm?.isEmpty ?? true, try await store.meta("demo_seed") != nil { firm = DemoFirm.firmName }
        return ReportInputs(decisions: decisions, events: events, firmName: firm)
    }

    /// When a report was made, for its reader: `24-11-2026 09:30` (nl) / `2026-11-24 09:30` (en),
    /// in the machine's time zone.
    public static func timestamp(_ date: Date = Date(), _ language: Language) -> String {
        let c = Calendar.current.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        guard let day = Day(year: c.year ?? 1970, month: c.month ?? 1, day: c.day ?? 1) else { return "" }
        let hh = c.hour ?? 0, mm = c.minute ?? 0
        return SnoeiCore.Formatter(language).date(day) + " " + (hh < 10 ? "0" : "") + "\(hh):" + (mm < 10 ? "0" : "") + "\(mm)"
    }
}
