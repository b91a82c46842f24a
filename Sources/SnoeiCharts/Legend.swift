/// A legend entry: a coloured swatch and a name.
struct LegendItem {
    enum Swatch { case line, dot, square }
    var name: String
    var cssClass: String
    var color: String
    var swatch: Swatch

    static let swatchWidth = 14.0
    static let swatchGap = 6.0
    static let itemGap = 18.0

    var width: Double { Self.swatchWidth + Self.swatchGap + Theme.textWidth(name) }
}

/// The top band of a chart: the y-axis label on the left (kept horizontal,
/// above the axis) and, for several series, the legend. The legend shares the
/// label's row, right-aligned, when it fits; otherwise it gets its own rows
/// above, wrapping as needed.
struct Header {
    var yLabel: String
    var items: [LegendItem]
    /// Rows of legend items with their x offsets relative to the row start.
    private var rows: [[(item: LegendItem, x: Double)]] = []
    private var sharesRow = false
    private let left: Double
    private let right: Double

    init(yLabel: String, items: [LegendItem], left: Double, right: Double) {
        self.yLabel = yLabel
        self.items = items
        self.left = left
        self.right = right
        let available = right - left
        let labelWidth = yLabel.isEmpty ? 0 : Theme.textWidth(yLabel, bold: true) + 24
        let total = items.map(\.width).reduce(0, +) + LegendItem.itemGap * Double(max(0, items.count - 1))
        if !items.isEmpty, labelWidth + total <= available {
            sharesRow = true
            rows = [Self.place(items)]
        } else {
            var current: [LegendItem] = []
            var used = 0.0
            for item in items {
                let extra = (current.isEmpty ? 0 : LegendItem.itemGap) + item.width
                if !current.isEmpty, used + extra > available {
                    rows.append(Self.place(current))
                    current = []
                    used = 0
                }
                used += current.isEmpty ? item.width : extra
                current.append(item)
            }
            if !current.isEmpty { rows.append(Self.place(current)) }
        }
    }

    private static func place(_ items: [LegendItem]) -> [(item: LegendItem, x: Double)] {
        var x = 0.0
        return items.map { item in
            defer { x += item.width + LegendItem.itemGap }
            return (item, x)
        }
    }

    /// Height the header takes from the top padding down.
    var height: Double {
        let labelRows = (yLabel.isEmpty && !sharesRow) ? 0.0 : 1.0
        let legendRows = sharesRow ? 0.0 : Double(rows.count)
        return (labelRows + legendRows) * Theme.row
    }

    func draw(into svg: inout SVGBuilder, top: Double, axisLabelClass: String = "chart-label chart-axis-label chart-axis-label-y") {
        var rowTop = top
        if !sharesRow {
            for row in rows {
                drawLegendRow(row, into: &svg, x0: left, rowTop: rowTop)
                rowTop += Theme.row
            }
        } else if let row = rows.first {
            let rowWidth = (row.last.map { $0.x + $0.item.width }) ?? 0
            drawLegendRow(row, into: &svg, x0: right - rowWidth, rowTop: rowTop)
        }
        if !yLabel.isEmpty {
            svg.element("text", [
                "class": axisLabelClass, "x": n(left), "y": n(rowTop + 14),
                "fill": Theme.text, "font-weight": "600",
            ], text: yLabel)
        }
    }

    private func drawLegendRow(_ row: [(item: LegendItem, x: Double)], into svg: inout SVGBuilder, x0: Double, rowTop: Double) {
        svg.open("g", ["class": "chart-legend"])
        let mid = rowTop + 10
        for (item, dx) in row {
            let x = x0 + dx
            svg.open("g", ["class": "chart-legend-item " + item.cssClass])
            switch item.swatch {
            case .line:
                svg.empty("line", [
                    "x1": n(x), "y1": n(mid), "x2": n(x + LegendItem.swatchWidth), "y2": n(mid),
                    "stroke": item.color, "stroke-width": "3", "stroke-linecap": "round",
                ])
            case .dot:
                svg.empty("circle", ["cx": n(x + LegendItem.swatchWidth / 2), "cy": n(mid), "r": "5", "fill": item.color])
            case .square:
                svg.empty("rect", ["x": n(x + 2), "y": n(mid - 5), "width": "10", "height": "10", "rx": "2", "fill": item.color])
            }
            svg.element("text", [
                "x": n(x + LegendItem.swatchWidth + LegendItem.swatchGap), "y": n(mid + 4), "fill": Theme.text,
            ], text: item.name)
            svg.close("g")
        }
        svg.close("g")
    }
}
