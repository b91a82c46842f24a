/// Default look, written as presentation attributes. The app's stylesheet can
/// override every one of them through the CSS classes (presentation attributes
/// have the lowest precedence), but a chart opened on its own, pasted into an
/// e-mail or printed without CSS still looks finished.
enum Theme {
    static let fontFamily = "system-ui, -apple-system, Segoe UI, Roboto, Helvetica, Arial, sans-serif"
    static let fontSize = 12.0
    static let text = "#1f2937"
    static let mutedText = "#6b7280"
    static let axis = "#9ca3af"
    static let grid = "#e5e7eb"
    static let zero = "#6b7280"
    static let reference = "#4b5563"
    static let quadrantLabel = "#6b7280"
    static let background = "#ffffff"

    /// Distinct, print-safe hues that stay apart for common colour blindness
    /// in the first three (blue, orange, teal) — the common chart cases.
    static let palette = ["#2563eb", "#ea580c", "#0d9488", "#9333ea", "#dc2626", "#ca8a04", "#db2777", "#4b5563"]

    static func color(_ index: Int) -> String {
        palette[((index % palette.count) + palette.count) % palette.count]
    }

    /// Outer padding around everything.
    static let pad = 16.0
    /// Height of a header row (legend, y-axis label).
    static let row = 20.0

    /// Estimated rendered width of a label. We cannot measure text on the
    /// server and do not know which font the viewer has, so characters fall
    /// into width classes taken from DejaVu Sans, the widest common fallback
    /// (Linux). Narrower fonts (Segoe UI, SF, Roboto) then just get more air;
    /// layouts based on this leave room rather than overlap.
    static func textWidth(_ s: String, size: Double = fontSize, bold: Bool = false) -> Double {
        s.unicodeScalars.reduce(0) { $0 + em($1) } * size * (bold ? 1.1 : 1)
    }

    private static func em(_ c: Unicode.Scalar) -> Double {
        switch c {
        case "i", "l", "j", "I", ".", ",", ":", ";", "'", "|", "!": 0.3
        case " ", "f", "t", "r", "(", ")", "[", "]", "-", "/": 0.4
        case "m", "w", "M", "W", "%", "@": 0.98
        case "A"..."Z", "€", "&": 0.74
        case "0"..."9", "$", "+", "#", "…": 0.64
        default: c.value < 0x80 ? 0.62 : 0.66
        }
    }

    /// Shortens a label to fit `width`, ending in "…".
    static func fit(_ s: String, width: Double, size: Double = fontSize) -> String {
        if textWidth(s, size: size) <= width { return s }
        let ellipsis = textWidth("…", size: size)
        var used = 0.0
        var kept = ""
        for c in s {
            let w = textWidth(String(c), size: size)
            if used + w + ellipsis > width { break }
            used += w
            kept.append(c)
        }
        let trimmed = kept.trimmingSuffix(while: { $0 == " " })
        return trimmed.isEmpty ? "" : trimmed + "…"
    }
}

extension String {
    func trimmingSuffix(while predicate: (Character) -> Bool) -> String {
        var s = self
        while let last = s.last, predicate(last) { s.removeLast() }
        return s
    }
}
