import Testing
@testable import SnoeiCore

/// The judgmental-wording check: whole words, any case, any diacritics.
@Suite struct WorkflowWordingTests {
    @Test func findsLabelsWithTheirPlace() throws {
        let text = "This is a terrible, Difficult   Customer. Really."
        let found = WordingCheck.findings(in: text, language: .en)
        #expect(found.map(\.entry) == ["terrible", "difficult customer"])
        #expect(found.map(\.word) == ["terrible", "Difficult   Customer"])
        #expect(found.map(\.offset) == [10, 20])
        for f in found {
            #expect(String(text[f.range]) == f.word)
            #expect(f.suggestion?.isEmpty == false)
        }
    }

    @Test(arguments: ["Terrible", "TERRIBLE", "terrible,", "(terrible)", "“terrible”", "'terrible'", "tërríble", "a nightmare!",
                      "he is RUDE", "Problem customers again", "a klant terrible"])
    func englishHits(_ text: String) {
        #expect(WordingCheck.findings(in: text, language: .en).count == 1, "\(text)")
    }

    @Test(arguments: ["terribleness", "terribly late", "difficult", "a customer with a problem", "paid on average 42 days late",
                      "rudeness", "impossibly", "lazily", "problem-solving customer", ""])
    func englishNonHits(_ text: String) {
        #expect(WordingCheck.findings(in: text, language: .en).isEmpty, "\(text)")
    }

    @Test(arguments: ["Wat een lastige klant.", "LASTIGE KLANTEN", "Een lástige klant", "vervelend", "Vervelende situatie",
                      "dat is onmogelijk", "een onmogelijke vraag", "lui", "luie", "leugenaar", "gek", "een nachtmerrie",
                      "brutaal", "brutále mensen", "dom", "domme opmerking", "klant terrible", "probleemklant", "Zeur!",
                      "een querulant", "zeurpiet"])
    func dutchHits(_ text: String) {
        #expect(WordingCheck.findings(in: text, language: .nl).count == 1, "\(text)")
    }

    @Test(arguments: ["gekocht", "domein", "luier", "een lastige vraag", "klant", "betaalt gemiddeld 42 dagen te laat",
                      "onmogelijkheid", "nachtmerries"])
    func dutchNonHits(_ text: String) {
        #expect(WordingCheck.findings(in: text, language: .nl).isEmpty, "\(text)")
    }

    @Test func languagesHaveTheirOwnLists() {
        #expect(WordingCheck.findings(in: "een lastige klant", language: .en).isEmpty)
        #expect(WordingCheck.findings(in: "a difficult customer", language: .nl).isEmpty)
        #expect(WordingCheck.findings(in: "lastige klanten", language: .nl).first?.entry == "lastige klanten")
        #expect(WorkflowText.judgmentalWords(.en).contains("difficult customer"))
        #expect(WorkflowText.judgmentalWords(.nl).contains("querulant"))
    }

    @Test func severalFindingsInOrder() {
        let found = WordingCheck.findings(in: "Lui, dom en een zeur: een probleemklant.", language: .nl)
        #expect(found.map(\.entry) == ["lui", "dom", "zeur", "probleemklant"])
        #expect(found.map(\.offset) == [0, 5, 16, 26])
    }

    /// Every sentence the workflow can write passes the check in its own language.
    @Test func everyWorkflowSentencePasses() {
        for (language, table) in [(Language.en, WorkflowText.en), (.nl, WorkflowText.nl)] {
            for (key, text) in table where !key.hasPrefix("wording.") {
                #expect(WordingCheck.passes(text, language: language), "\(language) \(key): \(text)")
            }
        }
        // Every Dutch key has an English original, and every English key a Dutch translation
        // (error messages stay English).
        for key in WorkflowText.nl.keys { #expect(WorkflowText.en[key] != nil, "\(key)") }
        for key in WorkflowText.en.keys where !key.hasPrefix("decision.") { #expect(WorkflowText.nl[key] != nil, "\(key)") }
    }
}
