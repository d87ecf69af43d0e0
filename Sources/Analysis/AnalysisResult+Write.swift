import Cleaning
import Foundation
import PipelineDefinition
import RunFiles
import Tabular
import VFMCore

extension AnalysisResult {
    /// Writes `tables/*.csv` (SPEC §7 columns, plus `bands.csv` and `trend_lines.csv`) into
    /// a run directory: full precision, missing = empty cell, LF, rows in result order.
    /// By hand nothing else runs beside it: the benchmark (three rows a service) is encoded
    /// on both cores, after the other tables (`vfm run` writes them in the background while
    /// the report renders).
    public func write(toRunDirectory dir: String) throws(VFMError) {
        try writeTables(toRunDirectory: dir)
        try writeBenchmark(toRunDirectory: dir, encodingOn: 2)
    }

    /// `tables/benchmark.csv`, the table that grows with the services (`vfm run` writes it
    /// in the background, on one core, while the report renders).
    public func writeBenchmark(toRunDirectory dir: String, encodingOn cores: Int = 1) throws(VFMError) {
        try benchmark.write(to: dir + "/" + RunLayout.benchmark, displayName: RunLayout.benchmark, encodingOn: cores)
    }

    /// Every table but the benchmark: what the report reads of the analysis.
    public func writeTables(toRunDirectory dir: String) throws(VFMError) {
        func write<Row: RunFileRow>(_ rows: [Row], _ path: String) throws(VFMError) {
            try CSVFileWriter.write(rows, to: dir + "/" + path, displayName: path)
        }
        try write(descriptives, RunLayout.descriptives)
        try write(correlations, RunLayout.correlations)
        try write(outcomeMix, RunLayout.outcomeMix)
        try write(supportLevels, RunLayout.supportLevels)
        try write(bands, RunLayout.bands)
        try write(trendLines, RunLayout.trendLines)
        try write(valueForMoney, RunLayout.valueForMoney)
        try write(scenarios, RunLayout.scenarios)
        try write(valueForMoneyBasis, RunLayout.valueForMoneyBasis)
        try write(periodTables.periods, RunLayout.periods)
        try write(periodTables.change, RunLayout.periodChange)
        try write(periodTables.edits, RunLayout.periodEdits)
        try write(model, RunLayout.model)
        try write(modelFit, RunLayout.modelFit)
    }

    /// Each table as (run-directory path, CSV text), in a fixed order.
    func csvFiles() -> [(String, String)] {
        [
            (RunLayout.descriptives, CSVWriter.document(descriptives)),
            (RunLayout.correlations, CSVWriter.document(correlations)),
            (RunLayout.outcomeMix, CSVWriter.document(outcomeMix)),
            (RunLayout.supportLevels, CSVWriter.document(supportLevels)),
            (RunLayout.bands, CSVWriter.document(bands)),
            (RunLayout.benchmark, CSVWriter.document(benchmark)),
            (RunLayout.trendLines, CSVWriter.document(trendLines)),
            (RunLayout.valueForMoney, CSVWriter.document(valueForMoney)),
            (RunLayout.scenarios, CSVWriter.document(scenarios)),
            (RunLayout.valueForMoneyBasis, CSVWriter.document(valueForMoneyBasis)),
            (RunLayout.periods, CSVWriter.document(periodTables.periods)),
            (RunLayout.periodChange, CSVWriter.document(periodTables.change)),
            (RunLayout.periodEdits, CSVWriter.document(periodTables.edits)),
            (RunLayout.model, CSVWriter.document(model)),
            (RunLayout.modelFit, CSVWriter.document(modelFit)),
        ]
    }

    /// Reads what `write(toRunDirectory:)` wrote: every table back as the typed rows it
    /// was written from (the report starts here when run by hand).
    ///
    /// `tables/benchmark.csv` is checked to be there but not read: it is `services` placed
    /// against the bands, three rows a service, so the bands read back place `services`
    /// (the current returns of `clean/services.csv`, which the report reads anyway) again,
    /// as the analyze stage placed them (issue 25: reading the file back was a quarter of
    /// `vfm-report`'s time by hand, and its rows most of what it held beyond `vfm run`).
    /// - Throws: `.noInput` (66) when a table is missing (run the analyze stage first);
    ///   `.dataError` (65) naming file, line and column when one is damaged.
    public static func read(fromRunDirectory dir: String, placing services: [CleanedService]) throws(VFMError) -> AnalysisResult {
        let hint = "this file is written by vfm-analyze; run the analyze stage again to rewrite it"
        let missingHint = "run vfm-analyze on this run directory first"
        func rows<Row: RunFileRow>(_ path: String, _: Row.Type) throws(VFMError) -> [Row] {
            do {
                return try RunFileCSV(file: path, hint: hint).rows(ofFile: (dir as NSString).appendingPathComponent(path), as: Row.self)
            } catch {
                var error = error
                if error.status == .noInput { error.hint = missingHint }
                throw error
            }
        }
        guard FileManager.default.fileExists(atPath: (dir as NSString).appendingPathComponent(RunLayout.benchmark)) else {
            throw VFMError(.noInput, "file not found", file: RunLayout.benchmark, hint: missingHint)
        }
        let bands = try rows(RunLayout.bands, BandRow.self)
        var result = AnalysisResult(
            descriptives: try rows(RunLayout.descriptives, DescriptiveRow.self),
            correlations: try rows(RunLayout.correlations, CorrelationRow.self),
            outcomeMix: try rows(RunLayout.outcomeMix, OutcomeMixRow.self),
            supportLevels: try rows(RunLayout.supportLevels, SupportLevelRow.self),
            bands: bands,
            benchmark: BenchmarkTable(services: services, bands: bands),
            trendLines: try rows(RunLayout.trendLines, TrendLineRow.self),
            valueForMoney: try rows(RunLayout.valueForMoney, ValueForMoneyRow.self),
            scenarios: try rows(RunLayout.scenarios, ScenarioRow.self),
            valueForMoneyBasis: try rows(RunLayout.valueForMoneyBasis, ValueForMoneyBasis.self))
        result.periodTables.periods = try rows(RunLayout.periods, PeriodRow.self)
        result.periodTables.change = try rows(RunLayout.periodChange, PeriodChangeRow.self)
        result.periodTables.edits = try rows(RunLayout.periodEdits, PeriodEditRow.self)
        result.model = try rows(RunLayout.model, ModelRow.self)
        result.modelFit = try rows(RunLayout.modelFit, ModelFitRow.self)
        return result
    }
}
