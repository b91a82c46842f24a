import Foundation
import SnoeiCore
import SnoeiStore

/// The access log (SPEC "Privacy", SECURITY.md) as the web app writes it: one line per
/// view of a customer's notes, per export of its data and per change made through the web,
/// under the signed-in user's name (the name the decision audit trail uses too).
///
/// Views and exports are logged *before* the data is sent: if the log cannot be written the
/// request fails and nothing leaves. Changes are logged after they succeeded.
struct AccessLogger: Sendable {
    let store: LedgerStore

    /// Someone read notes about the customer on `page` (see `showsNotes` for what counts).
    func viewedNotes(_ customerId: String, on page: String) async throws {
        try await write(.viewNotes, customerId, page)
    }

    /// The customer's data left Snoei: `what` names the export and its format.
    func exported(_ customerId: String, _ what: String) async throws {
        try await write(.export, customerId, what)
    }

    /// What is held about the customer was added to or corrected through the web.
    func changed(_ customerId: String, _ what: String) async throws {
        try await write(.change, customerId, what)
    }

    private func write(_ action: AccessAction, _ customerId: String, _ detail: String) async throws {
        try await store.logAccess(customerId: customerId, action: action, actor: Self.actor, detail: detail)
    }

    /// The signed-in user's display name; "?" outside a request (never the case behind `AuthMiddleware`).
    static var actor: String {
        let name = Identity.current?.actorName ?? ""
        return name.isEmpty ? "?" : name
    }

    /// Whether a page showing these records shows notes about the customer: an incident or a
    /// deviation (with what happened), a boundary notice, a leave request or a decision step
    /// with its reason. Incidents, deviations and notices count even without a free-text note:
    /// they are the firm's own account of the customer.
    static func showsNotes(incidents: Int, deviations: Int, notices: Int = 0, leaveRequests: Int = 0,
                           decisionEvents: [DecisionEvent] = []) -> Bool {
        incidents + deviations + notices + leaveRequests > 0 || decisionEvents.contains { !$0.reason.isEmpty }
    }
}

extension PortfolioState {
    var accessLog: AccessLogger { AccessLogger(store: store) }
}
