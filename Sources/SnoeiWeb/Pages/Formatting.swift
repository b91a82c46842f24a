import SnoeiCharts
import SnoeiCore

/// Chart axis formats in the page's language.
extension ChartFormat {
    static func money(_ language: Language) -> ChartFormat {
        ChartFormat { euros in SnoeiCore.Formatter(language).moneyWhole(Money(cents: Int64((euros * 100).rounded()))) }
    }

    static func percent(_ language: Language, decimals: Int = 0) -> ChartFormat {
        ChartFormat { ratio in SnoeiCore.Formatter(language).percent(ratio, decimals: decimals) }
    }

    static func number(_ language: Language) -> ChartFormat {
        ChartFormat { x in SnoeiCore.Formatter(language).number(x, decimals: 0) }
    }
}

extension Recommendation {
    /// Colour group in charts: nurture 0, keep 1, fix 2, let go 3.
    var group: Int { Recommendation.allCases.firstIndex(of: self) ?? 0 }
}

/// A reason's figure, named for a reader.
func figureLabel(_ name: String, _ chrome: PageChrome) -> String {
    let key = "fig_" + name
    return WebText.table(chrome.language)[key] ?? name.replacingOccurrences(of: "_", with: " ")
}
