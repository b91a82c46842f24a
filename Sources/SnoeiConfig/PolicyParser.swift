import SnoeiCore
import TOMLKit

/// Reads a policy file: TOML syntax by TOMLKit, then every key checked against the schema.
///
/// Missing keys keep the value of `Policy.standard`. Every problem is collected (not only the
/// first), each with its line, column and dotted key path, sorted by position.
enum PolicyParser {
    static func parse(_ text: String, file: String) throws(PolicyFileError) -> Policy {
        let root: TOMLTable
        do {
            root = try TOMLTable(string: text)
        } catch let e as TOMLParseError {
            throw PolicyFileError(file: file, problems: [.init(line: e.source.begin.line, column: e.source.begin.column,
                                                               reason: "invalid TOML: \(e.description)")])
        } catch {
            throw PolicyFileError(file: file, reason: "invalid TOML: \(error)")
        }
        var reader = Reader(locator: KeyLocator(text: text))
        let policy = reader.read(root)
        guard reader.problems.isEmpty else {
            let sorted = reader.problems.enumerated().sorted { a, b in
                let la = a.element.line ?? .max, lb = b.element.line ?? .max
                if la != lb { return la < lb }
                let ca = a.element.column ?? .max, cb = b.element.column ?? .max
                return ca != cb ? ca < cb : a.offset < b.offset
            }.map(\.element)
            throw PolicyFileError(file: file, problems: sorted)
        }
        return policy
    }
}

/// Ranges a plain number may take.
private enum NumberRange {
    case nonNegative, fraction, score

    var expected: String {
        switch self {
        case .nonNegative: "a number ≥ 0"
        case .fraction: "a number from 0 to 1"
        case .score: "a number from 0 to 100"
        }
    }

    func contains(_ x: Double) -> Bool {
        switch self {
        case .nonNegative: x >= 0
        case .fraction: (0...1).contains(x)
        case .score: (0...100).contains(x)
        }
    }
}

private struct Reader {
    let locator: KeyLocator
    var problems: [PolicyFileError.Problem] = []

    init(locator: KeyLocator) { self.locator = locator }

    // MARK: the schema

    mutating func read(_ root: TOMLTable) -> Policy {
        typealias S = PolicySchema
        var p = Policy.standard
        unknownKeys(root, [], allowed: S.tables, what: "table")

        if let t = table(root, [S.hourlyRate]) {
            unknownKeys(t, [S.hourlyRate], allowed: Activity.allCases.map(\.rawValue), what: "activity")
            for a in Activity.allCases {
                if let m = money(t, [S.hourlyRate, a.rawValue], nonNegative: true) { p.hourlyRate[a] = m }
            }
        }

        if let t = table(root, [S.contactCost]) {
            unknownKeys(t, [S.contactCost], allowed: ContactKind.allCases.map(\.rawValue), what: "contact kind")
            for k in ContactKind.allCases {
                if let m = money(t, [S.contactCost, k.rawValue], nonNegative: true) { p.contactCost[k] = m }
            }
        }

        if let t = table(root, [S.friction]) {
            unknownKeys(t, [S.friction], allowed: [S.selfCausedMinContacts, S.weights, S.saturation], what: "key")
            if let n = integer(t, [S.friction, S.selfCausedMinContacts], range: 0...Int.max, expected: "a whole number ≥ 0") {
                p.friction.selfCausedMinContacts = n
            }
            for sub in [S.weights, S.saturation] {
                guard let s = table(t, [S.friction, sub]) else { continue }
                unknownKeys(s, [S.friction, sub], allowed: FrictionComponent.allCases.map(\.rawValue), what: "friction component")
                for c in FrictionComponent.allCases {
                    guard let x = number(s, [S.friction, sub, c.rawValue], .nonNegative) else { continue }
                    var component = p.friction.components[c] ?? FrictionComponentPolicy(weight: 0, saturation: 1)
                    if sub == S.weights { component.weight = x } else { component.saturation = x }
                    p.friction.components[c] = component
                }
            }
        }

        if let t = table(root, [S.quadrant]) {
            typealias K = S.QuadrantKey
            unknownKeys(t, [S.quadrant], allowed: [K.profitableContribution, K.highFriction], what: "key")
            if let m = money(t, [S.quadrant, K.profitableContribution], nonNegative: false) {
                p.quadrant.profitableContribution = m
            }
            if let x = number(t, [S.quadrant, K.highFriction], .score) { p.quadrant.highFriction = x }
        }

        if let t = table(root, [S.boundaries]) {
            typealias K = S.BoundaryKey
            let path = [S.boundaries]
            unknownKeys(t, path, allowed: K.all, what: "key")
            if let x = number(t, path + [K.letGoFriction], .score) { p.boundaries.letGoFriction = x }
            if let x = number(t, path + [K.lateDays], .nonNegative) { p.boundaries.lateDays = x }
            if let n = integer(t, path + [K.shortPays], range: 0...Int.max, expected: "a whole number ≥ 0") {
                p.boundaries.shortPays = n
            }
            if let m = money(t, path + [K.overdue90], nonNegative: true) { p.boundaries.overdue90 = m }
            if let x = number(t, path + [K.dependencyShare], .fraction) { p.boundaries.dependencyShare = x }
            if let x = number(t, path + [K.selfCausedShare], .fraction) { p.boundaries.selfCausedShare = x }
            if let n = integer(t, path + [K.ambassadorReferrals], range: 0...Int.max, expected: "a whole number ≥ 0") {
                p.boundaries.ambassadorReferrals = n
            }
        }

        if let t = table(root, [S.redLines]) {
            typealias K = S.RedLineKey
            unknownKeys(t, [S.redLines], allowed: [K.kinds, K.minSeverity], what: "key")
            if let kinds = incidentKinds(t, [S.redLines, K.kinds]) { p.redLines.kinds = kinds }
            if let n = integer(t, [S.redLines, K.minSeverity], range: 1...S.severityOff,
                               expected: "a whole number from 1 to 5 (or 6 for kinds only)") {
                p.redLines.minSeverity = n
            }
        }

        if let t = table(root, [S.valuesFit]) {
            unknownKeys(t, [S.valuesFit], allowed: [S.valuesFitMinimum, S.criteria], what: "key")
            if let x = number(t, [S.valuesFit, S.valuesFitMinimum], .fraction) { p.valuesFit.minimum = x }
            if let c = table(t, [S.valuesFit, S.criteria]) {
                // The table replaces the defaults as a whole, so criteria can be dropped as well as added.
                var criteria = [String: Double]()
                for name in c.keys {
                    let path = [S.valuesFit, S.criteria, name]
                    guard !name.isEmpty else { problem(path, "a criterion needs a name"); continue }
                    if let w = number(c, path, .nonNegative) { criteria[name] = w }
                }
                p.valuesFit.criteria = criteria
            }
        }

        if let t = table(root, [S.exit]) {
            typealias K = S.ExitKey
            unknownKeys(t, [S.exit], allowed: [K.defaultNoticeDays], what: "key")
            if let n = integer(t, [S.exit, K.defaultNoticeDays], range: 0...S.maxNoticeDays,
                               expected: "a whole number of days from 0 to \(S.maxNoticeDays)") {
                p.exit.defaultNoticeDays = n
            }
        }

        if let t = table(root, [S.tiers]) { readTiers(t, into: &p) }

        if let t = table(root, [S.panel]) {
            typealias K = S.PanelKey
            unknownKeys(t, [S.panel], allowed: [K.minFeedback], what: "key")
            if let n = integer(t, [S.panel, K.minFeedback], range: 0...Int.max, expected: "a whole number ≥ 0") {
                p.panel.minFeedback = n
            }
        }

        if let t = table(root, [S.privacy]) {
            typealias K = S.PrivacyKey
            unknownKeys(t, [S.privacy], allowed: K.all, what: "key")
            let expected = "a whole number of years from 0 to \(S.maxRetentionYears)"
            if let n = integer(t, [S.privacy, K.retentionYears], range: 0...S.maxRetentionYears, expected: expected) {
                p.privacy.retentionYears = n
            }
            if let n = integer(t, [S.privacy, K.taxRetentionYears], range: 0...S.maxRetentionYears, expected: expected) {
                p.privacy.taxRetentionYears = n
            }
        }

        if let t = table(root, [S.value]) {
            typealias K = S.ValueKey
            unknownKeys(t, [S.value], allowed: K.all, what: "key")
            if let n = integer(t, [S.value, K.horizonWeeks], range: 1...520, expected: "a whole number of weeks from 1 to 520") {
                p.value.horizonWeeks = n
            }
            if let x = number(t, [S.value, K.discountRate], .fraction) { p.value.discountRate = x }
            if let m = money(t, [S.value, K.highCLV], nonNegative: true) { p.value.highCLV = m }
            if let n = integer(t, [S.value, K.contractTermMonths], range: 1...120, expected: "a whole number of months from 1 to 120") {
                p.value.contractTermMonths = n
            }
            if let x = number(t, [S.value, K.contractRetention], .fraction) { p.value.contractRetention = x }
        }
        return p
    }

    /// `[tiers.NAME]` tables replace the default tiers as a whole. A key left out of a tier keeps
    /// the default of the standard tier with that name, else 0 / false.
    mutating func readTiers(_ t: TOMLTable, into p: inout Policy) {
        typealias S = PolicySchema
        typealias K = S.TierKey
        var tiers = [ServiceTier]()
        var seen = [String: String]()
        for name in t.keys.sorted() {
            let path = [S.tiers, name]
            guard let tierTable = table(t, path) else { continue }
            guard !name.allSatisfy(\.isWhitespace) else { problem(path, "a tier needs a name"); continue }
            unknownKeys(tierTable, path, allowed: K.all, what: "tier key")
            var tier = TierPolicy.standard.tiers.first { $0.name == name }
                ?? ServiceTier(name: name, minRevenue: .zero, contactPerson: false, capacityHours: 0)
            if let m = money(tierTable, path + [K.minRevenue], nonNegative: true) { tier.minRevenue = m }
            if let b = boolean(tierTable, path + [K.contactPerson]) { tier.contactPerson = b }
            if let x = number(tierTable, path + [K.capacityHours], .nonNegative) { tier.capacityHours = x }
            if let other = seen[name.lowercased()] {
                problem(path, "tier names are compared regardless of case; \"\(other)\" and \"\(name)\" are the same tier")
                continue
            }
            seen[name.lowercased()] = name
            tiers.append(tier)
        }
        if t.keys.isEmpty {
            problem([S.tiers], "list at least one tier as a table [tiers.NAME]")
        }
        p.tiers = TierPolicy(tiers: TierPolicy(tiers: tiers).ordered)
    }

    // MARK: typed reads

    mutating func problem(_ path: [String], _ reason: String) {
        let position = locator.position(of: path)
        let key = path.isEmpty ? nil : path.map(PolicyRenderer.tomlKey).joined(separator: ".")
        problems.append(.init(line: position?.line, column: position?.column, key: key, reason: reason))
    }

    mutating func table(_ parent: TOMLTable, _ path: [String]) -> TOMLTable? {
        guard let v = parent[path[path.count - 1]] else { return nil }
        guard v.type == .table, let t = v.table else {
            problem(path, "expected a table ([\(path.joined(separator: "."))]), found \(describe(v))")
            return nil
        }
        return t
    }

    mutating func unknownKeys(_ t: TOMLTable, _ path: [String], allowed: [String], what: String) {
        for key in t.keys where !allowed.contains(key) {
            problem(path + [key], "unknown \(what); expected one of: \(allowed.joined(separator: ", "))")
        }
    }

    mutating func money(_ t: TOMLTable, _ path: [String], nonNegative: Bool) -> Money? {
        guard let v = t[path[path.count - 1]] else { return nil }
        let expected = nonNegative ? "an amount in euros ≥ 0, such as 65.00" : "an amount in euros, such as 65.00"
        let cents: ExactCents
        switch v.type {
        case .int: cents = Self.exactCents(integer: v.int ?? 0)
        case .double: cents = Self.exactCents(v.double ?? .nan)
        default:
            problem(path, "expected \(expected), found \(describe(v))")
            return nil
        }
        switch cents {
        case .tooManyDecimals:
            problem(path, "expected an amount in euros with at most two decimals (whole cents), found \(describe(v))")
            return nil
        case .outOfRange:
            problem(path, "expected \(expected), found \(describe(v)), which is out of range")
            return nil
        case .ok(let c):
            guard !nonNegative || c >= 0 else {
                problem(path, "expected \(expected), found \(describe(v))")
                return nil
            }
            return Money(cents: c)
        }
    }

    mutating func number(_ t: TOMLTable, _ path: [String], _ range: NumberRange) -> Double? {
        guard let v = t[path[path.count - 1]] else { return nil }
        let x: Double
        switch v.type {
        case .int: x = Double(v.int ?? 0)
        case .double: x = v.double ?? .nan
        default:
            problem(path, "expected \(range.expected), found \(describe(v))")
            return nil
        }
        guard x.isFinite, range.contains(x) else {
            problem(path, "expected \(range.expected), found \(describe(v))")
            return nil
        }
        return x
    }

    mutating func integer(_ t: TOMLTable, _ path: [String], range: ClosedRange<Int>, expected: String) -> Int? {
        guard let v = t[path[path.count - 1]] else { return nil }
        guard v.type == .int, let n = v.int, range.contains(n) else {
            problem(path, "expected \(expected), found \(describe(v))")
            return nil
        }
        return n
    }

    mutating func boolean(_ t: TOMLTable, _ path: [String]) -> Bool? {
        guard let v = t[path[path.count - 1]] else { return nil }
        guard v.type == .bool, let b = v.bool else {
            problem(path, "expected true or false, found \(describe(v))")
            return nil
        }
        return b
    }

    mutating func incidentKinds(_ t: TOMLTable, _ path: [String]) -> Set<IncidentKind>? {
        guard let v = t[path[path.count - 1]] else { return nil }
        guard v.type == .array, let array = v.array else {
            problem(path, "expected a list of incident kinds such as [\"intimidation\", \"smear\"], found \(describe(v))")
            return nil
        }
        var kinds = Set<IncidentKind>()
        for (i, item) in array.enumerated() {
            guard item.type == .string, let name = item.string else {
                problem(path, "item \(i + 1): expected an incident kind in quotes, found \(describe(item))")
                continue
            }
            guard let kind = IncidentKind(rawValue: name) else {
                problem(path, "item \(i + 1): \"\(name)\" is not an incident kind; expected one of: \(PolicySchema.incidentKindList())")
                continue
            }
            kinds.insert(kind)
        }
        return kinds
    }

    func describe(_ v: any TOMLValueConvertible) -> String {
        switch v.type {
        case .string: "the text \"\(v.string ?? "")\""
        case .int: "\(v.int ?? 0)"
        case .double: "\(v.double ?? .nan)"
        case .bool: "the boolean \(v.bool ?? false)"
        case .array: "a list"
        case .table: "a table"
        case .date, .time, .dateTime: "a date or time"
        }
    }

    // MARK: exact money

    enum ExactCents: Equatable { case ok(Int64), tooManyDecimals, outOfRange }

    /// Amounts up to 10^13 euros (15 significant digits with the cents) read back exactly.
    static let maxEuros: Int64 = 10_000_000_000_000

    static func exactCents(integer i: Int) -> ExactCents {
        guard i.magnitude < maxEuros.magnitude else { return .outOfRange }
        return .ok(Int64(i) * 100)
    }

    /// The cents of a TOML float, exactly: never `(x × 100).rounded()`, which would accept
    /// 65.004 as 65.00. TOML floats are binary, but every decimal with at most 15 significant
    /// digits comes back as itself from Swift's shortest round-trip text of the double, so the
    /// digits of that text are the digits the owner typed. That text is read as a decimal.
    static func exactCents(_ d: Double) -> ExactCents {
        guard d.isFinite, d.magnitude < Double(maxEuros) else { return .outOfRange }
        var text = Substring("\(d)")
        var negative = false
        if text.first == "-" { negative = true; text = text.dropFirst() }
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            guard let x = Int(text[text.index(after: e)...]) else { return .outOfRange }
            exponent = x
            text = text[..<e]
        }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        let whole = parts[0], fraction = parts.count > 1 ? parts[1] : ""
        // value = digits × 10^(exponent − fraction.count); cents = digits × 10^(2 + exponent − fraction.count)
        var digits = Array((whole + fraction).drop { $0 == "0" })
        var shift = 2 + exponent - fraction.count
        while shift < 0, digits.last == "0" { digits.removeLast(); shift += 1 }
        guard shift >= 0 else { return .tooManyDecimals }
        guard digits.count + shift <= 18 else { return .outOfRange }
        var cents: Int64 = 0
        for c in digits {
            guard let v = c.wholeNumberValue else { return .outOfRange }
            cents = cents * 10 + Int64(v)
        }
        for _ in 0..<shift { cents *= 10 }
        return .ok(negative ? -cents : cents)
    }
}
