public import SnoeiCore
import SQLKit

/// What an e-invoice or bank-statement import adds besides ledger rows, and the assignment of
/// unmatched credits by a person.
extension LedgerStore {
    /// Ledger rows, identifiers and unmatched credits in one transaction: all or nothing.
    /// Identifiers already recorded keep their customer; an unmatched credit already waiting,
    /// or already assigned (a payment under its id), is not added again.
    public func apply(
        _ records: LedgerRecords, identifiers: [CustomerIdentifierRecord], unmatched: [UnmatchedPaymentRecord],
        dryRun: Bool = false
    ) async throws -> ApplySummary {
        try await Transaction.run(on: db, rollbackOnly: dryRun) { tx in
            var kinds = try await self.merge(records, on: tx)
            let known = try await Self.identifiers(on: tx)
            let unique = Dictionary(identifiers.map { ($0.key, $0.customerId) }, uniquingKeysWith: { first, _ in first })
            let freshIds = unique.filter { known[$0.key] == nil }.sorted { $0.key < $1.key }
            try await Self.insertRows(into: "customer_identifiers", columns: ["identifier", "customer_id"],
                                      freshIds.map { [.text($0.key), .text($0.value)] }, on: tx)
            kinds.append(.init(file: "customer identifiers", rows: unique.count, new: freshIds.count, updated: 0,
                               unchanged: unique.count - freshIds.count))
            // Looked up in batches rather than one query per entry: a statement has thousands.
            let ids = unmatched.map(\.entryId)
            let held = try await Self.existing(ids, in: "unmatched_payments", key: "entry_id", on: tx)
                .union(try await Self.existing(ids, in: "payments", key: "payment_id", on: tx))
            var seen = Set<String>()
            let fresh = unmatched.filter { !held.contains($0.entryId) && seen.insert($0.entryId).inserted }
            try await Self.insertRows(into: "unmatched_payments", columns: Self.unmatchedColumns, fresh.map(Self.cells), on: tx)
            kinds.append(.init(file: "unmatched payments", rows: unmatched.count, new: fresh.count, updated: 0,
                               unchanged: unmatched.count - fresh.count))
            let summary = ApplySummary(kinds: kinds)
            if summary.changesAnything { try await Self.bumpLedgerVersion(on: tx) }
            return summary
        }
    }

    /// `kvk:12345678` → customer id, for every recorded identifier.
    public func customerIdentifiers() async throws -> [String: String] {
        try await Self.identifiers(on: db)
    }

    /// Credits waiting for a person, oldest first.
    public func unmatchedPayments() async throws -> [UnmatchedPaymentRecord] {
        let rows = try await db.select().column("*").from("unmatched_payments").orderBy("date").orderBy("entry_id").all()
        return try rows.map(Self.decodeUnmatched)
    }

    /// Turns an unmatched credit into a payment of `invoiceId` (its customer then) or, without
    /// an invoice, of `customerId` alone, in one transaction; the payer's account is recorded
    /// for the customer so the next credit from it matches by amount and account.
    public func assignUnmatched(entryId: String, invoiceId: String?, customerId: String?) async throws -> PaymentRecord {
        try await Transaction.run(on: db) { tx in
            guard let entry = try await self.unmatchedPayments(on: tx).first(where: { $0.entryId == entryId }) else {
                throw AssignError.unknownEntry(entryId)
            }
            var customer = customerId
            if let invoiceId {
                let rows = try await tx.select().column("customer_id").from("invoices").where("invoice_id", .equal, SQLBind(invoiceId)).all()
                guard let owner = try rows.first?.decode(column: "customer_id", as: String.self) else { throw AssignError.unknownInvoice(invoiceId) }
                if let customerId, customerId != owner { throw AssignError.invoiceOfOtherCustomer(invoiceId, owner) }
                customer = owner
            } else if let customerId {
                let rows = try await tx.select().column("customer_id").from("customers").where("customer_id", .equal, SQLBind(customerId)).all()
                guard !rows.isEmpty else { throw AssignError.unknownCustomer(customerId) }
            } else {
                throw AssignError.nothingToAssignTo
            }
            // Without an invoice the reference stays empty: FORMAT.md rule 4 would otherwise match a
            // remittance text that happens to equal an invoice id, against the person's choice.
            let reference = invoiceId == nil ? nil : entry.reference ?? entry.text.map { String($0.prefix(140)) }
            let payment = PaymentRecord(paymentId: entry.entryId, date: entry.date, amount: entry.amount, invoiceId: invoiceId,
                                        customerId: customer, reference: reference)
            try await self.insert(LedgerTables.payments, [payment], on: tx)
            try await tx.delete(from: "unmatched_payments").where("entry_id", .equal, SQLBind(entryId)).run()
            if let iban = entry.counterpartyIBAN, let customer {
                let key = "iban:\(iban)"
                if try await Self.identifiers(on: tx)[key] == nil {
                    try await tx.insert(into: "customer_identifiers").columns("identifier", "customer_id")
                        .values(SQLBind(key), SQLBind(customer)).run()
                }
            }
            try await Self.bumpLedgerVersion(on: tx)
            return payment
        }
    }

    private func unmatchedPayments(on tx: any SQLDatabase) async throws -> [UnmatchedPaymentRecord] {
        try await tx.select().column("*").from("unmatched_payments").all().map(Self.decodeUnmatched)
    }

    private static func decodeUnmatched(_ row: any SQLRow) throws -> UnmatchedPaymentRecord {
        let r = RowReader(row: row, table: "unmatched_payments")
        let text = try r.text("date")
        guard let date = Day(iso: text) else { throw StoreError.corrupt(table: r.table, column: "date", value: text) }
        return UnmatchedPaymentRecord(
            entryId: try r.text("entry_id"), date: date, amount: Money(cents: try r.int("amount_cents")),
            counterpartyName: try r.optionalText("counterparty_name"), counterpartyIBAN: try r.optionalText("counterparty_iban"),
            reference: try r.optionalText("reference"), text: try r.optionalText("text"), source: try r.text("source"))
    }

    private static func identifiers(on db: any SQLDatabase) async throws -> [String: String] {
        let rows = try await db.select().column("identifier").column("customer_id").from("customer_identifiers").all()
        var out: [String: String] = [:]
        for row in rows {
            out[try row.decode(column: "identifier", as: String.self)] = try row.decode(column: "customer_id", as: String.self)
        }
        return out
    }

    /// Which of `ids` are keys of `table`.
    private static func existing(_ ids: [String], in table: String, key: String, on tx: any SQLDatabase) async throws -> Set<String> {
        var found = Set<String>()
        var start = 0
        while start < ids.count {
            let end = min(start + 500, ids.count)
            let rows = try await tx.select().column(key).from(table).where(key, .in, Array(ids[start..<end])).all()
            for row in rows { found.insert(try row.decode(column: key, as: String.self)) }
            start = end
        }
        return found
    }

    static let unmatchedColumns = ["entry_id", "date", "amount_cents", "counterparty_name", "counterparty_iban", "reference", "text", "source"]

    private static func cells(_ e: UnmatchedPaymentRecord) -> [Cell] {
        [.text(e.entryId), .text(e.date.iso), .int(e.amount.cents), .text(e.counterpartyName),
         .text(e.counterpartyIBAN), .text(e.reference), .text(e.text), .text(e.source)]
    }

    /// Multi-row INSERTs within the dialect's limit on bound parameters.
    private static func insertRows(into table: String, columns: [String], _ rows: [[Cell]], on tx: any SQLDatabase) async throws {
        var start = 0
        while start < rows.count {
            let end = min(start + tx.rowsPerInsert(columns: columns.count), rows.count)
            let builder = tx.insert(into: table).columns(columns)
            for row in rows[start..<end] { builder.values(row.map(\.expression)) }
            try await builder.run()
            start = end
        }
    }
}

/// Why an unmatched credit could not be assigned.
public enum AssignError: Error, Sendable, Equatable, CustomStringConvertible {
    case unknownEntry(String), unknownInvoice(String), unknownCustomer(String), invoiceOfOtherCustomer(String, String), nothingToAssignTo

    public var description: String {
        switch self {
        case .unknownEntry(let id): "There is no unmatched payment \(id) (see `snoei payments unmatched`)."
        case .unknownInvoice(let id): "There is no invoice \(id)."
        case .unknownCustomer(let id): "There is no customer \(id)."
        case .invoiceOfOtherCustomer(let invoice, let owner): "Invoice \(invoice) belongs to customer \(owner)."
        case .nothingToAssignTo: "Name an invoice (--invoice) or a customer (--customer)."
        }
    }
}
