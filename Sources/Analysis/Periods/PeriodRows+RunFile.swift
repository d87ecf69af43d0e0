import RunFiles
import Tabular
import VFMCore

// Cells and reading back of the three period tables (SPEC §11) under their schemas
// (`RunFileSchema+Periods.swift`), as `tables/value_for_money.csv` is declared.

extension PeriodRow: RunFileRow {
    package static let schema = RunFileSchema.periods

    public var fields: [CSVField] {
        [.text(period), .text(group), .count(services), .count(n), .number(totalCost), .number(jobOutcomes),
         .number(pooledCostPerOutcome), .number(outcomesPer100k), .number(ciLow), .number(ciHigh),
         .number(meanCostPerOutcome), .count(meanCostPerOutcomeN), .number(outcomeRateMean), .count(outcomeRateN)]
    }

    public init(reading cells: inout RunFileCells) throws(VFMError) {
        self.init(period: try cells.requiredText(), group: try cells.requiredText(), services: try cells.requiredCount(),
                  n: try cells.requiredCount(), totalCost: try cells.number(), jobOutcomes: try cells.number(),
                  pooledCostPerOutcome: try cells.number(), outcomesPer100k: try cells.number(),
                  ciLow: try cells.number(), ciHigh: try cells.number(), meanCostPerOutcome: try cells.number(),
                  meanCostPerOutcomeN: try cells.requiredCount(), outcomeRateMean: try cells.number(),
                  outcomeRateN: try cells.requiredCount())
    }
}

extension PeriodChangeRow: RunFileRow {
    package static let schema = RunFileSchema.periodChange

    public var fields: [CSVField] {
        [.text(from), .text(to), .text(group), .count(n), .number(outcomesPer100kFrom), .number(outcomesPer100kTo),
         .number(change), .number(ciLow), .number(ciHigh), .number(pValue)]
    }

    public init(reading cells: inout RunFileCells) throws(VFMError) {
        self.init(from: try cells.requiredText(), to: try cells.requiredText(), group: try cells.requiredText(),
                  n: try cells.requiredCount(), outcomesPer100kFrom: try cells.number(),
                  outcomesPer100kTo: try cells.number(), change: try cells.number(), ciLow: try cells.number(),
                  ciHigh: try cells.number(), pValue: try cells.number())
    }
}

extension PeriodEditRow: RunFileRow {
    package static let schema = RunFileSchema.periodEdits

    public var fields: [CSVField] {
        [.text(authority), .text(service), .text(from), .text(to), .text(variable), .number(valueFrom),
         .number(valueTo), .number(ratio), .number(effect), .number(effectLow), .number(effectHigh), .text(outcome)]
    }

    public init(reading cells: inout RunFileCells) throws(VFMError) {
        self.init(authority: try cells.requiredText(), service: try cells.requiredText(), from: try cells.requiredText(),
                  to: try cells.requiredText(), variable: try cells.requiredText(), valueFrom: try cells.number(),
                  valueTo: try cells.number(), ratio: try cells.number(), effect: try cells.number(),
                  effectLow: try cells.number(), effectHigh: try cells.number(), outcome: try cells.requiredText())
    }
}
