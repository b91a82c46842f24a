import Foundation
import SnoeiCore

/// Loads the whole ledger from an SQLite file through the C API: one prepared
/// `SELECT key, columns… ORDER BY key` per table, values read by column index straight into
/// records. The SQLKit path makes a row object, a dictionary of column names and a decoder
/// call per cell; this makes nothing per row but the record (and its strings).
///
/// Produces exactly what `LedgerStore.loadThroughSQLKit()` does — same records, same order
/// (the same ORDER BY on the same database).
struct SQLiteLedgerReader {
    let path: String

    /// The tables are read by two threads on two connections of their own: invoices, contacts
    /// and the small tables on one, payments and time entries on the other (about half the
    /// rows each). Each read transaction notes `ledger_version`, which every change to the
    /// ledger replaces; if the two differ, an import committed in between and everything is
    /// read again in one transaction, so the result is always one state of the ledger.
    func load() throws -> LedgerRecords {
        let box = PartsBox()
        DispatchQueue.concurrentPerform(iterations: 2) { part in
            box.set(part, Result { try read(part == 0 ? [.first] : [.second]) })
        }
        let (first, second) = try box.results()
        guard first.version == second.version else { return try read([.first, .second]).records }
        var records = first.records
        records.payments = second.records.payments
        records.timeEntries = second.records.timeEntries
        return records
    }

    enum Part { case first, second }

    /// The tables of `parts` in one read transaction, and the ledger version it saw.
    private func read(_ parts: Set<Part>) throws -> PartRead {
        let connection = try SQLiteHandle(path: path, readOnly: true)
        try connection.exec("BEGIN")
        defer { try? connection.exec("COMMIT") }
        let meta = try connection.prepare("SELECT value FROM meta WHERE key = 'ledger_version'")
        let version = try meta.step() ? try SQLiteRowValues(statement: meta, table: "meta", columns: ["value"]).optionalText(0) : nil
        var r = LedgerRecords()
        if parts.contains(.first) {
            r.customers = try read(LedgerTables.customers, connection) { v in
                CustomerRecord(
                    customerId: try v.text(0), name: try v.text(1), segment: try v.optionalText(2),
                    accountManager: try v.optionalText(3), since: try v.optionalDay(4), tier: try v.optionalText(5),
                    contractEnd: try v.optionalDay(6), noticeDays: try v.optionalInt(7).map { Int($0) },
                    cancelChannel: try v.optionalText(8))
            }
            r.invoices = try read(LedgerTables.invoices, connection) { v in
                InvoiceRecord(
                    invoiceId: try v.text(0), customerId: try v.text(1), issueDate: try v.day(2), dueDate: try v.day(3),
                    amount: Money(cents: try v.int(4)), vat: Money(cents: try v.int(5)),
                    cost: try v.optionalInt(6).map(Money.init(cents:)), reference: try v.optionalText(7))
            }
        }
        if parts.contains(.second) {
            r.payments = try read(LedgerTables.payments, connection) { v in
                PaymentRecord(
                    paymentId: try v.text(0), date: try v.day(1), amount: Money(cents: try v.int(2)),
                    invoiceId: try v.optionalText(3), customerId: try v.optionalText(4), reference: try v.optionalText(5))
            }
            r.timeEntries = try read(LedgerTables.timeEntries, connection) { v in
                TimeEntryRecord(
                    customerId: try v.text(1), date: try v.day(2), hours: try v.int(3),
                    activity: try v.vocabulary(4, as: Activity.self), billable: try v.optionalBool(5),
                    employee: try v.optionalText(6))
            }
        }
        if parts.contains(.first) {
            try readSmallTables(into: &r, connection)
        }
        return PartRead(records: r, version: version)
    }

    private func readSmallTables(into r: inout LedgerRecords, _ connection: SQLiteHandle) throws {
        r.contacts = try read(LedgerTables.contacts, connection) { v in
            ContactRecord(
                customerId: try v.text(1), date: try v.day(2), channel: try v.vocabulary(3, as: Channel.self),
                kind: try v.vocabulary(4, as: ContactKind.self), topic: try v.optionalVocabulary(5, as: Topic.self),
                selfCaused: try v.optionalBool(6))
        }
        r.deviations = try read(LedgerTables.deviations, connection) { v in
            DeviationRecord(
                customerId: try v.text(1), date: try v.day(2), kind: try v.vocabulary(3, as: DeviationKind.self),
                cost: Money(cents: try v.int(4)), note: try v.optionalText(5))
        }
        r.incidents = try read(LedgerTables.incidents, connection) { v in
            IncidentRecord(
                customerId: try v.text(1), date: try v.day(2), kind: try v.vocabulary(3, as: IncidentKind.self),
                severity: Int(try v.int(4)), note: try v.optionalText(5))
        }
        r.referrals = try read(LedgerTables.referrals, connection) { v in
            ReferralRecord(customerId: try v.text(1), referredCustomerId: try v.text(2), date: try v.day(3))
        }
        r.valuesFit = try read(LedgerTables.valuesFit, connection) { v in
            ValuesFitRecord(customerId: try v.text(1), criterion: try v.text(2), score: Int(try v.int(3)))
        }
    }

    /// Every row of one table in key order. Column 0 is the key, then the table's columns in
    /// `LedgerTable.columns` order (rows keyed by `row_key` do not decode the key, as the
    /// SQLKit path does not either).
    private func read<R>(
        _ table: LedgerTable<R>, _ connection: SQLiteHandle, _ decode: (SQLiteRowValues) throws -> R
    ) throws -> [R] {
        let columns = [table.keyColumn] + table.columns
        let list = columns.map { "\"\($0)\"" }.joined(separator: ", ")
        let statement = try connection.prepare(
            "SELECT \(list) FROM \"\(table.name)\" ORDER BY \"\(table.keyColumn)\"")
        let values = SQLiteRowValues(statement: statement, table: table.name, columns: columns)
        var records: [R] = []
        records.reserveCapacity(try rowCountHint(table.name, connection))
        while try statement.step() {
            records.append(try decode(values))
        }
        return records
    }

    /// Roughly how many rows a table holds, to size the array once: the largest rowid, which
    /// SQLite finds at the end of the table's b-tree (a COUNT would scan it). Rows are never
    /// deleted from ledger tables except by `replaceAll`, so this is close; it only sizes.
    private func rowCountHint(_ table: String, _ connection: SQLiteHandle) throws -> Int {
        let statement = try connection.prepare("SELECT MAX(rowid) FROM \"\(table)\"")
        guard try statement.step(), !statement.isNull(0) else { return 0 }
        return Int(min(max(statement.int64(0), 0), 100_000_000))
    }
}

/// What one reading thread got.
private struct PartRead: Sendable {
    var records: LedgerRecords
    var version: String?
}

/// The two threads' results: each sets its own slot once; they are read after both finished.
private final class PartsBox: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Result<PartRead, any Error>?] = [nil, nil]

    func set(_ part: Int, _ result: Result<PartRead, any Error>) {
        lock.withLock { slots[part] = result }
    }

    func results() throws -> (PartRead, PartRead) {
        let (a, b) = lock.withLock { (slots[0], slots[1]) }
        guard let a, let b else { throw SQLiteFailure(sql: "", message: "a reading thread did not finish") }
        return (try a.get(), try b.get())
    }
}
