import ArgumentParser
import Cleaning
import PipelineRunner
import Returns
import VFMCore

/// `vfm-clean`: derives measures, rejects and flags rows, from `ingest/` into `clean/`.
public struct CleanCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "vfm-clean",
        abstract: "Stage 2 of 4: derive measures, reject impossible rows, flag suspicious ones.",
        discussion: """
            Reads from --run-dir: ingest/returns.csv, ingest/rejected.csv, ingest/inputs.json \
            (written by vfm-ingest); the pipeline definition sets tolerances and outlier rules.
            Writes into --run-dir: clean/services.csv, clean/rejected.csv, clean/flags.csv, \
            clean/inputs.json. Exits 65 (after writing) when no row at all was accepted. \
            Next: vfm-analyze --run-dir DIR.

            \(HelpText.exitCodes)
            """,
        version: ToolVersion.current)

    @OptionGroup public var runDirectory: RunDirectoryOptions
    @OptionGroup public var pipeline: PipelineOptions
    @OptionGroup public var logging: LoggingOptions

    public init() {}

    public func run() throws {
        try CommandRuntime.run { () throws(VFMError) in
            let loaded = try PipelineChoice.load(config: pipeline.config)
            let ingest = try IngestResult.read(fromRunDirectory: runDirectory.runDirectory)
            _ = try StageSteps.clean(ingest, pipeline: loaded, runDirectory: runDirectory.runDirectory, log: logging.log)
        }
    }
}
