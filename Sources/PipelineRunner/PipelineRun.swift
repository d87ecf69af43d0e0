import Analysis
import Cleaning
import Foundation
import PipelineDefinition
import Returns
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
    public var log: StageLog

    public init(inputs: [String], config: String?, output: String, force: Bool, failOn: FailOnPolicy?, log: StageLog) {
        self.inputs = inputs
        self.config = config
        self.output = output
        self.force = force
        self.failOn = failOn
        self.log = log
    }
}

/// How a `vfm run` that did not fail ended.
public enum RunOutcome: Sendable, Equatable {
    /// A new run was published to the destination.
    case published(PublishedCounts)
    /// Inputs, pipeline and tool version were unchanged: nothing was rewritten.
    case upToDate(PublishedCounts)

    public var counts: PublishedCounts {
        switch self {
        case .published(let counts), .upToDate(let counts): return counts
        }
    }
}

/// `vfm run`: lock → skip if unchanged → stage into a temporary directory → publish
/// atomically. On any error the staging directory is deleted and the destination keeps
/// the previous complete run (SPEC §3, §7).
public enum PipelineRun {
    public static func run(_ request: RunRequest) throws(VFMError) -> RunOutcome {
        let pipeline = try PipelineChoice.load(config: request.config)
        let destination = try RunDestination(request.output)
        let lock = try RunLock.acquire(for: destination)
        defer { lock.release() }
        TestHook.pause(after: "lock")
        return try runLocked(request, pipeline: pipeline, destination: destination)
    }

    private static func runLocked(_ request: RunRequest, pipeline: LoadedPipeline,
                                  destination: RunDestination) throws(VFMError) -> RunOutcome {
        let log = request.log
        StagingDirectory.removeLeftovers(of: destination)
        let identity = try RunIdentity.of(inputs: request.inputs, pipeline: pipeline)
        if !request.force, let published = UpToDateCheck.publishedRun(at: destination, matching: identity) {
            log.info("up to date: \(destination.path) already holds the run of these inputs, pipeline and vfm \(identity.toolVersion); nothing rewritten (--force re-runs)")
            return .upToDate(published)
        }
        try destination.checkReplaceable()
        let staging = try StagingDirectory.create(for: destination)
        do throws(VFMError) {
            let start = ContinuousClock.now
            var progress = RunProgress(log: log, stages: ["ingest", "clean", "analyze", "report", "publish"])
            let counts = try stageAll(request, pipeline: pipeline, into: staging.path, progress: &progress)
            try progress.stage("publish") { () throws(VFMError) in
                try staging.publish(afterSwap: { TestHook.pause(after: "swap") })
            }
            log.info("published \(destination.path) in \(elapsedMilliseconds(since: start)) ms (\(progress.timings))")
            return .published(counts)
        } catch {
            staging.discard()
            throw error
        }
    }

    /// Runs the four stages into `directory`.
    private static func stageAll(_ request: RunRequest, pipeline: LoadedPipeline, into directory: String,
                                 progress: inout RunProgress) throws(VFMError) -> PublishedCounts {
        let log = request.log
        let ingest = try progress.stage("ingest") { () throws(VFMError) in
            try StageSteps.ingest(inputs: request.inputs, pipeline: pipeline, runDirectory: directory, log: log)
        }
        TestHook.pause(after: "ingest")
        let clean = try progress.stage("clean") { () throws(VFMError) in
            try StageSteps.clean(ingest, pipeline: pipeline, runDirectory: directory, log: log)
        }
        TestHook.pause(after: "clean")
        let analysis = try progress.stage("analyze") { () throws(VFMError) in
            try StageSteps.analyze(clean, pipeline: pipeline, runDirectory: directory, log: log)
        }
        TestHook.pause(after: "analyze")
        let input = ReportInput(ingest: ingest.summary, clean: clean, analysis: analysis, pipeline: pipeline)
        try progress.stage("report") { () throws(VFMError) in
            try StageSteps.report(input, pipeline: pipeline, runDirectory: directory, log: log)
        }
        TestHook.pause(after: "report")
        let flags = clean.services.reduce(0) { $0 + $1.flags.count }
        return PublishedCounts(rowsRejected: clean.rejected.count, flags: flags)
    }
}
