import Foundation
import SnoeiCore
@testable import SnoeiImport
import Testing

/// The columnar loader's byte parsers must give exactly the canonical reader's results
/// (`Money.parse`, `Day.parse`, `FieldFormats`, `Vocabulary(rawValue:)`), including which
/// error, for well-formed values, edge cases and random byte strings.
@Suite struct ByteFieldsTests {
    static let edges = [
        "", "0", "-0", "+0", "1", "-1", "12.5", "12.50", "-12.50", "12.505", "12.", ".5", "-.5", "+.5", "-", "+", ".",
        "1,50", "1.5.0", "--1", "+-1", "1-", "1e3", " 1", "1 ", "0.00", "999999999999999", "999999999999999.99",
        "-999999999999999.99", "1000000000000000", "0000000000000001", "00000000000000001", "123456789012345.1",
        "2026-11-24", "2026-02-29", "2024-02-29", "2026-13-01", "2026-00-10", "0000-01-01", "2026-1-01", "2026/11/24",
        "true", "false", "True", "FALSE", "tru", "falsey", "yes", "7.125", "7.1255", "-3", "1.000", "123456789",
        "1234567890", "question", "complaint", "change_request", "email", "call", "visit", "chat", "ticket", "questio",
    ]

    static func randomStrings(_ count: Int) -> [String] {
        var random = SystemRandomNumberGenerator()
        let alphabet = Array("0123456789.-+,e -0123456789")
        return (0..<count).map { _ in String((0..<Int.random(in: 0...19, using: &random)).map { _ in alphabet.randomElement(using: &random)! }) }
    }

    static func bytes<R>(_ s: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        Array(s.utf8).withUnsafeBufferPointer(body)
    }

    @Test func centsAgreeWithMoneyParse() {
        for s in Self.edges + Self.randomStrings(20_000) {
            let fast = Self.bytes(s) { ByteFields.cents($0) }
            #expect(fast == Money.parse(utf8: Array(s.utf8)), "\(s)")
        }
    }

    @Test func centsOfTypicalAmounts() {
        for s in ["2618.88", "-2618.88", "0.07", "5", "5.1", "100000000000000.00"] {
            guard case .ok(let m) = Self.bytes(s, { ByteFields.cents($0) }) else { Issue.record("\(s) rejected"); continue }
            #expect(m == Money.parse(s), "\(s)")
        }
    }

    @Test func hoursAgreeWithFieldFormats() {
        for s in Self.edges + Self.randomStrings(20_000) {
            #expect(Self.bytes(s) { ByteFields.hours($0) } == FieldFormats.parseHours(ArraySlice(s.utf8)), "\(s)")
        }
    }

    @Test func daysAgreeWithDayParse() {
        var random = SystemRandomNumberGenerator()
        let digits = (0..<5_000).map { _ in
            String(format: "%04d-%02d-%02d", Int.random(in: 0...2100, using: &random), Int.random(in: 0...13, using: &random),
                   Int.random(in: 0...32, using: &random))
        }
        var sweep: [String] = []
        for year in [1, 1899, 1900, 1999, 2000, 2023, 2024, 2100, 2155, 2156, 9999] {
            for month in 0...13 { for day in 0...32 { sweep.append(String(format: "%04d-%02d-%02d", year, month, day)) } }
        }
        for s in Self.edges + digits + sweep {
            #expect(Self.bytes(s) { ByteFields.day($0) } == Day.parse(iso: Array(s.utf8)), "\(s)")
        }
    }

    @Test func boolsAndCountsAgree() {
        for s in Self.edges + Self.randomStrings(5_000) {
            #expect(Self.bytes(s) { ByteFields.bool($0) } == FieldFormats.parseBool(ArraySlice(s.utf8)), "\(s)")
            #expect(Self.bytes(s) { ByteFields.count($0) } == FieldFormats.parseCount(ArraySlice(s.utf8)), "\(s)")
        }
    }

    @Test func vocabulariesMatchTheirSpellingsOnly() {
        let kinds = ByteVocabulary<ContactKind>(), channels = ByteVocabulary<Channel>(), activities = ByteVocabulary<Activity>()
        let spellings = ContactKind.allCases.map(\.rawValue) + Channel.allCases.map(\.rawValue) + Activity.allCases.map(\.rawValue)
        let variants = spellings.map { $0 + "s" } + spellings.map { String($0.dropLast()) }
        for s in Self.edges + spellings + variants {
            #expect(Self.bytes(s) { kinds.match($0) } == ContactKind(rawValue: s), "\(s)")
            #expect(Self.bytes(s) { channels.match($0) } == Channel(rawValue: s), "\(s)")
            #expect(Self.bytes(s) { activities.match($0) } == Activity(rawValue: s), "\(s)")
        }
    }
}
