import Testing
@testable import SnoeiCharts

@Suite struct TicksTests {
    @Test func zeroToNinetySeven() {
        #expect(Ticks.nice(min: 0, max: 97) == [0, 20, 40, 60, 80, 100])
    }

    @Test func negativeToPositive() {
        #expect(Ticks.nice(min: -3.2, max: 7.9) == [-4, -2, 0, 2, 4, 6, 8])
    }

    @Test func equalBoundsAreWidenedToZero() {
        #expect(Ticks.nice(min: 5, max: 5) == [0, 1, 2, 3, 4, 5])
        #expect(Ticks.nice(min: -5, max: -5) == [-5, -4, -3, -2, -1, 0])
        #expect(Ticks.nice(min: 0, max: 0) == [0, 0.2, 0.4, 0.6, 0.8, 1])
    }

    @Test func tinyRangesGiveExactDecimals() {
        // Equal to the literals, not 0.0014000000000000002.
        #expect(Ticks.nice(min: 0.0012, max: 0.0021) == [0.0012, 0.0014, 0.0016, 0.0018, 0.002, 0.0022])
        #expect(Ticks.nice(min: 0, max: 0.001) == [0, 0.0002, 0.0004, 0.0006, 0.0008, 0.001])
    }

    @Test func hugeRanges() {
        #expect(Ticks.nice(min: 0, max: 1e7) == [0, 2e6, 4e6, 6e6, 8e6, 1e7])
        #expect(Ticks.nice(min: 12_345_678, max: 98_765_432) == [0, 2e7, 4e7, 6e7, 8e7, 1e8])
    }

    @Test func reversedAndNonFinite() {
        #expect(Ticks.nice(min: 97, max: 0) == [0, 20, 40, 60, 80, 100])
        #expect(Ticks.nice(min: .nan, max: 1).isEmpty)
        #expect(Ticks.nice(min: 0, max: .infinity).isEmpty)
    }

    @Test func countSteersDensity() {
        #expect(Ticks.nice(min: 0, max: 100, count: 3) == [0, 50, 100])
        #expect(Ticks.nice(min: 0, max: 100, count: 11) == [0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100])
    }

    /// Over many ranges: ticks cover the range, are evenly spaced on a 1-2-5
    /// step, and stay within a sensible count.
    @Test(arguments: [
        (0.0, 1.0), (-1.0, 1.0), (3.0, 4.0), (-1234.5, -3.0), (0.00037, 0.00112), (1e-9, 3e-9),
        (17.0, 1_000_003.0), (-2.5e9, 7.1e10), (99.0, 101.0), (0.1, 0.3),
    ])
    func invariants(lo: Double, hi: Double) throws {
        let ticks = Ticks.nice(min: lo, max: hi)
        try #require(ticks.count >= 2)
        #expect(ticks.count <= 12, "too many ticks for \(lo)…\(hi): \(ticks)")
        #expect(ticks.first! <= lo && ticks.last! >= hi, "\(ticks) does not cover \(lo)…\(hi)")
        let step = ticks[1] - ticks[0]
        for (a, b) in zip(ticks, ticks.dropFirst()) {
            #expect(abs((b - a) - step) <= step * 1e-9, "uneven spacing in \(ticks)")
        }
        var mantissa = step
        while mantissa >= 10 { mantissa /= 10 }
        while mantissa < 1 { mantissa *= 10 }
        #expect([1.0, 2.0, 5.0].contains { abs($0 - mantissa) < 1e-6 }, "step \(step) is not 1-2-5")
        // Covering, not sprawling: at most one step beyond each end.
        #expect(ticks.first! > lo - step && ticks.last! < hi + step)
    }

    @Test func resolvedAxisHonoursExplicitBounds() {
        let axis = ResolvedAxis.resolve(values: [3, 42], axis: Axis(label: "", min: 0, max: 50), tickCount: 5)
        #expect(axis.lo == 0 && axis.hi == 50)
        #expect(axis.ticks == [0, 10, 20, 30, 40, 50])
        let clipped = ResolvedAxis.resolve(values: [3, 42], axis: Axis(label: "", min: 5, max: 45), tickCount: 5)
        #expect(clipped.lo == 5 && clipped.hi == 45)
        #expect(clipped.ticks.allSatisfy { $0 >= 5 && $0 <= 45 })
    }

    @Test func resolvedAxisIncludesZeroOnRequest() {
        let axis = ResolvedAxis.resolve(values: [30, 97], axis: Axis(label: ""), includeZero: true, tickCount: 5)
        #expect(axis.lo == 0 && axis.hi == 100)
        let without = ResolvedAxis.resolve(values: [30, 97], axis: Axis(label: ""), tickCount: 5)
        #expect(without.lo == 20) // nice tick below the data, not zero
    }
}

@Suite struct FormatTests {
    @Test func presets() {
        #expect(ChartFormat.percent.format(0.25) == "25%")
        #expect(ChartFormat.percent.format(0.125) == "12.5%")
        #expect(ChartFormat.percent.format(0.07) == "7%")
        #expect(ChartFormat.percent.format(-0.4) == "-40%")
        #expect(ChartFormat.plain.format(0.1 + 0.2) == "0.3")
        #expect(ChartFormat.plain.format(1e7) == "10000000")
        #expect(ChartFormat.plain.format(0.0006) == "0.0006")
        #expect(ChartFormat.plain.format(-12.5) == "-12.5")
        #expect(ChartFormat.plain.format(0) == "0")
        #expect(ChartFormat.compact.format(1_500) == "1.5k")
        #expect(ChartFormat.compact.format(-2_000_000) == "-2M")
        #expect(ChartFormat.compact.format(950) == "950")
    }

    @Test func coordinatesHaveAtMostTwoDecimals() {
        #expect(NumberText.coord(3) == "3")
        #expect(NumberText.coord(-2.5) == "-2.5")
        #expect(NumberText.coord(1.0 / 3.0) == "0.33")
        #expect(NumberText.coord(2.0 / 3.0) == "0.67")
        #expect(NumberText.coord(-0.001) == "0")
        #expect(NumberText.coord(640.125001) == "640.13")
        #expect(NumberText.coord(0.05) == "0.05")
    }
}
