import Testing
@testable import SnoeiCharts

@Suite struct BarChartTests {
    @Test func negativeBarsHangBelowZero() throws {
        let chart = BarChart(id: "b", title: "t", description: "d",
                             bars: [.init(label: "Up", value: 10), .init(label: "Down", value: -5)],
                             y: Axis(label: "Profit"))
        let root = try parseXML(chart.svg())
        let zero = try #require(root.all("line", class: "chart-zero").first?.number("y1"))
        let bars = root.all("rect", class: "chart-bar")
        try #require(bars.count == 2)
        let (up, down) = (bars[0], bars[1])
        // Positive: from its top down to the zero line.
        #expect(close(up.number("y")! + up.number("height")!, zero))
        #expect(up.number("height")! > 0)
        // Negative: from the zero line downwards.
        #expect(close(down.number("y"), zero))
        #expect(down.number("height")! > 0)
        #expect(down.classes.contains("chart-bar-negative"))
        // Heights are proportional to the values.
        #expect(close(up.number("height")! / down.number("height")!, 2, tolerance: 0.01))
        // Value labels: above the positive bar, below the negative one.
        let values = root.all("text", class: "chart-value")
        #expect(values.map(\.text) == ["10", "-5"])
        #expect(values[0].number("y")! < up.number("y")!)
        #expect(values[1].number("y")! > down.number("y")! + down.number("height")!)
    }

    @Test func axisIncludesZero() {
        let chart = BarChart(id: "b", title: "t", description: "d",
                             bars: [.init(label: "a", value: 70), .init(label: "b", value: 97)], y: Axis(label: ""))
        let layout = chart.layout()
        #expect(layout.axis.lo == 0)
        #expect(layout.axis.ticks == [0, 20, 40, 60, 80, 100])
    }

    @Test func categoriesUnderBarsAndValuesFormatted() throws {
        let root = try parseXML(Fixtures.barChart().svg())
        let categories = root.all("text", class: "chart-category")
        // Too wide for its band, "Hosting + support" wraps onto two lines.
        #expect(categories.map(categoryText) == ["Managed IT", "Hosting + support", "Projects", "Hosting only", "Break/fix"])
        #expect(categories[1].all("tspan").map(\.text) == ["Hosting +", "support"])
        let bars = root.all("rect", class: "chart-bar")
        let lowestBarBottom = bars.map { $0.number("y")! + $0.number("height")! }.max()!
        #expect(categories.allSatisfy { $0.number("y")! > lowestBarBottom })
        // Each label is centred under its bar.
        for (label, bar) in zip(categories, bars) {
            #expect(close(label.number("x"), bar.number("x")! + bar.number("width")! / 2))
        }
        #expect(root.all("text", class: "chart-value").map(\.text) == ["184k", "96.5k", "41.2k", "-23.8k", "-8.1k"])
        #expect(bars[3].classes.contains("chart-group-4"))
        #expect(bars.first?.all("title").first?.text == "Managed IT: 184k")
    }

    @Test func categoryLinesWrapAtWords() {
        #expect(BarChart.categoryLines("Short", width: 100) == ["Short"])
        #expect(BarChart.categoryLines("Hosting + support", width: 70) == ["Hosting +", "support"])
        let long = BarChart.categoryLines("Stichting Het Groene Hart te Utrecht", width: 80)
        #expect(long.count == 2 && long[1].hasSuffix("…"))
        #expect(long.allSatisfy { Theme.textWidth($0) <= 80 })
        #expect(BarChart.categoryLines("Supercalifragilistic", width: 40).count == 1)
    }

    @Test func valuesCanBeHidden() throws {
        var chart = Fixtures.barChart()
        chart.showValues = false
        #expect(try parseXML(chart.svg()).all("text", class: "chart-value").isEmpty)
    }

    @Test func longLabelsAreShortenedNotOverlapping() throws {
        let bars = (0..<12).map { BarChart.Bar(label: "A very long segment name \($0)", value: Double($0 + 1)) }
        let root = try parseXML(BarChart(id: "l", title: "t", description: "d", bars: bars, y: Axis(label: "")).svg())
        let categories = root.all("text", class: "chart-category")
        #expect(categories.allSatisfy { categoryText($0).hasSuffix("…") })
        // Full names remain available as tooltips.
        #expect(root.all("rect", class: "chart-bar").first?.all("title").first?.text == "A very long segment name 0: 1")
    }
}

/// A category label's visible text, whether on one line or split over tspans.
func categoryText(_ node: Node) -> String {
    let lines = node.all("tspan").map(\.text)
    return lines.isEmpty ? node.text : lines.joined(separator: " ")
}

@Suite struct DataTableTests {
    @Test func captionHeadersRowsEscaped() throws {
        let table = DataTable(caption: "Top <5> customers", headers: ["Customer", "Profit & loss"],
                              rows: [["<script>alert(1)</script>", "-1,200"], ["O'Brien \"BV\"", "300"]])
        let html = table.html()
        #expect(html.hasPrefix("<table class=\"chart-table\">"))
        #expect(!html.contains("<script"))
        let root = try parseXML(html)
        #expect(root.all("caption").first?.text == "Top <5> customers")
        #expect(root.all("thead").first?.all("th").map(\.text) == ["Customer", "Profit & loss"])
        #expect(root.all("thead").first?.all("th").allSatisfy { $0["scope"] == "col" } == true)
        let rows = root.all("tbody").first?.all("tr") ?? []
        #expect(rows.count == 2)
        #expect(rows.map { $0.children.map(\.text) } == [["<script>alert(1)</script>", "-1,200"], ["O'Brien \"BV\"", "300"]])
        #expect(rows.first?.children.first?.name == "th")
        #expect(rows.first?.children.first?["scope"] == "row")
        #expect(rows.first?.children.last?.name == "td")
    }

    @Test func barChartTable() {
        let table = Fixtures.barChart().dataTable(labelHeader: "Segment")
        #expect(table.caption == "Profit per segment")
        #expect(table.headers == ["Segment", "Profit per year (€)"])
        #expect(table.rows.first == ["Managed IT", "184k"])
    }
}
