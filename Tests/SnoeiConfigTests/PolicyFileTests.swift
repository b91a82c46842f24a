import Foundation
import Testing
import SnoeiCore
@testable import SnoeiConfig

/// A policy with every field moved away from its default.
func modifiedPolicy() -> Policy {
    var p = Policy.standard
    p.hourlyRate = [.support: Money(cents: 6_515), .rework: Money(cents: 1), .meeting: Money(cents: 1_234_567_899),
                    .sales: Money(cents: 0), .delivery: Money(cents: 5_550), .admin: Money(cents: 4_499)]
    p.contactCost = [.question: Money(cents: 799), .complaint: Money(cents: 3_000), .changeRequest: Money(cents: 12)]
    p.friction.selfCausedMinContacts = 3
    p.friction.components[.contactsPerK] = .init(weight: 0.3, saturation: 7.25)
    p.friction.components[.selfCaused] = .init(weight: 0, saturation: 0.8)
    p.friction.components[.lateness] = .init(weight: 2.75, saturation: 45)
    p.friction.components[.shortPays] = .init(weight: 1.0 / 3.0, saturation: 2)
    p.quadrant = QuadrantPolicy(profitableContribution: Money(cents: -25_050), highFriction: 33.3)
    p.boundaries = Boundaries(letGoFriction: 60, lateDays: 14.5, shortPays: 2, overdue90: Money(cents: 250_001),
                              dependencyShare: 0.15, selfCausedShare: 0.35, ambassadorReferrals: 3)
    p.redLines = RedLines(kinds: [.coercion, .legalThreat], minSeverity: 6)
    p.valuesFit = ValuesFitPolicy(criteria: ["respect": 3, "on time & in full": 0.5, "pays \"fair\"": 1.25], minimum: 0.35)
    p.exit.defaultNoticeDays = 61
    p.tiers = TierPolicy(tiers: [
        ServiceTier(name: "Gold tier", minRevenue: Money(cents: 7_500_050), contactPerson: true, capacityHours: 150.5),
        ServiceTier(name: "zilver", minRevenue: Money(cents: 1_500_000), contactPerson: true, capacityHours: 0),
        ServiceTier(name: "brons", minRevenue: .zero, contactPerson: false, capacityHours: 12.25),
        ServiceTier(name: "plus", minRevenue: Money(cents: 100), contactPerson: false, capacityHours: 1),
    ])
    p.panel.minFeedback = 8
    p.privacy = PrivacyPolicy(retentionYears: 5, taxRetentionYears: 10)
    return p
}

@Suite struct PolicyFileRoundTripTests {
    @Test func standardRoundTrips() throws {
        let text = PolicyFile.render(.standard)
        #expect(try PolicyFile.parse(text, file: "snoei.toml") == .standard)
    }

    @Test func modifiedRoundTrips() throws {
        let p = modifiedPolicy()
        #expect(p != .standard)
        let text = PolicyFile.render(p)
        let back = try PolicyFile.parse(text, file: "snoei.toml")
        #expect(back == p)
        // Rendering is deterministic, so the text round-trips too.
        #expect(PolicyFile.render(back) == text)
    }

    @Test func emptyRedLinesAndCriteriaRoundTrip() throws {
        var p = Policy.standard
        p.redLines.kinds = []
        p.valuesFit.criteria = [:]
        #expect(try PolicyFile.parse(PolicyFile.render(p), file: "x.toml") == p)
        p.redLines.kinds = Set(IncidentKind.allCases)
        #expect(try PolicyFile.parse(PolicyFile.render(p), file: "x.toml") == p)
    }

    @Test func randomPoliciesRoundTrip() throws {
        // Arbitrary doubles (17 significant digits) and amounts must come back bit for bit.
        var rng = SplitMix(seed: 42)
        for _ in 0..<200 {
            var p = Policy.standard
            for a in Activity.allCases { p.hourlyRate[a] = Money(cents: Int64(rng.next() % 100_000_000)) }
            for k in ContactKind.allCases { p.contactCost[k] = Money(cents: Int64(rng.next() % 1_000_000)) }
            for c in FrictionComponent.allCases {
                p.friction.components[c] = .init(weight: rng.unit() * 10, saturation: rng.unit() * 1000)
            }
            p.friction.selfCausedMinContacts = Int(rng.next() % 20)
            p.quadrant = QuadrantPolicy(profitableContribution: Money(cents: Int64(rng.next() % 2_000_000) - 1_000_000),
                                        highFriction: rng.unit() * 100)
            p.boundaries = Boundaries(letGoFriction: rng.unit() * 100, lateDays: rng.unit() * 90, shortPays: Int(rng.next() % 5),
                                      overdue90: Money(cents: Int64(rng.next() % 10_000_000)), dependencyShare: rng.unit(),
                                      selfCausedShare: rng.unit(), ambassadorReferrals: Int(rng.next() % 5))
            p.redLines = RedLines(kinds: Set(IncidentKind.allCases.filter { _ in rng.next() % 2 == 0 }),
                                  minSeverity: 1 + Int(rng.next() % 6))
            p.valuesFit = ValuesFitPolicy(criteria: ["c\(rng.next() % 100)": rng.unit() * 3, "respect": rng.unit()],
                                          minimum: rng.unit())
            p.exit.defaultNoticeDays = Int(rng.next() % 366)
            p.tiers = TierPolicy(tiers: (0..<(1 + Int(rng.next() % 4))).map { i in
                ServiceTier(name: "t\(i)", minRevenue: Money(cents: Int64(rng.next() % 10_000_000)),
                            contactPerson: rng.next() % 2 == 0, capacityHours: rng.unit() * 500)
            })
            p.panel.minFeedback = Int(rng.next() % 20)
            p.privacy = PrivacyPolicy(retentionYears: Int(rng.next() % 101), taxRetentionYears: Int(rng.next() % 101))
            let text = PolicyFile.render(p)
            #expect(try PolicyFile.parse(text, file: "r.toml") == p, "\(text)")
        }
    }
}

@Suite struct PolicyFileParseTests {
    @Test func emptyFileIsTheStandardPolicy() throws {
        #expect(try PolicyFile.parse("", file: "snoei.toml") == .standard)
        #expect(try PolicyFile.parse("# only a comment\n", file: "snoei.toml") == .standard)
    }

    @Test func partialFileKeepsDefaults() throws {
        let text = """
        [hourly_rate]
        support = 70

        [friction.weights]
        complaints = 4.5

        [boundaries]
        dependency_share = 0.2
        """
        let p = try PolicyFile.parse(text, file: "snoei.toml")
        var expected = Policy.standard
        expected.hourlyRate[.support] = Money(cents: 7_000)
        expected.friction.components[.complaints]!.weight = 4.5   // saturation keeps its default 6
        expected.boundaries.dependencyShare = 0.2
        #expect(p == expected)
        #expect(p.friction.components[.complaints]!.saturation == 6)
        #expect(p.rate(.rework) == Money(cents: 6_500))
    }

    @Test func criteriaTableReplacesTheDefaults() throws {
        let p = try PolicyFile.parse("[values_fit.criteria]\nhonesty = 2\n", file: "snoei.toml")
        #expect(p.valuesFit.criteria == ["honesty": 2])
        #expect(p.valuesFit.minimum == Policy.standard.valuesFit.minimum)
    }

    @Test func moneyIsReadExactlyToTheCent() throws {
        let cases: [(String, Int64)] = [
            ("65", 6_500), ("65.00", 6_500), ("0.07", 7), ("19.99", 1_999), ("0.1", 10), ("1_000.50", 100_050),
            ("1e2", 10_000), ("12345678901.23", 1_234_567_890_123), ("2.675", -1),  // -1: rejected
            ("65.004", -1), ("0.001", -1),
        ]
        for (literal, cents) in cases {
            let text = "[contact_cost]\nquestion = \(literal)\n"
            if cents >= 0 {
                #expect(try PolicyFile.parse(text, file: "m.toml").cost(.question) == Money(cents: cents), "\(literal)")
            } else {
                let error = #expect(throws: PolicyFileError.self, "\(literal)") { try PolicyFile.parse(text, file: "m.toml") }
                #expect(error?.description.contains("at most two decimals") == true)
            }
        }
        // A negative contribution boundary is allowed; a negative rate is not.
        #expect(try PolicyFile.parse("[quadrant]\nprofitable_contribution = -0.01", file: "m.toml")
            .quadrant.profitableContribution == Money(cents: -1))
        #expect(throws: PolicyFileError.self) { try PolicyFile.parse("[hourly_rate]\nadmin = -1.00", file: "m.toml") }
    }

    @Test func unknownKeyNamesFileLineAndKeyPath() throws {
        let text = """
        # my policy
        [friction.weights]
        complaints = 2
        late_payment = 2
        """
        let error = #expect(throws: PolicyFileError.self) { try PolicyFile.parse(text, file: "snoei.toml") }
        let problem = try #require(error?.problems.first)
        #expect(error?.problems.count == 1)
        #expect(problem.key == "friction.weights.late_payment")
        #expect(problem.line == 4)
        #expect(problem.column == 1)
        #expect(problem.reason.contains("unknown friction component"))
        #expect(problem.reason.contains("avg_days_late"))
        #expect(error?.description.hasPrefix("snoei.toml:4:1: friction.weights.late_payment: unknown") == true)
    }

    @Test func unknownTableAndVocabularyKeys() throws {
        let text = """
        [frictoin]
        weight = 1

        [hourly_rate]
        coffee = 5.00

        [contact_cost]
        compliment = 1.00
        """
        let error = #expect(throws: PolicyFileError.self) { try PolicyFile.parse(text, file: "p.toml") }
        let problems = error?.problems ?? []
        #expect(problems.map(\.key) == ["frictoin", "hourly_rate.coffee", "contact_cost.compliment"])
        #expect(problems.map(\.line) == [1, 5, 8])
        #expect(problems[0].reason.contains("unknown table"))
        #expect(problems[1].reason.contains("unknown activity; expected one of: support, rework"))
        #expect(problems[2].reason.contains("unknown contact kind"))
    }

    @Test func wrongTypesAndRangesAreRejected() throws {
        let text = """
        [hourly_rate]
        support = "65.00"

        [friction.weights]
        complaints = -1

        [friction]
        self_caused_min_contacts = 2.5

        [quadrant]
        high_friction = 130

        [boundaries]
        dependency_share = 1.5
        short_pays = true

        [red_lines]
        kinds = ["intimidation", "shouting", 3]
        min_severity = 0

        [values_fit]
        criteria = 3
        """
        let error = #expect(throws: PolicyFileError.self) { try PolicyFile.parse(text, file: "snoei.toml") }
        let lines = (error?.description ?? "").split(separator: "\n").map(String.init)
        #expect(lines == [
            "snoei.toml:2:1: hourly_rate.support: expected an amount in euros ≥ 0, such as 65.00, found the text \"65.00\"",
            "snoei.toml:5:1: friction.weights.complaints: expected a number ≥ 0, found -1",
            "snoei.toml:8:1: friction.self_caused_min_contacts: expected a whole number ≥ 0, found 2.5",
            "snoei.toml:11:1: quadrant.high_friction: expected a number from 0 to 100, found 130",
            "snoei.toml:14:1: boundaries.dependency_share: expected a number from 0 to 1, found 1.5",
            "snoei.toml:15:1: boundaries.short_pays: expected a whole number ≥ 0, found the boolean true",
            "snoei.toml:18:1: red_lines.kinds: item 2: \"shouting\" is not an incident kind; expected one of: "
                + "intimidation, review_threat, coercion, broken_agreement, legal_threat, smear, abuse_of_staff, other",
            "snoei.toml:18:1: red_lines.kinds: item 3: expected an incident kind in quotes, found 3",
            "snoei.toml:19:1: red_lines.min_severity: expected a whole number from 1 to 5 (or 6 for kinds only), found 0",
            "snoei.toml:22:1: values_fit.criteria: expected a table ([values_fit.criteria]), found 3",
        ])
    }

    @Test func dottedAndInlineKeysAreLocated() throws {
        let text = """
        friction.weights.complaints = "a lot"
        boundaries = { late_days = -3 }
        """
        let error = #expect(throws: PolicyFileError.self) { try PolicyFile.parse(text, file: "d.toml") }
        #expect(error?.problems.map(\.key) == ["friction.weights.complaints", "boundaries.late_days"])
        // The inline table's keys are not indexed: the line of the enclosing key is used.
        #expect(error?.problems.map(\.line) == [1, 2])
    }

    @Test func invalidTOMLShowsTheLine() throws {
        let text = """
        [boundaries]
        late_days = 30
        short_pays = = 1
        """
        let error = #expect(throws: PolicyFileError.self) { try PolicyFile.parse(text, file: "snoei.toml") }
        let problem = try #require(error?.problems.first)
        #expect(problem.line == 3)
        #expect(problem.column != nil)
        #expect(problem.reason.hasPrefix("invalid TOML"))
        #expect(error?.description.hasPrefix("snoei.toml:3:") == true)

        let duplicate = #expect(throws: PolicyFileError.self) {
            try PolicyFile.parse("[quadrant]\nhigh_friction = 1\nhigh_friction = 2\n", file: "snoei.toml")
        }
        #expect(duplicate?.problems.first?.line == 3)
    }
}

@Suite struct PolicyFileRenderTests {
    /// Every key and table header has a comment line right above it.
    @Test(arguments: [Policy.standard, modifiedPolicy()])
    func everyKeyHasACommentAbove(_ policy: Policy) {
        let lines = PolicyFile.render(policy).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first?.hasPrefix("# Snoei policy") == true)
        var keys = 0
        for (i, line) in lines.enumerated() where !line.isEmpty && !line.hasPrefix("#") {
            #expect(i > 0 && lines[i - 1].hasPrefix("# "), "no comment above line \(i + 1): \(line)")
            if !line.hasPrefix("[") { keys += 1 }
        }
        // 6 rates + 3 contact costs + 1 + 8 weights + 8 saturations + 2 quadrant + 7 boundaries + 2 red lines
        // + 1 values-fit minimum + the criteria + 1 exit + 3 per tier + 1 panel + 2 privacy + 5 value.
        #expect(keys == 38 + policy.valuesFit.criteria.count + 2 + 3 * policy.tiers.tiers.count + 2 + 5)
    }

    @Test func renderedTextReadsWell() {
        let text = PolicyFile.render(.standard)
        #expect(text.contains("# Euro per hour of support work"))
        #expect(text.contains("\nsupport = 65.00\n"))
        #expect(text.contains("\nchange_request = 40.00\n"))
        #expect(text.contains("\noverdue_90 = 1000.00\n"))
        #expect(text.contains("\ndependency_share = 0.1\n"))
        #expect(text.contains("\nkinds = [\"intimidation\", \"smear\", \"abuse_of_staff\"]\n"))
        #expect(text.contains("[friction.weights]") && text.contains("[friction.saturation]"))
        #expect(text.contains("[values_fit.criteria]\n\n# Weight of the criterion \"respect\""))
        #expect(!text.contains("\n\n\n"))
        #expect(text.hasSuffix("\n") && !text.hasSuffix("\n\n"))
    }
}

/// The acting part of the policy: exits, service tiers and the customer panel.
@Suite struct PolicyFileActingTests {
    @Test func defaultsAreRenderedWithComments() {
        let text = PolicyFile.render(.standard)
        #expect(text.contains("[exit]\n\n# Notice period for customers whose record names none"))
        #expect(text.contains("\ndefault_notice_days = 30\n"))
        #expect(text.contains("[tiers.premium]\n\n# Revenue over the past year at or above which"))
        #expect(text.contains("[tiers.premium]\n\n# Revenue over the past year at or above which a customer's value fits this tier (euros)\nmin_revenue = 50000.00\n"))
        #expect(text.contains("\ncontact_person = true\n"))
        #expect(text.contains("[tiers.plus]") && text.contains("[tiers.basis]"))
        // Highest tier first.
        let premium = text.range(of: "[tiers.premium]")!.lowerBound, basis = text.range(of: "[tiers.basis]")!.lowerBound
        #expect(premium < basis)
        #expect(text.contains("[panel]") && text.contains("\nmin_feedback = 5\n"))
    }

    @Test func partialActingTablesKeepDefaults() throws {
        let text = """
        [exit]
        default_notice_days = 45

        [tiers.gold]
        min_revenue = 100000
        contact_person = true

        [tiers.premium]
        capacity_hours = 80

        [panel]
        min_feedback = 3
        """
        let p = try PolicyFile.parse(text, file: "snoei.toml")
        #expect(p.exit.defaultNoticeDays == 45)
        #expect(p.panel.minFeedback == 3)
        // The tiers table replaces the defaults as a whole; a known name keeps its other defaults.
        #expect(p.tiers.ordered.map(\.name) == ["gold", "premium"])
        #expect(p.tiers.ordered[0] == ServiceTier(name: "gold", minRevenue: Money(euros: 100_000), contactPerson: true, capacityHours: 0))
        #expect(p.tiers.ordered[1] == ServiceTier(name: "premium", minRevenue: Money(euros: 50_000), contactPerson: true, capacityHours: 80))
        #expect(p.boundaries == Policy.standard.boundaries)
    }

    @Test func actingErrorsNameTheKey() throws {
        let text = """
        [exit]
        default_notice_days = -1

        [tiers.gold]
        min_revenue = "lots"
        contact_person = "yes"
        hours = 3

        [tiers.Gold]
        min_revenue = 1

        [panel]
        min_feedback = 2.5
        """
        let error = #expect(throws: PolicyFileError.self) { try PolicyFile.parse(text, file: "snoei.toml") }
        let lines = (error?.description ?? "").split(separator: "\n").map(String.init)
        #expect(lines.count == 6)
        #expect(lines.contains("snoei.toml:2:1: exit.default_notice_days: expected a whole number of days from 0 to 3650, found -1"))
        #expect(lines.contains("snoei.toml:5:1: tiers.gold.min_revenue: expected an amount in euros ≥ 0, such as 65.00, found the text \"lots\""))
        #expect(lines.contains("snoei.toml:6:1: tiers.gold.contact_person: expected true or false, found the text \"yes\""))
        #expect(lines.contains { $0.hasPrefix("snoei.toml:7:1: tiers.gold.hours: unknown tier key; expected one of: min_revenue, contact_person, capacity_hours") })
        #expect(lines.contains { $0.contains("tiers.Gold") && $0.contains("regardless of case") || $0.contains("tiers.gold") && $0.contains("regardless of case") })
        #expect(lines.contains("snoei.toml:13:1: panel.min_feedback: expected a whole number ≥ 0, found 2.5"))

        let empty = #expect(throws: PolicyFileError.self) { try PolicyFile.parse("[tiers]\n", file: "t.toml") }
        #expect(empty?.description.contains("list at least one tier") == true)
    }

    @Test func tierOrderDoesNotMatterForEquality() {
        let a = TierPolicy.standard
        let b = TierPolicy(tiers: a.tiers.reversed())
        #expect(a == b)
        var c = a
        c.tiers[0].capacityHours += 1
        #expect(a != c)
    }
}

@Suite struct PolicyFileResolveTests {
    func temporaryDirectory() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("snoei-config-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test func defaultsWhenThereIsNoFile() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let (policy, source) = try PolicyFile.resolve(explicitPath: nil, workingDirectory: dir)
        #expect(policy == .standard)
        #expect(source == "built-in defaults")
    }

    @Test func localSnoeiTomlIsUsed() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var p = Policy.standard
        p.quadrant.highFriction = 40
        try PolicyFile.write(p, to: dir + "/snoei.toml")
        let (policy, source) = try PolicyFile.resolve(explicitPath: nil, workingDirectory: dir)
        #expect(policy == p)
        #expect(source == dir + "/snoei.toml")
    }

    @Test func explicitPathWinsOverLocalFile() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "[quadrant]\nhigh_friction = 40\n".write(toFile: dir + "/snoei.toml", atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: dir + "/policies", withIntermediateDirectories: true)
        try "[quadrant]\nhigh_friction = 50\n".write(toFile: dir + "/policies/strict.toml", atomically: true, encoding: .utf8)

        let relative = try PolicyFile.resolve(explicitPath: "policies/strict.toml", workingDirectory: dir)
        #expect(relative.policy.quadrant.highFriction == 50)
        #expect(relative.source == dir + "/policies/strict.toml")
        let absolute = try PolicyFile.resolve(explicitPath: dir + "/policies/strict.toml", workingDirectory: "/")
        #expect(absolute.policy.quadrant.highFriction == 50)
    }

    @Test func missingExplicitPathIsAClearError() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try PolicyFile.write(.standard, to: dir + "/snoei.toml")   // present, but not what was asked for
        let error = #expect(throws: PolicyFileError.self) {
            try PolicyFile.resolve(explicitPath: "nope.toml", workingDirectory: dir)
        }
        #expect(error?.description == "nope.toml: no such policy file (given with --policy)")
    }

    @Test func errorsInTheFileNameItsPath() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "[boundaries]\nlate_days = \"soon\"\n".write(toFile: dir + "/snoei.toml", atomically: true, encoding: .utf8)
        let error = #expect(throws: PolicyFileError.self) {
            try PolicyFile.resolve(explicitPath: nil, workingDirectory: dir)
        }
        #expect(error?.description.hasPrefix(dir + "/snoei.toml:2:1: boundaries.late_days: expected a number ≥ 0") == true)
        #expect(throws: PolicyFileError.self) { try PolicyFile.load(path: dir) }   // a directory
    }

    @Test func writeThenLoad() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try PolicyFile.write(modifiedPolicy(), to: dir + "/p.toml")
        #expect(try PolicyFile.load(path: dir + "/p.toml") == modifiedPolicy())
    }
}

/// A small deterministic generator for the random round trips.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    /// Uniform in [0, 1) with all 53 bits.
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
}

/// The privacy part of the policy: how long customer data and invoices are kept.
@Suite struct PolicyFilePrivacyTests {
    @Test func defaultsAreRenderedWithComments() {
        let text = PolicyFile.render(.standard)
        #expect(Policy.standard.privacy == PrivacyPolicy(retentionYears: 2, taxRetentionYears: 7))
        #expect(text.contains("[privacy]\n\n# Years after the relationship ended"))
        #expect(text.contains("(whole years, 0 to 100)\nretention_years = 2\n"))
        #expect(text.contains("# Years invoices and payments are kept after their own date"))
        #expect(text.contains("\ntax_retention_years = 7\n"))
        let privacy = text.range(of: "[privacy]")!.lowerBound, panel = text.range(of: "[panel]")!.lowerBound
        #expect(panel < privacy)
    }

    @Test func aPartialTableKeepsTheOtherDefault() throws {
        let p = try PolicyFile.parse("[privacy]\nretention_years = 3\n", file: "snoei.toml")
        #expect(p.privacy == PrivacyPolicy(retentionYears: 3, taxRetentionYears: 7))
        let q = try PolicyFile.parse("[privacy]\ntax_retention_years = 10\n", file: "snoei.toml")
        #expect(q.privacy == PrivacyPolicy(retentionYears: 2, taxRetentionYears: 10))
        var expected = Policy.standard
        expected.privacy.taxRetentionYears = 10
        #expect(q == expected)
    }

    @Test func wrongValuesNameTheKey() throws {
        let text = """
        [privacy]
        retention_years = -1
        tax_retention_years = 7.5
        keep_forever = true
        """
        let error = #expect(throws: PolicyFileError.self) { try PolicyFile.parse(text, file: "snoei.toml") }
        let lines = (error?.description ?? "").split(separator: "\n").map(String.init)
        #expect(lines.count == 3, "\(lines)")
        #expect(lines.contains("snoei.toml:2:1: privacy.retention_years: expected a whole number of years from 0 to 100, found -1"))
        #expect(lines.contains("snoei.toml:3:1: privacy.tax_retention_years: expected a whole number of years from 0 to 100, found 7.5"))
        #expect(lines.contains { $0.hasPrefix("snoei.toml:4:1: privacy.keep_forever: unknown key") })
        let tooLong = #expect(throws: PolicyFileError.self) {
            try PolicyFile.parse("[privacy]\ntax_retention_years = 101\n", file: "t.toml")
        }
        #expect(tooLong?.description.contains("found 101") == true)
    }
}

@Suite struct PolicyFileValueTests {
    @Test func defaultsRoundTripAndAPartialTableKeepsTheRest() throws {
        let text = PolicyFile.render(.standard)
        #expect(text.contains("\nhorizon_weeks = 52\n") && text.contains("\ndiscount_rate = 0.1\n") && text.contains("\nhigh_clv = 10000"))
        #expect(try PolicyFile.parse(text, file: "snoei.toml") == .standard)
        let p = try PolicyFile.parse("[value]\ndiscount_rate = 0.08\nhigh_clv = 2500\n", file: "snoei.toml")
        #expect(p.value == ValuePolicy(horizonWeeks: 52, discountRate: 0.08, highCLV: Money(cents: 250_000)))
        #expect(text.contains("\ncontract_term_months = 12\n") && text.contains("\ncontract_retention = 0.85\n"))
        let contracts = try PolicyFile.parse("[value]\ncontract_term_months = 24\ncontract_retention = 0.7\n", file: "snoei.toml")
        #expect(contracts.value.contractTermMonths == 24 && contracts.value.contractRetention == 0.7)
        #expect(contracts.value.horizonWeeks == 52)
    }

    @Test func wrongValuesNameTheKey() throws {
        let text = "[value]\nhorizon_weeks = 0\ndiscount_rate = 1.5\nforever = true\ncontract_term_months = 0\ncontract_retention = 2\n"
        let error = #expect(throws: PolicyFileError.self) { try PolicyFile.parse(text, file: "snoei.toml") }
        let message = "\(error.map { "\($0)" } ?? "")"
        #expect(message.contains("value.horizon_weeks") && message.contains("value.discount_rate") && message.contains("forever"))
        #expect(message.contains("value.contract_term_months") && message.contains("value.contract_retention"))
    }
}
