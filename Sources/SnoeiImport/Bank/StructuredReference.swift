/// Structured payment references, checked by their own check digits so a typo never matches.
public enum StructuredReference {
    /// Belgian OGM/VCS ("gestructureerde mededeling"): `+++123/4567/89012+++` (or `***…***`,
    /// or the bare 12 digits). The last two digits are the first ten modulo 97, with 97 for 0.
    /// Returns the 12 digits when valid.
    public static func belgian(_ text: String) -> String? {
        var s = Substring(text.trimmingXMLSpace())
        for mark in ["+++", "***"] where s.hasPrefix(mark) && s.hasSuffix(mark) && s.count > 6 {
            s = s.dropFirst(3).dropLast(3)
        }
        let digits = s.filter { $0 != "/" && $0 != " " }
        guard digits.count == 12, digits.allSatisfy({ $0.isASCII && $0.isNumber }),
              let base = Int64(digits.prefix(10)), let check = Int64(digits.suffix(2)) else { return nil }
        let expected = base % 97 == 0 ? 97 : base % 97
        return check == expected ? String(digits) : nil
    }

    /// Dutch betalingskenmerk (Currence, 16 digits): the first digit is a check digit over the
    /// other fifteen. Weights 2, 4, 8, 5, 10, 9, 7, 3, 6, 1 (2^k mod 11) are applied from the
    /// rightmost digit leftwards, repeating; check = 11 − (sum mod 11), where 10 becomes 1 and
    /// 11 becomes 0. Returns the 16 digits when valid.
    public static func dutch(_ text: String) -> String? {
        let digits = text.filter { $0 != " " && $0 != "." && $0 != "-" }
        guard digits.count == 16, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        let values = digits.map { Int($0.asciiValue! - 48) }
        return values[0] == dutchCheckDigit(Array(values[1...])) ? String(digits) : nil
    }

    static let dutchWeights = [2, 4, 8, 5, 10, 9, 7, 3, 6, 1]

    /// The check digit for the fifteen digits after it.
    static func dutchCheckDigit(_ fifteen: [Int]) -> Int {
        var sum = 0
        for (k, d) in fifteen.reversed().enumerated() { sum += d * dutchWeights[k % 10] }
        let check = 11 - sum % 11
        return check == 10 ? 1 : check == 11 ? 0 : check
    }

    /// The first valid Belgian or Dutch structured reference inside free text (banks often put
    /// it in the unstructured remittance field).
    public static func find(in text: String) -> String? {
        let chars = Array(text)
        // +++123/4567/89012+++ and ***…***: exactly 20 characters between the marks included.
        var k = 0
        while k + 20 <= chars.count {
            if (chars[k] == "+" || chars[k] == "*"), let ref = belgian(String(chars[k..<(k + 20)])) { return ref }
            k += 1
        }
        // A run of 16 digits (spaces allowed inside, as printed on an acceptgiro) or 12 digits.
        var runs: [String] = []
        var current = ""
        for c in chars {
            if c.isASCII && c.isNumber { current.append(c) } else if c == " " && !current.isEmpty { continue } else {
                if !current.isEmpty { runs.append(current) }
                current = ""
            }
        }
        if !current.isEmpty { runs.append(current) }
        for run in runs {
            if let ref = dutch(run) { return ref }
            if run.count == 12, let ref = belgian(run) { return ref }
        }
        return nil
    }

    /// The form references are compared in: upper-case letters and digits only, so
    /// `+++123/4567/89012+++` on the invoice equals `123456789012` on the statement.
    public static func normalised(_ text: String) -> String {
        String(text.uppercased().filter { $0.isASCII && ($0.isLetter || $0.isNumber) })
    }
}
