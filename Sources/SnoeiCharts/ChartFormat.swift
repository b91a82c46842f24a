/// How numbers on an axis (and bar values) are written. The web app passes its
/// own locale-aware money formatter; the presets here are locale-neutral.
public struct ChartFormat: Sendable {
    public var format: @Sendable (Double) -> String

    public init(_ f: @escaping @Sendable (Double) -> String) {
        self.format = f
    }

    /// Up to six significant digits, no grouping: 1250 → "1250", 0.25 → "0.25".
    public static let plain = ChartFormat { NumberText.plain($0) }

    /// A ratio as a percentage: 0.25 → "25%", 0.125 → "12.5%".
    public static let percent = ChartFormat { NumberText.plain($0 * 100) + "%" }

    /// Short magnitudes for crowded axes: 1500 → "1.5k", 2_000_000 → "2M".
    public static let compact = ChartFormat { value in
        let units: [(Double, String)] = [(1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "k")]
        for (size, suffix) in units where value.magnitude >= size {
            return NumberText.decimal(value / size, maxFractionDigits: 1) + suffix
        }
        return NumberText.plain(value)
    }
}
