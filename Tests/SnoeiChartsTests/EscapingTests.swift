import Testing
@testable import SnoeiCharts

@Suite struct EscapingTests {
    @Test func escapesTheFiveCharacters() {
        #expect(XML.escape(#"<a href="x">Tom & 'Jerry'</a>"#)
            == "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;")
        #expect(XML.escape("plain text é ✓") == "plain text é ✓")
    }

    @Test func dropsCharactersXMLForbids() {
        #expect(XML.escape("a\u{0}b\u{1B}c\td\ne") == "abc\td\ne")
    }

    /// The hostile name must show up as text everywhere: titles, legends,
    /// axis labels, tooltips, categories, annotations and table cells.
    @Test func hostileLabelsStayText() throws {
        let evil = Fixtures.evil
        let line = LineChart(
            id: "e1", title: evil, description: evil, x: Axis(label: evil), y: Axis(label: evil),
            series: [Series(name: evil, points: [.init(x: 0, y: 1), .init(x: 1, y: 2)]),
                     Series(name: "other", points: [.init(x: 0, y: 2)])],
            references: [ReferenceLine(orientation: .horizontal, value: 1.5, label: evil)],
            annotations: [Annotation(x: 1, y: 2, label: evil)]
        ).svg()
        let scatter = ScatterChart(
            id: "e2", title: evil, description: evil, x: Axis(label: evil), y: Axis(label: evil),
            dots: [.init(x: 1, y: 1, label: evil, href: "/c?a=1&b=<2>"), .init(x: 2, y: 3, label: evil, group: 1)],
            groups: [evil, evil], xSplit: 1.5, ySplit: 2,
            quadrantLabels: (topLeft: evil, topRight: evil, bottomLeft: evil, bottomRight: evil)
        ).svg()
        let bars = BarChart(id: "e3", title: evil, description: evil,
                            bars: [.init(label: evil, value: 3)], y: Axis(label: evil)).svg()
        let table = DataTable(caption: evil, headers: [evil], rows: [[evil, evil]]).html()

        for markup in [line, scatter, bars, table] {
            #expect(!markup.contains("<script"), "raw <script> in output")
            #expect(markup.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            let root = try parseXML(markup)
            // Parsed back, the text is exactly the original name.
            #expect(root.descendants.contains { $0.text == evil })
        }
        let parsedScatter = try parseXML(scatter)
        #expect(parsedScatter.all("a").first?["href"] == "/c?a=1&b=<2>")
        // A custom number format can also carry markup; it is escaped too.
        let sneaky = BarChart(id: "e4", title: "t", description: "d", bars: [.init(label: "a", value: 1)],
                              y: Axis(label: "y", format: ChartFormat { _ in "<b>" })).svg()
        #expect(!sneaky.contains("<b>"))
    }

    @Test func scriptURLsAreNotLinked() throws {
        let chart = ScatterChart(
            id: "links", title: "t", description: "d", x: Axis(label: "x"), y: Axis(label: "y"),
            dots: [
                .init(x: 1, y: 1, label: "a", href: "javascript:alert(1)"),
                .init(x: 2, y: 2, label: "b", href: " Java\tScript:alert(1)"),
                .init(x: 3, y: 3, label: "c", href: "data:text/html,<script>"),
                .init(x: 4, y: 4, label: "d", href: "/customers/4?tab=a:b"),
                .init(x: 5, y: 5, label: "e", href: "https://example.com/5"),
            ]
        )
        let root = try parseXML(chart.svg())
        let hrefs = root.all("a").compactMap { $0["href"] }
        #expect(hrefs == ["/customers/4?tab=a:b", "https://example.com/5"])
        #expect(root.all("circle", class: "chart-dot").count == 5)
    }

    @Test func oddIdsAreSanitised() throws {
        let svg = BarChart(id: "a b\"#c", title: "t", description: "d", bars: [], y: Axis(label: "")).svg()
        let root = try parseXML(svg)
        #expect(root["id"] == "a-b--c")
        #expect(root["aria-labelledby"] == "a-b--c-title a-b--c-desc")
    }
}
