import Foundation
import RunFiles
import StatisticsKernel
import Tabular
import VFMCore

// Cells and reading back of the model's two files (SPEC §14), under the headers of their
// schemas (`RunFileSchema.model`, `.modelFit`, SPEC §13).

extension ModelRow: RunFileRow {
    package static let schema = RunFileSchema.model

    package var fields: [CSVField] {
        [.text(term), .number(coefficient.estimate), .number(coefficient.standardError), .number(coefficient.rateRatio),
         .number(coefficient.ciLow), .number(coefficient.ciHigh), .number(coefficient.pValue)]
    }

    package init(reading cells: inout RunFileCells) throws(VFMError) {
        let term = try cells.requiredText()
        guard let estimate = try cells.number() else { throw cells.reader.corrupt("`estimate` is empty", line: cells.line) }
        self.init(term: term, coefficient: PoissonCoefficient(
            estimate: estimate, standardError: try cells.number(), rateRatio: try cells.number(), ciLow: try cells.number(),
            ciHigh: try cells.number(), pValue: try cells.number()))
    }
}

extension ModelFitRow: RunFileRow {
    package static let schema = RunFileSchema.modelFit

    package var fields: [CSVField] {
        [.count(n), .count(parameters), .number(dispersion), .number(deviance), .count(iterations)]
    }

    package init(reading cells: inout RunFileCells) throws(VFMError) {
        self.init(n: try cells.requiredCount(), parameters: try cells.requiredCount(), dispersion: try cells.number(),
                  deviance: try cells.number(), iterations: try cells.count())
    }
}

/// The model's two tables of a run as typed rows, as the report takes them from
/// `AnalysisResult`.
package struct ModelTables: Sendable, Equatable {
    package var model: [ModelRow]
    package var fit: [ModelFitRow]

    package init(model: [ModelRow], fit: [ModelFitRow]) {
        self.model = model
        self.fit = fit
    }
}
