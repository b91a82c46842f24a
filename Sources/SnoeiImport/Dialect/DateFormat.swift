import Foundation
import SnoeiCore

/// A date layout found in exports. Day and month may have one or two digits; a time after
/// the date (`2026-03-04 09:15`, `2026-03-04T09:15:00`) is ignored.
public struct DateFormat: Sendable, Hashable, CustomStringConvertible {
    public enum Order: Sendable, Hashable { case ymd, dmy, mdy, compact }

    public var order: Order
    public var separator: Character

    public static let iso = DateFormat(order: .ymd, separator: "-")
    public static let compact = DateFormat(order: .compact, separator: " ")

    /// Every layout detection tries; day-month before month-day, so the Dutch reading wins a tie.
    public static let all: [DateFormat] = [
        .iso, .compact, DateFormat(order: .ymd, separator: "/"),
        DateFormat(order: .dmy, separator: "-"), DateFormat(order: .dmy, separator: "/"), DateFormat(order: .dmy, separator: "."),
        DateFormat(order: .mdy, separator: "/"), DateFormat(order: .mdy, separator: "-"),
    ]

    public var description: String {
        switch order {
        case .ymd: "yyyy\(separator)mm\(separator)dd"
        case .dmy: "dd\(separator)mm\(separator)yyyy"
        case .mdy: "mm\(separator)dd\(separator)yyyy"
        case .compact: "yyyymmdd"
        }
    }

    /// `dd-mm-yyyy`, `dd/mm/yyyy`, `mm/dd/yyyy`, `yyyymmdd`, `yyyy-mm-dd`, also with the Dutch
    /// `jjjj` for the year, or `iso`.
    public init?(name: String) {
        let n = name.lowercased().replacingOccurrences(of: "j", with: "y")
        if n == "iso" { self = .iso; return }
        guard let match = Self.all.first(where: { $0.description == n }) else { return nil }
        self = match
    }

    init(order: Order, separator: Character) { self.order = order; self.separator = separator }

    /// The day `text` names in this layout, or nil. Works on bytes: it runs for every date
    /// of every row, and eight times per value while the layout is inferred.
    func parse(_ text: String) -> Day? {
        var s = Array(text.utf8)[...]
        while let f = s.first, FastText.isSpace(f) { s = s.dropFirst() }
        while let l = s.last, FastText.isSpace(l) { s = s.dropLast() }
        if let cut = s.firstIndex(where: { $0 == 0x20 || $0 == UInt8(ascii: "T") }) { s = s[..<cut] }
        func number(_ part: ArraySlice<UInt8>) -> Int? {
            guard !part.isEmpty, part.count <= 4, part.allSatisfy(FastText.isDigit) else { return nil }
            return part.reduce(0) { $0 * 10 + Int($1 - 0x30) }
        }
        if order == .compact {
            guard s.count == 8, let y = number(s.prefix(4)), let m = number(s.dropFirst(4).prefix(2)), let d = number(s.suffix(2)) else { return nil }
            return Day(year: y, month: m, day: d)
        }
        let parts = s.split(separator: separator.asciiValue!, omittingEmptySubsequences: false)
        guard parts.count == 3 else { return nil }
        let (y, m, d): (ArraySlice<UInt8>, ArraySlice<UInt8>, ArraySlice<UInt8>)
        switch order {
        case .ymd: (y, m, d) = (parts[0], parts[1], parts[2])
        case .dmy: (d, m, y) = (parts[0], parts[1], parts[2])
        case .mdy: (m, d, y) = (parts[0], parts[1], parts[2])
        case .compact: return nil
        }
        guard y.count == 4, m.count <= 2, d.count <= 2, let year = number(y), let month = number(m), let day = number(d) else { return nil }
        return Day(year: year, month: month, day: day)
    }
}

/// The layout chosen for a file, with the reason when the values left a choice.
struct DateInference: Equatable {
    var format: DateFormat
    /// Set when day-month and month-day both fit every value.
    var ambiguity: String?
}

extension DateFormat {
    /// The layout that reads the most of `values` (all of them, normally), judged over the
    /// file's date columns together. When both day-month and month-day read every value
    /// (all days ≤ 12), `preferMonthFirst` (a profile whose tool writes US dates) decides,
    /// else day-month, the Dutch and Belgian convention; the choice is reported.
    static func infer(_ values: [String], preferMonthFirst: Bool = false) -> DateInference? {
        let sample = values.filter { !FastText.trimmed($0).isEmpty }
        guard !sample.isEmpty else { return nil }
        let scored = all.map { f in (f, sample.reduce(0) { $0 + (f.parse($1) == nil ? 0 : 1) }) }
        let best = scored.map(\.1).max()!
        guard best > 0 else { return nil }
        let winners = scored.filter { $0.1 == best }.map(\.0)
        let dmy = winners.first { $0.order == .dmy }
        let mdy = winners.first { $0.order == .mdy }
        if let dmy, let mdy {
            let chosen = preferMonthFirst ? mdy : dmy
            let other = preferMonthFirst ? dmy : mdy
            let example = sample.first { chosen.parse($0) != other.parse($0) } ?? sample[0]
            return DateInference(format: chosen, ambiguity:
                "dates such as \(example) fit both \(dmy) and \(mdy); read as \(chosen)"
                + (preferMonthFirst ? " (the export's usual layout)" : " (the Dutch and Belgian convention)")
                + "; pass --date-format \(other) if that is wrong")
        }
        return DateInference(format: winners[0], ambiguity: nil)
    }
}
