import Foundation
import Testing
@testable import SnoeiImport

@Suite struct EncodingTests {
    func decode(_ bytes: [UInt8], forced: SourceEncoding? = nil) -> Result<DecodedText, EncodingProblem> {
        bytes.withUnsafeBufferPointer { TextDecoder.decode($0, forced: forced) }
    }

    @Test func utf8WithAndWithoutBOM() throws {
        let plain = try decode(Array("Naam\nCafé\n".utf8)).get()
        #expect(plain.encoding == .utf8 && !plain.hadBOM)
        let bom = try decode([0xEF, 0xBB, 0xBF] + Array("Naam\nCafé\n".utf8)).get()
        #expect(bom.hadBOM && String(decoding: bom.bytes, as: UTF8.self) == "Naam\nCafé\n")
    }

    @Test func windows1252IsDetectedAndTranscoded() throws {
        // "Café Zoë € 5" with é = E9, ë = EB, € = 80 in Windows-1252.
        let bytes: [UInt8] = [0x43, 0x61, 0x66, 0xE9, 0x20, 0x5A, 0x6F, 0xEB, 0x20, 0x80, 0x20, 0x35]
        let text = try decode(bytes).get()
        #expect(text.encoding == .windows1252)
        #expect(String(decoding: text.bytes, as: UTF8.self) == "Café Zoë € 5")
        // Forced ISO-8859-1 keeps 0x80 as the C1 control it is there.
        let latin = try decode(bytes, forced: .latin1).get()
        #expect(String(decoding: latin.bytes, as: UTF8.self) == "Café Zoë \u{80} 5")
    }

    @Test func mixedEncodingsAreRefusedWithTheLine() {
        let bytes = Array("a;b\n1;Café\n".utf8) + [0x32, 0x3B, 0x43, 0x61, 0x66, 0xE9, 0x0A]
        guard case .failure(let p) = decode(bytes) else { Issue.record("accepted mixed encodings"); return }
        #expect(p.line == 3 && p.position == 6)
        #expect(p.reason.contains("mixed encodings"))
    }

    @Test func truncatedUTF8AndUTF16AndNULAreNamed() {
        guard case .failure(let cut) = decode(Array("Naam\nCafé\nZo".utf8) + [0xC3]) else { Issue.record("accepted"); return }
        #expect(cut.line == 3 && cut.reason.contains("truncated"))
        guard case .failure(let utf16) = decode([0xFF, 0xFE, 0x41, 0x00]) else { Issue.record("accepted"); return }
        #expect(utf16.reason.contains("UTF-16"))
        guard case .failure(let nul) = decode(Array("a\nb".utf8) + [0]) else { Issue.record("accepted"); return }
        #expect(nul.line == 2 && nul.reason.contains("NUL"))
    }

    @Test func forcedUTF8RefusesOtherBytes() {
        guard case .failure(let p) = decode([0x41, 0xE9], forced: .utf8) else { Issue.record("accepted"); return }
        #expect(p.reason.contains("0xE9"))
    }
}

@Suite struct SeparatorTests {
    func detect(_ text: String) -> String { SeparatorDetector.name(SeparatorDetector.detect(Array(text.utf8))) }

    @Test func commonSeparators() {
        #expect(detect("a;b;c\n1;2;3\n") == "semicolon (;)")
        #expect(detect("a\tb\n1\t2,5\n") == "tab")
        #expect(detect("a,b\n1,2\n") == "comma (,)")
        #expect(detect("onlyone\nvalue\n") == "comma (,)")
    }

    @Test func separatorsInsideQuotesDoNotVote() {
        #expect(detect("naam;bedrag\n\"Jansen, B.V.\";\"1,50\"\n\"a, b, c\";2\n") == "semicolon (;)")
        #expect(detect("name,amount\n\"x;y;z\",1\n") == "comma (,)")
    }

    @Test func readerUsesTheSeparatorAndOptionalQuoting() {
        let semi = CSVReader(file: "t", separator: UInt8(ascii: ";")).readAll(Array("a;\"b;c\"\n1;2\n".utf8))
        #expect(semi.records.map(\.fields) == [["a", "b;c"], ["1", "2"]])
        let bare = CSVReader(file: "t", separator: UInt8(ascii: "\t"), quote: nil).readAll(Array("a\t\"b\n".utf8))
        #expect(bare.records.map(\.fields) == [["a", "\"b"]])
    }
}

@Suite struct DecimalNumberTests {
    func cents(_ text: String, _ style: DecimalStyle = .comma) -> Int64? { try? DecimalNumber.parse(text, style: style, decimals: 2).get() }

    @Test func dutchAmounts() {
        #expect(cents("1.234,56") == 123_456)
        #expect(cents("€ 1.234,56") == 123_456)
        #expect(cents("-1.234,56") == -123_456)
        #expect(cents("1.234,56-") == -123_456)
        #expect(cents("-€ 12,5") == -1_250)
        #expect(cents("(12,50)") == -1_250)
        #expect(cents("EUR 1.000.000") == 100_000_000)
        #expect(cents("1\u{00A0}234,56") == 123_456)
        #expect(cents("0,01") == 1)
    }

    @Test func pointAmounts() {
        #expect(cents("1,234.56", .point) == 123_456)
        #expect(cents("1234.5", .point) == 123_450)
        #expect(cents("-0.99", .point) == -99)
    }

    @Test func refusals() {
        #expect(DecimalNumber.parse("12.34", style: .comma, decimals: 2) == .failure(.badGrouping))
        #expect(DecimalNumber.parse("1,234", style: .comma, decimals: 2) == .failure(.tooManyDecimals))
        #expect(DecimalNumber.parse("1,2a", style: .comma, decimals: 2) == .failure(.invalid))
        #expect(DecimalNumber.parse("€", style: .comma, decimals: 2) == .failure(.invalid))
        #expect(DecimalNumber.parse("12,", style: .comma, decimals: 2) == .failure(.invalid))
        #expect(DecimalNumber.parse("1234567890123456", style: .comma, decimals: 2) == .failure(.tooLarge))
    }

    @Test func styleIsInferredFromTheValues() {
        #expect(DecimalNumber.infer(["1.234,56", "12"], fallback: .point) == .comma)
        #expect(DecimalNumber.infer(["1,234.56", "12"], fallback: .comma) == .point)
        #expect(DecimalNumber.infer(["12,5", "3"], fallback: .point) == .comma)
        #expect(DecimalNumber.infer(["1.500"], fallback: .point) == .comma)  // three decimals cannot be cents
        #expect(DecimalNumber.infer(["12", "40"], fallback: .comma) == .comma)
    }
}

@Suite struct DateFormatTests {
    @Test func layoutsParse() {
        #expect(DateFormat(name: "dd-mm-jjjj")?.parse("05-01-2026")?.iso == "2026-01-05")
        #expect(DateFormat(name: "dd/mm/yyyy")?.parse("5/1/2026")?.iso == "2026-01-05")
        #expect(DateFormat(name: "yyyymmdd")?.parse("20260105")?.iso == "2026-01-05")
        #expect(DateFormat.iso.parse("2026-01-05 09:15:00")?.iso == "2026-01-05")
        #expect(DateFormat(name: "dd-mm-yyyy")?.parse("31-02-2026") == nil)
        #expect(DateFormat(name: "nonsense") == nil)
    }

    @Test func theColumnAsAWholeDecidesTheOrder() {
        #expect(DateFormat.infer(["03/04/2026", "13/04/2026"])?.format.description == "dd/mm/yyyy")
        #expect(DateFormat.infer(["03/04/2026", "04/13/2026"])?.format.description == "mm/dd/yyyy")
        #expect(DateFormat.infer(["20260301"])?.format == .compact)
        #expect(DateFormat.infer(["2026-03-01"])?.ambiguity == nil)
    }

    @Test func ambiguousDatesAreReadDayFirstWithANote() throws {
        let dutch = try #require(DateFormat.infer(["03/04/2026", "01/02/2026"]))
        #expect(dutch.format.description == "dd/mm/yyyy")
        #expect(dutch.ambiguity?.contains("--date-format mm/dd/yyyy") == true)
        let us = try #require(DateFormat.infer(["03/04/2026"], preferMonthFirst: true))
        #expect(us.format.description == "mm/dd/yyyy")
    }

    @Test func durationsAndDecimalHours() {
        let n = FieldNormaliser(dialect: Dialect(encoding: .utf8, hadBOM: false, separator: 44, decimal: .comma, dateFormat: nil), values: [:])
        #expect(n.hours("01:30:00") == .value("1.5"))
        #expect(n.hours("0:20") == .value("0.333"))
        #expect(n.hours("00:00:18") == .value("0.005"))
        #expect(n.hours("1,25") == .value("1.25"))
        #expect(n.hours("1:75") != .value("2.25"))
    }
}
