@testable import SnoeiCharts

/// Sample charts shared by the tests and the sample writer: one of each kind,
/// with the features the web app uses.
enum Fixtures {
    static let evil = "<script>alert(1)</script> & \"Tom's\""

    /// A whale curve: cumulative profit share by customers ranked from most to
    /// least profitable. Rises above 100% and falls back as loss-makers pile up.
    static func whalePoints(count: Int) -> [ChartPoint] {
        (0..<count).map { i in
            let share = Double(i) / Double(count - 1)
            // Steep rise, peak near 70% of customers at ~1.45, then decline to 1.0.
            let y = 1.45 * (1 - (1 - share / 0.7) * (1 - share / 0.7)) * (share <= 0.7 ? 1 : 0)
                + (share > 0.7 ? 1.45 - (share - 0.7) / 0.3 * 0.45 : 0)
            return ChartPoint(x: share, y: y)
        }
    }

    static func lineChart(points: Int = 2_000, name: String = "Cumulative profit") -> LineChart {
        let whale = whalePoints(count: points)
        let peak = whale.max { $0.y < $1.y }!
        return LineChart(
            id: "whale", title: "Whale curve",
            description: "Cumulative profit by customers ranked from most to least profitable.",
            x: Axis(label: "Share of customers", format: .percent),
            y: Axis(label: "Share of total profit", format: .percent),
            series: [Series(name: name, points: whale)],
            references: [ReferenceLine(orientation: .horizontal, value: 1, label: "Actual profit (100%)")],
            annotations: [Annotation(point: peak, label: "Peak: 145% at 70% of customers")]
        )
    }

    static func multiLineChart() -> LineChart {
        let months = (1...12).map(Double.init)
        return LineChart(
            id: "trend", title: "Revenue and cost to serve",
            description: "Monthly revenue and cost to serve over the last year.",
            x: Axis(label: "Month"),
            y: Axis(label: "Euro per month", format: .compact),
            series: [
                Series(name: "Revenue", points: months.map { ChartPoint(x: $0, y: 42_000 + 3_000 * $0 + ($0.truncatingRemainder(dividingBy: 3) * 2_500)) }),
                Series(name: "Cost to serve", points: months.map { ChartPoint(x: $0, y: 30_000 + 4_200 * $0) }),
                Series(name: "Profit", points: months.map { ChartPoint(x: $0, y: 12_000 - 1_200 * $0 + ($0.truncatingRemainder(dividingBy: 3) * 2_500)) }),
            ],
            references: [ReferenceLine(orientation: .vertical, value: 6, label: "Price change")]
        )
    }

    static func scatterChart(dots count: Int = 400) -> ScatterChart {
        var random = SplitMix(seed: 7)
        let dots = (0..<count).map { i -> ScatterChart.Dot in
            let revenue = 200 + random.next() * random.next() * 24_000
            let cost = revenue * (0.35 + random.next() * 0.9)
            let profit = revenue - cost
            let group = profit < 0 ? 2 : (profit < 1_500 ? 1 : 0)
            return ScatterChart.Dot(x: revenue, y: cost, label: "Customer \(i): revenue €\(Int(revenue))",
                                    href: "/customers/\(i)", group: group)
        }
        return ScatterChart(
            id: "quadrants", title: "Revenue against cost to serve",
            description: "One dot per customer; dots above the diagonal cost more than they bring.",
            x: Axis(label: "Revenue per year (€)", format: .compact),
            y: Axis(label: "Cost to serve per year (€)", format: .compact),
            dots: dots, groups: ["Profitable", "Marginal", "Loss-making"],
            xSplit: 6_000, ySplit: 6_000,
            quadrantLabels: (topLeft: "Costly and small", topRight: "Big but demanding",
                             bottomLeft: "Small and easy", bottomRight: "Core customers")
        )
    }

    static func barChart() -> BarChart {
        BarChart(
            id: "segments", title: "Profit per segment",
            description: "Yearly profit per customer segment; hosting-only customers lose money.",
            bars: [
                BarChart.Bar(label: "Managed IT", value: 184_000),
                BarChart.Bar(label: "Hosting + support", value: 96_500),
                BarChart.Bar(label: "Projects", value: 41_200),
                BarChart.Bar(label: "Hosting only", value: -23_800, group: 4),
                BarChart.Bar(label: "Break/fix", value: -8_100, group: 4),
            ],
            y: Axis(label: "Profit per year (€)", format: .compact)
        )
    }
}

/// Deterministic pseudo-random numbers in [0, 1) for fixtures.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> Double {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        return Double(z >> 11) / Double(1 << 53)
    }
}
