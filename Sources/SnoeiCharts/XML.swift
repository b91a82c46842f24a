/// Escaping for text nodes and attribute values in the SVG and HTML we emit.
///
/// Every string that comes from outside this module (customer names, labels,
/// titles, hrefs) goes through `XML.escape`, so a customer called
/// `<script>alert(1)</script>` is shown as text and never parsed as markup.
public enum XML {
    /// Escapes `& < > " '` and drops characters that XML 1.0 forbids outright
    /// (C0 controls other than tab/newline/return, U+FFFE, U+FFFF): an imported
    /// ledger can contain them, and a single one would make the whole SVG
    /// unparseable for XML consumers.
    public static func escape(_ s: String) -> String {
        // Fast path: most labels need no escaping at all.
        if !s.unicodeScalars.contains(where: needsWork) { return s }
        var out = ""
        out.reserveCapacity(s.utf8.count + 16)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            // &#39; rather than &apos;: the latter is not an HTML 4 entity and
            // these strings also land in HTML (DataTable).
            case "'": out += "&#39;"
            default:
                if isForbidden(scalar) { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    private static func needsWork(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "&", "<", ">", "\"", "'": true
        default: isForbidden(c)
        }
    }

    private static func isForbidden(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if v < 0x20 { return v != 0x09 && v != 0x0A && v != 0x0D }
        return v == 0xFFFE || v == 0xFFFF
    }
}
