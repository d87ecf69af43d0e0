import Foundation
import RunFiles
import Tabular
import VFMCore

// Cells and reading back of the three "what a budget buys" files (SPEC §6.1, §7), under
// the headers of their schemas (`RunFileSchema`, SPEC §13).
// Reporting and `vfm scenario` read them back through these, so a published run is priced
// from exactly the numbers the analyze stage wrote.

extension ValueForMoneyRow: RunFileRow {
    package static let schema = RunFileSchema.valueForMoney

    public var fields: [CSVField] {
        [.text(group), .count(n), .number(totalCost), .number(jobOutcomes), .number(pooledCostPerOutcome),
         .number(meanCostPerOutcome), .number(outcomesPer100k), .number(ciLow), .number(ciHigh)]
    }

    public init(reading cells: inout RunFileCells) throws(VFMError) {
        self.init(group: try cells.requiredText(), n: try cells.requiredCount(), totalCost: try cells.number(),
                  jobOutcomes: try cells.number(), pooledCostPerOutcome: try cells.number(),
                  meanCostPerOutcome: try cells.number(), outcomesPer100k: try cells.number(),
                  ciLow: try cells.number(), ciHigh: try cells.number())
    }
}

extension ScenarioRow: RunFileRow {
    package static let schema = RunFileSchema.scenarios

    public var fields: [CSVField] {
        [.text(scenario), .text(kind), .text(group), .text(quantity.rawValue), .number(value), .number(ciLow),
         .number(ciHigh)]
    }

    public init(reading cells: inout RunFileCells) throws(VFMError) {
        self.init(scenario: try cells.requiredText(), kind: try cells.requiredText(), group: try cells.requiredText(),
                  quantity: try cells.requiredValue(ScenarioQuantity.self), value: try cells.number(),
                  ciLow: try cells.number(), ciHigh: try cells.number())
    }
}

extension ValueForMoneyBasis: RunFileRow {
    package static let schema = RunFileSchema.valueForMoneyBasis

    public var fields: [CSVField] {
        [.text(group), .count(n), .number(totalCost), .number(jobOutcomes), .number(outcomesPerPound),
         .number(standardError)]
    }

    public init(reading cells: inout RunFileCells) throws(VFMError) {
        self.init(group: try cells.requiredText(), n: try cells.requiredCount(), totalCost: try cells.number(),
                  jobOutcomes: try cells.number(), outcomesPerPound: try cells.number(),
                  standardError: try cells.number())
    }
}

/// The three "what a budget buys" tables of a run as typed rows, as the report takes them
/// from `AnalysisResult`.
public struct BudgetTables: Sendable {
    public var valueForMoney: [ValueForMoneyRow]
    public var scenarios: [ScenarioRow]
    public var basis: [ValueForMoneyBasis]

    public init(valueForMoney: [ValueForMoneyRow], scenarios: [ScenarioRow],
                basis: [ValueForMoneyBasis]) {
        self.valueForMoney = valueForMoney
        self.scenarios = scenarios
        self.basis = basis
    }
}
