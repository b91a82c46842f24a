/// The `:86:` field. Dutch banks use SEPA subfields (`/EREF/…/NAME/…/IBAN/…/REMI/…`, ING
/// `/CNTP/iban/bic/name/city/` and `/REMI/USTD//text/` or `/REMI/STRD/CUR/reference/`); others
/// write plain text, in which a structured reference is still found by its check digits.
enum MT940Information {
    static let codes = ["TRTP", "IBAN", "BIC", "NAME", "REMI", "EREF", "ORDP", "BENM", "CSID", "MARF", "CNTP",
                        "RTRN", "ADDR", "ISDT", "PREF", "SWOC", "ULTC", "ULTD", "PURP", "ID", "CDTRREF", "CDTRREFTP"]

    static func describe(_ entry: inout BankEntry, _ text: String) {
        let fields = subfields(text)
        guard !fields.isEmpty else {
            let t = text.trimmingXMLSpace()
            entry.text = t.isEmpty ? nil : t
            return
        }
        if let cntp = fields["CNTP"] {
            let p = cntp.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            if let iban = p.first, !iban.isEmpty { entry.counterpartyIBAN = StructuredReference.normalised(iban) }
            if p.count > 2, !p[2].isEmpty { entry.counterpartyName = p[2] }
        }
        if let iban = fields["IBAN"], !iban.isEmpty { entry.counterpartyIBAN = StructuredReference.normalised(iban) }
        if let name = fields["NAME"], !name.isEmpty { entry.counterpartyName = name }
        if var remi = fields["REMI"] {
            if remi.hasPrefix("STRD/") {
                // STRD/ISSUER/REFERENCE (ING: STRD/CUR/…); the reference itself may hold slashes
                // (+++090/9337/55493+++), so only the issuer is cut off.
                var ref = Substring(remi.dropFirst(5))
                if let slash = ref.firstIndex(of: "/"), ref[..<slash].allSatisfy(\.isLetter), ref.distance(from: ref.startIndex, to: slash) <= 4 {
                    ref = ref[ref.index(after: slash)...]
                }
                let refText = String(ref)
                entry.structuredReference = StructuredReference.belgian(refText) ?? StructuredReference.normalised(refText)
            } else {
                if remi.hasPrefix("USTD//") { remi.removeFirst(6) }
                entry.text = remi.isEmpty ? nil : remi
            }
        }
        if let ref = fields["CDTRREF"], !ref.isEmpty, entry.structuredReference == nil {
            entry.structuredReference = StructuredReference.belgian(ref) ?? StructuredReference.normalised(ref)
        }
    }

    /// Values by code. A value runs to the next `/CODE/` of a known code, so a remittance text
    /// holding slashes (`+++123/4567/89012+++`) stays whole.
    static func subfields(_ text: String) -> [String: String] {
        let chars = Array(text)
        var marks: [(code: String, start: Int, valueStart: Int)] = []
        var k = 0
        while k < chars.count {
            if chars[k] == "/" {
                var e = k + 1
                while e < chars.count, e - k <= 10, chars[e].isUppercase || chars[e].isNumber { e += 1 }
                let code = String(chars[(k + 1)..<e])
                if e < chars.count, chars[e] == "/", codes.contains(code) {
                    marks.append((code, k, e + 1))
                    k = e
                    continue
                }
            }
            k += 1
        }
        var out: [String: String] = [:]
        for (n, mark) in marks.enumerated() {
            let end = n + 1 < marks.count ? marks[n + 1].start : chars.count
            var value = String(chars[min(mark.valueStart, end)..<end])
            if value.hasSuffix("/") { value.removeLast() }
            if out[mark.code] == nil { out[mark.code] = value.trimmingXMLSpace() }
        }
        return out
    }
}
