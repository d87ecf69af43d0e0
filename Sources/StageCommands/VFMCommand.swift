import ArgumentParser
import VFMCore

/// `vfm`: the whole pipeline (`run`) and what a budget buys on a published run (`scenario`).
public struct VFMCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "vfm",
        abstract: "Value-for-money analysis of employment-support returns (NDTi 2014, Section 5).",
        discussion: """
            `vfm run` ingests the returns, cleans and flags them, computes the statistics and \
            writes the report, publishing the run directory atomically. The stages also exist as \
            separate executables: vfm-ingest, vfm-clean, vfm-analyze, vfm-report. See \
            `vfm run --help` for inputs, outputs, the lock and atomic publication. `vfm scenario` \
            prices a budget on a published run without re-running it. `vfm columns` lists what \
            a return must hold; `vfm template` writes an empty one to send to services.

            \(HelpText.exitCodes)
            """,
        version: ToolVersion.current,
        subcommands: [RunCommand.self, ScenarioCommand.self, ColumnsCommand.self, TemplateCommand.self])

    public init() {}
}
