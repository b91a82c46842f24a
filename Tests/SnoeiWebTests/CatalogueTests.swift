import Foundation
import SnoeiCore
import Testing
@testable import SnoeiWeb

@Suite struct CatalogueTests {
    static func templates() throws -> [String: String] {
        let dir = try #require(BundledResources.folder("templates"))
        var out = [String: String]()
        for name in try FileManager.default.contentsOfDirectory(atPath: dir.path) where name.hasSuffix(".mustache") {
            out[name] = try String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8)
        }
        return out
    }

    @Test func dutchAndEnglishHaveTheSameKeys() {
        #expect(Set(WebText.en.keys) == Set(WebText.nl.keys))
        for (key, value) in WebText.nl { #expect(!value.isEmpty, "\(key)") }
    }

    @Test func everyKeyATemplateUsesExists() throws {
        let pattern = try Regex(#"\{\{t\.([a-z0-9_]+)\}\}"#)
        var used = 0
        for (name, text) in try Self.templates() {
            for match in text.matches(of: pattern) {
                let key = String(text[match.range]).dropFirst(4).dropLast(2)
                #expect(WebText.en[String(key)] != nil, "\(name) uses t.\(key)")
                used += 1
            }
        }
        #expect(used > 40)
    }

    /// Templates hold markup and placeholders only: every word comes from the catalogue.
    @Test func templatesContainNoText() throws {
        let tags = try Regex(#"<[^>]*>"#)
        let mustache = try Regex(#"\{\{\{?[^}]*\}?\}\}"#)
        for (name, text) in try Self.templates() {
            let stripped = text.replacing(mustache, with: " ").replacing(tags, with: " ")
            let letters = stripped.unicodeScalars.filter { CharacterSet.letters.contains($0) }
            #expect(letters.isEmpty, "\(name) has literal text: \(String(String.UnicodeScalarView(letters)).prefix(60))")
        }
    }

    @Test func placeholdersAreFilled() {
        #expect(WebText.text("page_text", .en, ["page": "2", "pages": "8"]) == "Page 2 of 8")
        #expect(WebText.text("page_text", .nl, ["page": "2", "pages": "8"]) == "Pagina 2 van 8")
        #expect(WebText.text("no_such_key", .en) == "[[no_such_key]]")
    }

    @Test func acceptLanguageIsNegotiated() {
        #expect(LanguageNegotiation.fromAcceptLanguage("nl-BE,nl;q=0.9,en;q=0.8") == .nl)
        #expect(LanguageNegotiation.fromAcceptLanguage("de-DE,en;q=0.5,nl;q=0.7") == .nl)
        #expect(LanguageNegotiation.fromAcceptLanguage("fr-FR,de") == nil)
        #expect(LanguageNegotiation.fromAcceptLanguage("nl;q=0,en") == .en)
        #expect(LanguageNegotiation.choose(query: "en", cookie: "nl", acceptLanguage: "nl") == .en)
        #expect(LanguageNegotiation.choose(query: "xx", cookie: "nl", acceptLanguage: "en") == .nl)
        #expect(LanguageNegotiation.choose(query: nil, cookie: nil, acceptLanguage: nil) == .en)
    }
}
