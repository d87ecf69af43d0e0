import ArgumentParser
import PipelineDefinition
import PipelineRunner
import VFMCore

/// `vfm-report`: writes the report, charts and manifest from the run directory.
public struct ReportCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "vfm-report",
        abstract: "Stage 4 of 4: report.md, report.html, charts and manifest.json.",
        discussion: """
            Reads from --run-dir: ingest/, clean/ and tables/ (written by the earlier stages); \
            the pipeline definition (its path and SHA-256 go into the manifest). \
            tables/benchmark.csv must be there but is not read back: its rows are the services \
            of clean/services.csv placed against tables/bands.csv, and the report places them \
            again, as vfm-analyze did. \(HelpText.derivedColumns)
            Writes into --run-dir: report.md, report.html (the same report as one page for a browser), charts/*.svg, datapackage.json (every CSV of the \
            run as a Frictionless tabular resource) and, last, manifest.json (tool version, \
            pipeline, every input and output with its SHA-256).

            \(HelpText.exitCodes)
            """,
        version: ToolVersion.current)

    @OptionGroup public var options: StageOptions
    @OptionGroup public var reference: ReferenceOptions

    public init() {}

    public func run() throws {
        try options.run(writesManifest: true) { pipeline, runDirectory, log throws(VFMError) in
            if try reference.survey(pipeline) {
                try SurveyStages.report(pipeline: pipeline, reference: reference.reference, runDirectory: runDirectory,
                                        log: log)
                return
            }
            try StageSteps.reportByHand(pipeline: pipeline, runDirectory: runDirectory, log: log)
        }
    }
}
