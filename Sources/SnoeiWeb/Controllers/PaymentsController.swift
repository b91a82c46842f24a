import Foundation
import Hummingbird
import SnoeiCore
import SnoeiStore

/// Unmatched bank credits (issue 6): the list and the assign form, for administrators and
/// credit control. Assigning is a POST that redirects back (post/redirect/get).
struct PaymentsController: Sendable {
    let state: PortfolioState
    let views: Views
    static let pageSize = 200

    func addRoutes(to router: Router<some RequestContext>) {
        router.get("/payments/unmatched") { request, _ in try await self.list(request) }
        router.post("/payments/assign") { request, _ in try await self.assign(request) }
    }

    func list(_ request: Request) async throws -> Response {
        let chrome = PageChrome.from(request, state: state)
        let f = SnoeiCore.Formatter(chrome.language)
        let entries = try await state.store.unmatchedPayments()
        let snapshot = state.snapshot
        let customers = snapshot.analysis.ledger.customers
        let names = Dictionary(customers.ids.indices.map { (customers.ids[$0], customers.names[$0]) }) { a, _ in a }
        let open = snapshot.records.invoices.filter { $0.amount.cents > 0 }.suffix(500).map { i in
            ["id": i.invoiceId, "label": "\(names[i.customerId] ?? i.customerId) · \(f.money(i.payable)) · \(i.dueDate.iso)"]
        }
        let query = Dictionary(chrome.query, uniquingKeysWith: { a, _ in a })
        let ctx: [String: Any] = [
            "hasEntries": !entries.isEmpty,
            "total": chrome.t("payments_total", ["n": "\(entries.count)", "amount": f.money(entries.reduce(Money.zero) { $0 + $1.amount })]),
            // The oldest first, a page's worth: assigning them brings up the next.
            "entries": entries.prefix(Self.pageSize).map { e in
                ["entry": e.entryId, "source": e.source, "date": e.date.iso, "amount": f.money(e.amount), "from": e.counterpartyName ?? "—",
                 "iban": e.counterpartyIBAN ?? "", "reference": e.reference ?? e.text ?? "—"]
            },
            "openInvoices": open,
            "more": entries.count > Self.pageSize ? chrome.t("payments_more", ["n": "\(Self.pageSize)"]) : "",
            "assigned": query["assigned"].map { chrome.t("payments_assigned", ["entry": $0]) } ?? "",
            "error": query["error"] ?? "",
        ]
        return WorkflowController.html(views.render("payments", ctx, chrome: chrome, title: chrome.t("payments_title")))
    }

    func assign(_ request: Request) async throws -> Response {
        let form = try await WorkflowController.form(request)
        func field(_ name: String) -> String? {
            let v = (form[name] ?? "").trimmingCharacters(in: .whitespaces)
            return v.isEmpty ? nil : v
        }
        guard let entry = field("entry") else { throw HTTPError(.badRequest) }
        let back = "/payments/unmatched"
        guard field("invoice") != nil || field("customer") != nil else {
            return WorkflowController.redirect(link(back, [("error", AssignError.nothingToAssignTo.description)]))
        }
        do {
            let payment = try await state.store.assignUnmatched(entryId: entry, invoiceId: field("invoice"), customerId: field("customer"))
            if let customer = payment.customerId {
                try await state.accessLog.changed(customer, "bank payment \(entry) assigned" + (payment.invoiceId.map { " to invoice \($0)" } ?? ""))
            }
        } catch let error as AssignError {
            return WorkflowController.redirect(link(back, [("error", error.description)]))
        }
        return WorkflowController.redirect(link(back, [("assigned", entry)]))
    }
}
