/// Vertical bars per category, growing from zero (negative values hang below
/// the zero line), e.g. profit per customer segment.
public struct BarChart: Sendable {
    public struct Bar: Sendable {
        public var label: String
        public var value: Double
        /// Colour class `chart-group-N`.
        public var group: Int

        public init(label: String, value: Double, group: Int = 0) {
            self.label = label
            self.value = value
            self.group = group
        }
    }

    public var id: String
    public var title: String
    public var description: String
    public var bars: [Bar]
    public var y: Axis
    /// Writes each value (in `y.format`) at the end of its bar.
    public var showValues: Bool
    public var width: Double
    public var height: Double

    public init(
        id: String, title: String, description: String, bars: [Bar], y: Axis,
        showValues: Bool = true, width: Double = 640, height: Double = 300
    ) {
        self.id = id
        self.title = title
        self.description = description
        self.bars = bars
        self.y = y
        self.showValues = showValues
        self.width = width
        self.height = height
    }

    struct Layout {
        var header: Header
        var plot: Rect
        var axis: ResolvedAxis
        var yScale: LinearScale
        var band: Double
        var barWidth: Double
        /// Lines reserved under the plot for category labels (1 or 2).
        var categoryLines: Int

        /// Left edge of bar `i`.
        func barX(_ i: Int) -> Double {
            plot.left + band * Double(i) + (band - barWidth) / 2
        }
    }

    /// Lays out once assuming one-line category labels; if any label then
    /// needs two lines, again with room for the second line.
    func layout() -> Layout {
        let single = layout(categoryLines: 1)
        let wraps = bars.contains { Self.categoryLines($0.label, width: single.band - 4).count > 1 }
        return wraps ? layout(categoryLines: 2) : single
    }

    /// A category label as one line, or two when it is too wide for its band
    /// ("Hosting + support" over "Hosting +" / "support"), the second line
    /// shortened with "…" if still too long.
    static func categoryLines(_ label: String, width: Double) -> [String] {
        if Theme.textWidth(label) <= width { return [label] }
        let words = label.split(separator: " ").map(String.init)
        var first = ""
        var rest = words[...]
        while let word = rest.first {
            let candidate = first.isEmpty ? word : first + " " + word
            if Theme.textWidth(candidate) > width { break }
            first = candidate
            rest = rest.dropFirst()
        }
        // A first word that does not fit on its own: one shortened line.
        if first.isEmpty || rest.isEmpty { return [Theme.fit(label, width: width)].filter { !$0.isEmpty } }
        return [first, Theme.fit(rest.joined(separator: " "), width: width)].filter { !$0.isEmpty }
    }

    static let categoryLineHeight = 15.0

    private func layout(categoryLines: Int) -> Layout {
        let pad = Theme.pad
        let header = Header(yLabel: y.label, items: [], left: pad, right: width - pad)
        let values = bars.map(\.value).filter(\.isFinite)
        let hasNegative = values.contains { $0 < 0 }
        // Room for value labels beyond the longest bars in either direction.
        let valueRoom = showValues ? 16.0 : 0
        let top = pad + header.height + (header.height > 0 ? 10 : 6) + valueRoom
        let bottom = height - pad - 24 - Double(categoryLines - 1) * Self.categoryLineHeight - (hasNegative ? valueRoom : 0)
        let count = min(8, max(3, Int((bottom - top) / 50) + 1))
        let axis = ResolvedAxis.resolve(values: values, axis: y, includeZero: true, tickCount: count)
        let labelWidth = axis.ticks.map { Theme.textWidth(y.format.format($0)) }.max() ?? 0
        let left = pad + max(labelWidth, 12) + 10
        let right = width - pad
        let band = (right - left) / Double(max(1, bars.count))
        // Bars fill two thirds of their band, but never become slabs.
        let barWidth = min(band * 0.66, 56)
        return Layout(
            header: header, plot: Rect(left: left, top: top, right: right, bottom: bottom), axis: axis,
            yScale: LinearScale(domain: (axis.lo, axis.hi), range: (bottom, top)), band: band, barWidth: barWidth, categoryLines: categoryLines
        )
    }

    public func svg() -> String {
        let ids = ChartIDs(id)
        let l = layout()
        let plot = l.plot
        var svg = SVGBuilder(capacity: 4_096 + bars.count * 300)
        svg.openRoot(ids: ids, kind: "chart-bars", width: width, height: height, title: title, description: description)
        l.header.draw(into: &svg, top: Theme.pad)

        svg.open("g", ["class": "chart-grid", "stroke": Theme.grid, "stroke-width": "1", "shape-rendering": "crispEdges"])
        for t in l.axis.ticks where t != 0 {
            svg.empty("line", ["x1": n(plot.left), "y1": n(l.yScale(t)), "x2": n(plot.right), "y2": n(l.yScale(t))])
        }
        svg.close("g")

        svg.open("g", ["class": "chart-axis chart-axis-y", "fill": Theme.mutedText])
        for t in l.axis.ticks {
            svg.element("text", [
                "class": "chart-tick-label", "x": n(plot.left - 8), "y": n(l.yScale(t)), "dy": "0.32em", "text-anchor": "end",
            ], text: y.format.format(t))
        }
        svg.close("g")

        let zero = l.yScale(0)
        svg.open("g", ["class": "chart-bar-group"])
        for (i, bar) in bars.enumerated() where bar.value.isFinite {
            let end = l.yScale(bar.value)
            let valueText = y.format.format(bar.value)
            svg.open("rect", [
                "class": "chart-bar chart-group-\(bar.group)" + (bar.value < 0 ? " chart-bar-negative" : ""),
                "x": n(l.barX(i)), "y": n(min(zero, end)), "width": n(l.barWidth), "height": n(abs(end - zero)),
                "fill": Theme.color(bar.group),
            ])
            svg.element("title", text: bar.label + ": " + valueText)
            svg.close("rect")
        }
        svg.close("g")

        // The zero line is the category axis: drawn after the bars so it
        // stays crisp across their feet.
        svg.empty("line", [
            "class": "chart-axis chart-axis-x chart-zero", "x1": n(plot.left), "y1": n(zero), "x2": n(plot.right), "y2": n(zero),
            "stroke": Theme.zero, "stroke-width": "1", "shape-rendering": "crispEdges",
        ])

        if showValues {
            svg.open("g", ["class": "chart-values", "fill": Theme.text, "text-anchor": "middle"])
            for (i, bar) in bars.enumerated() where bar.value.isFinite {
                let text = y.format.format(bar.value)
                // A value wider than its band would collide with its neighbours;
                // the bar's tooltip and the data table still carry it.
                guard Theme.textWidth(text) <= l.band + 4 else { continue }
                let end = l.yScale(bar.value)
                let ty = bar.value < 0 ? end + 14 : end - 5
                svg.element("text", [
                    "class": "chart-label chart-value", "x": n(l.barX(i) + l.barWidth / 2), "y": n(ty),
                ], text: text)
            }
            svg.close("g")
        }

        svg.open("g", ["class": "chart-axis chart-categories", "fill": Theme.text, "text-anchor": "middle"])
        for (i, bar) in bars.enumerated() {
            let lines = Self.categoryLines(bar.label, width: l.band - 4)
            let x = n(l.barX(i) + l.barWidth / 2)
            // Baseline of the first line, counted up from the bottom padding.
            let y = n(height - Theme.pad - 4 - Double(l.categoryLines - 1) * Self.categoryLineHeight)
            switch lines.count {
            case 0: continue
            case 1: svg.element("text", ["class": "chart-label chart-category", "x": x, "y": y], text: lines[0])
            default:
                svg.open("text", ["class": "chart-label chart-category", "x": x, "y": y])
                svg.element("tspan", ["x": x], text: lines[0])
                svg.element("tspan", ["x": x, "dy": n(Self.categoryLineHeight)], text: lines[1])
                svg.close("text")
            }
        }
        svg.close("g")
        svg.closeRoot()
        return svg.output
    }

    /// A fallback table, one row per bar.
    public func dataTable(labelHeader: String = "") -> DataTable {
        DataTable(caption: title, headers: [labelHeader, y.label], rows: bars.map { [$0.label, y.format.format($0.value)] })
    }
}
