import ArgumentParser
import PipelineDefinition
import PipelineRunner
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
            clean/inputs.json; datapackage.json describing the CSV files so far. Exits 65 (after writing) when no row at all was accepted. \
            Next: vfm-analyze --run-dir DIR.

            \(HelpText.exitCodes)
            """,
        version: ToolVersion.current)

    @OptionGroup public var options: StageOptions
    @OptionGroup public var periods: PeriodOptions
    @OptionGroup public var previousRun: PreviousRunOptions

    public init() {}

    public func run() throws {
        try options.run { pipeline, runDirectory, log throws(VFMError) in
            if pipeline.definition.kind == .spendingSurvey {
                try SurveyStages.clean(pipeline: pipeline, runDirectory: runDirectory, log: log)
                return
            }
            try StageSteps.clean(pipeline: pipeline, period: periods.period, previous: previousRun.previous,
                                 runDirectory: runDirectory, log: log)
        }
    }
}
