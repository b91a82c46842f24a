/// Appends SVG markup to a string. Attribute values and text always pass
/// through `XML.escape`; element and attribute *names* are literals in this
/// module and are never taken from callers.
struct SVGBuilder {
    private(set) var output = ""

    init(capacity: Int = 8_192) {
        output.reserveCapacity(capacity)
    }

    /// `nil` values are omitted, which keeps optional attributes tidy at call sites.
    mutating func open(_ name: String, _ attributes: KeyValuePairs<String, String?> = [:]) {
        start(name, attributes)
        output += ">"
    }

    mutating func close(_ name: String) {
        output += "</" + name + ">\n"
    }

    mutating func empty(_ name: String, _ attributes: KeyValuePairs<String, String?> = [:]) {
        start(name, attributes)
        output += "/>\n"
    }

    mutating func element(_ name: String, _ attributes: KeyValuePairs<String, String?> = [:], text: String) {
        start(name, attributes)
        output += ">" + XML.escape(text)
        close(name)
    }

    private mutating func start(_ name: String, _ attributes: KeyValuePairs<String, String?>) {
        output += "<" + name
        for (key, value) in attributes {
            guard let value else { continue }
            output += " " + key + "=\"" + XML.escape(value) + "\""
        }
    }
}

/// Number → attribute text, at most two decimals.
func n(_ value: Double) -> String {
    NumberText.coord(value)
}

/// Ids for one chart, derived from the caller's `id`.
struct ChartIDs {
    let base: String
    var title: String { base + "-title" }
    var desc: String { base + "-desc" }
    var clip: String { base + "-clip" }

    /// Whitespace would split `aria-labelledby` into several ids and quotes or
    /// `#` would break `url(#…)` references, so anything outside
    /// [A-Za-z0-9_-] becomes "-". Ordinary ids pass unchanged.
    init(_ id: String) {
        let cleaned = String(id.unicodeScalars.map { c -> Character in
            switch c {
            case "a"..."z", "A"..."Z", "0"..."9", "_", "-": Character(c)
            default: "-"
            }
        })
        base = cleaned.isEmpty ? "chart" : cleaned
    }
}

extension SVGBuilder {
    /// `<svg>` with the accessible name and description. Width 100% plus the
    /// viewBox makes the chart scale with its container at a fixed aspect ratio.
    mutating func openRoot(ids: ChartIDs, kind: String, width: Double, height: Double, title: String, description: String) {
        open("svg", [
            "xmlns": "http://www.w3.org/2000/svg",
            "id": ids.base,
            "class": "chart " + kind,
            "viewBox": "0 0 \(n(width)) \(n(height))",
            "width": "100%",
            "preserveAspectRatio": "xMidYMid meet",
            "role": "img",
            "aria-labelledby": ids.title + " " + ids.desc,
            "font-family": Theme.fontFamily,
            "font-size": n(Theme.fontSize),
        ])
        output += "\n"
        element("title", ["id": ids.title], text: title)
        element("desc", ["id": ids.desc], text: description)
    }

    mutating func closeRoot() {
        close("svg")
    }

    /// A clip rectangle around the plot, slightly larger so markers sitting
    /// exactly on the edge of the domain are not cut in half.
    mutating func clipPath(ids: ChartIDs, plot: Rect, margin: Double) {
        open("defs")
        open("clipPath", ["id": ids.clip])
        empty("rect", [
            "x": n(plot.left - margin), "y": n(plot.top - margin),
            "width": n(plot.width + 2 * margin), "height": n(plot.height + 2 * margin),
        ])
        close("clipPath")
        close("defs")
    }

    /// Text with a white halo (`paint-order="stroke"`) so it stays readable
    /// where it crosses lines or dots.
    mutating func haloText(_ text: String, x: Double, y: Double, anchor: String, cls: String, fill: String, weight: String? = nil) {
        element("text", [
            "class": cls, "x": n(x), "y": n(y), "text-anchor": anchor, "fill": fill, "font-weight": weight,
            "stroke": Theme.background, "stroke-width": "3", "stroke-linejoin": "round", "paint-order": "stroke",
        ], text: text)
    }
}

struct Rect: Sendable, Equatable {
    var left: Double
    var top: Double
    var right: Double
    var bottom: Double
    var width: Double { right - left }
    var height: Double { bottom - top }
}
