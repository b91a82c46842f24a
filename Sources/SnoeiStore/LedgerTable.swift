import SnoeiCore
import SQLKit

/// How one kind of ledger record maps to one table: its columns (named as in FORMAT.md,
/// money as `_cents`, hours as `hours_milli`), its natural key and its conversions.
///
/// Records with an id (customers, invoices, payments) are keyed by it. The others have
/// no id in the canonical format, so they are keyed by `row_key`: the columns that
/// identify the fact plus its occurrence number among equal rows of the same import
/// (the second identical time entry on a day is `#2`). Re-importing a file therefore
/// finds every row again; a changed amount on an identified row is an update.
struct LedgerTable<R: Equatable & Sendable>: Sendable {
    let name: String
    /// The canonical CSV file the records come from (for summaries).
    let file: String
    let keyColumn: String
    /// Every column except the key column, in insert order.
    let columns: [String]
    let records: any WritableKeyPath<LedgerRecords, [R]> & Sendable
    /// The natural identity of a record, before the occurrence number.
    let identity: @Sendable (R) -> String
    let cells: @Sendable (R) -> [Cell]
    let decode: @Sendable (RowReader) throws -> R

    var usesRowKey: Bool { keyColumn == "row_key" }

    /// Keys for records in import order: the id itself, or identity + occurrence.
    func keys(for records: [R]) -> [String] {
        guard usesRowKey else { return records.map(identity) }
        var seen: [String: Int] = [:]
        seen.reserveCapacity(records.count)
        return records.map { record in
            var key = identity(record)
            // One hash lookup per record (the dictionary's in-place accessor), no interpolation:
            // a first import makes millions of these.
            let n = Self.count(&seen[key, default: 0])
            key.append("\u{1F}#")
            key.append(String(n))
            return key
        }
    }
}

extension LedgerTable {
    private static func count(_ n: inout Int) -> Int {
        n += 1
        return n
    }
}

/// Joins identifying fields with a separator no canonical value contains (an absent one is
/// empty). Written out for two to four parts, without arrays, in one allocation with room
/// for the occurrence number `keys(for:)` appends: it runs for every row of a row-keyed
/// table on every import.
private func identity(_ a: String, _ b: String?) -> String {
    identity(a, b, nil, nil, parts: 2)
}

private func identity(_ a: String, _ b: String?, _ c: String?) -> String {
    identity(a, b, c, nil, parts: 3)
}

private func identity(_ a: String, _ b: String?, _ c: String?, _ d: String?) -> String {
    identity(a, b, c, d, parts: 4)
}

private func identity(_ a: String, _ b: String?, _ c: String?, _ d: String?, parts: Int) -> String {
    var out = ""
    out.reserveCapacity(a.utf8.count + (b?.utf8.count ?? 0) + (c?.utf8.count ?? 0) + (d?.utf8.count ?? 0) + parts + 8)
    out.append(a)
    out.append("\u{1F}")
    if let b { out.append(b) }
    if parts > 2 {
        out.append("\u{1F}")
        if let c { out.append(c) }
    }
    if parts > 3 {
        out.append("\u{1F}")
        if let d { out.append(d) }
    }
    return out
}

private func day(_ r: RowReader, _ column: String) throws -> Day {
    let text = try r.text(column)
    guard let day = Day(iso: text) else { throw StoreError.corrupt(table: r.table, column: column, value: text) }
    return day
}

private func optionalDay(_ r: RowReader, _ column: String) throws -> Day? {
    guard let text = try r.optionalText(column) else { return nil }
    guard let day = Day(iso: text) else { throw StoreError.corrupt(table: r.table, column: column, value: text) }
    return day
}

private func money(_ r: RowReader, _ column: String) throws -> Money { Money(cents: try r.int(column)) }

enum LedgerTables {
    static let customers = LedgerTable<CustomerRecord>(
        name: "customers", file: "customers.csv", keyColumn: "customer_id",
        columns: ["name", "segment", "account_manager", "since", "tier", "contract_end", "notice_days", "cancel_channel"],
        records: \.customers,
        identity: { $0.customerId },
        cells: { c in
            [.text(c.name), .text(c.segment), .text(c.accountManager), .text(c.since?.iso), .text(c.tier),
             .text(c.contractEnd?.iso), .int(c.noticeDays.map(Int64.init)), .text(c.cancelChannel)]
        },
        decode: { r in
            CustomerRecord(
                customerId: try r.text("customer_id"), name: try r.text("name"),
                segment: try r.optionalText("segment"), accountManager: try r.optionalText("account_manager"),
                since: try optionalDay(r, "since"), tier: try r.optionalText("tier"),
                contractEnd: try optionalDay(r, "contract_end"),
                noticeDays: try r.optionalInt("notice_days").map { Int($0) },
                cancelChannel: try r.optionalText("cancel_channel"))
        })

    static let invoices = LedgerTable<InvoiceRecord>(
        name: "invoices", file: "invoices.csv", keyColumn: "invoice_id",
        columns: ["customer_id", "issue_date", "due_date", "amount_cents", "vat_cents", "cost_cents", "reference"],
        records: \.invoices,
        identity: { $0.invoiceId },
        cells: { i in
            [.text(i.customerId), .text(i.issueDate.iso), .text(i.dueDate.iso), .int(i.amount.cents),
             .int(i.vat.cents), .int(i.cost?.cents), .text(i.reference)]
        },
        decode: { r in
            InvoiceRecord(
                invoiceId: try r.text("invoice_id"), customerId: try r.text("customer_id"),
                issueDate: try day(r, "issue_date"), dueDate: try day(r, "due_date"),
                amount: try money(r, "amount_cents"), vat: try money(r, "vat_cents"),
                cost: try r.optionalInt("cost_cents").map(Money.init(cents:)),
                reference: try r.optionalText("reference"))
        })

    static let payments = LedgerTable<PaymentRecord>(
        name: "payments", file: "payments.csv", keyColumn: "payment_id",
        columns: ["date", "amount_cents", "invoice_id", "customer_id", "reference"],
        records: \.payments,
        identity: { $0.paymentId },
        cells: { p in
            [.text(p.date.iso), .int(p.amount.cents), .text(p.invoiceId), .text(p.customerId), .text(p.reference)]
        },
        decode: { r in
            PaymentRecord(
                paymentId: try r.text("payment_id"), date: try day(r, "date"), amount: try money(r, "amount_cents"),
                invoiceId: try r.optionalText("invoice_id"), customerId: try r.optionalText("customer_id"),
                reference: try r.optionalText("reference"))
        })

    static let timeEntries = LedgerTable<TimeEntryRecord>(
        name: "time_entries", file: "time_entries.csv", keyColumn: "row_key",
        columns: ["customer_id", "date", "hours_milli", "activity", "billable", "employee"],
        records: \.timeEntries,
        identity: { identity($0.customerId, $0.date.iso, $0.activity.rawValue, $0.employee) },
        cells: { t in
            [.text(t.customerId), .text(t.date.iso), .int(t.hours), .text(t.activity.rawValue), .bool(t.billable),
             .text(t.employee)]
        },
        decode: { r in
            TimeEntryRecord(
                customerId: try r.text("customer_id"), date: try day(r, "date"), hours: try r.int("hours_milli"),
                activity: try r.vocabulary("activity", as: Activity.self), billable: try r.optionalBool("billable"),
                employee: try r.optionalText("employee"))
        })

    static let contacts = LedgerTable<ContactRecord>(
        name: "contacts", file: "contacts.csv", keyColumn: "row_key",
        columns: ["customer_id", "date", "channel", "kind", "topic", "self_caused"],
        records: \.contacts,
        identity: { identity($0.customerId, $0.date.iso, $0.channel.rawValue, $0.kind.rawValue) },
        cells: { c in
            [.text(c.customerId), .text(c.date.iso), .text(c.channel.rawValue), .text(c.kind.rawValue),
             .text(c.topic?.rawValue), .bool(c.selfCaused)]
        },
        decode: { r in
            ContactRecord(
                customerId: try r.text("customer_id"), date: try day(r, "date"),
                channel: try r.vocabulary("channel", as: Channel.self),
                kind: try r.vocabulary("kind", as: ContactKind.self),
                topic: try r.optionalText("topic").map { raw in
                    guard let t = Topic(rawValue: raw) else {
                        throw StoreError.corrupt(table: "contacts", column: "topic", value: raw)
                    }
                    return t
                },
                selfCaused: try r.optionalBool("self_caused"))
        })

    static let deviations = LedgerTable<DeviationRecord>(
        name: "deviations", file: "deviations.csv", keyColumn: "row_key",
        columns: ["customer_id", "date", "kind", "cost_cents", "note"],
        records: \.deviations,
        identity: { identity($0.customerId, $0.date.iso, $0.kind.rawValue) },
        cells: { d in [.text(d.customerId), .text(d.date.iso), .text(d.kind.rawValue), .int(d.cost.cents), .text(d.note)] },
        decode: { r in
            DeviationRecord(
                customerId: try r.text("customer_id"), date: try day(r, "date"),
                kind: try r.vocabulary("kind", as: DeviationKind.self), cost: try money(r, "cost_cents"),
                note: try r.optionalText("note"))
        })

    static let incidents = LedgerTable<IncidentRecord>(
        name: "incidents", file: "incidents.csv", keyColumn: "row_key",
        columns: ["customer_id", "date", "kind", "severity", "note"],
        records: \.incidents,
        identity: { identity($0.customerId, $0.date.iso, $0.kind.rawValue) },
        cells: { i in
            [.text(i.customerId), .text(i.date.iso), .text(i.kind.rawValue), .int(Int64(i.severity)), .text(i.note)]
        },
        decode: { r in
            IncidentRecord(
                customerId: try r.text("customer_id"), date: try day(r, "date"),
                kind: try r.vocabulary("kind", as: IncidentKind.self), severity: Int(try r.int("severity")),
                note: try r.optionalText("note"))
        })

    static let referrals = LedgerTable<ReferralRecord>(
        name: "referrals", file: "referrals.csv", keyColumn: "row_key",
        columns: ["customer_id", "referred_customer_id", "date"],
        records: \.referrals,
        identity: { identity($0.customerId, $0.referredCustomerId) },
        cells: { f in [.text(f.customerId), .text(f.referredCustomerId), .text(f.date.iso)] },
        decode: { r in
            ReferralRecord(
                customerId: try r.text("customer_id"), referredCustomerId: try r.text("referred_customer_id"),
                date: try day(r, "date"))
        })

    static let valuesFit = LedgerTable<ValuesFitRecord>(
        name: "values_fit", file: "values_fit.csv", keyColumn: "row_key",
        columns: ["customer_id", "criterion", "score"],
        records: \.valuesFit,
        identity: { identity($0.customerId, $0.criterion) },
        cells: { v in [.text(v.customerId), .text(v.criterion), .int(Int64(v.score))] },
        decode: { r in
            ValuesFitRecord(
                customerId: try r.text("customer_id"), criterion: try r.text("criterion"), score: Int(try r.int("score")))
        })
}
