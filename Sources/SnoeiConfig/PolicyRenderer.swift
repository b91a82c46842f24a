import SnoeiCore

/// Writes a policy as commented TOML: every key under a `#` line saying what it means and its unit.
struct PolicyRenderer {
    let policy: Policy
    private var lines: [String] = []

    init(policy: Policy) { self.policy = policy }

    func render() -> String {
        var r = self
        r.build()
        return r.lines.joined(separator: "\n") + "\n"
    }

    private mutating func build() {
        header()
        rates()
        contactCosts()
        friction()
        quadrant()
        boundaries()
        redLines()
        valuesFit()
        exit()
        tiers()
        panel()
        privacy()
        value()
    }

    // MARK: sections

    private mutating func header() {
        comment("""
        Snoei policy: what a customer costs this firm, and what "difficult" means here.

        Snoei reads this file (snoei.toml in the working directory, or the file given with
        --policy) to compute cost to serve, the friction score, the quadrant and the proposal
        for every customer. Change the values to fit your firm. A key you delete falls back
        to Snoei's built-in default; a key Snoei does not know is an error, so a typo never
        goes unnoticed. `snoei policy init` writes this file with the defaults.

        Amounts are in euros with at most two decimals (65.00), without a thousands
        separator. Shares are fractions: 0.10 means 10 %. "The past year" is the 365 days
        up to the analysis date.
        """)
    }

    private mutating func rates() {
        table(PolicySchema.hourlyRate, """
        What one hour of work for a customer costs the firm internally (wages and overhead),
        per activity. This is not what you bill. Cost to serve = hours × these rates
        + contacts × the contact costs below + the cost of deviations from the sales standards.
        """)
        for a in Activity.allCases {
            key(a.rawValue, money(policy.rate(a)), PolicySchema.activity(a))
        }
    }

    private mutating func contactCosts() {
        table(PolicySchema.contactCost, "What handling one contact with a customer costs the firm, per kind of contact.")
        for k in ContactKind.allCases {
            key(k.rawValue, money(policy.cost(k)), PolicySchema.contactKind(k))
        }
    }

    private mutating func friction() {
        let f = policy.friction
        table(PolicySchema.friction, """
        Friction: how much a relationship costs in effort and nerves, a score from 0 to 100.
        Each component counts min(1, value / saturation) times its weight:
        friction = 100 × Σ weight × min(1, value / saturation) / Σ weight.
        """)
        key(PolicySchema.selfCausedMinContacts, String(f.selfCausedMinContacts), """
        Contacts in the past year from which the self-caused share counts fully; with fewer
        contacts it counts proportionally less (number of contacts)
        """)

        table("\(PolicySchema.friction).\(PolicySchema.weights)", """
        How heavily each component counts in the friction score, relative to the others.
        Only the proportions matter; 0 leaves a component out.
        """)
        for c in FrictionComponent.allCases {
            let weight = f.components[c]?.weight ?? 0
            let (name, _) = PolicySchema.component(c)
            key(c.rawValue, number(weight), "Weight of \(name) (relative, ≥ 0)")
        }

        table("\(PolicySchema.friction).\(PolicySchema.saturation)", """
        The value at which each component counts fully (scores 1); below it the component
        counts in proportion, above it no more.
        """)
        for c in FrictionComponent.allCases {
            let saturation = f.components[c]?.saturation ?? 1
            key(c.rawValue, number(saturation), PolicySchema.component(c).saturation)
        }
    }

    private mutating func quadrant() {
        let q = policy.quadrant
        table(PolicySchema.quadrant, """
        The quadrant: profitable or not × demanding (high friction) or not.
        """)
        key(PolicySchema.QuadrantKey.profitableContribution, money(q.profitableContribution), """
        Contribution (gross margin minus cost to serve, past year) at or above which a customer
        counts as profitable (euros; may be negative)
        """)
        key(PolicySchema.QuadrantKey.highFriction, number(q.highFriction),
            "Friction score at or above which a relationship counts as demanding (0 to 100)")
    }

    private mutating func boundaries() {
        let b = policy.boundaries
        typealias K = PolicySchema.BoundaryKey
        table(PolicySchema.boundaries, """
        Boundaries: the firm's own limits. Each one a customer crosses is named in the reasons
        for the proposal.
        """)
        key(K.letGoFriction, number(b.letGoFriction), """
        Friction score at or above which an unprofitable, demanding customer is proposed to
        let go rather than fix (0 to 100)
        """)
        key(K.lateDays, number(b.lateDays),
            "Average days late above which payment behaviour calls for a fix plan (days)")
        key(K.shortPays, String(b.shortPays),
            "Short-paid invoices at or above which payment behaviour calls for a fix plan (number of invoices)")
        key(K.overdue90, money(b.overdue90),
            "Amount overdue for more than 90 days above which payment behaviour calls for a fix plan (euros)")
        key(K.dependencyShare, number(b.dependencyShare), """
        Share of total revenue at or above which letting a customer go is a dependency risk,
        which turns "let go" into "fix" (fraction: 0.10 = 10 %)
        """)
        key(K.selfCausedShare, number(b.selfCausedShare), """
        Self-caused share of contacts that is named as a reason, once a customer has at least
        friction.self_caused_min_contacts contacts (fraction: 0.5 = 50 %)
        """)
        key(K.ambassadorReferrals, String(b.ambassadorReferrals),
            "Referrals at or above which a customer counts as an ambassador (number of referred customers)")
    }

    private mutating func redLines() {
        let r = policy.redLines
        typealias K = PolicySchema.RedLineKey
        table(PolicySchema.redLines, "Red lines: behaviour that ends a relationship whatever the figures say.")
        let kinds = IncidentKind.allCases.filter { r.kinds.contains($0) }.map { "\"\($0.rawValue)\"" }
        key(K.kinds, "[" + kinds.joined(separator: ", ") + "]", """
        Incident kinds that are a red line at any severity (a list; [] for none). Kinds:
        \(PolicySchema.incidentKindList())
        """)
        key(K.minSeverity, String(r.minSeverity), """
        Any incident at or above this severity is a red line, whatever its kind
        (severity 1 to 5; 6 = by kind only)
        """)
    }

    private mutating func valuesFit() {
        let v = policy.valuesFit
        table(PolicySchema.valuesFit, """
        Values fit: how well a customer fits the firm's own values, from scores of 1 to 5 per
        criterion in values_fit.csv, weighted below, as a fraction from 0 (no fit) to 1 (perfect fit).
        """)
        key(PolicySchema.valuesFitMinimum, number(v.minimum),
            "Values fit below which it is named as a reason (fraction from 0 to 1)")

        table("\(PolicySchema.valuesFit).\(PolicySchema.criteria)", """
        The firm's own criteria and their weights. This table replaces the default criteria as
        a whole: list every criterion you score. A criterion scored in values_fit.csv but not
        listed here weighs 1.
        """)
        let criteria = v.criteria.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        for (name, weight) in criteria {
            key(Self.tomlKey(name), number(weight), "Weight of the criterion \"\(name)\" (relative weight, ≥ 0)")
        }
    }

    private mutating func exit() {
        table(PolicySchema.exit, """
        Ending a relationship through the front door: the firm honours the notice period in the
        spirit of the contract, and a customer may always leave earlier at no cost.
        """)
        key(PolicySchema.ExitKey.defaultNoticeDays, String(policy.exit.defaultNoticeDays), """
        Notice period for customers whose record names none, both when the firm ends the
        relationship and when the customer asks to leave (days, 0 to \(PolicySchema.maxNoticeDays))
        """)
    }

    private mutating func tiers() {
        typealias K = PolicySchema.TierKey
        table(PolicySchema.tiers, """
        Service tiers by value: each customer's revenue over the past year places it in the tier
        with the highest min_revenue it reaches; the tier with the lowest min_revenue takes everyone
        below it. Tier names are compared with customers.tier regardless of case. One table per
        tier, [tiers.NAME]; these tables replace the default tiers as a whole, so list every tier.
        """)
        for tier in policy.tiers.ordered {
            let name = "\(PolicySchema.tiers).\(Self.tomlKey(tier.name))"
            lines.append("")
            comment("The tier \"\(tier.name)\".")
            lines.append("[\(name)]")
            key(K.minRevenue, money(tier.minRevenue),
                "Revenue over the past year at or above which a customer's value fits this tier (euros)")
            key(K.contactPerson, tier.contactPerson ? "true" : "false",
                "Whether customers in this tier get a fixed contact person (true or false)")
            key(K.capacityHours, number(tier.capacityHours),
                "Hours of work (all activities) per customer per year the firm sets aside for this tier:\nits capacity (hours)")
        }
    }

    private mutating func panel() {
        table(PolicySchema.panel, """
        The customer panel: critical but valuable customers, invited to a feedback meeting.
        """)
        key(PolicySchema.PanelKey.minFeedback, String(policy.panel.minFeedback), """
        Complaints plus change requests in the past year at or above which a profitable customer
        is proposed for the panel (number of contacts)
        """)
    }

    private mutating func privacy() {
        typealias K = PolicySchema.PrivacyKey
        table(PolicySchema.privacy, """
        Privacy (GDPR/AVG): how long the firm keeps what it holds about a customer. After the
        retention period `snoei privacy erase` deletes the customer's contacts, hours, notes and
        assessments and anonymises its name; invoices and payments stay, amounts only, for as
        long as the tax retention period requires. Check both periods against the rules that
        apply to the firm.
        """)
        key(K.retentionYears, String(policy.privacy.retentionYears), """
        Years after the relationship ended (the customer's last dated record of any kind, or the
        end date of a closed exit) after which its data is erased or anonymised
        (whole years, 0 to \(PolicySchema.maxRetentionYears))
        """)
        key(K.taxRetentionYears, String(policy.privacy.taxRetentionYears), """
        Years invoices and payments are kept after their own date for the tax authorities: 7 is the
        Dutch fiscal retention duty; other countries set other periods, so set the one that applies
        (whole years, 0 to \(PolicySchema.maxRetentionYears))
        """)
    }

    private mutating func value() {
        typealias K = PolicySchema.ValueKey
        table(PolicySchema.value, """
        Future value: expected purchases (BG/NBD) and spend per purchase (Gamma-Gamma), fitted on
        the firm's own invoices, give each customer a lifetime value (`snoei value`). Customers with
        a contract (contract_end) are valued by retention: the contract's committed months, then
        renewals at a chance by tenure fitted on the firm's own contracts.
        """)
        key(K.horizonWeeks, String(policy.value.horizonWeeks), """
        How far ahead expected purchases and lifetime value look (weeks, 1 to 520)
        """)
        key(K.discountRate, number(policy.value.discountRate), """
        Yearly rate at which future revenue is discounted (0.10 = 10 %)
        """)
        key(K.highCLV, money(policy.value.highCLV), """
        Lifetime value at or above which a customer who costs more than it brings today is proposed
        "fix" instead of "let go": the relationship can still become profitable (euros)
        """)
        key(K.contractTermMonths, String(policy.value.contractTermMonths), """
        Length of one contract term, in months (1 to 120): renewals are counted in terms
        """)
        key(K.contractRetention, number(policy.value.contractRetention), """
        Chance of renewing per term, used while the firm has fewer than 20 contracts or fewer than
        5 ended ones to learn it from (fraction from 0 to 1)
        """)
    }

    // MARK: output

    private mutating func comment(_ text: String) {
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lines.append(line.isEmpty ? "#" : "# " + line)
        }
    }

    private mutating func table(_ name: String, _ explanation: String) {
        lines.append("")
        comment(explanation)
        lines.append("[\(name)]")
    }

    private mutating func key(_ name: String, _ value: String, _ explanation: String) {
        lines.append("")
        comment(explanation)
        lines.append("\(name) = \(value)")
    }

    private func money(_ m: Money) -> String { m.plainString }

    /// Whole numbers without a fraction (`30`), others in the shortest form that reads back exactly.
    private func number(_ d: Double) -> String {
        if d.isNaN { return "nan" }
        if d.isInfinite { return d < 0 ? "-inf" : "inf" }
        if d == d.rounded(), abs(d) < 1e15 { return String(Int64(d)) }
        return "\(d)"
    }

    /// A bare key when it only has letters, digits, `_` and `-`; otherwise a quoted key.
    static func tomlKey(_ name: String) -> String {
        let bare = !name.isEmpty && name.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_" || $0 == "-"
        }
        if bare { return name }
        var s = "\""
        for u in name.unicodeScalars {
            switch u {
            case "\"": s += "\\\""
            case "\\": s += "\\\\"
            case "\n": s += "\\n"
            case "\t": s += "\\t"
            case "\r": s += "\\r"
            default:
                if u.value < 0x20 || u.value == 0x7F {
                    let hex = String(u.value, radix: 16, uppercase: true)
                    s += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    s.unicodeScalars.append(u)
                }
            }
        }
        return s + "\""
    }
}
