/// Hrefs on chart dots come from our own routes, but the module promises "no
/// JavaScript", so a `javascript:` (or `data:`, `vbscript:` …) URL is dropped
/// rather than escaped-and-kept. Relative URLs and http(s)/mailto pass.
enum Links {
    static func safe(_ href: String) -> String? {
        // Browsers ignore tabs and newlines anywhere in a URL and leading
        // spaces/controls, so "java\tscript:" must be caught as "javascript:".
        var scalars = href.unicodeScalars.filter { $0 != "\t" && $0 != "\n" && $0 != "\r" }[...]
        while let first = scalars.first, first.value <= 0x20 { scalars = scalars.dropFirst() }
        let cleaned = String(String.UnicodeScalarView(scalars))
        guard !cleaned.isEmpty else { return nil }
        guard let colon = cleaned.firstIndex(of: ":") else { return href }
        let beforeColon = cleaned[..<colon]
        // A ':' after a path, query or fragment start is not a scheme separator.
        if beforeColon.contains(where: { $0 == "/" || $0 == "?" || $0 == "#" }) { return href }
        switch beforeColon.lowercased() {
        case "http", "https", "mailto": return href
        default: return nil
        }
    }
}
