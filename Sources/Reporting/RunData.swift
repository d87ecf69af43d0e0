import Analysis
import Cleaning
import Returns
import RunFiles
import VFMCore

/// Everything the report is rendered from, typed: in `vfm run` the values the earlier
/// stages handed over in memory (`ReportInput`), for `vfm-report` run by hand the same
/// types read from the run directory through the files' schemas. A table that was not
/// produced is `nil`, and the report says so instead of printing a figure that does not
/// exist. Nothing here is cell text read back: a figure goes from the analysis to the
/// report's formatter once.
public struct RunData: Sendable {
    public var inputs: RunInputs?
    /// `clean/services.csv`, each service with its flags from `clean/flags.csv`.
    var services: [CleanedService]?
    /// `clean/flags.csv` was produced (the services' flags are then complete).
    var hasFlags = false
    /// `clean/rejected.csv`, else `ingest/rejected.csv`; `rejectedFile` says which.
    var rejected: [RejectedRow]?
    var rejectedFile = RunLayout.cleanRejected
    var descriptives: [DescriptiveRow]?
    var correlations: [CorrelationRow]?
    var outcomeMix: [OutcomeMixRow]?
    var supportLevels: [SupportLevelRow]?
    var benchmark: BenchmarkTable?
    var bands: [BandRow]?
    var trendLines: [TrendLineRow]?
    public var budget = BudgetTables()
    /// SPEC §14's model tables; each `nil` when the run did not write it (an older run).
    package var model = ModelTables()
    /// SPEC §11's period tables; `nil` when the run did not write them (an older run).
    public var periodTables: PeriodTables?

    /// The run's flags, service by service in file order, as `clean/flags.csv` lists
    /// them: each as the positions of its service and of the flag in it, so that a million
    /// flags copy no service.
    var flags: [FlagPosition]? {
        guard hasFlags, let services else { return nil }
        var positions: [FlagPosition] = []
        for (service, entry) in services.enumerated() {
            for flag in entry.flags.indices { positions.append(FlagPosition(service: Int32(service), flag: Int32(flag))) }
        }
        return positions
    }

    /// One flag of `services`: `services[service].flags[flag]`.
    struct FlagPosition {
        var service: Int32
        var flag: Int32
    }

    /// The files of `runDirectory` that the report uses, each when present (`vfm-report`
    /// by hand, on a run directory the earlier stages left).
    /// - Throws: `.dataError` (65) naming file, line and column for a damaged file.
    public static func read(runDirectory dir: String) throws(VFMError) -> RunData {
        var data = RunData()
        data.inputs = try inputs(dir)
        let clean = try CleanResult.readForReport(fromRunDirectory: dir)
        data.services = clean.services
        data.hasFlags = clean.flagged
        data.rejected = clean.rejected?.rows
        data.rejectedFile = clean.rejected?.file ?? RunLayout.cleanRejected
        data.descriptives = try AnalysisFiles.rowsIfPresent(dir, RunLayout.descriptives)
        data.correlations = try AnalysisFiles.rowsIfPresent(dir, RunLayout.correlations)
        data.outcomeMix = try AnalysisFiles.rowsIfPresent(dir, RunLayout.outcomeMix)
        data.supportLevels = try AnalysisFiles.rowsIfPresent(dir, RunLayout.supportLevels)
        data.benchmark = try (AnalysisFiles.rowsIfPresent(dir, RunLayout.benchmark) as [BenchmarkRow]?).map(BenchmarkTable.init)
        data.bands = try AnalysisFiles.rowsIfPresent(dir, RunLayout.bands)
        data.trendLines = try AnalysisFiles.rowsIfPresent(dir, RunLayout.trendLines)
        data.budget = try BudgetTables.read(runDirectory: dir)
        data.periodTables = try PeriodTables.read(runDirectory: dir)
        data.model = try ModelTables.read(runDirectory: dir)
        return data
    }

    /// The typed results `vfm run` hands over (or `ReportInput.read` loads), with the
    /// inputs' summaries from `dir`.
    static func read(runDirectory dir: String, typed input: ReportInput) throws(VFMError) -> RunData {
        var data = RunData()
        data.inputs = try inputs(dir)
        data.services = input.clean.services
        data.hasFlags = true
        data.rejected = input.clean.rejected
        let analysis = input.analysis
        data.descriptives = analysis.descriptives
        data.correlations = analysis.correlations
        data.outcomeMix = analysis.outcomeMix
        data.supportLevels = analysis.supportLevels
        data.benchmark = analysis.benchmark
        data.bands = analysis.bands
        data.trendLines = analysis.trendLines
        data.budget = BudgetTables(valueForMoney: analysis.valueForMoney, scenarios: analysis.scenarios,
                                   basis: analysis.valueForMoneyBasis)
        data.periodTables = analysis.periodTables
        data.model = ModelTables(model: analysis.model, fit: analysis.modelFit)
        return data
    }

    private static func inputs(_ dir: String) throws(VFMError) -> RunInputs? {
        let ingest = try RunInputs.readIfPresent(runDirectory: dir, relativePath: RunLayout.ingestInputs)
        let clean = try RunInputs.readIfPresent(runDirectory: dir, relativePath: RunLayout.cleanInputs)
        return RunInputs.merged(ingest: ingest, clean: clean)
    }
}
