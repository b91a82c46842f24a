import Foundation

/// A judgmental word or phrase found in a text.
public struct WordingFinding: Hashable, Sendable {
    /// The words as they appear in the text ("Terrible", "lastige klant").
    public var word: String
    /// The list entry it matched (lower case, as in `WorkflowText.judgmentalWords`).
    public var entry: String
    /// Where it is in the text.
    public var range: Range<String.Index>
    /// Offset of the first character, in Characters from the start of the text.
    public var offset: Int
    /// What to write instead.
    public var suggestion: String?

    public init(word: String, entry: String, range: Range<String.Index>, offset: Int, suggestion: String?) {
        self.word = word; self.entry = entry; self.range = range; self.offset = offset; self.suggestion = suggestion
    }
}

/// Finds labels about people in generated or typed text ("difficult customer", "lastige klant"),
/// so that notes, briefs and letters state facts instead.
///
/// Matching is by whole words, ignoring case and diacritics: "Terrible," and "TÉRRIBLE" match
/// "terrible", "terribleness" does not. A phrase matches its words in order with only spaces or
/// punctuation between them. Letters, digits and apostrophes make up words; everything else
/// separates them (so "probleem-klant" is two words).
public enum WordingCheck {
    public static func findings(in text: String, language: Language) -> [WordingFinding] {
        let words = tokens(text)
        guard !words.isEmpty else { return [] }
        let entries = (WorkflowText.judgmental[language] ?? []).map {
            (entry: $0.word, parts: tokens($0.word).map(\.folded), suggestion: $0.suggestion)
        }
        var found = [WordingFinding]()
        var i = 0
        while i < words.count {
            // The longest entry starting here wins ("lastige klanten" over "lastige klant").
            var best: (entry: String, count: Int, suggestion: String)?
            for e in entries where !e.parts.isEmpty && i + e.parts.count <= words.count {
                guard e.parts.count > (best?.count ?? 0) else { continue }
                if (0..<e.parts.count).allSatisfy({ words[i + $0].folded == e.parts[$0] }) {
                    best = (e.entry, e.parts.count, e.suggestion)
                }
            }
            if let best {
                let range = words[i].range.lowerBound..<words[i + best.count - 1].range.upperBound
                found.append(WordingFinding(word: String(text[range]), entry: best.entry, range: range,
                                            offset: words[i].offset,
                                            suggestion: WorkflowText.text(best.suggestion, language)))
                i += best.count
            } else {
                i += 1
            }
        }
        return found
    }

    /// Whether a text has no judgmental wording.
    public static func passes(_ text: String, language: Language) -> Bool { findings(in: text, language: language).isEmpty }

    struct Token {
        var range: Range<String.Index>
        var offset: Int
        var folded: String
    }

    static func isWordCharacter(_ c: Character) -> Bool { c.isLetter || c.isNumber || isApostrophe(c) }

    static func tokens(_ text: String) -> [Token] {
        var out = [Token]()
        var start: String.Index?
        var startOffset = 0
        var offset = 0
        var index = text.startIndex
        func close(_ end: String.Index) {
            guard var s = start else { return }
            start = nil
            var e = end, first = startOffset
            while s < e, isApostrophe(text[s]) { s = text.index(after: s); first += 1 }
            while e > s, isApostrophe(text[text.index(before: e)]) { e = text.index(before: e) }
            guard s < e else { return }
            out.append(Token(range: s..<e, offset: first, folded: fold(String(text[s..<e]))))
        }
        while index < text.endIndex {
            let c = text[index]
            if isWordCharacter(c) {
                if start == nil { start = index; startOffset = offset }
            } else {
                close(index)
            }
            index = text.index(after: index)
            offset += 1
        }
        close(text.endIndex)
        return out
    }

    static func isApostrophe(_ c: Character) -> Bool { c == "'" || c == "’" }

    /// Lower case without diacritics.
    static func fold(_ s: String) -> String { s.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil) }
}
