import Testing
@testable import SnoeiCharts

@Suite struct LineChartTests {
    func simpleChart(x: Axis = Axis(label: "x"), y: Axis = Axis(label: "y"), points: [ChartPoint]) -> LineChart {
        LineChart(id: "simple", title: "t", description: "d", x: x, y: y, series: [Series(name: "s", points: points)])
    }

    /// Data → pixels, checked against the chart's own axis line and tick
    /// labels in the output, so a wrong scale cannot hide behind itself.
    @Test func polylineMapsDataToPixels() throws {
        let chart = simpleChart(points: [.init(x: 0, y: 0), .init(x: 10, y: 50), .init(x: 20, y: 100)])
        let root = try parseXML(chart.svg())
        let line = try #require(root.all("polyline").first)
        #expect(line["fill"] == "none")
        let pts = polylinePoints(line)
        try #require(pts.count == 3)

        let xAxis = try #require(root.all("g", class: "chart-axis-x").first?.all("line").first)
        let (left, right, bottom) = (xAxis.number("x1")!, xAxis.number("x2")!, xAxis.number("y1")!)
        // First point (x-min, y-min) sits on the plot's bottom-left corner.
        #expect(close(pts[0].x, left))
        #expect(close(pts[0].y, bottom))
        // Last point at x-max sits on the right edge; y 100 on the top tick.
        #expect(close(pts[2].x, right))
        let yTicks = root.all("g", class: "chart-axis-y").first!.all("text")
        let tick100 = try #require(yTicks.first { $0.text == "100" })
        #expect(close(pts[2].y, tick100.number("y")))
        // The midpoint is exactly halfway, both ways.
        #expect(close(pts[1].x, (left + right) / 2))
        #expect(close(pts[1].y, (bottom + pts[2].y) / 2))
        // And the internal layout agrees with the output.
        let layout = chart.layout(drawn: chart.drawnSeries())
        #expect(close(layout.plot.left, left) && close(layout.plot.right, right) && close(layout.plot.bottom, bottom))
    }

    @Test func explicitAxisBoundsPinTheEdges() throws {
        let chart = simpleChart(x: Axis(label: "x", min: 5, max: 15), y: Axis(label: "y", min: -1, max: 1),
                                points: [.init(x: 5, y: -1), .init(x: 15, y: 1)])
        let root = try parseXML(chart.svg())
        let pts = polylinePoints(try #require(root.all("polyline").first))
        let layout = chart.layout(drawn: chart.drawnSeries())
        #expect(close(pts[0].x, layout.plot.left) && close(pts[0].y, layout.plot.bottom))
        #expect(close(pts[1].x, layout.plot.right) && close(pts[1].y, layout.plot.top))
        // Zero inside the y range gets its own line.
        let zero = try #require(root.all("line", class: "chart-zero").first)
        #expect(close(zero.number("y1"), (layout.plot.top + layout.plot.bottom) / 2))
    }

    @Test func downsamplingKeepsEndsAndPeakAndCapsCount() {
        var points = (0..<100_000).map { ChartPoint(x: Double($0), y: Double($0 % 97)) }
        points[54_321].y = 1_000 // a lone spike that even spacing would miss
        points[77_777].y = -500
        let thin = LineChart.downsample(points, limit: 1_000)
        #expect(thin.count <= 1_000)
        #expect(thin.count >= 990)
        #expect(thin.first == points.first)
        #expect(thin.last == points.last)
        // Bools first, so a failure prints a line rather than 1,000 points.
        let keptPeak = thin.contains(points[54_321])
        let keptTrough = thin.contains(points[77_777])
        #expect(keptPeak)
        #expect(keptTrough)
        // Still in order, so the polyline does not zigzag.
        #expect(zip(thin, thin.dropFirst()).allSatisfy { $0.x < $1.x })
        // Short series are untouched.
        #expect(LineChart.downsample(Array(points.prefix(10)), limit: 1_000) == Array(points.prefix(10)))
    }

    @Test func longSeriesAreThinnedInTheSVG() throws {
        let chart = Fixtures.lineChart(points: 100_000)
        let svg = chart.svg()
        let root = try parseXML(svg)
        let pts = polylinePoints(try #require(root.all("polyline").first))
        #expect(pts.count <= LineChart.maxPointsPerSeries)
        #expect(pts.count > 900)
        #expect(svg.utf8.count < 40_000)
        // The peak survives thinning: the highest drawn point is the
        // annotation's point.
        let annotation = try #require(root.all("g", class: "chart-annotation").first?.all("circle").first)
        let highest = pts.map(\.y).min()!
        #expect(close(highest, annotation.number("cy")))
    }

    @Test func referencesAndAnnotationsAreDrawn() throws {
        let root = try parseXML(Fixtures.lineChart().svg())
        let reference = try #require(root.all("g", class: "chart-reference").first)
        #expect(reference.all("text").first?.text == "Actual profit (100%)")
        let line = try #require(reference.all("line").first)
        #expect(line["y1"] == line["y2"])
        let tick = try #require(root.all("g", class: "chart-axis-y").first?.all("text").first { $0.text == "100%" })
        #expect(close(line.number("y1"), tick.number("y")))
        #expect(root.all("g", class: "chart-annotation").first?.all("text").first?.text == "Peak: 145% at 70% of customers")
    }

    @Test func referenceOutsideTheDataWidensTheDomain() throws {
        let chart = LineChart(id: "r", title: "t", description: "d", x: Axis(label: "x"), y: Axis(label: "y"),
                              series: [Series(name: "s", points: [.init(x: 0, y: 10), .init(x: 1, y: 20)])],
                              references: [ReferenceLine(orientation: .horizontal, value: 0, label: "Break-even")])
        let layout = chart.layout(drawn: chart.drawnSeries())
        #expect(layout.y.lo <= 0)
        let root = try parseXML(chart.svg())
        #expect(root.all("g", class: "chart-reference").count == 1)
    }

    @Test func eachSeriesHasItsClassAndColour() throws {
        let root = try parseXML(Fixtures.multiLineChart().svg())
        let lines = root.all("polyline")
        #expect(lines.count == 3)
        #expect(Set(lines.compactMap { $0["stroke"] }).count == 3)
        for (i, line) in lines.enumerated() {
            #expect(line.parent?.classes.contains("chart-series-\(i)") == true)
        }
    }

    @Test func dataTableIsThinned() {
        let table = Fixtures.lineChart(points: 100_000).dataTable(maxRowsPerSeries: 25)
        #expect(table.rows.count <= 25)
        #expect(table.headers == ["Share of customers", "Share of total profit"])
        #expect(table.rows.first == ["0%", "0%"])
        #expect(table.rows.last == ["100%", "100%"])
    }
}

@Suite struct LabelPlacementTests {
    let plot = Rect(left: 50, top: 40, right: 600, bottom: 300)

    @Test func prefersAboveWhenClear() {
        let spot = LabelPlacement.near(x: 300, y: 200, width: 80, plot: plot, avoiding: [])
        #expect(spot == .init(x: 300, y: 188, anchor: "middle"))
    }

    @Test func stepsAsideFromALine() {
        // A line rising steeply through the point and on through the spot above it.
        let line = [(x: 280.0, y: 260.0), (x: 300.0, y: 200.0), (x: 320.0, y: 140.0)]
        let spot = LabelPlacement.near(x: 300, y: 200, width: 80, plot: plot, avoiding: [line])
        let box = LabelPlacement.box(spot, width: 80)
        #expect(!LabelPlacement.crosses(box, line))
        #expect(LabelPlacement.fits(box, in: plot))
    }

    @Test func staysInsideThePlotAtTheEdges() {
        let spot = LabelPlacement.near(x: 595, y: 45, width: 120, plot: plot, avoiding: [])
        let box = LabelPlacement.box(spot, width: 120)
        #expect(box.right <= plot.right && box.top >= plot.top - LabelPlacement.headroom)
    }

    @Test func avoidsOtherLabels() {
        let taken = LabelPlacement.box(.init(x: 300, y: 188, anchor: "middle"), width: 80)
        let spot = LabelPlacement.near(x: 300, y: 200, width: 80, plot: plot, avoiding: [], and: [taken])
        #expect(!LabelPlacement.overlaps(LabelPlacement.box(spot, width: 80), taken))
    }

    @Test func segmentIntersection() {
        let r = Rect(left: 0, top: 0, right: 10, bottom: 10)
        #expect(LabelPlacement.segment((x: -5, y: 5), (x: 15, y: 5), intersects: r))
        #expect(!LabelPlacement.segment((x: -5, y: -5), (x: -1, y: 20), intersects: r))
        #expect(!LabelPlacement.segment((x: -5, y: 4), (x: 4, y: -5), intersects: r)) // passes the corner outside
        #expect(LabelPlacement.segment((x: 2, y: 2), (x: 3, y: 3), intersects: r)) // wholly inside
    }
}
