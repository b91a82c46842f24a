import Foundation
import SnoeiCore

/// Turns an export's value into the canonical text of its field (ISO date, amount with a
/// point, hours in decimals, `true`/`false`, a vocabulary word), so that the canonical row
/// parsers judge it exactly as they judge a FORMAT.md file.
struct FieldNormaliser {
    var dialect: Dialect
    var values: [String: [String: String]]

    enum Outcome: Equatable {
        case value(String)
        /// The reason, phrased after the shown value.
        case problem(String)
    }

    func normalise(_ raw: String, field: String) -> Outcome {
        let text = FastText.trimmed(raw)
        if text.isEmpty { return .value("") }
        let custom = values[field] ?? [:]
        switch CanonicalField.kind(field) {
        case .text, .whole:
            return .value(custom[text] ?? text)
        case .date:
            guard let format = dialect.dateFormat else { return .problem("is not a date") }
            if let day = format.parse(text) { return .value(day.iso) }
            return .problem("is not a date in the file's date format \(format)")
        case .money:
            switch DecimalNumber.parse(text, style: dialect.decimal, decimals: 2) {
            case .success(let cents): return .value(Money(cents: cents).plainString)
            case .failure(let f): return .problem(Self.numberReason(f, dialect.decimal, what: "an amount", decimals: 2))
            }
        case .hours:
            return hours(text)
        case .boolean, .activity:
            if let v = ValueSynonyms.canonical(text, field: field, custom: custom) { return .value(v) }
            if CanonicalField.kind(field) == .boolean {
                return .problem("is not a yes/no value; expected yes, no, ja, nee, true, false, 1 or 0")
            }
            return .problem("is not an activity; expected one of \(Activity.spellings), or a Dutch or English synonym; "
                            + "map the export's own names in a mapping file ([values.activity] \"\(text)\" = \"delivery\")")
        }
    }

    /// Decimal hours in the file's style, or a duration `h:mm` / `h:mm:ss` (Toggl, Clockify).
    func hours(_ text: String) -> Outcome {
        if text.contains(":") {
            var body = Substring(text)
            let negative = body.hasPrefix("-")
            if negative { body = body.dropFirst() }
            let parts = body.split(separator: ":", omittingEmptySubsequences: false)
            guard (2...3).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.count <= 9 && $0.allSatisfy(\.isASCIIDigit) }),
                  parts.dropFirst().allSatisfy({ $0.count == 2 && Int($0)! < 60 }) else {
                return .problem("is not a duration; expected hours:minutes or hours:minutes:seconds, such as 1:30 or 01:30:00")
            }
            let seconds = Int64(parts[0])! * 3600 + Int64(parts[1])! * 60 + (parts.count == 3 ? Int64(parts[2])! : 0)
            // Thousandths of an hour are 3.6 s; round half up so 00:00:18 (5 thousandths) is kept.
            let milli = (seconds * 1000 * 2 + 3600) / (3600 * 2)
            return .value(FieldFormats.hours(negative ? -milli : milli))
        }
        switch DecimalNumber.parse(text, style: dialect.decimal, decimals: 3) {
        case .success(let milli): return .value(FieldFormats.hours(milli))
        case .failure(let f): return .problem(Self.numberReason(f, dialect.decimal, what: "a number of hours", decimals: 3))
        }
    }

    static func numberReason(_ f: DecimalNumber.Failure, _ style: DecimalStyle, what: String, decimals: Int) -> String {
        switch f {
        case .invalid: return "is not \(what) (the file uses a \(style.shown))"
        case .tooManyDecimals: return "has more than \(decimals) decimals (the file uses a \(style.shown)); pass --decimal if that is wrong"
        case .badGrouping: return "has thousands separators that do not group by three (the file uses a \(style.shown)); pass --decimal if that is wrong"
        case .tooLarge: return "is too large for \(what)"
        }
    }
}
