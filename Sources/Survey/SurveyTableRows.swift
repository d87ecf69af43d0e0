import Returns
import Tabular

// The rows of the survey's tables (SPEC §12), typed for the report and written through
// their schemas (`RunFileSchema+Survey`), in the schemas' column order.

package struct ResponseCountRow: Sendable {
    package var subset: SurveySubset
    package var responses, areas, withSpend, withBreakdown: Int
    package var shareWithoutBreakdown: Double?
    var fields: [CSVField] {
        [.text(subset.rawValue), .count(responses), .count(areas), .count(withSpend), .count(withBreakdown),
         .number(shareWithoutBreakdown)]
    }
}

package struct SpendByYearRow: Sendable {
    package var subset: SurveySubset
    package var column: SpendColumn
    package var n: Int
    package var mean, median, total: Double?
    var fields: [CSVField] {
        [.text(subset.rawValue), .text(column.stream.rawValue), .text(column.year.label), .count(n), .number(mean),
         .number(median), .number(total)]
    }
}

package struct BudgetChangeRow: Sendable {
    package var subset: SurveySubset
    package var stream: SpendStream
    package var from, to: ReportingPeriodLabel
    package var n, increase, equal, decrease, cut: Int
    package var shares: [Double?] {
        [increase, equal, decrease, cut].map { SurveySums.share($0, of: n) }
    }
    var fields: [CSVField] {
        [.text(subset.rawValue), .text(stream.rawValue), .text(from), .text(to), .count(n), .count(increase), .count(equal),
         .count(decrease), .count(cut)] + shares.map(CSVField.number)
    }
}

package typealias ReportingPeriodLabel = String

package struct BudgetRatioRow: Sendable {
    package var authority: String
    package var stream: SpendStream
    package var from, to: String
    package var spendFrom, spendTo: Double
    package var ratio: Double?
    package var outcome: String
    var fields: [CSVField] {
        [.text(authority), .text(stream.rawValue), .text(from), .text(to), .number(spendFrom), .number(spendTo),
         .number(ratio), .text(outcome)]
    }
}

package struct FiveYearRow: Sendable {
    package var subset: SurveySubset
    package var n: Int
    /// more, same, less, no answer.
    package var counts: [Int]
    var fields: [CSVField] {
        [.text(subset.rawValue), .count(n)] + counts.map(CSVField.count)
            + counts.map { .number(SurveySums.share($0, of: n)) }
    }
}

package struct SpendByTypeRow: Sendable {
    package var subset: SurveySubset
    package var client: String
    package var type: String
    package var n: Int
    package var spend: Double
    package var share: Double?
    var fields: [CSVField] {
        [.text(subset.rawValue), .text(client), .text(type), .count(n), .number(spend), .number(share)]
    }
}

package struct DataCollectedRow: Sendable {
    package var subset: SurveySubset
    package var item: String
    package var answered, yes, responses: Int
    package var shareYes: Double? { SurveySums.share(yes, of: answered) }
    package var shareYesOfAll: Double? { SurveySums.share(yes, of: responses) }
    var fields: [CSVField] {
        [.text(subset.rawValue), .text(item), .count(answered), .count(yes), .number(shareYes), .number(shareYesOfAll)]
    }
}

package struct PersonalBudgetRow: Sendable {
    package var question, answer: String
    package var n: Int
    package var share: Double?
    var fields: [CSVField] { [.text(question), .text(answer), .count(n), .number(share)] }
}

package struct FactorRow: Sendable {
    package var factor: String
    package var ranked: Int
    package var meanRank, shareFirst: Double?
    var fields: [CSVField] { [.text(factor), .count(ranked), .number(meanRank), .number(shareFirst)] }
}
