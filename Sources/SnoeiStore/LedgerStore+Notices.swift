public import SnoeiCore
import SQLKit

/// Boundary notices (what a customer was told, from when breaches count) and leave requests
/// (customers who asked to go). Both are facts that happened: added, never edited.
extension LedgerStore {
    public func addBoundaryNotice(_ notice: BoundaryNotice) async throws {
        try await workflowWrite { tx in
            try await tx.insert(into: "boundary_notices")
                .columns("customer_id", "kind", "date", "channel", "given_by", "note")
                .values(SQLBind(notice.customerId), SQLBind(notice.kind.rawValue), SQLBind(notice.date.iso),
                        SQLBind(notice.channel.rawValue), SQLBind(notice.by), Self.optional(notice.note))
                .run()
        }
    }

    /// The customer's boundary notices (everyone's when `customerId` is nil), by date, then
    /// in the order they were added.
    public func boundaryNotices(customerId: String? = nil) async throws -> [BoundaryNotice] {
        let query = db.select().column("*").from("boundary_notices")
        if let customerId { query.where("customer_id", .equal, SQLBind(customerId)) }
        return try await query.orderBy("date").orderBy("seq").all().map { row in
            let r = RowReader(row: row, table: "boundary_notices")
            return BoundaryNotice(
                customerId: try r.text("customer_id"), kind: try r.vocabulary("kind", as: BoundaryKind.self),
                date: try r.isoDay("date"), channel: try r.vocabulary("channel", as: Channel.self),
                by: try r.text("given_by"), note: try r.optionalText("note"))
        }
    }

    public func addLeaveRequest(_ request: LeaveRequest) async throws {
        try await workflowWrite { tx in
            try await tx.insert(into: "leave_requests")
                .columns("customer_id", "date", "channel", "note")
                .values(SQLBind(request.customerId), SQLBind(request.date.iso), SQLBind(request.channel.rawValue),
                        Self.optional(request.note))
                .run()
        }
    }

    /// The customer's leave requests (everyone's when `customerId` is nil), by date, then in
    /// the order they were added.
    public func leaveRequests(customerId: String? = nil) async throws -> [LeaveRequest] {
        let query = db.select().column("*").from("leave_requests")
        if let customerId { query.where("customer_id", .equal, SQLBind(customerId)) }
        return try await query.orderBy("date").orderBy("seq").all().map { row in
            let r = RowReader(row: row, table: "leave_requests")
            return LeaveRequest(
                customerId: try r.text("customer_id"), date: try r.isoDay("date"),
                channel: try r.vocabulary("channel", as: Channel.self), note: try r.optionalText("note"))
        }
    }

    /// A bound value, or NULL.
    static func optional(_ text: String?) -> any SQLExpression {
        text.map { SQLBind($0) as any SQLExpression } ?? SQLLiteral.null
    }
}
