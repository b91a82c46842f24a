/// Layout shared by the line and scatter charts: header band, plot rectangle,
/// resolved axes and scales. Margins follow the text that must fit in them
/// (y tick labels on the left, x tick and axis labels below).
struct CartesianLayout {
    var width: Double
    var height: Double
    var header: Header
    var plot: Rect
    var x: ResolvedAxis
    var y: ResolvedAxis
    var xScale: LinearScale
    var yScale: LinearScale
    var xAxis: Axis
    var yAxis: Axis

    init(width: Double, height: Double, xAxis: Axis, yAxis: Axis, xValues: [Double], yValues: [Double], legend: [LegendItem]) {
        self.width = width
        self.height = height
        self.xAxis = xAxis
        self.yAxis = yAxis
        let pad = Theme.pad
        header = Header(yLabel: yAxis.label, items: legend, left: pad, right: width - pad)
        // Half a line of room above the top tick label, which is centred on the top grid line.
        let top = pad + header.height + (header.height > 0 ? 10 : 6)
        let bottom = height - pad - (xAxis.label.isEmpty ? 24 : 44)

        // About one y tick per 56 px keeps the grid light.
        let yCount = min(8, max(3, Int((bottom - top) / 56) + 1))
        y = ResolvedAxis.resolve(values: yValues, axis: yAxis, tickCount: yCount)
        let yLabelWidth = y.ticks.map { Theme.textWidth(yAxis.format.format($0)) }.max() ?? 0
        let left = pad + max(yLabelWidth, 12) + 10

        // Fewer x ticks until their labels have breathing room.
        var right = width - pad
        var count = min(10, max(2, Int((right - left) / 90) + 1))
        var resolvedX = ResolvedAxis.resolve(values: xValues, axis: xAxis, tickCount: count)
        while count > 2 {
            let widest = resolvedX.ticks.map { Theme.textWidth(xAxis.format.format($0)) }.max() ?? 0
            let spacing = (right - left) / Double(max(1, resolvedX.ticks.count - 1))
            if widest + 16 <= spacing { break }
            count -= 1
            resolvedX = ResolvedAxis.resolve(values: xValues, axis: xAxis, tickCount: count)
        }
        x = resolvedX
        // Keep the last x tick label, centred on the right edge, inside the viewBox.
        if let last = x.ticks.last {
            let half = Theme.textWidth(xAxis.format.format(last)) / 2
            right = min(right, width - 4 - half)
        }
        plot = Rect(left: left, top: top, right: right, bottom: bottom)
        xScale = LinearScale(domain: (x.lo, x.hi), range: (left, right))
        yScale = LinearScale(domain: (y.lo, y.hi), range: (bottom, top))
    }

    func point(_ p: ChartPoint) -> (x: Double, y: Double) {
        (xScale(p.x), yScale(p.y))
    }

    /// Grid, zero line, axis lines, ticks, tick labels and axis labels.
    func drawAxes(into svg: inout SVGBuilder, verticalGrid: Bool, yAxisLine: Bool) {
        header.draw(into: &svg, top: Theme.pad)

        svg.open("g", ["class": "chart-grid", "stroke": Theme.grid, "stroke-width": "1", "shape-rendering": "crispEdges"])
        for t in y.ticks where yScale(t) < plot.bottom - 0.5 {
            svg.empty("line", ["x1": n(plot.left), "y1": n(yScale(t)), "x2": n(plot.right), "y2": n(yScale(t))])
        }
        if verticalGrid {
            for t in x.ticks where xScale(t) > plot.left + 0.5 {
                svg.empty("line", ["x1": n(xScale(t)), "y1": n(plot.top), "x2": n(xScale(t)), "y2": n(plot.bottom)])
            }
        }
        svg.close("g")

        // Zero gets a darker line when it lies inside the plot: above it is
        // profit, below it loss, and that is the line the owner looks for.
        if y.lo < 0, y.hi > 0 {
            svg.empty("line", [
                "class": "chart-zero", "x1": n(plot.left), "y1": n(yScale(0)), "x2": n(plot.right), "y2": n(yScale(0)),
                "stroke": Theme.zero, "stroke-width": "1", "shape-rendering": "crispEdges",
            ])
        }

        svg.open("g", ["class": "chart-axis chart-axis-x", "fill": Theme.mutedText])
        svg.empty("line", [
            "x1": n(plot.left), "y1": n(plot.bottom), "x2": n(plot.right), "y2": n(plot.bottom),
            "stroke": Theme.axis, "stroke-width": "1", "shape-rendering": "crispEdges",
        ])
        for t in x.ticks {
            let px = xScale(t)
            svg.empty("line", [
                "x1": n(px), "y1": n(plot.bottom), "x2": n(px), "y2": n(plot.bottom + 4),
                "stroke": Theme.axis, "stroke-width": "1", "shape-rendering": "crispEdges",
            ])
            svg.element("text", [
                "class": "chart-tick-label", "x": n(px), "y": n(plot.bottom + 20), "text-anchor": "middle",
            ], text: xAxis.format.format(t))
        }
        if !xAxis.label.isEmpty {
            svg.element("text", [
                "class": "chart-label chart-axis-label chart-axis-label-x",
                "x": n((plot.left + plot.right) / 2), "y": n(plot.bottom + 40),
                "text-anchor": "middle", "fill": Theme.text, "font-weight": "600",
            ], text: xAxis.label)
        }
        svg.close("g")

        svg.open("g", ["class": "chart-axis chart-axis-y", "fill": Theme.mutedText])
        if yAxisLine {
            svg.empty("line", [
                "x1": n(plot.left), "y1": n(plot.top), "x2": n(plot.left), "y2": n(plot.bottom),
                "stroke": Theme.axis, "stroke-width": "1", "shape-rendering": "crispEdges",
            ])
        }
        for t in y.ticks {
            // dy 0.32em centres digits on the grid line in every browser,
            // unlike dominant-baseline.
            svg.element("text", [
                "class": "chart-tick-label", "x": n(plot.left - 8), "y": n(yScale(t)), "dy": "0.32em", "text-anchor": "end",
            ], text: yAxis.format.format(t))
        }
        svg.close("g")
    }
}
