import Testing
@testable import SnoeiCharts

@Suite struct ScatterChartTests {
    @Test func dotsCarryTitlesAndLinks() throws {
        let chart = ScatterChart(
            id: "s", title: "t", description: "d", x: Axis(label: "x"), y: Axis(label: "y"),
            dots: [
                .init(x: 1, y: 2, label: "Bakkerij de Vries", href: "/customers/12"),
                .init(x: 3, y: 4, label: "Garage Jansen"),
            ]
        )
        let root = try parseXML(chart.svg())
        let dots = root.all("circle", class: "chart-dot")
        try #require(dots.count == 2)
        #expect(dots.map { $0.all("title").first?.text } == ["Bakkerij de Vries", "Garage Jansen"])
        #expect(dots[0].parent?.name == "a")
        #expect(dots[0].parent?["href"] == "/customers/12")
        #expect(dots[1].parent?.name != "a")
        #expect(root.all("a").count == 1)
        #expect(dots.allSatisfy { $0["r"] == "4" })
    }

    @Test func dotsAreGroupedByColourClass() throws {
        let root = try parseXML(Fixtures.scatterChart().svg())
        let groups = root.all("g", class: "chart-group")
        #expect(Set(groups.flatMap(\.classes)).isSuperset(of: ["chart-group-0", "chart-group-1", "chart-group-2"]))
        #expect(groups.allSatisfy { $0["fill"] != nil && $0["fill-opacity"] != nil })
        #expect(root.all("circle", class: "chart-dot").count == 400)
    }

    @Test func quadrantLinesSitAtTheSplits() throws {
        let chart = ScatterChart(
            id: "q", title: "t", description: "d", x: Axis(label: "x"), y: Axis(label: "y"),
            dots: [.init(x: 0, y: 0, label: "a"), .init(x: 100, y: 100, label: "b")],
            xSplit: 40, ySplit: 60,
            quadrantLabels: (topLeft: "TL", topRight: "TR", bottomLeft: "BL", bottomRight: "BR")
        )
        let root = try parseXML(chart.svg())
        let vertical = try #require(root.all("line", class: "chart-quadrant-line-x").first)
        let horizontal = try #require(root.all("line", class: "chart-quadrant-line-y").first)
        // Ticks run 0, 20, … 100, so the splits land on the "40" and "60" tick labels.
        let xTick = try #require(root.all("g", class: "chart-axis-x").first?.all("text").first { $0.text == "40" })
        let yTick = try #require(root.all("g", class: "chart-axis-y").first?.all("text").first { $0.text == "60" })
        #expect(close(vertical.number("x1"), xTick.number("x")) && vertical["x1"] == vertical["x2"])
        #expect(close(horizontal.number("y1"), yTick.number("y")) && horizontal["y1"] == horizontal["y2"])
        let labels = root.all("text", class: "chart-quadrant-label")
        #expect(labels.map(\.text) == ["TL", "TR", "BL", "BR"])
        // Top labels above bottom labels, left labels left of right labels.
        #expect(labels[0].number("y")! < labels[2].number("y")!)
        #expect(labels[0].number("x")! < labels[1].number("x")!)
    }

    @Test func splitsOutsideTheDataWidenTheDomain() {
        let chart = ScatterChart(id: "w", title: "t", description: "d", x: Axis(label: "x"), y: Axis(label: "y"),
                                 dots: [.init(x: 10, y: 10, label: "a"), .init(x: 20, y: 20, label: "b")],
                                 xSplit: 50, ySplit: 0)
        let layout = chart.layout()
        #expect(layout.x.hi >= 50)
        #expect(layout.y.lo <= 0)
    }

    @Test func yAcrossZeroIncludesZero() {
        let chart = ScatterChart(id: "z", title: "t", description: "d", x: Axis(label: "x"), y: Axis(label: "y"),
                                 dots: [.init(x: 1, y: -3.3, label: "a"), .init(x: 2, y: 11, label: "b")])
        #expect(chart.layout().y.ticks.contains(0))
    }

    @Test func thousandsOfDotsStayCompact() throws {
        let chart = Fixtures.scatterChart(dots: 3_000)
        let svg = chart.svg()
        // Labels and hrefs are the caller's; the markup around each dot must stay lean.
        let payload = chart.dots.map { $0.label.utf8.count + ($0.href?.utf8.count ?? 0) }.reduce(0, +)
        let perDot = Double(svg.utf8.count - payload) / 3_000
        #expect(perDot < 100, "\(perDot) bytes of markup per dot")
        let root = try parseXML(svg)
        #expect(root.all("circle", class: "chart-dot").count == 3_000)
    }

    @Test func dataTableListsEveryDot() {
        let table = Fixtures.scatterChart(dots: 5).dataTable()
        #expect(table.headers == ["Name", "Revenue per year (€)", "Cost to serve per year (€)", "Group"])
        #expect(table.rows.count == 5)
        #expect(table.rows.allSatisfy { $0.count == 4 })
    }
}
