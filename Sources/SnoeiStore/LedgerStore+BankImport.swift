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
            var fresh = 0, same = 0
            for id in Dictionary(identifiers.map { ($0.key, $0.customerId) }, uniquingKeysWith: { first, _ in first }).sorted(by: { $0.key < $1.key }) {
                if known[id.key] != nil { same += 1; continue }
                try await tx.insert(into: "customer_identifiers").columns("identifier", "customer_id")
                    .values(SQLBind(id.key), SQLBind(id.value)).run()
                fresh += 1
            }
            kinds.append(.init(file: "customer identifiers", rows: fresh + same, new: fresh, updated: 0, unchanged: same))
            var added = 0, waiting = 0
            for entry in unmatched {
                if try await Self.exists(entry.entryId, on: tx) { waiting += 1; continue }
                try await Self.insert(entry, on: tx)
                added += 1
            }
            kinds.append(.init(file: "unmatched payments", rows: unmatched.count, new: added, updated: 0, unchanged: waiting))
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

    /// Whether a statement entry is already held: waiting, or assigned (a payment under its id).
    private static func exists(_ entryId: String, on tx: any SQLDatabase) async throws -> Bool {
        let waiting = try await tx.select().column("entry_id").from("unmatched_payments").where("entry_id", .equal, SQLBind(entryId)).all()
        if !waiting.isEmpty { return true }
        return !(try await tx.select().column("payment_id").from("payments").where("payment_id", .equal, SQLBind(entryId)).all()).isEmpty
    }

    private static func insert(_ e: UnmatchedPaymentRecord, on tx: any SQLDatabase) async throws {
        let cells: [Cell] = [.text(e.entryId), .text(e.date.iso), .int(e.amount.cents), .text(e.counterpartyName),
                             .text(e.counterpartyIBAN), .text(e.reference), .text(e.text), .text(e.source)]
        try await tx.insert(into: "unmatched_payments")
            .columns("entry_id", "date", "amount_cents", "counterparty_name", "counterparty_iban", "reference", "text", "source")
            .values(cells.map(\.expression)).run()
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
