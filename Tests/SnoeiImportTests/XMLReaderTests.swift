import Testing
@testable import SnoeiImport

@Suite struct XMLReaderTests {
    func parse(_ text: String) throws -> XMLNode { try XMLReader.parse(Array(text.utf8)) }

    func error(_ bytes: [UInt8]) -> XMLError? {
        do { _ = try XMLReader.parse(bytes); return nil } catch let e as XMLError { return e } catch { return nil }
    }

    func error(_ text: String) -> XMLError? { error(Array(text.utf8)) }

    @Test func namesAreResolvedByNamespaceURINotPrefix() throws {
        let a = try parse(#"<x:r xmlns:x="urn:a" xmlns:y="urn:b"><x:c y:k="1">v</x:c><c/></x:r>"#)
        let b = try parse(#"<r xmlns="urn:a"><c xmlns:z="urn:b" z:k="1">v</c><c xmlns=""/></r>"#)
        for root in [a, b] {
            #expect(root.namespace == "urn:a" && root.name == "r")
            #expect(root.child("urn:a", "c")?.text == "v")
            #expect(root.child("urn:a", "c")?.attributes.first == .init(namespace: "urn:b", name: "k", value: "1"))
            #expect(root.child("", "c") != nil)
        }
    }

    @Test func predefinedEntitiesCharacterReferencesAndCDATAAreDecoded() throws {
        let root = try parse("<r a=\"&quot;x&apos;\">&lt;&gt;&amp; &#233;&#x20AC;<![CDATA[<&>]]></r>")
        #expect(root.text == "<>& é€<&>")
        #expect(root.attribute("a") == "\"x'")
    }

    @Test func aDoctypeIsRefusedWithItsPosition() {
        let billionLaughs = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;\">]>\n<lolz>&lol2;</lolz>"
        #expect(error(billionLaughs) == XMLError(line: 2, column: 1, reason: "DOCTYPE declarations are refused (no DTDs or entity definitions are read)"))
        let xxe = "<!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><r>&x;</r>"
        #expect(error(xxe)?.reason.hasPrefix("DOCTYPE") == true)
    }

    @Test func anUnknownEntityIsRefused() {
        #expect(error("<r>\n  &nbsp;</r>") == XMLError(line: 2, column: 3, reason: "unknown entity &nbsp; (only &lt; &gt; &amp; &quot; &apos; and &#…; are allowed)"))
        #expect(error("<r>a & b</r>")?.reason.contains("&amp;") == true)
        #expect(error("<r>&#0;</r>")?.reason.contains("not a valid character reference") == true)
        #expect(error("<r>&#x110000;</r>") != nil)
    }

    @Test func structuralErrorsNameLineAndColumn() {
        #expect(error("<r>\n<a></b></r>") == XMLError(line: 2, column: 4, reason: "end tag </b> does not match <a> opened at 2:1"))
        #expect(error("<r><a>text") == XMLError(line: 1, column: 11, reason: "the file ends inside <a> opened at 1:4 (truncated?)"))
        #expect(error("<r/><r/>") == XMLError(line: 1, column: 5, reason: "content after the end of the root element"))
        #expect(error("<p:r/>")?.reason == "namespace prefix \"p\" is not declared")
        #expect(error("<r a='1' a='2'/>")?.reason == "attribute a appears twice")
        #expect(error("") == XMLError(line: 1, column: 1, reason: "the file is empty"))
        #expect(error("   ")?.reason == "the file holds no element")
        #expect(error("<r>\u{1}</r>")?.reason == "control character 0x01 is not allowed in XML")
        #expect(error("<r a=1/>")?.reason == "expected a quoted attribute value")
    }

    @Test func invalidUTF8IsReportedWhereItIs() {
        // "é" in Latin-1 inside a file that declares (or defaults to) UTF-8: mixed encodings.
        let bytes = Array("<r>\n  caf".utf8) + [0xE9] + Array("</r>".utf8)
        #expect(error(bytes) == XMLError(line: 2, column: 6, reason: "byte 0xE9 is not valid UTF-8 (is the file in another encoding than it declares?)"))
    }

    @Test func latin1AndWindows1252AreHonouredWhenDeclared() throws {
        let latin1 = Array("<?xml version='1.0' encoding='ISO-8859-1'?><r>caf".utf8) + [0xE9] + Array("</r>".utf8)
        #expect(try XMLReader.parse(latin1).text == "café")
        let cp1252 = Array("<?xml version=\"1.0\" encoding=\"windows-1252\"?><r>".utf8) + [0x80, 0x20, 0x93, 0x78, 0x94] + Array("</r>".utf8)
        #expect(try XMLReader.parse(cp1252).text == "€ “x”")
        let bom = [0xEF, 0xBB, 0xBF] + Array("<r>ok</r>".utf8)
        #expect(try XMLReader.parse(bom).text == "ok")
        #expect(error([0xFF, 0xFE, 0x3C, 0x00])?.reason == "the file is UTF-16; save it as UTF-8")
        #expect(error("<?xml version='1.0' encoding='EBCDIC'?><r/>")?.reason.contains("not supported") == true)
    }

    @Test func limitsStopHugeOrDeepInput() {
        var limits = XMLLimits()
        limits.maxDepth = 10
        let deep = String(repeating: "<a>", count: 11) + String(repeating: "</a>", count: 11)
        #expect(throws: XMLError.self) { try XMLReader.parse(Array(deep.utf8), limits: limits) }
        limits.maxBytes = 5
        #expect((try? XMLReader.parse(Array("<r>long</r>".utf8), limits: limits)) == nil)
        limits = XMLLimits()
        limits.maxElements = 3
        #expect(throws: XMLError.self) { try XMLReader.parse(Array("<r><a/><a/><a/></r>".utf8), limits: limits) }
    }

    @Test func commentsAndProcessingInstructionsAreSkipped() throws {
        let root = try parse("<?xml version=\"1.0\"?>\n<!-- a -->\n<?pi x?><r><!-- b -->t<?q?></r>\n<!-- c -->\n")
        #expect(root.text == "t")
        #expect(error("<r><!-- open</r>")?.reason == "comment is not closed (truncated file?)")
    }
}
