import Foundation
#if canImport(FoundationXML)
import FoundationXML // XMLParser lives here on Linux
#endif
import Testing
@testable import SnoeiCharts

/// Writes one sample of each chart to a directory for eyeballing, when
/// `SNOEI_CHART_SAMPLES` is set (to a directory, or to 1 for /tmp/snoei-charts):
///
///     SNOEI_CHART_SAMPLES=1 swift test --scratch-path .build-charts --filter SampleCharts
///     for f in /tmp/snoei-charts/*.svg; do
///       chromium --headless=new --no-sandbox --disable-gpu --window-size=700,460 \
///         --screenshot="${f%.svg}.png" "file://$f"
///     done
///
/// Without the variable the test still renders every sample (and checks it
/// is well-formed) but writes nothing.
@Suite struct SampleCharts {
    @Test func writeSamples() throws {
        let samples: [(String, String)] = [
            ("line-whale", Fixtures.lineChart(points: 100_000).svg()),
            ("line-multi", Fixtures.multiLineChart().svg()),
            ("scatter-quadrants", Fixtures.scatterChart(dots: 2_000).svg()),
            ("bar-segments", Fixtures.barChart().svg()),
            ("bar-many", BarChart(
                id: "months", title: "Support hours per month", description: "Hours of support per month.",
                bars: (1...12).map { .init(label: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][$0 - 1],
                                           value: Double(($0 * 37) % 23 + 4)) },
                y: Axis(label: "Hours"), height: 260
            ).svg()),
            ("line-stress", LineChart(
                id: "stress", title: "Many series, long names, narrow", description: "Layout stress test.",
                x: Axis(label: "Days since first invoice", format: .compact), y: Axis(label: "Hours", min: 0),
                series: (0..<6).map { s in
                    Series(name: ["Bakkerij de Vries & Zonen", "Garage Jansen", "Stichting Het Groene Hart", "Tandartspraktijk Smit",
                                  "Loodgietersbedrijf van der Berg-Mulder", "X"][s],
                           points: (0...40).map { ChartPoint(x: Double($0) * 1_000, y: Double(($0 * (s + 3)) % 17) + Double(s) * 2) })
                },
                references: [ReferenceLine(orientation: .vertical, value: 38_000, label: "Contract renewed"),
                             ReferenceLine(orientation: .horizontal, value: 12, label: "Budget")],
                annotations: [Annotation(x: 0, y: 0, label: "Start"), Annotation(x: 40_000, y: 27, label: "Worst month")],
                width: 480, height: 340
            ).svg()),
            ("scatter-plain", ScatterChart(
                id: "plain", title: "Hours against margin", description: "No groups, negative margins.",
                x: Axis(label: "Support hours"), y: Axis(label: "Margin", format: .percent),
                dots: (0..<150).map { i in
                    var r = SplitMix(seed: UInt64(i))
                    return .init(x: r.next() * 80, y: r.next() * 1.1 - 0.45, label: "c\(i)")
                },
                ySplit: 0, quadrantLabels: (topLeft: "", topRight: "", bottomLeft: "Losing money", bottomRight: "")
            ).svg()),
        ]
        for (_, svg) in samples {
            _ = try parseXML(svg)
        }
        guard let setting = ProcessInfo.processInfo.environment["SNOEI_CHART_SAMPLES"], !setting.isEmpty else { return }
        let directory = setting == "1" ? "/tmp/snoei-charts" : setting
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        for (name, svg) in samples {
            try svg.write(toFile: directory + "/" + name + ".svg", atomically: true, encoding: .utf8)
        }
        let tables = Fixtures.barChart().dataTable(labelHeader: "Segment").html()
        try ("<!doctype html><meta charset=utf-8><body style=\"font:13px system-ui;max-width:660px\">"
            + Fixtures.barChart().svg() + tables).write(toFile: directory + "/page.html", atomically: true, encoding: .utf8)
    }
}
