import ArgumentParser
import PipelineDefinition
import PipelineRunner
import VFMCore

/// `vfm-analyze`: computes the tables from `clean/` into `tables/`.
public struct AnalyzeCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "vfm-analyze",
        abstract: "Stage 3 of 4: descriptives, outcome mix, support levels, correlations, bands, benchmark.",
        discussion: """
            Reads from --run-dir: clean/services.csv and clean/inputs.json (written by vfm-clean; \
            the flags and rejected rows are the report's); the pipeline definition names the groups, \
            metrics and correlation pairs. \(HelpText.derivedColumns)
            Writes into --run-dir: tables/descriptives.csv, tables/correlations.csv, \
            tables/outcome_mix.csv, tables/support_levels.csv, tables/benchmark.csv, \
            tables/bands.csv, tables/trend_lines.csv, tables/value_for_money.csv, \
            tables/scenarios.csv, tables/value_for_money_basis.csv, the period tables, and \
            tables/model.csv and tables/model_fit.csv (the Poisson model of [model]); datapackage.json describing \
            the CSV files so far. Next: vfm-report --run-dir DIR.

            \(HelpText.exitCodes)
            """,
        version: ToolVersion.current)

    @OptionGroup public var options: StageOptions
    @OptionGroup public var previousRun: PreviousRunOptions
    @OptionGroup public var reference: ReferenceOptions

    public init() {}

    public func run() throws {
        try options.run(linearAlgebra: true) { pipeline, runDirectory, log throws(VFMError) in
            if try reference.survey(pipeline) {
                try SurveyStages.analyze(pipeline: pipeline, reference: reference.reference, runDirectory: runDirectory,
                                         log: log)
                return
            }
            try StageSteps.analyze(pipeline: pipeline, previous: previousRun.previous, runDirectory: runDirectory, log: log)
        }
    }
}
