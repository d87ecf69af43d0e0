import Cleaning
import PipelineDefinition
import StatisticsKernel

// The rows of the three period tables (SPEC §11), one type per table; `nil` is an empty
// cell.

/// One period and group of `tables/periods.csv`: the period's own rows (current or not)
/// as a cross-section, with §6.1's pooled figures and §6's means.
public struct PeriodRow: Sendable, Equatable {
    public var period: String
    public var group: String
    /// The group's rows in that period.
    public var services: Int
    /// §6.1's n, S and J: the rows with both total cost and job outcomes known.
    public var n: Int
    public var totalCost: Double?
    public var jobOutcomes: Double?
    public var pooledCostPerOutcome: Double?
    public var outcomesPer100k: Double?
    public var ciLow: Double?
    public var ciHigh: Double?
    public var meanCostPerOutcome: Double?
    public var meanCostPerOutcomeN: Int
    public var outcomeRateMean: Double?
    public var outcomeRateN: Int
}

/// One pair of consecutive periods and group of `tables/period_change.csv`: the change in
/// job outcomes per £100,000 over the matched services (membership as in `to`).
public struct PeriodChangeRow: Sendable, Equatable {
    public var from: String
    public var to: String
    public var group: String
    public var n: Int
    public var outcomesPer100kFrom: Double?
    public var outcomesPer100kTo: Double?
    public var change: Double?
    public var ciLow: Double?
    public var ciHigh: Double?
    public var pValue: Double?
}

/// One matched service, pair of consecutive periods and edit variable of
/// `tables/period_edits.csv`.
public struct PeriodEditRow: Sendable, Equatable {
    public var authority: String
    public var service: String
    public var from: String
    public var to: String
    public var variable: String
    public var valueFrom: Double?
    public var valueTo: Double?
    public var ratio: Double?
    public var effect: Double?
    public var effectLow: Double?
    public var effectHigh: Double?
    /// `within`, `below`, `above`, `unchanged` or `not-screened`.
    public var outcome: String

    public init(authority: String, service: String, from: String, to: String, variable: String, valueFrom: Double?,
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
