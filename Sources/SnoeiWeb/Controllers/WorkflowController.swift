import Foundation
import Hummingbird
import SnoeiCore

/// Decisions, incidents and exits from the browser. Every write is a POST that redirects
/// back (post/redirect/get), so a reload never records a step twice.
struct WorkflowController: Sendable {
    let state: PortfolioState
    let views: Views

    func addRoutes(to router: Router<some RequestContext>) {
        router.post("/customers/:id/decision") { request, context in
            try await self.decide(request, id: Self.id(context))
        }
        router.post("/customers/:id/incidents") { request, context in
            try await self.logIncident(request, id: Self.id(context))
        }
        router.get("/customers/:id/exit-brief") { request, context in
            try await self.exitBrief(request, id: Self.id(context))
        }
        router.post("/customers/:id/fixplan") { request, context in
            try await self.fixPlan(request, id: Self.id(context))
        }
        router.post("/customers/:id/boundaries") { request, context in
            try await self.boundary(request, id: Self.id(context))
        }
        router.post("/customers/:id/leave") { request, context in
            try await self.leave(request, id: Self.id(context))
        }
        router.get("/service") { request, _ in try await self.service(request) }
        router.post("/partners") { request, _ in try await self.savePartner(request) }
        router.get("/decisions") { request, _ in try await self.decisions(request) }
        router.get("/exits") { request, _ in try await self.exits(request) }
        router.post("/exits/:decision/steps") { request, context in
            try await self.markStep(request, decisionId: context.parameters.get("decision") ?? "")
        }
    }

    private static func id(_ context: some RequestContext) -> String {
        let raw = context.parameters.get("id") ?? ""
        return raw.removingPercentEncoding ?? raw
    }

    // MARK: Decisions

    func decide(_ request: Request, id: String) async throws -> Response {
        let form = try await Self.form(request)
        let snapshot = state.snapshot
        guard let row = snapshot.analysis.row(of: id) else { throw HTTPError(.notFound) }
        let by = Self.actor
        let back = customerHref(id)
        guard let step = form["step"].flatMap(DecisionStep.init(rawValue:)) else {
            return Self.redirect(link(back, [("decision_error", "Unknown step.")]) + "#decision")
        }
        let chosen = step == .change ? form["to"].flatMap(Recommendation.init(rawValue:)) : nil
        let now = Date().ISO8601Format()
        do {
            let open = try await state.store.openDecision(customerId: id, proposed: snapshot.analysis.verdicts[row].recommendation,
                                                          actor: by.isEmpty ? "?" : by, at: now)
            let event = try DecisionMachine.event(decisionId: open.decisionId, customerId: id, at: now, actor: by, step: step,
                                                  from: open.state, proposed: open.proposed, chosen: chosen,
                                                  reason: form["reason"] ?? "")
            try await state.store.record(event)
        } catch {
            return Self.redirect(link(back, [("decision_error", "\(error)")]) + "#decision")
        }
        try await state.accessLog.changed(id, "decision step \(step.rawValue)" + (chosen.map { " to \($0.rawValue)" } ?? ""))
        return Self.redirect(link(back, [("saved", "1")]) + "#decision")
    }

    func decisions(_ request: Request) async throws -> Response {
        let chrome = PageChrome.from(request, state: state)
        let snapshot = state.snapshot
        let a = snapshot.analysis, c = a.ledger.customers
        let t = TextRenderer(chrome.language)
        let all = try await state.store.decisions()
        let due = try await state.store.fixPlansDue(on: snapshot.asOf)
        func name(_ id: String) -> String { a.row(of: id).map { c.names[$0] } ?? id }
        let rows: [[String: String]] = all.map { d in
            ["id": d.customerId, "name": name(d.customerId), "href": customerHref(d.customerId), "stateCode": d.state.rawValue,
             "state": chrome.t("state_" + d.state.rawValue), "proposed": t.label(d.proposed),
             "chosen": d.chosen.map { t.label($0) } ?? "", "updated": String(d.updatedAt.prefix(16)).replacingOccurrences(of: "T", with: " ")]
        }
        let dueRows: [[String: String]] = due.map { p in
            ["name": name(p.customerId), "href": customerHref(p.customerId), "owner": p.owner, "review": p.review.iso,
             "actions": p.actions.map { t.label($0) }.joined(separator: ", ")]
        }
        let ctx: [String: Any] = ["hasDecisions": !rows.isEmpty, "decisions": rows, "hasDue": !dueRows.isEmpty, "due": dueRows]
        return Self.html(views.render("decisions", ctx, chrome: chrome, title: chrome.t("decisions_page_title")))
    }

    // MARK: Incidents

    func logIncident(_ request: Request, id: String) async throws -> Response {
        let form = try await Self.form(request)
        guard state.snapshot.analysis.row(of: id) != nil else { throw HTTPError(.notFound) }
        guard let kind = form["kind"].flatMap(IncidentKind.init(rawValue:)),
              let severity = form["severity"].flatMap(Int.init), (1...5).contains(severity) else {
            throw HTTPError(.badRequest, message: "kind and a severity of 1 to 5 are required")
        }
        let note = form["note"].flatMap { $0.isEmpty ? nil : $0 }
        let by = Self.actor
        try await state.store.appendIncident(IncidentRecord(customerId: id, date: state.snapshot.asOf, kind: kind,
                                                            severity: severity, note: note))
        try await state.accessLog.changed(id, "incident logged: \(kind.rawValue), severity \(severity)")
        let policy = state.snapshot.policy
        if Deescalation.isRedLine(kind: kind, severity: severity, policy: policy) {
            _ = try await state.store.openDecision(customerId: id, proposed: .letGo, actor: by.isEmpty ? "?" : by,
                                                   at: Date().ISO8601Format())
        }
        try await state.refresh(force: true)
        let language = PageChrome.from(request, state: state).language
        var query = [("incident", kind.rawValue), ("severity", "\(severity)")]
        if let word = WordingCheck.findings(in: note ?? "", language: language).first?.word { query.append(("wording", word)) }
        return Self.redirect(link(customerHref(id), query) + "#incident")
    }

    // MARK: Exits

    func exits(_ request: Request) async throws -> Response {
        let chrome = PageChrome.from(request, state: state)
        let a = state.snapshot.analysis, c = a.ledger.customers
        let f = SnoeiCore.Formatter(chrome.language)
        let decisions = try await state.store.decisions().filter { $0.state == .exit || $0.state == .closed }
        var rows = [[String: Any]]()
        for d in decisions {
            let exit = try await state.store.exit(decisionId: d.decisionId) ?? ExitRecord(decisionId: d.decisionId, customerId: d.customerId)
            rows.append([
                "open": d.state == .exit,
                "id": d.customerId, "name": a.row(of: d.customerId).map { c.names[$0] } ?? d.customerId,
                "href": customerHref(d.customerId), "briefHref": customerHref(d.customerId) + "/exit-brief",
                "conversation": exit.conversationDate.map { f.date($0) } ?? "", "end": exit.endDate.map { f.date($0) } ?? "",
                "steps": ExitStep.allCases.map { step -> [String: Any] in
                    ["code": step.rawValue, "label": chrome.t("exitstep_" + step.rawValue), "done": exit.done[step] != nil,
                     "date": exit.done[step].map { f.date($0) } ?? "",
                     "action": "/exits/\(d.decisionId)/steps"]
                },
            ])
        }
        let ctx: [String: Any] = ["hasExits": !rows.isEmpty, "exits": rows,
                                  "stepHeaders": ExitStep.allCases.map { chrome.t("exitstep_" + $0.rawValue) }]
        return Self.html(views.render("exits", ctx, chrome: chrome, title: chrome.t("exits_title")))
    }

    func markStep(_ request: Request, decisionId: String) async throws -> Response {
        let form = try await Self.form(request)
        guard let step = form["step"].flatMap(ExitStep.init(rawValue:)),
              let decision = try await state.store.decision(id: decisionId), decision.state == .exit else {
            throw HTTPError(.badRequest, message: "not an exit in progress")
        }
        var exit = try await state.store.exit(decisionId: decisionId) ?? ExitRecord(decisionId: decisionId, customerId: decision.customerId)
        exit.done[step] = state.snapshot.asOf
        try await state.store.saveExit(exit)
        try await state.accessLog.changed(decision.customerId, "exit step done: \(step.rawValue)")
        return Self.redirect("/exits")
    }

    func exitBrief(_ request: Request, id: String) async throws -> Response {
        let chrome = PageChrome.from(request, state: state)
        let snapshot = state.snapshot
        let a = snapshot.analysis
        guard let row = a.row(of: id), let customer = snapshot.records.customers.first(where: { $0.customerId == id }) else {
            throw HTTPError(.notFound)
        }
        let partners = try await state.store.partners()
        let ranked = PartnerMatcher.rank(partners, for: row, in: a, records: snapshot.records)
        let wanted = QueryString(request)["partner"]
        let chosen = wanted == "none" ? nil : wanted.flatMap { w in ranked.first { $0.partner.partnerId == w } } ?? ranked.first { $0.score > 0 }
        let decision = try await state.store.openDecision(customerId: id)
        var existing: ExitRecord?
        if let decision { existing = try await state.store.exit(decisionId: decision.decisionId) }
        let conversation = existing?.conversationDate ?? snapshot.asOf
        let dates = NoticeRules.firmExit(customer: customer, conversation: conversation, policy: a.policy)
        let brief = ExitBrief(analysis: a, row: row, records: snapshot.records, partner: chosen, dates: dates,
                              openBalance: a.customers[row].openTotal, language: chrome.language)
        if let decision, decision.state == .exit {
            var exit = existing ?? ExitRecord(decisionId: decision.decisionId, customerId: id)
            exit.partnerId = chosen?.partner.partnerId
            exit.conversationDate = conversation
            exit.endDate = dates.proposedEnd
            if exit.done[.conversationPlanned] == nil { exit.done[.conversationPlanned] = snapshot.asOf }
            if exit != existing {
                try await state.store.saveExit(exit)
                try await state.accessLog.changed(id, "exit record updated from the exit brief")
            }
        }
        let warnings = WordingCheck.findings(in: brief.text, language: chrome.language).map {
            chrome.t("incident_wording", ["word": $0.word])
        }
        let ctx: [String: Any] = [
            "title": brief.title, "name": a.ledger.customers.names[row], "customerHref": customerHref(id),
            "draft": decision?.state != .exit, "warnings": warnings, "action": customerHref(id) + "/exit-brief",
            "handoverHref": customerHref(id) + "/handover.json",
            "partners": ranked.map { ["value": $0.partner.partnerId, "label": $0.partner.name,
                                      "selected": $0.partner.partnerId == chosen?.partner.partnerId] as [String: Any] },
            "sections": brief.sections.map { ["title": $0.title, "lines": $0.lines] as [String: Any] },
        ]
        return Self.html(views.render("exit_brief", ctx, chrome: chrome, title: brief.title))
    }

    // MARK: Fix plans, boundaries, leave requests

    func fixPlan(_ request: Request, id: String) async throws -> Response {
        let form = try await Self.form(request)
        guard let decision = try await state.store.openDecision(customerId: id), decision.state == .fixPlan else {
            throw HTTPError(.badRequest, message: "no decision in state fix_plan")
        }
        if form["form"] == "outcome" {
            guard var plan = try await state.store.fixPlan(decisionId: decision.decisionId),
                  let outcome = form["outcome"].flatMap(FixOutcome.init(rawValue:)) else { throw HTTPError(.badRequest) }
            plan.outcome = outcome
            plan.note = form["note"].flatMap { $0.isEmpty ? nil : $0 }
            try await state.store.saveFixPlan(plan)
            try await state.accessLog.changed(id, "fix plan outcome: \(outcome.rawValue)")
        } else {
            let actions = form.all("action").compactMap(SuggestedAction.init(rawValue:))
            let owner = (form["owner"] ?? "").trimmingCharacters(in: .whitespaces)
            let start = state.snapshot.asOf
            guard !actions.isEmpty, !owner.isEmpty, let review = form["review"].flatMap(Day.init(iso:)), review > start else {
                throw HTTPError(.badRequest, message: "a fix plan needs an action, an owner and a review date after today")
            }
            try await state.store.saveFixPlan(FixPlanRecord(planId: decision.decisionId, decisionId: decision.decisionId,
                                                            customerId: id, actions: actions, owner: owner, start: start, review: review))
            try await state.accessLog.changed(id, "fix plan saved: \(actions.map(\.rawValue).joined(separator: ", ")), review \(review.iso)")
        }
        return Self.redirect(customerHref(id) + "#fix-plan")
    }

    func boundary(_ request: Request, id: String) async throws -> Response {
        let form = try await Self.form(request)
        guard state.snapshot.analysis.row(of: id) != nil,
              let kind = form["kind"].flatMap(BoundaryKind.init(rawValue:)),
              let channel = form["channel"].flatMap(Channel.init(rawValue:)) else { throw HTTPError(.badRequest) }
        let by = Self.actor
        guard !by.isEmpty else { throw HTTPError(.badRequest, message: "who told it is required") }
        try await state.store.addBoundaryNotice(BoundaryNotice(customerId: id, kind: kind, date: state.snapshot.asOf,
                                                               channel: channel, by: by))
        try await state.accessLog.changed(id, "boundary told: \(kind.rawValue) (\(channel.rawValue))")
        return Self.redirect(customerHref(id) + "#boundaries")
    }

    func leave(_ request: Request, id: String) async throws -> Response {
        let form = try await Self.form(request)
        guard state.snapshot.analysis.row(of: id) != nil,
              let channel = form["channel"].flatMap(Channel.init(rawValue:)) else { throw HTTPError(.badRequest) }
        try await state.store.addLeaveRequest(LeaveRequest(customerId: id, date: state.snapshot.asOf, channel: channel))
        try await state.accessLog.changed(id, "leave request recorded (\(channel.rawValue))")
        return Self.redirect(link(customerHref(id), [("left", "1")]) + "#leave")
    }

    // MARK: Service: tiers, panel, ambassadors, partners

    func service(_ request: Request) async throws -> Response {
        let chrome = PageChrome.from(request, state: state)
        let a = state.snapshot.analysis, c = a.ledger.customers
        let f = SnoeiCore.Formatter(chrome.language)
        let fits = TierAssignment.assign(a)
        let mismatched = fits.filter { !$0.matches }
        let candidates = CustomerPanel.candidates(a, limit: 10)
        let ambassadors = Ambassadors.list(a)
        let partners = try await state.store.partners()
        let exitRows = try await state.store.decisions().filter { $0.state == .exit || $0.state == .closed }
            .compactMap { a.row(of: $0.customerId) }
        let freed = Ambassadors.freedHours(exits: exitRows, analysis: a)
        func customer(_ r: Int) -> [String: String] { ["id": c.ids[r], "name": c.names[r], "href": customerHref(c.ids[r])] }
        let ctx: [String: Any] = [
            "capacity": TierAssignment.capacity(a).map {
                ["tier": $0.tier, "customers": "\($0.customers)", "used": f.hours($0.hoursUsed), "capacity": f.hours($0.capacityHours)]
            },
            "mismatchText": chrome.t("tiers_mismatch", ["n": "\(mismatched.count)"]),
            "mismatched": mismatched.prefix(25).map { fit in
                customer(fit.row).merging(["now": fit.currentTier ?? "—", "value": fit.valueTier,
                                           "revenue": f.moneyWhole(a.customers[fit.row].revenue)]) { $1 }
            },
            "noContactText": chrome.t("tiers_no_contact", ["n": "\(fits.filter(\.needsContactPerson).count)"]),
            "panel": candidates.map { p in
                customer(p.row).merging(["complaints": "\(p.complaints)", "changes": "\(p.changeRequests)",
                                         "contribution": f.moneyWhole(p.contribution)]) { $1 }
            },
            "invitation": candidates.first.map { CustomerPanel.invitation(name: c.names[$0.row], language: chrome.language) } ?? "",
            "freedText": chrome.t("ambassadors_freed", ["hours": f.hours(freed), "n": "\(exitRows.count)"]),
            "hasAmbassadors": !ambassadors.isEmpty, "ambassadors": ambassadors.map(customer),
            "hasPartners": !partners.isEmpty,
            "partners": partners.map { ["id": $0.partnerId, "name": $0.name, "specialities": $0.specialities.joined(separator: ", "),
                                        "contact": $0.contact ?? ""] },
        ]
        return Self.html(views.render("service", ctx, chrome: chrome, title: chrome.t("service_title")))
    }

    func savePartner(_ request: Request) async throws -> Response {
        let form = try await Self.form(request)
        let id = (form["id"] ?? "").trimmingCharacters(in: .whitespaces)
        let name = (form["name"] ?? "").trimmingCharacters(in: .whitespaces)
        guard !id.isEmpty, !name.isEmpty else { throw HTTPError(.badRequest, message: "id and name are required") }
        let specialities = (form["specialities"] ?? "").split(separator: ",")
            .map { $0.trimmingCharacters(in: .whitespaces).lowercased() }.filter { !$0.isEmpty }
        try await state.store.savePartner(PartnerRecord(partnerId: id, name: name, specialities: specialities,
                                                        contact: form["contact"].flatMap { $0.isEmpty ? nil : $0 }))
        return Self.redirect("/service#partners")
    }

    // MARK: Helpers

    static func form(_ request: Request) async throws -> FormBody {
        var request = request
        return FormBody(String(buffer: try await request.collectBody(upTo: 1 << 20)))
    }

    /// Who acts: the signed-in user's display name, as the audit trail records it.
    static var actor: String { Identity.current?.actorName ?? "" }

    static func redirect(_ location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location])
    }

    static func html(_ body: String) -> Response {
        Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: body)))
    }
}
