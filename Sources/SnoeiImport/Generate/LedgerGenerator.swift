public import Foundation
public import SnoeiCore

/// Writes a synthetic canonical ledger folder (FORMAT.md) of any size, the same bytes for
/// the same seed on every machine: the input of the scale benchmarks and of tests that
/// compare the import paths.
///
/// Per customer on average: 20 invoices (3% credit notes) and about as many payments (most
/// paid on time, some late, in instalments, short or not at all; mostly matched by
/// invoice_id, some only by reference, some unmatched), 20 time entries, 10 contacts, and
/// now and then deviations, incidents and referrals. Revenue is Pareto-skewed (a few big
/// customers). Dates span two years before `asOf` (a few invoices just after it), so the
/// 365-day window matters. Files list rows grouped by customer.
public struct LedgerGenerator: Sendable {
    public var customers: Int
    public var seed: UInt64
    public var asOf: Day

    public static let defaultAsOf = Day(year: 2026, month: 11, day: 24)!

    public init(customers: Int, seed: UInt64 = 1, asOf: Day = LedgerGenerator.defaultAsOf) {
        self.customers = customers; self.seed = seed; self.asOf = asOf
    }

    /// Rows and bytes written per file, in `LedgerSchema` order.
    public struct Summary: Sendable {
        public var rows: [String: Int] = [:]
        public var bytes: [String: Int] = [:]
        public var totalBytes: Int { bytes.values.reduce(0, +) }
    }

    /// Creates `folder` if needed and (over)writes the eight canonical files.
    /// `progress` is called with the customers done so far, about every 1% of the work.
    public func write(to folder: URL, progress: ((Int) -> Void)? = nil) throws -> Summary {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let schemas = [LedgerSchema.customers, LedgerSchema.invoices, LedgerSchema.payments, LedgerSchema.timeEntries,
                       LedgerSchema.contacts, LedgerSchema.deviations, LedgerSchema.incidents, LedgerSchema.referrals]
        var files = try schemas.map { try ByteFile(path: folder.appendingPathComponent($0.file).path) }
        for (f, schema) in schemas.enumerated() {
            files[f].text(schema.header.joined(separator: ",")); files[f].newline()
        }
        var state = GeneratorState(asOf: asOf)
        let step = max(1, customers / 100)
        for c in 0..<customers {
            var rng = SplitMix64(seed: seed, stream: UInt64(c))
            state.customer(c, of: customers, &rng, &files)
            for f in files.indices { try files[f].flushIfFull() }
            if c % step == step - 1 { progress?(c + 1) }
        }
        var summary = Summary()
        for (f, schema) in schemas.enumerated() {
            try files[f].close()
            summary.bytes[schema.file] = files[f].written
            summary.rows[schema.file] = state.rows[f]
        }
        return summary
    }
}

/// The running counters of one generation (ids are sequential over the whole ledger).
struct GeneratorState {
    let asOf: Day
    let days: DayText
    var nextInvoice = 1
    var nextPayment = 1
    /// Data rows per file, in the order of `LedgerGenerator.write`'s files.
    var rows = [Int](repeating: 0, count: 8)

    init(asOf: Day) {
        self.asOf = asOf
        days = DayText(from: asOf - 4000, through: asOf + 400)
    }

    static let segments: [String] = ["retail", "horeca", "wholesale", "services", "industry", "public"]
    static let tiers: [String] = ["gold", "silver", "bronze"]

    mutating func customer(_ c: Int, of n: Int, _ r: inout SplitMix64, _ f: inout [ByteFile]) {
        let id = c + 1
        // customers.csv
        f[0].id(UInt8(ascii: "C"), id); f[0].comma()
        switch r.below(200) {
        case 0: f[0].ascii("\"Bakkerij "); f[0].int(id); f[0].ascii(", B.V.\"")  // comma inside quotes
        case 1: f[0].ascii("\"De \"\"Zon\"\" "); f[0].int(id); f[0].byte(UInt8(ascii: "\""))  // doubled quotes
        case 2: f[0].ascii("Café "); f[0].int(id)  // non-ASCII
        default: f[0].ascii("Klant "); f[0].int(id)
        }
        f[0].comma(); f[0].text(Self.segments[r.below(Self.segments.count)]); f[0].comma()
        if r.percent(70) { f[0].ascii("AM"); f[0].int(r.below(40)) }
        f[0].comma(); f[0].day(asOf - 800 - r.below(3000), days); f[0].comma()
        if r.percent(60) { f[0].text(Self.tiers[r.below(3)]) }
        f[0].comma()
        if r.percent(30) { f[0].day(asOf + r.below(400), days) }
        f[0].comma()
        if r.percent(30) { f[0].int([30, 60, 90][r.below(3)]) }
        f[0].comma()
        if r.percent(20) { f[0].text(["email", "letter", "portal"][r.below(3)]) }
        f[0].newline(); rows[0] += 1

        // Pareto-like size: P(scale ≥ s) ≈ 1/s, from 1 to 1000, in integers only.
        let scale = Int64(1000 / (1 + r.below(1000)))
        let invoices = r.below(41)
        for _ in 0..<invoices { invoice(id, scale: scale, &r, &f) }
        activity(id, customers: n, &r, &f)
    }

    private mutating func invoice(_ customer: Int, scale: Int64, _ r: inout SplitMix64, _ f: inout [ByteFile]) {
        let number = nextInvoice; nextInvoice += 1
        let issue = asOf - 730 + r.below(741)
        let due = issue + [14, 30, 30, 60][r.below(4)]
        let credit = r.percent(3)
        var amount = scale * Int64(2000 + r.below(58_000))
        if credit { amount = -amount / 10 }
        let vat = r.percent(90) ? amount * 21 / 100 : 0
        let payable = amount + vat
        let reference: Int = r.percent(30) ? 1 : r.percent(2) ? 2 : 0  // 1: own, 2: customer PO (may repeat)
        f[1].id(UInt8(ascii: "I"), number); f[1].comma(); f[1].id(UInt8(ascii: "C"), customer); f[1].comma()
        f[1].day(issue, days); f[1].comma(); f[1].day(due, days); f[1].comma(); f[1].cents(amount); f[1].comma()
        if vat != 0 || r.percent(50) { f[1].cents(vat) }
        f[1].comma()
        if r.percent(80) { f[1].cents(amount * Int64(40 + r.below(45)) / 100) }
        f[1].comma()
        if reference == 1 { f[1].id(UInt8(ascii: "R"), number) } else if reference == 2 { f[1].id(UInt8(ascii: "O"), customer) }
        f[1].newline(); rows[1] += 1
        guard !credit else { return }

        let plan = r.below(100)
        switch plan {
        case ..<55: payment(number, customer, reference, issue + r.below(due - issue + 1), payable, &r, &f)
        case ..<70: payment(number, customer, reference, due + 1 + r.below(120), payable, &r, &f)
        case ..<77:
            let first = payable / 2
            payment(number, customer, reference, due - r.below(5), first, &r, &f)
            payment(number, customer, reference, due + r.below(60), payable - first, &r, &f)
        case ..<85: payment(number, customer, reference, due + r.below(40), payable - payable * Int64(1 + r.below(10)) / 100, &r, &f)
        default: break  // unpaid
        }
    }

    /// One payment; how it names its invoice varies like a real bank file.
    private mutating func payment(_ invoice: Int, _ customer: Int, _ reference: Int, _ date: Day, _ amount: Int64,
                                  _ r: inout SplitMix64, _ f: inout [ByteFile]) {
        let number = nextPayment; nextPayment += 1
        f[2].id(UInt8(ascii: "P"), number); f[2].comma(); f[2].day(date, days); f[2].comma(); f[2].cents(amount); f[2].comma()
        let how = r.below(1000)
        switch how {
        case ..<800: f[2].id(UInt8(ascii: "I"), invoice); f[2].comma()  // by invoice_id
        case ..<995: f[2].comma()
        default: f[2].id(UInt8(ascii: "X"), number); f[2].comma()  // names an invoice that does not exist
        }
        if r.percent(50) { f[2].id(UInt8(ascii: "C"), customer) }
        f[2].comma()
        switch how {
        case ..<800: break
        case ..<900:  // by reference: the invoice's own, its PO (ambiguous when repeated) or its id
            switch reference {
            case 1: f[2].id(UInt8(ascii: "R"), invoice)
            case 2: f[2].id(UInt8(ascii: "O"), customer)
            default: f[2].id(UInt8(ascii: "I"), invoice)
            }
        case ..<995: f[2].id(UInt8(ascii: "U"), number)  // a reference no invoice carries
        default: break
        }
        f[2].newline(); rows[2] += 1
    }
}
