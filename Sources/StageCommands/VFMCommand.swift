import ArgumentParser
import VFMCore

/// `vfm`: the whole pipeline. Its one subcommand today is `run`.
public struct VFMCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "vfm",
        abstract: "Value-for-money analysis of employment-support returns (NDTi 2014, Section 5).",
        discussion: """
            `vfm run` ingests the returns, cleans and flags them, computes the statistics and \
            writes the report, publishing the run directory atomically. The stages also exist as \
            separate executables: vfm-ingest, vfm-clean, vfm-analyze, vfm-report. See \
            `vfm run --help` for inputs, outputs, the lock and atomic publication.

            \(HelpText.exitCodes)
            """,
        version: ToolVersion.current,
        subcommands: [RunCommand.self])

    public init() {}
}
