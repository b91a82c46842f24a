import Foundation
import SnoeiCore
import Testing

/// `Day.iso` writes its ten bytes in place; it must still be the zero-padded `YYYY-MM-DD`
/// that `Day(iso:)` reads back, for every day of the years a ledger can hold.
@Suite struct DayISOTests {
    @Test func everyDayOfSomeYearsRoundTrips() {
        for year in [1, 9, 10, 99, 100, 999, 1000, 1970, 2000, 2024, 2026, 2100, 9999] {
            var day = Day(year: year, month: 1, day: 1)!
            while day.components.year == year {
                let (y, m, d) = day.components
                let text = day.iso
                #expect(text.utf8.count == 10)
                #expect(text == String(format: "%04d-%02d-%02d", y, m, d))
                #expect(Day(iso: text) == day)
                day = day.advanced(by: 1)
            }
        }
    }

    @Test func daysOutsideTheFourDigitYearsKeepTheirOldSpelling() {
        // Only reachable through `Day(raw:)`; spelt as before the fast path.
        #expect(Day(raw: Day(year: 1, month: 1, day: 1)!.raw - 1).iso == "0000-12-31")
        #expect(Day(raw: Day(year: 9999, month: 12, day: 31)!.raw + 1).iso == "10000-01-01")
    }
}
