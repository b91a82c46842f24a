public import SnoeiCore
import Foundation
import SQLKit

/// Privacy (GDPR/AVG): the access log (migration 4, `Migration+AccessLog.swift`), the workflow
/// records an art. 15 export shows, and erasure (art. 17) by a plan SnoeiCore worked out
/// (`ErasurePlan`, which documents what is deleted, anonymised and kept, and why).
extension LedgerStore {
    // MARK: Access log

    /// Appends one entry to the access log (its own transaction). Call it for every view of a
    /// customer's notes, every change made by hand and every export.
    public func logAccess(_ entry: AccessLogEntry) async throws {
        try await Transaction.run(on: db) { tx in try await Self.logAccess(entry, on: tx) }
    }

    /// The same, by its parts; `at` is an ISO 8601 timestamp (now when nil).
    public func logAccess(customerId: String, action: AccessAction, actor: String, at: String? = nil,
                          detail: String? = nil) async throws {
        try await logAccess(AccessLogEntry(at: at ?? ISO8601Now.string(), actor: actor, action: action,
                                           customerId: customerId, detail: detail))
    }

    static func logAccess(_ e: AccessLogEntry, on db: any SQLDatabase) async throws {
        try await db.insert(into: "access_log")
            .columns("at", "actor", "action", "customer_id", "detail")
            .values(SQLBind(e.at), SQLBind(e.actor), SQLBind(e.action.rawValue), SQLBind(e.customerId), optional(e.detail))
            .run()
    }

    /// The access log about one customer (everyone's when nil), in the order it was written.
    public func accessLog(customerId: String? = nil) async throws -> [AccessLogEntry] {
        let query = db.select().column("*").from("access_log")
        if let customerId { query.where("customer_id", .equal, SQLBind(customerId)) }
        return try await query.orderBy("seq").all().map { row in
            let r = RowReader(row: row, table: "access_log")
            return AccessLogEntry(at: try r.text("at"), actor: try r.text("actor"),
                                  action: try r.vocabulary("action", as: AccessAction.self),
                                  customerId: try r.text("customer_id"), detail: try r.optionalText("detail"))
        }
    }

    // MARK: Workflow records

    /// Every workflow record (partners aside), or one customer's: what an export shows and
    /// what retention looks at.
    public func workflowRecords(customerId: String? = nil) async throws -> WorkflowRecordSet {
        var w = WorkflowRecordSet()
        if let customerId {
            w.decisions = try await decisions(customerId: customerId)
            w.events = try await events(customerId: customerId)
            w.fixPlans = try await fixPlans().filter { $0.customerId == customerId }
            w.exits = try await exits().filter { $0.customerId == customerId }
        } else {
            w.decisions = try await decisions()
            w.events = try await allEvents()
            w.fixPlans = try await fixPlans()
            w.exits = try await exits()
        }
        w.boundaryNotices = try await boundaryNotices(customerId: customerId)
        w.leaveRequests = try await leaveRequests(customerId: customerId)
        return w
    }

    // MARK: Erasure

    /// Applies `plan` to the stored data in ONE transaction, all or nothing:
    ///
    /// 1. deletes the customer's time entries, contacts, deviations, incidents, values-fit
    ///    scores, recorded identifiers (KvK, KBO, VAT, IBAN) and the referrals it made (all of them: rows added since the plan was made
    ///    go too), and the invoices and payments the plan deletes (by id);
    /// 2. rewrites the kept invoices and payments the plan changes, and the customer's row as
    ///    anonymised;
    /// 3. deletes its boundary notices and leave requests and removes its fix plans' notes;
    /// 4. moves the ledger version (running web servers re-analyse) and the workflow version
    ///    when those changed;
    /// 5. appends an `erase` entry to the access log, by `actor` at `at` (with `reason` when
    ///    given, e.g. a data subject's request before the retention period ended).
    ///
    /// Decisions, their audit trail, exits and the access log are kept as they are. Running
    /// the same erasure again (a plan made afterwards) changes no row and moves no version; it
    /// only logs that there was nothing left to erase. A failure anywhere rolls everything back.
    @discardableResult
    public func eraseCustomer(id: String, plan: ErasurePlan, actor: String, at: String, reason: String? = nil)
        async throws -> ErasureOutcome
    {
        guard plan.customerId == id else { throw ErasureError.planForAnotherCustomer(id: id, planFor: plan.customerId) }
        return try await Transaction.run(on: db) { tx in
            let exists = try await tx.select().column("customer_id").from("customers")
                .where("customer_id", .equal, SQLBind(id)).all()
            guard !exists.isEmpty else { throw ErasureError.unknownCustomer(id: id) }
            var outcome = ErasureOutcome()
            // 1. Deleted rows.
            // `customer_identifiers` too: a KvK, VAT number or bank account would identify the
            // anonymised customer again.
            for table in ["time_entries", "contacts", "deviations", "incidents", "values_fit", "referrals", "customer_identifiers"] {
                outcome.deletedRows += try await tx.delete(from: table).where("customer_id", .equal, SQLBind(id))
                    .returning("customer_id").all().count
            }
            outcome.deletedRows += try await Self.delete(from: "invoices", key: "invoice_id",
                                                         plan.deleted.invoices.map(\.invoiceId), on: tx)
            outcome.deletedRows += try await Self.delete(from: "payments", key: "payment_id",
                                                         plan.deleted.payments.map(\.paymentId), on: tx)
            // 2. Kept rows, amounts only; the customer anonymised.
            for invoice in plan.updated.invoices {
                outcome.updatedRows += try await Self.update(LedgerTables.invoices, key: invoice.invoiceId, invoice, on: tx)
            }
            for payment in plan.updated.payments {
                outcome.updatedRows += try await Self.update(LedgerTables.payments, key: payment.paymentId, payment, on: tx)
            }
            if plan.customerAfter != plan.customerBefore {
                outcome.updatedRows += try await Self.update(LedgerTables.customers, key: id, plan.customerAfter, on: tx)
            }
            let ledgerChanged = outcome.deletedRows + outcome.updatedRows > 0
            // 3. Workflow notes.
            var workflowRows = 0
            for table in ["boundary_notices", "leave_requests"] {
                workflowRows += try await tx.delete(from: table).where("customer_id", .equal, SQLBind(id))
                    .returning("customer_id").all().count
            }
            workflowRows += try await tx.update("fix_plans").set("note", to: SQLLiteral.null)
                .where("customer_id", .equal, SQLBind(id)).where("note", .isNot, SQLLiteral.null)
                .returning("plan_id").all().count
            outcome.workflowRows = workflowRows
            // 4. Versions.
            if ledgerChanged { try await Self.setMeta("ledger_version", UUID().uuidString, on: tx) }
            if workflowRows > 0 { try await Self.bumpWorkflowVersion(on: tx) }
            // 5. The access log.
            var detail = outcome.changesAnything
                ? "as of \(plan.asOf.iso): \(outcome.deletedRows) ledger rows deleted, \(outcome.updatedRows) anonymised or reduced to amounts, \(outcome.workflowRows) workflow rows deleted or cleared"
                : "as of \(plan.asOf.iso): nothing left to erase"
            if let reason, !reason.isEmpty { detail += "; reason: \(reason)" }
            try await Self.logAccess(AccessLogEntry(at: at, actor: actor, action: .erase, customerId: id, detail: detail), on: tx)
            return outcome
        }
    }

    private static func delete(from table: String, key: String, _ ids: [String], on tx: any SQLDatabase) async throws -> Int {
        var deleted = 0
        var start = 0
        while start < ids.count {
            let end = min(start + insertBatch, ids.count)
            deleted += try await tx.delete(from: table).where(key, .in, Array(ids[start..<end]))
                .returning(SQLColumn(key)).all().count
            start = end
        }
        return deleted
    }

    private static func update<R>(_ table: LedgerTable<R>, key: String, _ record: R, on tx: any SQLDatabase) async throws -> Int {
        let builder = tx.update(table.name)
        for (column, cell) in zip(table.columns, table.cells(record)) { builder.set(column, to: cell.expression) }
        return try await builder.where(table.keyColumn, .equal, SQLBind(key)).returning(SQLColumn(table.keyColumn)).all().count
    }
}

/// What an erasure changed.
public struct ErasureOutcome: Sendable, Equatable {
    /// Ledger rows deleted (hours, contacts, deviations, incidents, referrals, values fit,
    /// invoices and payments past the tax period).
    public var deletedRows = 0
    /// Ledger rows rewritten: the anonymised customer, kept invoices and payments without references.
    public var updatedRows = 0
    /// Boundary notices and leave requests deleted, fix plan notes removed.
    public var workflowRows = 0

    public var changesAnything: Bool { deletedRows + updatedRows + workflowRows > 0 }

    public init() {}
}

public enum ErasureError: Error, CustomStringConvertible, Sendable, Equatable {
    case unknownCustomer(id: String)
    case planForAnotherCustomer(id: String, planFor: String)

    public var description: String {
        switch self {
        case .unknownCustomer(let id): "There is no customer \(id)."
        case .planForAnotherCustomer(let id, let planFor): "The erasure plan is for customer \(planFor), not \(id)."
        }
    }
}
