import Analysis
import Cleaning
import PipelineDefinition
import Reporting
import Returns
import VFMCore

/// The four stages, each run and written into a run directory. `vfm run` and the stage
/// executables (`vfm-ingest` …) call exactly these functions, which is why running the
/// four by hand gives the same bytes as `vfm run` (SPEC §3).
public enum StageSteps {
    /// Reads the returns and writes `ingest/`.
    public static func ingest(inputs: [String], pipeline: LoadedPipeline, runDirectory: String,
                              log: StageLog) throws(VFMError) -> (IngestResult, StageSummary) {
        let start = ContinuousClock.now
        let result = try IngestStage.run(inputs: inputs, pipeline: pipeline.definition, log: log)
        try result.write(toRunDirectory: runDirectory)
        let read = result.files.reduce(0) { $0 + $1.rowsRead }
        let counts = "\(read) rows in, \(result.returns.count) out, \(result.rejected.count) rejected"
        return (result, StageSummary(stage: "ingest", counts: counts, milliseconds: elapsedMilliseconds(since: start)))
    }

    /// Derives the measures, rejects and flags rows, and writes `clean/`.
    /// - Throws: `.dataError` (65) after writing, when no row at all was accepted — there is
    ///   nothing to analyse (SPEC §3 "no valid row"); `clean/rejected.csv` says why.
    public static func clean(_ ingest: IngestResult, pipeline: LoadedPipeline, runDirectory: String,
                             log: StageLog) throws(VFMError) -> (CleanResult, StageSummary) {
        let start = ContinuousClock.now
        let result = CleanStage.run(ingest, pipeline: pipeline.definition, log: log)
        try result.write(toRunDirectory: runDirectory)
        let rejectedHere = max(result.rejected.count - ingest.rejected.count, 0)
        let flagged = result.services.filter { !$0.flags.isEmpty }.count
        let counts = "\(ingest.returns.count) rows in, \(result.services.count) out, \(rejectedHere) rejected, \(flagged) flagged"
        let summary = StageSummary(stage: "clean", counts: counts, milliseconds: elapsedMilliseconds(since: start))
        guard !result.services.isEmpty else {
            let total = result.files.reduce(0) { $0 + $1.rowsRead }
            throw VFMError(.dataError, "no valid row: all \(total) rows read were rejected",
                           file: result.files.count == 1 ? result.files.first?.path : nil,
                           hint: "see the reasons logged above (and in \(RunLayout.cleanRejected)); fix those rows and run again")
        }
        return (result, summary)
    }

    /// Computes the tables and writes `tables/`.
    public static func analyze(_ clean: CleanResult, pipeline: LoadedPipeline, runDirectory: String,
                               log: StageLog) throws(VFMError) -> StageSummary {
        let start = ContinuousClock.now
        let result = AnalyzeStage.run(clean, pipeline: pipeline.definition, log: log)
        try result.write(toRunDirectory: runDirectory)
        let excluded = clean.services.filter(\.excludedFromStatistics).count
        let counts = "\(clean.services.count) services in, \(clean.services.count - excluded) in statistics, \(excluded) excluded as outliers"
        return StageSummary(stage: "analyze", counts: counts, milliseconds: elapsedMilliseconds(since: start))
    }

    /// Writes `report.md`, `charts/` and, last, `manifest.json`.
    public static func report(pipeline: LoadedPipeline, runDirectory: String, log: StageLog) throws(VFMError) -> StageSummary {
        let start = ContinuousClock.now
        try ReportStage.run(runDirectory: runDirectory, pipeline: pipeline, log: log)
        return StageSummary(stage: "report", counts: "", milliseconds: elapsedMilliseconds(since: start))
    }
}

/// The pipeline a command runs: `--config FILE`, or the built-in NDTi 2014 definition.
public enum PipelineChoice {
    /// - Throws: `.badPipeline` (78) naming file, line and key; `.noInput` (66) for a missing file.
    public static func load(config: String?) throws(VFMError) -> LoadedPipeline {
        guard let config else { return PipelineDefinition.builtIn() }
        return try PipelineDefinition.load(path: config)
    }
}
