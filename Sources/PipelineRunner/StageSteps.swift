import Analysis
import Cleaning
import Foundation
import PipelineDefinition
import Reporting
import Returns
import RunFiles
import VFMCore

/// The four stages, each run and written into a run directory. `vfm run` and the stage
/// executables (`vfm-ingest` …) call exactly these functions, which is why running the
/// four by hand gives the same bytes as `vfm run` (SPEC §3); each stage run by hand also
/// describes the run's CSV files so far in `datapackage.json` (SPEC §13). Each stage logs its own line
/// of counts (rows in/out/rejected/flagged); `vfm run` adds the times.
public enum StageSteps {
    /// Reads the returns and writes `ingest/`.
    /// `sheet`: `--sheet NAME` for `.xlsx` inputs (overrides the pipeline's `[input] sheet`).
    /// `skipBadFiles`: `--skip-bad-files`, see `IngestStage.run`.
    public static func ingest(inputs: [String], sheet: String? = nil, skipBadFiles: Bool = false, pipeline: LoadedPipeline,
                              runDirectory: String, log: StageLog) throws(VFMError) -> IngestResult {
        let result = try compute(inputs: inputs, sheet: sheet, skipBadFiles: skipBadFiles, pipeline: pipeline, log: log)
        try result.write(toRunDirectory: runDirectory)
        try DataPackage.write(runDirectory: runDirectory)
        return result
    }

    /// Reads the returns, without writing (`vfm run` writes `ingest/` in the background).
    static func compute(inputs: [String], sheet: String?, skipBadFiles: Bool = false, pipeline: LoadedPipeline,
                        log: StageLog) throws(VFMError) -> IngestResult {
        try IngestStage.run(inputs: inputs, pipeline: pipeline.definition, sheet: sheet, skipBadFiles: skipBadFiles, log: log)
    }

    /// Derives the measures, rejects and flags rows, and writes `clean/`.
    /// - Throws: `.dataError` (65) after writing, when no row at all was accepted — there is
    ///   nothing to analyse (SPEC §3 "no valid row"); `clean/rejected.csv` says why.
    /// `period`: `--period LABEL` (SPEC §11), overriding the pipeline's `[periods] current`.
    /// `previous`: `--previous RUN_DIR` (SPEC §11), a published run of earlier periods.
    public static func clean(_ ingest: consuming IngestResult, pipeline: LoadedPipeline, period: String? = nil,
                             previous: String? = nil, runDirectory: String, log: StageLog) throws(VFMError) -> CleanResult {
        let pipeline = PeriodChoice.applying(period, to: pipeline)
        let earlier = try previous.map { dir throws(VFMError) in try EarlierRun.load(dir) }
        let result = EarlierRun.recording(earlier, in: PeriodChoice.recording(period, in: CleanStage.run(
            ingest, pipeline: pipeline.definition, previous: earlier?.services ?? [], log: log)))
        try result.write(toRunDirectory: runDirectory)
        try DataPackage.write(runDirectory: runDirectory)
        try requireAcceptedRows(result)
        try PeriodChoice.requireRows(of: result, option: period, pipeline: pipeline.definition)
        return result
    }

    /// The `.dataError` (65) of a clean stage that accepted no row at all — there is nothing
    /// to analyse (SPEC §3 "no valid row"); `clean/rejected.csv` says why.
    static func requireAcceptedRows(_ result: CleanResult) throws(VFMError) {
        guard !result.services.isEmpty else {
            let total = result.files.reduce(0) { $0 + $1.rowsRead }
            throw VFMError(.dataError, "no valid row: all \(total) rows read were rejected",
                           file: result.files.count == 1 ? result.files.first?.path : nil,
                           hint: "see the reasons logged above (and in \(RunLayout.cleanRejected)); fix those rows and run again")
        }
    }

    /// Computes the tables and writes `tables/`.
    @discardableResult
    public static func analyze(_ clean: CleanResult, pipeline: LoadedPipeline, runDirectory: String,
                               log: StageLog) throws(VFMError) -> AnalysisResult {
        let result = AnalyzeStage.run(clean, pipeline: pipeline.definition, log: log)
        try result.write(toRunDirectory: runDirectory)
        try DataPackage.write(runDirectory: runDirectory)
        return result
    }

    /// Writes `report.md`, `charts/` and, last, `manifest.json`, from the typed results.
    public static func report(_ input: ReportInput, pipeline: LoadedPipeline, runDirectory: String,
                              log: StageLog) throws(VFMError) {
        try ReportStage.run(input, runDirectory: runDirectory, pipeline: pipeline, log: log)
    }

    /// The report without its manifest (`ReportStage.render`): `vfm run` writes the
    /// manifest once the background writes are done.
    static func renderReport(_ input: ReportInput, pipeline: LoadedPipeline, runDirectory: String,
                             log: StageLog) throws(VFMError) -> RenderedReport {
        try ReportStage.render(input, runDirectory: runDirectory, pipeline: pipeline, log: log)
    }

    /// `vfm-clean`: the clean stage on the ingest files of `runDirectory`.
    public static func clean(pipeline: LoadedPipeline, period: String? = nil, previous: String? = nil,
                             runDirectory: String, log: StageLog) throws(VFMError) {
        HeldUntilExit.hold(try clean(try IngestResult.read(fromRunDirectory: runDirectory), pipeline: pipeline,
                                     period: period, previous: previous, runDirectory: runDirectory, log: log))
    }

    /// `vfm-analyze`: the analyze stage on the clean files of `runDirectory`.
    /// `previous`: the `--previous RUN_DIR` vfm-clean was given (its earlier returns feed
    /// the period tables; they are not in `clean/services.csv`).
    public static func analyze(pipeline: LoadedPipeline, previous: String? = nil, runDirectory: String,
                               log: StageLog) throws(VFMError) {
        // The analysis uses neither the flags nor the rejected rows: only the services are read.
        var clean = try CleanResult.readForAnalysis(fromRunDirectory: runDirectory)
        if let previous {
            let earlier = try EarlierRun.load(previous)
            guard clean.previousRun == earlier.manifestSHA256 else {
                throw VFMError(.usage, "--previous names another run than vfm-clean was given (or that run changed since)",
                               file: previous, hint: "give vfm-clean and vfm-analyze the same --previous, and run vfm-clean again")
            }
            clean = earlier.joined(to: clean)
        } else if clean.previousRun != nil {
            throw VFMError(.usage, "vfm-clean was given --previous; vfm-analyze needs the same --previous RUN_DIR",
                           file: RunLayout.cleanInputs, hint: "run vfm-analyze --previous with the run given to vfm-clean")
        }
        HeldUntilExit.hold(try analyze(clean, pipeline: pipeline, runDirectory: runDirectory, log: log))
        HeldUntilExit.hold(clean)
    }

    /// `vfm-report`: the report stage, after checking the earlier stages ran on `runDirectory`.
    public static func reportByHand(pipeline: LoadedPipeline, runDirectory: String, log: StageLog) throws(VFMError) {
        try requireEarlierStages(of: "vfm-report", files: [
            (RunLayout.ingestInputs, "vfm-ingest"), (RunLayout.cleanServices, "vfm-clean"),
            (RunLayout.descriptives, "vfm-analyze"),
        ], runDirectory: runDirectory)
        // The earlier stages' files are hashed for the manifest in the time a core would idle
        // while the report reads and renders, instead of after it (issue 25: a tenth of
        // `vfm-report`'s time by hand). What is not hashed by then — a file that could not
        // be, or that changed — the manifest hashes, and reports a failure of, as before.
        let earlierFiles = try RunManifest.outputFiles(in: runDirectory).filter { path in
            RunLayout.earlierStageDirectories.contains { path.hasPrefix($0 + "/") }
        }
        let hashing = IdleTimeWork { isWanted in
            for path in earlierFiles where isWanted() {
                try? FileSystem.recordSHA256(ofFileAt: (runDirectory as NSString).appendingPathComponent(path))
            }
        }
        defer { hashing.finish() }
        let input = try ReportInput.read(fromRunDirectory: runDirectory, pipeline: pipeline)
        let rendered = try renderReport(input, pipeline: pipeline, runDirectory: runDirectory, log: log)
        HeldUntilExit.hold(input)
        hashing.finish()
        try rendered.writeManifest()
    }

    /// The files each stage's executable needs from the earlier stages, checked before it
    /// runs so that `vfm-report` on the wrong directory fails (66) instead of writing an
    /// empty report. (`vfm run` always has them.)
    static func requireEarlierStages(of stage: String, files: [(path: String, writtenBy: String)],
                                            runDirectory: String) throws(VFMError) {
        for (path, writtenBy) in files {
            let full = (runDirectory as NSString).appendingPathComponent(path)
            guard FileManager.default.fileExists(atPath: full) else {
                throw VFMError(.noInput, "\(stage) needs \(path), which is not there", file: full,
                               hint: "run \(writtenBy) --run-dir \(runDirectory) first")
            }
        }
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
