import VFMCore
import StatisticsKernel
import Tabular

/// The study's top-20 / bottom-20 question (SPEC §12 "Work Choice"): do the areas that
/// spend most per head on employment support have more Work Choice starts per 100,000
/// population than those spending least? Areas are ranked by their last-year total (the
/// sum of the streams they give; £0 counts) per head, highest first, ties by the
/// authority key's bytes; Welch's t-test and the Mann–Whitney U test (U the top group's)
/// compare the two ends.
package struct WorkChoice: Sendable {
    package struct RankedArea: Sendable {
        package var authority: String
        package var key: String
        package var spendPerHead: Double
        package var startsPer100k: Double
    }

    /// Highest spend per head first.
    package var ranked: [RankedArea]
    /// Areas of the survey with a last-year total but no row in the reference, by name.
    package var unmatched: [String]
    /// Areas on each side: `top_n`, or half the ranked areas when there are fewer than 2 · top_n.
    package var groupSize: Int
    package var requestedTopN: Int
    package var top: [RankedArea] { Array(ranked.prefix(groupSize)) }
    package var bottom: [RankedArea] { Array(ranked.suffix(groupSize)) }
    package var welch: WelchTTest?
    package var mannWhitney: MannWhitneyU?

    init(_ clean: SurveyClean, reference: WorkChoiceReference, topN: Int) {
        var ranked: [RankedArea] = []
        var unmatched: [String] = []
        let lastYear = clean.lastYear
        for area in clean.areas {
            let budgets = clean.spendColumns.filter { $0.year == lastYear }.compactMap { area.spend[$0] }
            guard !budgets.isEmpty else { continue }
            guard let match = reference.areas[area.key] else {
                unmatched.append(area.authority)
                continue
            }
            ranked.append(RankedArea(authority: area.authority, key: area.key,
                                     spendPerHead: SurveySums.total(budgets) / match.population,
                                     startsPer100k: match.starts / match.population * 100_000))
        }
        ranked.sort { lhs, rhs in
            lhs.spendPerHead != rhs.spendPerHead ? lhs.spendPerHead > rhs.spendPerHead
                : ByteOrder.precedes(lhs.key, rhs.key)
        }
        self.ranked = ranked
        self.unmatched = unmatched
        requestedTopN = topN
        groupSize = ranked.count >= 2 * topN ? topN : ranked.count / 2
        let topValues = ranked.prefix(groupSize).map(\.startsPer100k)
        let bottomValues = ranked.suffix(groupSize).map(\.startsPer100k)
        welch = WelchTTest(Array(topValues), Array(bottomValues))
        mannWhitney = MannWhitneyU(Array(topValues), Array(bottomValues))
    }

    package var topMean: Double? { Descriptive.summarize(top.map(\.startsPer100k))?.mean }
    package var bottomMean: Double? { Descriptive.summarize(bottom.map(\.startsPer100k))?.mean }

    var fields: [CSVField] {
        let difference = topMean.flatMap { top in bottomMean.map { top - $0 } }
        return [.text("starts_per_100k"), .count(groupSize), .count(groupSize), .number(topMean), .number(bottomMean),
                .number(difference), .number(welch?.t), .number(welch?.degreesOfFreedom), .number(welch?.pValue),
                .number(mannWhitney?.u), .number(mannWhitney?.pValue)]
    }
}
