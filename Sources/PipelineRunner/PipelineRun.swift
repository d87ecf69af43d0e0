import Analysis
import Cleaning
import Foundation
import PipelineDefinition
import Returns
import RunFiles
import VFMCore

/// What `vfm run` was asked to do (SPEC §3).
public struct RunRequest: Sendable {
    /// Files or directories; already resolved (the default sample is chosen by the command).
    public var inputs: [String]
    /// `--config FILE`, or `nil` for the built-in NDTi 2014 pipeline.
    public var config: String?
    /// `--output DIR`.
    public var output: String
    /// `--force`: run even when the published run is up to date.
    public var force: Bool
    public var failOn: FailOnPolicy?
    /// `--dry-run`: say what would run and why; write nothing.
    public var dryRun: Bool
    public var log: StageLog
    /// `--sheet NAME`: the worksheet of `.xlsx` inputs.
    public var sheet: String?
    /// `--period LABEL`: the current period (SPEC §11), overriding `[periods] current`.
    public var period: String? = nil
    /// `--previous RUN_DIR`: a published run of earlier periods (SPEC §11).
    public var previous: String? = nil
    /// The run `previous` names, loaded and checked once the run starts.
    var earlierRun: EarlierRun? = nil
    /// `--skip-bad-files`: leave out a file that cannot be read as a table (`IngestStage.run`).
    public var skipBadFiles = false
    /// `--reference FILE` (SPEC §12): a spending survey's Work Choice table.
    public var reference: String? = nil

    public init(inputs: [String], config: String?, output: String, force: Bool, failOn: FailOnPolicy?,
                dryRun: Bool = false, log: StageLog, sheet: String? = nil) {
        self.sheet = sheet
        self.inputs = inputs
        self.config = config
        self.output = output
        self.force = force
        self.failOn = failOn
        self.dryRun = dryRun
        self.log = log
    }
}

/// How a `vfm run` that did not fail ended.
public enum RunOutcome: Sendable, Equatable {
    /// A new run was published to the destination.
    case published(PublishedCounts)
    /// Inputs, pipeline and tool version were unchanged: nothing was rewritten.
    case upToDate(PublishedCounts)
    /// `--dry-run`: a run would be needed, for these reasons; nothing was written.
    case wouldRun([RerunReason])

    /// What the published run holds, for `--fail-on`; `nil` after a dry run that found
    /// nothing current.
    public var counts: PublishedCounts? {
        switch self {
        case .published(let counts), .upToDate(let counts): return counts
        case .wouldRun: return nil
        }
    }
}

/// `vfm run`: look (read-only) → skip if unchanged → lock → stage into a temporary
/// directory → publish atomically. On any error the staging directory is deleted and the
/// destination keeps the previous complete run (SPEC §3, §7).
///
/// The look takes the lock *shared* and opens nothing for writing, so an up-to-date run
/// and `--dry-run` write nothing at all — they work on a read-only filesystem and create no
/// lock file or staging directory. Only a run that will publish takes the lock exclusively.
public enum PipelineRun {
    public static func run(_ request: RunRequest) throws(VFMError) -> RunOutcome {
        var request = request
        let log = request.log
        let pipeline = PeriodChoice.applying(request.period, to: try PipelineChoice.load(config: request.config))
        try SurveyRun.checkOptions(request, pipeline: pipeline)
        let destination = try RunDestination(request.output)
        var identity = try RunIdentity.of(inputs: request.inputs, pipeline: pipeline)
        identity.reference = try SurveyRun.referenceFingerprint(request.reference)
        identity.sheetOption = request.sheet
        identity.periodOption = request.period
        let earlier = try request.previous.map { dir throws(VFMError) in try EarlierRun.load(dir) }
        identity.previousRun = earlier?.manifestSHA256
        request.earlierRun = earlier
        let looked = try look(at: destination, for: identity, force: request.force)
        switch looked.decision {
        case .upToDate(let counts):
            log.info("up to date: \(destination.path) already holds the run of these inputs, pipeline and vfm \(identity.toolVersion); nothing rewritten (--force re-runs)")
            if !request.dryRun { removeLeftoversIfFree(destination, log: log) }
            return .upToDate(counts)
        case .run(let reasons):
            if request.dryRun {
                try destination.checkReplaceable()
                return .wouldRun(reasons)
            }
        }
        let lock = try RunLock.acquire(for: destination)
        defer { lock.release() }
        TestHook.pause(after: "lock")
        StagingDirectory.removeLeftovers(of: destination, log: log)
        var decision = looked.decision
        // Another run may have published between the look and the lock: look again only
        // if the manifest is not the one we read.
        if !request.force, manifestBytes(destination) != looked.manifest {
            decision = UpToDateCheck.decide(at: destination, for: identity)
            if case .upToDate(let counts) = decision {
                log.info("up to date: \(destination.path) was just published by another run with these inputs, pipeline and vfm \(identity.toolVersion); nothing rewritten")
                return .upToDate(counts)
            }
        }
        if case .run(let reasons) = decision { log.info("running: \(RerunReason.line(reasons))") }
        return try runLocked(request, pipeline: pipeline, destination: destination)
    }

    /// The decision, made under a shared lock, and the manifest's bytes it was made on.
    private static func look(at destination: RunDestination, for identity: RunIdentity,
                             force: Bool) throws(VFMError) -> (decision: RunDecision, manifest: [UInt8]?) {
        let shared = try RunLock.shared(for: destination)
        defer { shared?.release() }
        let manifest = manifestBytes(destination)
        if force { return (.run([.forced]), manifest) }
        return (UpToDateCheck.decide(at: destination, for: identity), manifest)
    }

    private static func manifestBytes(_ destination: RunDestination) -> [UInt8]? {
        try? FileSystem.readBytes(destination.file(RunLayout.manifest))
    }

    /// An up-to-date run still clears what killed runs left behind, when it can take the
    /// lock; when it cannot (read-only, another run), it leaves them for a later run.
    private static func removeLeftoversIfFree(_ destination: RunDestination, log: StageLog) {
        guard !StagingDirectory.leftovers(of: destination).isEmpty,
              let lock = try? RunLock.acquire(for: destination) else { return }
        defer { lock.release() }
        StagingDirectory.removeLeftovers(of: destination, log: log)
    }

    private static func runLocked(_ request: RunRequest, pipeline: LoadedPipeline,
                                  destination: RunDestination) throws(VFMError) -> RunOutcome {
        let log = request.log
        try destination.checkReplaceable()
        let staging = try StagingDirectory.create(for: destination)
        do throws(VFMError) {
            let start = ContinuousClock.now
            var progress = RunProgress(log: log, stages: ["ingest", "clean", "analyze", "report", "write", "publish"])
            let counts = try stageAll(request, pipeline: pipeline, into: staging.path, progress: &progress)
            try progress.stage("publish") { () throws(VFMError) in
                try staging.publish(log: log, afterSwap: { TestHook.pause(after: "swap") })
            }
            log.info("published \(destination.path) in \(elapsedMilliseconds(since: start)) ms (\(progress.timings))")
            return .published(counts)
        } catch {
            staging.discard()
            throw error
        }
    }

    /// Runs the four stages into `directory`. Each stage's files are written in the
    /// background while later stages compute (`RunFileWrites`), on three queues: the small
    /// files the report reads (`summary`: rejected rows, inputs, the analysis tables), the
    /// files that grow with the services (`files`: returns, services, flags), and the
    /// benchmark, the largest, on its own — each stage's big files also flushed to disk
    /// there, which leaves `publish` less to `fsync`.
    /// The report renders once the small files are written, while the big ones may still
    /// be; every write has ended before the manifest hashes the outputs, and before a
    /// failing run's staging directory is discarded.
    private static func stageAll(_ request: RunRequest, pipeline: LoadedPipeline, into directory: String,
                                 progress: inout RunProgress) throws(VFMError) -> PublishedCounts {
        if pipeline.definition.kind == .spendingSurvey {
            return try SurveyRun.stage(request, pipeline: pipeline, into: directory, progress: &progress)
        }
        let writes = StageWrites()
        do throws(VFMError) {
            return try stageAll(request, pipeline: pipeline, into: directory, writes: writes, progress: &progress)
        } catch {
            // A write that failed first (a full disk) is what the serial order would have reported.
            throw writes.settleAll() ?? error
        }
    }

    private static func stageAll(_ request: RunRequest, pipeline: LoadedPipeline, into directory: String,
                                 writes: StageWrites, progress: inout RunProgress) throws(VFMError) -> PublishedCounts {
        let log = request.log
        let ingest = try progress.stage("ingest") { () throws(VFMError) in
            try StageSteps.compute(inputs: request.inputs, sheet: request.sheet, skipBadFiles: request.skipBadFiles,
                                   pipeline: pipeline, log: log)
        }
        writes.summary.start { [ingest] () throws(VFMError) in try ingest.writeSummary(toRunDirectory: directory) }
        writes.files.start { [ingest] () throws(VFMError) in
            try ingest.writeReturns(toRunDirectory: directory)
            try StagingDirectory.flush(directory)
        }
        // After cleaning, only the summary of the ingest result is needed: the returns are not
        // kept beside the cleaned services. The clean stage takes this function's reference
        // (`take()`), so the last holder of a million returns is the clean stage, once it has
        // built the services, or the write of returns.csv, on its own core — not this thread
        // after the clean stage, where releasing them held up the analysis (0.17 s at 10^6).
        let ingestSummary = ingest.summary
        var forClean = Optional(consume ingest)
        TestHook.pause(after: "ingest")
        let clean = try progress.stage("clean") { () throws(VFMError) in
            guard let ingest = forClean.take() else {
                throw VFMError(.cannotCreateOutput, "the ingest result was taken twice", hint: "this is a bug in vfm; please report it")
            }
            return EarlierRun.recording(request.earlierRun, in: PeriodChoice.recording(request.period, in: CleanStage.run(
                consume ingest, pipeline: pipeline.definition, previous: request.earlierRun?.services ?? [], log: log)))
        }
        // What is written and reported: the period panel and edits the clean stage hands the
        // analysis (tens of MB at 10^5 returns of two periods) are let go once it has them.
        var cleaned = clean
        cleaned.periodComparison.work = nil
        writes.summary.start { [cleaned] () throws(VFMError) in try cleaned.writeSummary(toRunDirectory: directory) }
        writes.files.start { [cleaned] () throws(VFMError) in
            try cleaned.writeServices(toRunDirectory: directory)
            try StagingDirectory.flush(directory)
        }
        try StageSteps.requireAcceptedRows(clean)
        try PeriodChoice.requireRows(of: clean, option: request.period, pipeline: pipeline.definition)
        TestHook.pause(after: "clean")
        let analysis = try progress.stage("analyze") { () throws(VFMError) in
            AnalyzeStage.run(clean, pipeline: pipeline.definition, log: log)
        }
        writes.summary.start { () throws(VFMError) in try analysis.writeTables(toRunDirectory: directory) }
        // The benchmark, the largest file, is encoded in blocks on two cores, as by hand: while
        // the report draws, the two share the cores; once it is done, the benchmark's tail
        // (the last second of a 10^6 run) no longer leaves one idle. It has its own queue, so
        // it starts now rather than after the cleaned services' files: written after them, it
        // ended a 10^6 run a second after the report, with a core idle.
        writes.benchmark.start { () throws(VFMError) in
            try analysis.writeBenchmark(toRunDirectory: directory, encodingOn: 2)
            try StagingDirectory.flush(directory)
        }
        TestHook.pause(after: "analyze")
        let input = ReportInput(ingest: ingestSummary, clean: cleaned, analysis: analysis, pipeline: pipeline)
        let report = try progress.stage("report") { () throws(VFMError) in
            // The report reads the small files back; the big ones it has typed in `input`.
            try writes.summary.finish()
            return try StageSteps.renderReport(input, pipeline: pipeline, runDirectory: directory, log: log)
        }
        // The manifest hashes every file of the run.
        try progress.stage("write") { () throws(VFMError) in
            try writes.files.finish()
            try writes.benchmark.finish()
            try report.writeManifest()
        }
        TestHook.pause(after: "report")
        // What the run computed lives until the command ends, rather than being freed here,
        // before publishing (`HeldUntilExit`).
        HeldUntilExit.hold((clean, input))
        let flags = cleaned.services.reduce(0) { $0 + $1.flags.count }
        return PublishedCounts(rowsRejected: cleaned.rejected.count, flags: flags)
    }
}
