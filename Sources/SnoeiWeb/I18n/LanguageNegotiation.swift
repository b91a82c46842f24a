import Foundation
import SnoeiCore

/// Picks the page language: an explicit `?lang=` wins (and is remembered in a cookie),
/// then the cookie, then the browser's Accept-Language, then English.
enum LanguageNegotiation {
    static let cookieName = "snoei_lang"

    static func choose(query: String?, cookie: String?, acceptLanguage: String?) -> Language {
        if let query, let l = Language(rawValue: query) { return l }
        if let cookie, let l = Language(rawValue: cookie) { return l }
        return fromAcceptLanguage(acceptLanguage) ?? .en
    }

    /// `nl-BE,nl;q=0.9,en;q=0.8` → nl. Highest q first; ties keep header order.
    static func fromAcceptLanguage(_ header: String?) -> Language? {
        guard let header else { return nil }
        var candidates: [(Language, Double, Int)] = []
        for (i, part) in header.split(separator: ",").enumerated() {
            let pieces = part.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let tag = pieces.first?.lowercased() else { continue }
            var q = 1.0
            for p in pieces.dropFirst() where p.hasPrefix("q=") { q = Double(p.dropFirst(2)) ?? 0 }
            let primary = tag.split(separator: "-").first.map(String.init) ?? tag
            if let l = Language(rawValue: primary), q > 0 { candidates.append((l, q, i)) }
        }
        return candidates.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.2 < $1.2 }.first?.0
    }
}
