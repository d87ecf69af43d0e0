import Analysis
import Cleaning
import VFMCore

/// Everything the report is rendered from, as the earlier stages left it in the run
/// directory. A table that was not produced is `nil`, and the report says so instead of
/// printing a figure that does not exist.
public struct RunData: Sendable {
    public var inputs: RunInputs?
    public var services: RunTable?
    public var rejected: RunTable?
    public var flags: RunTable?
    public var descriptives: RunTable?
    public var correlations: RunTable?
    public var outcomeMix: RunTable?
    public var supportLevels: RunTable?
    public var benchmark: RunTable?
    public var bands: RunTable?
    public var trendLines: RunTable?
    public var budget = BudgetTables()
    /// SPEC §14's model tables; each `nil` when the run did not write it (an older run).
    package var model = ModelTables()
    /// SPEC §11's period tables; `nil` when the run did not write them (an older run).
    public var periodTables: PeriodTables?
    /// The typed values `services` and `flags` read from (`vfm run`, `ReportInput`), so the
    /// report's passes over every service use typed columns instead of cell text.
    var typedServices: [CleanedService]?
    /// The typed rows `benchmark` reads from.
    var typedBenchmark: BenchmarkTable?

    /// Reads every file of `RunLayout` that the report uses; absent files are `nil`.
    public static func read(runDirectory dir: String) throws(VFMError) -> RunData {
        try read(runDirectory: dir, typed: nil)
    }

    /// As `read(runDirectory:)`, but the services, their flags and the benchmark — the
    /// tables that grow with the number of services — come from `typed`, the values those
    /// files were written from, instead of being read back as strings.
    static func read(runDirectory dir: String, typed: ReportInput?) throws(VFMError) -> RunData {
        func table(_ path: String) throws(VFMError) -> RunTable? {
            try RunTableReader.readIfPresent(runDirectory: dir, relativePath: path)
        }
        let ingest = try RunInputs.readIfPresent(runDirectory: dir, relativePath: RunLayout.ingestInputs)
        let clean = try RunInputs.readIfPresent(runDirectory: dir, relativePath: RunLayout.cleanInputs)
        var data = RunData()
        data.inputs = RunInputs.merged(ingest: ingest, clean: clean)
        if let typed {
            data.services = RunTable.typedServices(typed.clean.services, file: RunLayout.cleanServices)
            data.flags = RunTable.typedFlags(typed.clean.services, file: RunLayout.cleanFlags)
            data.typedServices = typed.clean.services
        } else {
            data.services = try table(RunLayout.cleanServices)
            data.flags = try table(RunLayout.cleanFlags)
        }
        data.rejected = try table(RunLayout.cleanRejected)
        if data.rejected == nil { data.rejected = try table(RunLayout.ingestRejected) }
        data.descriptives = try table(RunLayout.descriptives)
        data.correlations = try table(RunLayout.correlations)
        data.outcomeMix = try table(RunLayout.outcomeMix)
        data.supportLevels = try table(RunLayout.supportLevels)
        if let typed {
            data.benchmark = RunTable.typed(typed.analysis.benchmark, file: RunLayout.benchmark)
            data.typedBenchmark = typed.analysis.benchmark
        } else {
            data.benchmark = try table(RunLayout.benchmark)
        }
        data.bands = try table(RunLayout.bands)
        data.trendLines = try table(RunLayout.trendLines)
        data.budget = try BudgetTables.read(runDirectory: dir)
        data.model = try ModelTables.read(runDirectory: dir)
        // The edits grow with the services: typed, they are not read back as text.
        if let typed {
            data.periodTables = typed.analysis.periodTables
        } else {
            data.periodTables = try PeriodTables.read(runDirectory: dir)
        }
        return data
    }
}
