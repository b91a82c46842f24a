import Testing
@testable import SnoeiCharts

/// What every chart promises: well-formed SVG, an accessible name and
/// description tied to the caller's id, responsive sizing, compact numbers.
@Suite struct ChartStructureTests {
    static let charts: [(id: String, svg: @Sendable () -> String)] = [
        ("whale", { Fixtures.lineChart().svg() }),
        ("trend", { Fixtures.multiLineChart().svg() }),
        ("quadrants", { Fixtures.scatterChart().svg() }),
        ("segments", { Fixtures.barChart().svg() }),
    ]

    @Test(arguments: charts.indices)
    func accessibleAndWellFormed(index: Int) throws {
        let (id, render) = Self.charts[index]
        let root = try parseXML(render())
        #expect(root.name == "svg")
        #expect(root["role"] == "img")
        #expect(root["id"] == id)
        #expect(root["aria-labelledby"] == "\(id)-title \(id)-desc")
        #expect(root["width"] == "100%")
        #expect(root["preserveAspectRatio"] != nil)
        #expect(root["viewBox"]?.hasPrefix("0 0 ") == true)
        #expect(root.classes.contains("chart"))
        // <title> and <desc> are the first children, as assistive tech expects.
        #expect(root.children.first?.name == "title")
        #expect(root.children.first?["id"] == "\(id)-title")
        #expect(root.children.dropFirst().first?.name == "desc")
        #expect(root.children.dropFirst().first?["id"] == "\(id)-desc")
        #expect(root.children.first?.text.isEmpty == false)
    }

    @Test(arguments: charts.indices)
    func noScriptsNoExternalResources(index: Int) throws {
        let svg = Self.charts[index].svg()
        let root = try parseXML(svg)
        #expect(!root.descendants.contains { $0.attributes.keys.contains { $0.lowercased().hasPrefix("on") } })
        #expect(!svg.contains("<script"))
        #expect(!svg.contains("<style"))
        #expect(!svg.contains("<image"))
        #expect(!svg.contains("url(http"))
    }

    /// Every numeric attribute has at most two decimals.
    @Test(arguments: charts.indices)
    func compactNumbers(index: Int) throws {
        let root = try parseXML(Self.charts[index].svg())
        let numeric: Set<String> = ["x", "y", "x1", "x2", "y1", "y2", "cx", "cy", "r", "width", "height", "points", "viewBox"]
        for node in root.descendants {
            for (key, value) in node.attributes where numeric.contains(key) && value != "100%" {
                for token in value.split(whereSeparator: { $0 == " " || $0 == "," }) {
                    #expect(Double(token) != nil, "\(key)=\(value) is not numeric")
                    let decimals = token.split(separator: ".").dropFirst().first?.count ?? 0
                    #expect(decimals <= 2, "\(key)=\(value) has \(decimals) decimals")
                }
            }
        }
    }

    @Test(arguments: charts.indices)
    func styledByClassesWithInlineDefaults(index: Int) throws {
        let root = try parseXML(Self.charts[index].svg())
        #expect(!root.all("g", class: "chart-grid").isEmpty)
        #expect(!root.all("g", class: "chart-axis").isEmpty)
        #expect(root.all("g", class: "chart-grid").allSatisfy { $0["stroke"] != nil })
        #expect(root["font-family"] != nil && root["font-size"] != nil)
    }

    @Test func legendsOnlyForSeveralSeries() throws {
        let single = try parseXML(Fixtures.lineChart().svg())
        #expect(single.all("g", class: "chart-legend").isEmpty)
        let multi = try parseXML(Fixtures.multiLineChart().svg())
        let items = multi.all("g", class: "chart-legend-item")
        #expect(items.map { $0.all("text").first?.text } == ["Revenue", "Cost to serve", "Profit"])
        for (i, item) in items.enumerated() {
            #expect(item.classes.contains("chart-series-\(i)"))
        }
        let scatter = try parseXML(Fixtures.scatterChart().svg())
        #expect(scatter.all("g", class: "chart-legend-item").map { $0.all("text").first?.text }
            == ["Profitable", "Marginal", "Loss-making"])
    }

    @Test func axisLabelsAndTickLabelsAreHorizontal() throws {
        let root = try parseXML(Fixtures.multiLineChart().svg())
        #expect(root.all("text", class: "chart-axis-label-x").first?.text == "Month")
        #expect(root.all("text", class: "chart-axis-label-y").first?.text == "Euro per month")
        #expect(root.descendants.allSatisfy { $0["transform"] == nil })
        // The y label sits above the plot, i.e. above the top tick label.
        let yLabel = try #require(root.all("text", class: "chart-axis-label-y").first?.number("y"))
        let topTick = try #require(root.all("g", class: "chart-axis-y").first?.all("text").compactMap { $0.number("y") }.min())
        #expect(yLabel < topTick)
    }

    @Test func emptyChartsStillRender() throws {
        _ = try parseXML(LineChart(id: "l", title: "t", description: "d", x: Axis(label: "x"), y: Axis(label: "y"), series: []).svg())
        _ = try parseXML(ScatterChart(id: "s", title: "t", description: "d", x: Axis(label: "x"), y: Axis(label: "y"), dots: []).svg())
        _ = try parseXML(BarChart(id: "b", title: "t", description: "d", bars: [], y: Axis(label: "y")).svg())
        let nan = LineChart(id: "n", title: "t", description: "d", x: Axis(label: "x"), y: Axis(label: "y"),
                            series: [Series(name: "s", points: [.init(x: .nan, y: 1), .init(x: 1, y: .infinity), .init(x: 2, y: 3)])])
        let root = try parseXML(nan.svg())
        #expect(!root.descendants.contains { $0.attributes.values.contains { $0.contains("nan") || $0.contains("inf") } })
    }
}
