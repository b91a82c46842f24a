/// A numeric axis: its label (drawn above the y axis / under the x axis),
/// how its numbers are written, and optional fixed bounds.
public struct Axis: Sendable {
    public var label: String
    public var format: ChartFormat
    /// Fixed lower bound; `nil` means the data minimum rounded down to a nice tick.
    public var min: Double?
    /// Fixed upper bound; `nil` means the data maximum rounded up to a nice tick.
    public var max: Double?

    public init(label: String, format: ChartFormat = .plain, min: Double? = nil, max: Double? = nil) {
        self.label = label
        self.format = format
        self.min = min
        self.max = max
    }
}

public struct ChartPoint: Sendable, Equatable {
    public var x: Double
    public var y: Double

    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }
}

/// One line of a line chart. Non-finite points are skipped when drawing.
public struct Series: Sendable {
    public var name: String
    public var points: [ChartPoint]

    public init(name: String, points: [ChartPoint]) {
        self.name = name
        self.points = points
    }
}

/// A dashed line across the plot at a fixed value, e.g. break-even at 0.
public struct ReferenceLine: Sendable {
    public enum Orientation: Sendable {
        /// A line at `y = value`.
        case horizontal
        /// A line at `x = value`.
        case vertical
    }

    public var orientation: Orientation
    public var value: Double
    public var label: String

    public init(orientation: Orientation, value: Double, label: String = "") {
        self.orientation = orientation
        self.value = value
        self.label = label
    }
}

/// A marked point with a short label, e.g. the peak of the whale curve.
public struct Annotation: Sendable {
    public var point: ChartPoint
    public var label: String

    public init(point: ChartPoint, label: String) {
        self.point = point
        self.label = label
    }

    public init(x: Double, y: Double, label: String) {
        self.init(point: ChartPoint(x: x, y: y), label: label)
    }
}
