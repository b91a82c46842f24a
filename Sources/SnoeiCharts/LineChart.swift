/// Lines over a numeric x axis, e.g. the whale curve (cumulative profit by
/// customers ranked from most to least profitable).
public struct LineChart: Sendable {
    /// Series longer than this are thinned before drawing: a 100,000-point
    /// whale curve would otherwise be megabytes of SVG for a 600 px plot.
    public static let maxPointsPerSeries = 1_000

    public var id: String
    public var title: String
    public var description: String
    public var x: Axis
    public var y: Axis
    public var series: [Series]
    public var references: [ReferenceLine]
    public var annotations: [Annotation]
    public var width: Double
    public var height: Double

    public init(
        id: String, title: String, description: String, x: Axis, y: Axis, series: [Series],
        references: [ReferenceLine] = [], annotations: [Annotation] = [], width: Double = 640, height: Double = 360
    ) {
        self.id = id
        self.title = title
        self.description = description
        self.x = x
        self.y = y
        self.series = series
        self.references = references
        self.annotations = annotations
        self.width = width
        self.height = height
    }

    /// Finite, downsampled points per series: exactly what gets drawn.
    func drawnSeries() -> [[ChartPoint]] {
        series.map { s in
            Self.downsample(s.points.filter { $0.x.isFinite && $0.y.isFinite }, limit: Self.maxPointsPerSeries)
        }
    }

    func layout(drawn: [[ChartPoint]]) -> CartesianLayout {
        let legend = series.count > 1
            ? series.enumerated().map { i, s in
                LegendItem(name: s.name, cssClass: "chart-series-\(i)", color: Theme.color(i), swatch: .line)
            }
            : []
        // References and annotations widen the domain so they are always visible.
        let xs = drawn.flatMap { $0.map(\.x) }
            + references.filter { $0.orientation == .vertical }.map(\.value)
            + annotations.map(\.point.x)
        let ys = drawn.flatMap { $0.map(\.y) }
            + references.filter { $0.orientation == .horizontal }.map(\.value)
            + annotations.map(\.point.y)
        return CartesianLayout(width: width, height: height, xAxis: x, yAxis: y, xValues: xs, yValues: ys, legend: legend)
    }

    public func svg() -> String {
        let ids = ChartIDs(id)
        let drawn = drawnSeries()
        let layout = layout(drawn: drawn)
        let plot = layout.plot
        var svg = SVGBuilder(capacity: 4_096 + drawn.map(\.count).reduce(0, +) * 14)
        svg.openRoot(ids: ids, kind: "chart-line", width: width, height: height, title: title, description: description)
        svg.clipPath(ids: ids, plot: plot, margin: 3)
        layout.drawAxes(into: &svg, verticalGrid: false, yAxisLine: false)

        // Reference labels are placed first; annotation labels then avoid them.
        var taken: [Rect] = []
        for ref in references {
            if let box = drawReference(ref, layout: layout, into: &svg) { taken.append(box) }
        }

        let lines = drawn.map { $0.map(layout.point) }
        svg.open("g", ["class": "chart-series-group", "clip-path": "url(#\(ids.clip))"])
        for (i, points) in drawn.enumerated() where !points.isEmpty {
            let color = Theme.color(i)
            var coordinates = ""
            coordinates.reserveCapacity(points.count * 14)
            for (k, p) in lines[i].enumerated() {
                if k > 0 { coordinates += " " }
                coordinates += n(p.x) + "," + n(p.y)
            }
            svg.open("g", ["class": "chart-series chart-series-\(i)"])
            svg.element("title", text: series[i].name)
            svg.empty("polyline", [
                "class": "chart-line", "points": coordinates, "fill": "none", "stroke": color,
                "stroke-width": "2", "stroke-linejoin": "round", "stroke-linecap": "round",
            ])
            // A lone point has no line to show; give it a dot.
            if points.count == 1 {
                let (px, py) = layout.point(points[0])
                svg.empty("circle", ["class": "chart-dot", "cx": n(px), "cy": n(py), "r": "3.5", "fill": color])
            }
            svg.close("g")
        }
        svg.close("g")

        for annotation in annotations where annotation.point.x.isFinite && annotation.point.y.isFinite {
            let box = drawAnnotation(annotation, layout: layout, lines: lines, avoiding: taken, into: &svg)
            if let box { taken.append(box) }
        }
        svg.closeRoot()
        return svg.output
    }

    /// Draws the line and its label; returns the label's box, if any.
    private func drawReference(_ ref: ReferenceLine, layout: CartesianLayout, into svg: inout SVGBuilder) -> Rect? {
        let plot = layout.plot
        let scale = ref.orientation == .horizontal ? layout.yScale : layout.xScale
        guard ref.value.isFinite, scale.contains(ref.value) else { return nil }
        defer { svg.close("g") }
        svg.open("g", ["class": "chart-reference"])
        switch ref.orientation {
        case .horizontal:
            let py = layout.yScale(ref.value)
            svg.empty("line", [
                "x1": n(plot.left), "y1": n(py), "x2": n(plot.right), "y2": n(py),
                "stroke": Theme.reference, "stroke-width": "1", "stroke-dasharray": "5 4",
            ])
            guard !ref.label.isEmpty else { return nil }
            // Above the line, at the right end, where lines usually have ended.
            let spot = LabelPlacement.Spot(x: plot.right - 4, y: py - 6, anchor: "end")
            svg.haloText(ref.label, x: spot.x, y: spot.y, anchor: spot.anchor, cls: "chart-label chart-reference-label", fill: Theme.reference)
            return LabelPlacement.box(spot, width: Theme.textWidth(ref.label))
        case .vertical:
            let px = layout.xScale(ref.value)
            svg.empty("line", [
                "x1": n(px), "y1": n(plot.top), "x2": n(px), "y2": n(plot.bottom),
                "stroke": Theme.reference, "stroke-width": "1", "stroke-dasharray": "5 4",
            ])
            guard !ref.label.isEmpty else { return nil }
            let fitsRight = px + 6 + Theme.textWidth(ref.label) <= plot.right
            let spot = LabelPlacement.Spot(x: fitsRight ? px + 6 : px - 6, y: plot.top + 12, anchor: fitsRight ? "start" : "end")
            svg.haloText(ref.label, x: spot.x, y: spot.y, anchor: spot.anchor, cls: "chart-label chart-reference-label", fill: Theme.reference)
            return LabelPlacement.box(spot, width: Theme.textWidth(ref.label))
        }
    }

    /// Draws the marker and its label; returns the label's box, if any.
    private func drawAnnotation(_ annotation: Annotation, layout: CartesianLayout, lines: [[(x: Double, y: Double)]],
                                avoiding taken: [Rect], into svg: inout SVGBuilder) -> Rect? {
        guard layout.xScale.contains(annotation.point.x), layout.yScale.contains(annotation.point.y) else { return nil }
        let (px, py) = layout.point(annotation.point)
        svg.open("g", ["class": "chart-annotation"])
        svg.empty("circle", ["cx": n(px), "cy": n(py), "r": "4.5", "fill": Theme.background, "stroke": Theme.text, "stroke-width": "2"])
        defer { svg.close("g") }
        guard !annotation.label.isEmpty else { return nil }
        let width = Theme.textWidth(annotation.label, bold: true)
        let spot = LabelPlacement.near(x: px, y: py, width: width, plot: layout.plot, avoiding: lines, and: taken)
        svg.haloText(annotation.label, x: spot.x, y: spot.y, anchor: spot.anchor, cls: "chart-label chart-annotation-label", fill: Theme.text, weight: "600")
        return LabelPlacement.box(spot, width: width)
    }

    /// Evenly spaced points, always keeping the first, the last, the highest
    /// and the lowest, so thinning never moves the ends or flattens the peak
    /// (on a whale curve the peak *is* the story). Result count ≤ `limit`.
    static func downsample(_ points: [ChartPoint], limit: Int) -> [ChartPoint] {
        let count = points.count
        let limit = max(limit, 4)
        guard count > limit else { return points }
        var maxIndex = 0
        var minIndex = 0
        for i in points.indices {
            if points[i].y > points[maxIndex].y { maxIndex = i }
            if points[i].y < points[minIndex].y { minIndex = i }
        }
        // limit − 2 evenly spaced indices (including both ends) plus max and min.
        let slots = limit - 2
        var indices = (0..<slots).map { i in i * (count - 1) / (slots - 1) }
        indices.append(maxIndex)
        indices.append(minIndex)
        indices.sort()
        var result: [ChartPoint] = []
        result.reserveCapacity(limit)
        var previous = -1
        for i in indices where i != previous {
            result.append(points[i])
            previous = i
        }
        return result
    }

    /// A fallback table: each series thinned to at most `maxRowsPerSeries`
    /// rows (first, last and peak kept), since a table of 100,000 rows helps no one.
    public func dataTable(maxRowsPerSeries: Int = 25, seriesHeader: String = "Series") -> DataTable {
        let multi = series.count > 1
        let headers = (multi ? [seriesHeader] : []) + [x.label, y.label]
        var rows: [[String]] = []
        for s in series {
            let points = Self.downsample(s.points.filter { $0.x.isFinite && $0.y.isFinite }, limit: maxRowsPerSeries)
            for p in points {
                rows.append((multi ? [s.name] : []) + [x.format.format(p.x), y.format.format(p.y)])
            }
        }
        return DataTable(caption: title, headers: headers, rows: rows)
    }
}
