public import SnoeiCore

/// Exact amounts from XML (`xs:decimal`: `1234.5`, `-12.30`, `+7`) and from MT940 (`1234,56`),
/// parsed digit by digit into cents: never through `Double`, which cannot hold 0.1.
public enum DecimalAmount {
    /// More than two decimals are accepted only when the extra digits are zeros
    /// (`12.300`); a real fraction of a cent is refused rather than rounded away.
    public static func parse(_ text: String, decimalSeparator: Character = ".") -> Money? {
        var s = Substring(text.trimmingXMLSpace())
        var negative = false
        if s.first == "-" { negative = true; s = s.dropFirst() } else if s.first == "+" { s = s.dropFirst() }
        let parts = s.split(separator: decimalSeparator, maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = parts.first else { return nil }
        var frac = parts.count == 2 ? parts[1] : ""
        guard !(whole.isEmpty && frac.isEmpty), whole.count <= 15, frac.count <= 20,
              whole.allSatisfy({ $0.isASCII && $0.isNumber }), frac.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        while frac.count > 2, frac.last == "0" { frac = frac.dropLast() }
        guard frac.count <= 2 else { return nil }
        let cents = (Int64(whole.isEmpty ? "0" : whole) ?? 0) * 100 + (Int64(frac.padding(toLength: 2)) ?? 0)
        return Money(cents: negative ? -cents : cents)
    }
}

extension Substring {
    fileprivate func padding(toLength n: Int) -> String {
        String(self) + String(repeating: "0", count: Swift.max(0, n - count))
    }
}
