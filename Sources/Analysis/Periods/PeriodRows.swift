import Cleaning
import PipelineDefinition
import StatisticsKernel

// The rows of the three period tables (SPEC §11), one type per table; `nil` is an empty
// cell.

/// One period and group of `tables/periods.csv`: the period's own rows (current or not)
/// as a cross-section, with §6.1's pooled figures and §6's means.
package struct PeriodRow: Sendable, Equatable {
    package var period: String
    package var group: String
    /// The group's rows in that period.
    package var services: Int
    /// §6.1's n, S and J: the rows with both total cost and job outcomes known.
    package var n: Int
    package var totalCost: Double?
    package var jobOutcomes: Double?
    package var pooledCostPerOutcome: Double?
    package var outcomesPer100k: Double?
    package var ciLow: Double?
    package var ciHigh: Double?
    package var meanCostPerOutcome: Double?
    package var meanCostPerOutcomeN: Int
    package var outcomeRateMean: Double?
    package var outcomeRateN: Int
}

/// One pair of consecutive periods and group of `tables/period_change.csv`: the change in
/// job outcomes per £100,000 over the matched services (membership as in `to`).
package struct PeriodChangeRow: Sendable, Equatable {
    package var from: String
    package var to: String
    package var group: String
    package var n: Int
    package var outcomesPer100kFrom: Double?
    package var outcomesPer100kTo: Double?
    package var change: Double?
    package var ciLow: Double?
    package var ciHigh: Double?
    package var pValue: Double?
}

/// One matched service, pair of consecutive periods and edit variable of
/// `tables/period_edits.csv`.
package struct PeriodEditRow: Sendable, Equatable {
    package var authority: String
    package var service: String
    package var from: String
    package var to: String
    package var variable: String
    package var valueFrom: Double?
    package var valueTo: Double?
    package var ratio: Double?
    package var effect: Double?
    package var effectLow: Double?
    package var effectHigh: Double?
    /// `within`, `below`, `above`, `unchanged` or `not-screened`.
    package var outcome: String

    package init(authority: String, service: String, from: String, to: String, variable: String, valueFrom: Double?,
                valueTo: Double?, ratio: Double?, effect: Double?, effectLow: Double?, effectHigh: Double?,
                outcome: String) {
        self.authority = authority
        self.service = service
        self.from = from
        self.to = to
        self.variable = variable
        self.valueFrom = valueFrom
        self.valueTo = valueTo
        self.ratio = ratio
        self.effect = effect
        self.effectLow = effectLow
        self.effectHigh = effectHigh
        self.outcome = outcome
    }
}
