/// One dot per customer, e.g. revenue against cost to serve, split into
/// quadrants ("costly and small" …).
public struct ScatterChart: Sendable {
    public struct Dot: Sendable {
        public var x: Double
        public var y: Double
        /// Shown as the dot's `<title>` (a tooltip on hover).
        public var label: String
        /// When set, the dot is a link (`<a href>`), e.g. to the customer page.
        public var href: String?
        /// Colour class `chart-group-N`; names come from `ScatterChart.groups`.
        public var group: Int

        public init(x: Double, y: Double, label: String, href: String? = nil, group: Int = 0) {
            self.x = x
            self.y = y
            self.label = label
            self.href = href
            self.group = group
        }
    }

    public typealias QuadrantLabels = (topLeft: String, topRight: String, bottomLeft: String, bottomRight: String)

    public var id: String
    public var title: String
    public var description: String
    public var x: Axis
    public var y: Axis
    public var dots: [Dot]
    /// Legend names per group index; the legend is shown for two or more.
    public var groups: [String]
    /// Where the vertical quadrant line is drawn.
    public var xSplit: Double?
    /// Where the horizontal quadrant line is drawn.
    public var ySplit: Double?
    /// Drawn in the plot's corners.
    public var quadrantLabels: QuadrantLabels?
    public var width: Double
    public var height: Double

    public init(
        id: String, title: String, description: String, x: Axis, y: Axis, dots: [Dot], groups: [String] = [],
        xSplit: Double? = nil, ySplit: Double? = nil, quadrantLabels: QuadrantLabels? = nil,
        width: Double = 640, height: Double = 420
    ) {
        self.id = id
        self.title = title
        self.description = description
        self.x = x
        self.y = y
        self.dots = dots
        self.groups = groups
        self.xSplit = xSplit
        self.ySplit = ySplit
        self.quadrantLabels = quadrantLabels
        self.width = width
        self.height = height
    }

    static let dotRadius = 4.0

    func layout() -> CartesianLayout {
        let legend = groups.count > 1
            ? groups.enumerated().map { i, name in
                LegendItem(name: name, cssClass: "chart-group-\(i)", color: Theme.color(i), swatch: .dot)
            }
            : []
        // Splits widen the domain so the quadrant lines are always on the plot.
        let xs = dots.map(\.x) + [xSplit].compactMap { $0 }
        let ys = dots.map(\.y) + [ySplit].compactMap { $0 }
        return CartesianLayout(width: width, height: height, xAxis: x, yAxis: y, xValues: xs, yValues: ys, legend: legend)
    }

    public func svg() -> String {
        let ids = ChartIDs(id)
        let layout = layout()
        let plot = layout.plot
        var svg = SVGBuilder(capacity: 4_096 + dots.count * 90)
        svg.openRoot(ids: ids, kind: "chart-scatter", width: width, height: height, title: title, description: description)
        svg.clipPath(ids: ids, plot: plot, margin: Self.dotRadius + 1)
        layout.drawAxes(into: &svg, verticalGrid: true, yAxisLine: true)

        svg.open("g", ["class": "chart-quadrants", "stroke": Theme.reference, "stroke-width": "1", "stroke-dasharray": "5 4"])
        if let xSplit, xSplit.isFinite, layout.xScale.contains(xSplit) {
            let px = layout.xScale(xSplit)
            svg.empty("line", ["class": "chart-quadrant-line chart-quadrant-line-x", "x1": n(px), "y1": n(plot.top), "x2": n(px), "y2": n(plot.bottom)])
        }
        if let ySplit, ySplit.isFinite, layout.yScale.contains(ySplit) {
            let py = layout.yScale(ySplit)
            svg.empty("line", ["class": "chart-quadrant-line chart-quadrant-line-y", "x1": n(plot.left), "y1": n(py), "x2": n(plot.right), "y2": n(py)])
        }
        svg.close("g")

        drawDots(layout: layout, ids: ids, into: &svg)

        // Quadrant labels go on top of the dots, with a halo, because they
        // name what the owner should read off the chart.
        if let q = quadrantLabels {
            let inset = 8.0
            let corners: [(String, Double, Double, String, String)] = [
                (q.topLeft, plot.left + inset, plot.top + 16, "start", "top-left"),
                (q.topRight, plot.right - inset, plot.top + 16, "end", "top-right"),
                (q.bottomLeft, plot.left + inset, plot.bottom - inset, "start", "bottom-left"),
                (q.bottomRight, plot.right - inset, plot.bottom - inset, "end", "bottom-right"),
            ]
            svg.open("g", ["class": "chart-quadrant-labels"])
            for (text, x, y, anchor, corner) in corners where !text.isEmpty {
                svg.haloText(Theme.fit(text, width: plot.width / 2 - 2 * inset), x: x, y: y, anchor: anchor,
                             cls: "chart-label chart-quadrant-label chart-quadrant-label-\(corner)",
                             fill: Theme.quadrantLabel, weight: "600")
            }
            svg.close("g")
        }
        svg.closeRoot()
        return svg.output
    }

    /// One `<circle>` per dot, grouped per colour so fill and stroke are
    /// written once per group rather than once per dot (thousands of dots).
    private func drawDots(layout: CartesianLayout, ids: ChartIDs, into svg: inout SVGBuilder) {
        var order: [Int] = []
        var byGroup: [Int: [Dot]] = [:]
        for dot in dots where dot.x.isFinite && dot.y.isFinite {
            if byGroup[dot.group] == nil { order.append(dot.group) }
            byGroup[dot.group, default: []].append(dot)
        }
        svg.open("g", ["class": "chart-dots", "clip-path": "url(#\(ids.clip))"])
        for group in order {
            let color = Theme.color(group)
            // A thin white ring keeps overlapping dots countable.
            svg.open("g", [
                "class": "chart-group chart-group-\(group)", "fill": color, "fill-opacity": "0.7",
                "stroke": Theme.background, "stroke-width": "0.75",
            ])
            for dot in byGroup[group] ?? [] {
                let href = dot.href.flatMap(Links.safe)
                if let href { svg.open("a", ["href": href]) }
                svg.open("circle", [
                    "class": "chart-dot", "cx": n(layout.xScale(dot.x)), "cy": n(layout.yScale(dot.y)), "r": n(Self.dotRadius),
                ])
                svg.element("title", text: dot.label)
                svg.close("circle")
                if href != nil { svg.close("a") }
            }
            svg.close("g")
        }
        svg.close("g")
    }

    /// A fallback table, one row per dot. Header words are parameters
    /// because the app speaks Dutch and English.
    public func dataTable(nameHeader: String = "Name", groupHeader: String = "Group") -> DataTable {
        let withGroups = groups.count > 1
        let headers = [nameHeader, x.label, y.label] + (withGroups ? [groupHeader] : [])
        let rows = dots.map { dot in
            [dot.label, x.format.format(dot.x), y.format.format(dot.y)]
                + (withGroups ? [groups.indices.contains(dot.group) ? groups[dot.group] : ""] : [])
        }
        return DataTable(caption: title, headers: headers, rows: rows)
    }
}
