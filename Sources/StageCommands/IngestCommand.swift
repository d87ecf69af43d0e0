import ArgumentParser
import PipelineDefinition
import PipelineRunner
import VFMCore

/// `vfm-ingest`: reads the returns into a run directory's `ingest/`.
public struct IngestCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "vfm-ingest",
        abstract: "Stage 1 of 4: read the returns into typed rows and rejects.",
        discussion: """
            Reads: the returns given with --input (default: the sample fixture); the pipeline \
            definition supplies the words read as missing.
            Writes into --run-dir (created if missing): ingest/returns.csv, ingest/rejected.csv, \
            ingest/inputs.json, and datapackage.json describing the CSV files so far. Next: vfm-clean --run-dir DIR. \
            With a spending-survey pipeline (--config Pipelines/ndti-2014-survey.toml): ingest/responses.csv \
            instead of ingest/returns.csv; vfm-analyze and vfm-report then take the same --reference.

            The stage executables write straight into DIR (no lock, no atomic publish: that is \
            what vfm run adds). Running vfm-ingest, vfm-clean, vfm-analyze and vfm-report on one \
            DIR with the same --config gives the same bytes as vfm run.

            \(HelpText.exitCodes)
            """,
        version: ToolVersion.current)

    @OptionGroup public var options: StageOptions
    @OptionGroup public var input: InputOptions

    public init() {}

    public func run() throws {
        try options.run { pipeline, runDirectory, log throws(VFMError) in
            if pipeline.definition.kind == .spendingSurvey {
                guard !input.inputs.isEmpty else {
                    throw VFMError(.usage, "a spending survey needs --input", hint: "pass --input SURVEY.csv")
                }
                try SurveyStages.ingest(inputs: input.inputs, sheet: input.sheet, skipBadFiles: input.skipBadFiles,
                                        pipeline: pipeline,
                                        runDirectory: runDirectory, log: log)
                return
            }
            HeldUntilExit.hold(try StageSteps.ingest(inputs: try input.resolved(log: log), sheet: input.sheet,
                                                     skipBadFiles: input.skipBadFiles, pipeline: pipeline,
                                                     runDirectory: runDirectory, log: log))
        }
    }
}
