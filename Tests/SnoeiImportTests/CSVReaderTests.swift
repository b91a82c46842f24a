import Testing
@testable import SnoeiImport

@Suite struct CSVReaderTests {
    func parse(_ text: String) -> (records: [CSVRecord], problems: [ImportProblem]) {
        CSVReader(file: "t.csv").readAll(Array(text.utf8))
    }

    @Test func plainFieldsAndLines() {
        let (records, problems) = parse("a,b,c\n1,2,3\n")
        #expect(problems.isEmpty)
        #expect(records.map(\.fields) == [["a", "b", "c"], ["1", "2", "3"]])
        #expect(records.map(\.line) == [1, 2])
    }

    @Test func lastLineWithoutNewlineAndTrailingEmptyField() {
        let (records, _) = parse("a,b\n1,\n,2")
        #expect(records.map(\.fields) == [["a", "b"], ["1", ""], ["", "2"]])
    }

    @Test func quotedFieldsWithSeparatorsQuotesAndNewlines() {
        let (records, problems) = parse("id,text\n1,\"a, b\"\n2,\"say \"\"hi\"\"\"\n3,\"two\nlines\r\nthree\"\n4,\"\"\n5,x\n")
        #expect(problems.isEmpty)
        #expect(records.map(\.fields) == [
            ["id", "text"], ["1", "a, b"], ["2", "say \"hi\""], ["3", "two\nlines\r\nthree"], ["4", ""], ["5", "x"],
        ])
        // Record 4 starts on physical line 7, after the three-line record 3.
        #expect(records.map(\.line) == [1, 2, 3, 4, 7, 8])
    }

    @Test func crlfAndLoneCRLineEnds() {
        #expect(parse("a,b\r\n1,2\r\n").records.map(\.fields) == [["a", "b"], ["1", "2"]])
        let cr = parse("a,b\r1,2\r3,4")
        #expect(cr.records.map(\.fields) == [["a", "b"], ["1", "2"], ["3", "4"]])
        #expect(cr.records.map(\.line) == [1, 2, 3])
    }

    @Test func byteOrderMarkIsSkipped() {
        let (records, _) = CSVReader().readAll([0xEF, 0xBB, 0xBF] + Array("id,name\n".utf8))
        #expect(records.first?.fields == ["id", "name"])
    }

    @Test func trailingBlankLinesAreNotRecordsButInnerOnesAre() {
        let (records, _) = parse("a,b\n1,2\n\r\n\n")
        #expect(records.count == 2)
        let inner = parse("a,b\n\n1,2\n")
        #expect(inner.records.map(\.isBlankLine) == [false, true, false])
        #expect(inner.records.map(\.line) == [1, 2, 3])
    }

    @Test func emptyInputHasNoRecords() {
        #expect(parse("").records.isEmpty)
        #expect(CSVReader().readAll([0xEF, 0xBB, 0xBF]).records.isEmpty)
    }

    @Test func bareQuoteInsideUnquotedFieldIsLiteral() {
        #expect(parse("a,b\n27\" screen,1\n").records.last?.fields == ["27\" screen", "1"])
    }

    @Test func unterminatedQuoteReportsRecordStart() {
        let (records, problems) = parse("a,b\n1,2\n3,\"open\n4,5\n6,7\n")
        #expect(records.count == 2)
        #expect(problems.count == 1)
        #expect(problems.first?.line == 3)
        #expect(problems.first?.column == 2)
        #expect(problems.first?.description.hasPrefix("t.csv:3:2: quoted field is never closed") == true)
    }

    @Test func textAfterClosingQuoteIsAProblemAndParsingResumes() {
        let (records, problems) = parse("a,b\n\"x\"y,1\n2,3\n")
        #expect(problems.map(\.description) == [
            "t.csv:2:1: unexpected \"y\" after the closing quote of a quoted field; write a quote inside quotes as \"\"",
        ])
        #expect(records.map(\.fields) == [["a", "b"], ["2", "3"]])
    }

    @Test func invalidUTF8IsReportedPerField() {
        // "Caf\xE9" is Latin-1, and C0 AF an overlong "/": both invalid UTF-8.
        let bytes = Array("id,name\n1,ok\n2,Caf".utf8) + [0xE9] + Array("\n3,".utf8) + [0xC0, 0xAF] + Array("\n".utf8)
        let (records, problems) = CSVReader(file: "t.csv").readAll(bytes)
        #expect(records.map(\.fields) == [["id", "name"], ["1", "ok"]])
        #expect(problems.map(\.description) == [
            "t.csv:3:2: \"Caf\u{FFFD}\" is not valid UTF-8 (byte 0xE9 at position 4); save the file as UTF-8",
            "t.csv:4:2: \"\u{FFFD}\u{FFFD}\" is not valid UTF-8 (byte 0xC0 at position 1); save the file as UTF-8",
        ])
    }

    @Test func validMultiByteTextPasses() {
        let (records, problems) = parse("id,name\n1,Café Noord 🥐\n2,\"Ærø, Ğ\"\n")
        #expect(problems.isEmpty)
        #expect(records.map { $0.fields[1] } == ["name", "Café Noord 🥐", "Ærø, Ğ"])
    }

    @Test func recordsHandedOutStayIntactAfterTheReaderMovesOn() {
        var kept: [CSVRecord] = []
        CSVReader().read(Array("a,b\n1,2\n3,4\n".utf8)) { event in
            if case .record(let r) = event { kept.append(r) }
        }
        #expect(kept.map(\.fields) == [["a", "b"], ["1", "2"], ["3", "4"]])
    }
}
