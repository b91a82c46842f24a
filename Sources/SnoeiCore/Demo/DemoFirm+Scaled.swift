extension DemoFirm {
    /// A large demo ledger for benchmarks and load tests: about `customers` customers made of
    /// copies of the 400-customer firm.
    ///
    /// - The number of copies is `customers / 400` rounded to the nearest whole number, at
    ///   least one, so the result has a multiple of 400 customers (100,000 → 250 copies).
    ///   Every copy is a whole firm, with its own recognisable cases and its own large customer.
    /// - Copy 0 is `generate(seed: seed, end: end)` unchanged, ids included (`C0001`, `F2026-00001`,
    ///   `P000001`); with one copy (`customers` up to 599) the result is exactly that firm.
    /// - Copy k ≥ 1 is the firm generated from a seed derived from `seed` and k, with every id
    ///   prefixed by `K` + k in three (or more) digits and a dash: customers `K012-C0001`,
    ///   invoices `K012-F2026-00001`, payments `K012-P000001`, and the invoice ids and purchase
    ///   order numbers that invoices and payments carry as references (`K012-PO-45…`). Free-text
    ///   payment references ("Betaling abonnement") stay as they are. Referrals stay within a copy.
    ///   Names are not made unique: each copy has its own "Garage Vermeulen BV".
    /// - Copy k ≥ 1 keeps a thinner history, about a quarter of the rows, so that 100,000
    ///   customers is roughly 3 million rows instead of 15 million:
    ///   - time entries, contacts and deviations of the last 400 days only (`end − 399 … end`);
    ///     time entries are then summed into one entry per customer, activity and billability
    ///     for the analysis window `[end − 365, end]` and one for the 34 days before it, dated
    ///     on the day of the last entry summed and carrying its employee;
    ///   - invoices issued in those 400 days, invoices still open at `end`, and each customer's
    ///     first invoice with a positive amount (it makes a customer new or not), with every
    ///     payment matched to a kept invoice and every payment that matches no invoice;
    ///   - every customer, incident, referral and values-fit score.
    ///
    ///   So, analysed as of `end`, every customer of a copy gets the same per-customer figures as
    ///   in the unthinned firm of that seed (revenue, margin, hours, contacts, aging, lateness,
    ///   friction), except those relative to the whole portfolio (revenue share, and with it
    ///   the dependency reason: no customer is 15 % of a 250-copy firm). Analysed as of an
    ///   earlier date, copies k ≥ 1 simply have less history.
    ///
    /// Deterministic: the same seed, end date and size give the same records.
    public static func generate(seed: UInt64, end: Day, customers: Int) -> LedgerRecords {
        let copies = max(1, (customers + customerCount / 2) / customerCount)
        var out = generate(seed: seed, end: end)
        guard copies > 1 else { return out }
        let width = max(3, String(copies - 1).count)
        for k in 1..<copies {
            let copy = generate(seed: copySeed(seed, k), end: end)
            let prefix = "K" + DemoBuilder.pad(k, width) + "-"
            append(renamed(thinned(copy, end: end), prefix: prefix), to: &out)
        }
        return out
    }

    /// The seed of copy k: SplitMix64 over the seed and the copy number.
    static func copySeed(_ seed: UInt64, _ k: Int) -> UInt64 {
        var x = seed ^ (UInt64(k) &* 0xD1B5_4A32_D192_ED03)
        return DemoRandom.splitMix(&x)
    }

    /// Days kept by a thinned copy, up to and including the end date.
    static let thinDays = 400

    /// The thinner history of copies k ≥ 1 (see `generate(seed:end:customers:)`).
    static func thinned(_ r: LedgerRecords, end: Day) -> LedgerRecords {
        let cutoff = end - (thinDays - 1)
        var out = LedgerRecords()
        out.customers = r.customers
        out.incidents = r.incidents
        out.referrals = r.referrals
        out.valuesFit = r.valuesFit

        // Invoices: recent, still open, or the customer's first positive one.
        let matcher = PaymentMatcher(invoiceIds: r.invoices.map(\.invoiceId), references: r.invoices.map(\.reference))
        let matched = r.payments.map { matcher.match(invoiceId: $0.invoiceId, reference: $0.reference) }
        var paid = [Int64](repeating: 0, count: r.invoices.count)
        for (j, p) in r.payments.enumerated() where matched[j] >= 0 && p.date <= end { paid[Int(matched[j])] += p.amount.cents }
        var first = [String: Int]()
        for (i, v) in r.invoices.enumerated() where v.amount.cents > 0 {
            if let f = first[v.customerId], r.invoices[f].issueDate <= v.issueDate { continue }
            first[v.customerId] = i
        }
        var keep = [Bool](repeating: false, count: r.invoices.count)
        for (i, v) in r.invoices.enumerated() {
            keep[i] = v.issueDate >= cutoff || v.payable.cents - paid[i] > 0 || first[v.customerId] == i
        }
        out.invoices = r.invoices.indices.filter { keep[$0] }.map { r.invoices[$0] }
        out.payments = r.payments.indices.filter { matched[$0] < 0 || keep[Int(matched[$0])] }.map { r.payments[$0] }

        out.contacts = r.contacts.filter { $0.date >= cutoff && $0.date <= end }
        out.deviations = r.deviations.filter { $0.date >= cutoff && $0.date <= end }

        // Time entries: one per customer, activity and billability, in the analysis window
        // (`[end − 365, end]`, as `FigureCalculator` counts it) and before it.
        struct Key: Hashable { var customer: String; var activity: Activity; var billable: Bool?; var inWindow: Bool }
        var slot = [Key: Int]()
        var merged = [TimeEntryRecord]()
        for t in r.timeEntries where t.date >= cutoff && t.date <= end {
            let key = Key(customer: t.customerId, activity: t.activity, billable: t.billable, inWindow: t.date >= end - 365)
            if let i = slot[key] {
                merged[i].hours += t.hours
                if t.date >= merged[i].date { merged[i].date = t.date; merged[i].employee = t.employee }
            } else {
                slot[key] = merged.count
                merged.append(t)
            }
        }
        // In date order like the generator's own tables (ties in order of first appearance).
        out.timeEntries = merged.indices.sorted {
            merged[$0].date != merged[$1].date ? merged[$0].date < merged[$1].date : $0 < $1
        }.map { merged[$0] }
        return out
    }

    /// Prefixes every id of a copy, and the references that name an invoice or an order.
    static func renamed(_ r: LedgerRecords, prefix: String) -> LedgerRecords {
        func p(_ s: String) -> String { prefix + s }
        var named = Set<String>()
        for v in r.invoices {
            named.insert(v.invoiceId)
            if let ref = v.reference { named.insert(ref) }
        }
        func ref(_ s: String?) -> String? { s.map { named.contains($0) ? p($0) : $0 } }
        var out = LedgerRecords()
        out.customers = r.customers.map { var c = $0; c.customerId = p(c.customerId); return c }
        out.invoices = r.invoices.map {
            var v = $0; v.invoiceId = p(v.invoiceId); v.customerId = p(v.customerId); v.reference = v.reference.map(p); return v
        }
        out.payments = r.payments.map {
            var x = $0
            x.paymentId = p(x.paymentId); x.invoiceId = x.invoiceId.map(p); x.customerId = x.customerId.map(p)
            x.reference = ref(x.reference)
            return x
        }
        out.timeEntries = r.timeEntries.map { var t = $0; t.customerId = p(t.customerId); return t }
        out.contacts = r.contacts.map { var c = $0; c.customerId = p(c.customerId); return c }
        out.deviations = r.deviations.map { var d = $0; d.customerId = p(d.customerId); return d }
        out.incidents = r.incidents.map { var i = $0; i.customerId = p(i.customerId); return i }
        out.referrals = r.referrals.map {
            var f = $0; f.customerId = p(f.customerId); f.referredCustomerId = p(f.referredCustomerId); return f
        }
        out.valuesFit = r.valuesFit.map { var v = $0; v.customerId = p(v.customerId); return v }
        return out
    }

    static func append(_ r: LedgerRecords, to out: inout LedgerRecords) {
        out.customers += r.customers
        out.invoices += r.invoices
        out.payments += r.payments
        out.timeEntries += r.timeEntries
        out.contacts += r.contacts
        out.deviations += r.deviations
        out.incidents += r.incidents
        out.referrals += r.referrals
        out.valuesFit += r.valuesFit
    }
}
