import SQLKit

/// Migration 6: what bank statements and e-invoices bring besides ledger rows (issue 6).
///
/// | table                  | key          | notes                                                              |
/// |------------------------|--------------|--------------------------------------------------------------------|
/// | `unmatched_payments`   | `entry_id`   | credits no rule tied to an invoice, waiting for a person to assign |
/// | `customer_identifiers` | `identifier` | `kvk:…`, `kbo:…`, `vat:…`, `iban:…` → `customer_id`                |
///
/// An unmatched credit is kept under the stable id of its statement entry, so importing the
/// statement again finds it; assigning it moves it to `payments` under the same id, in one
/// transaction. Identifiers tie an e-invoice's buyer and a payer's account to a customer.
extension Schema {
    @Sendable static func createUnmatchedPayments(_ db: any SQLDatabase) async throws {
        try await db.create(table: "unmatched_payments")
            .column("entry_id", type: .text, .primaryKey(autoIncrement: false))
            .column("date", type: .text, .notNull)
            .column("amount_cents", type: .bigint, .notNull)
            .column("counterparty_name", type: .text)
            .column("counterparty_iban", type: .text)
            .column("reference", type: .text)
            .column("text", type: .text)
            .column("source", type: .text, .notNull)
            .run()
        try await db.create(table: "customer_identifiers")
            .column("identifier", type: .text, .primaryKey(autoIncrement: false))
            .column("customer_id", type: .text, .notNull)
            .run()
        try await db.create(index: "customer_identifiers_customer_id").on("customer_identifiers").column("customer_id").run()
    }
}
