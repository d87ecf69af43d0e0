import ArgumentParser
import Foundation
import RunDiff
import VFMCore

/// `vfm-diff OLD_RUN NEW_RUN`: what changed between two runs (SPEC §3). Exit 0 = no
/// differences, 1 = differences, >1 = trouble (the diff(1) convention, sysexits codes).
@main
struct VFMDiff: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vfm-diff",
        abstract: "Compare two run directories: headline figures, correlations, services, flags, rejects.",
        discussion: """
            Reads manifest.json, tables/*.csv and clean/*.csv of both runs and writes Markdown: \
            provenance (inputs, pipeline, tool version), headline figures that moved (absolute and \
            relative change), correlations whose r, sign, strength or CI against 0 changed, services \
            added/removed/changed, benchmark positions, and flags and rejected rows that are new or resolved.
            Exit status: 0 no differences, 1 differences, 64 usage, 65 malformed table, \
            66 run directory or file missing, 73/74 cannot write --output.
            """,
        version: ToolVersion.current)

    @Argument(help: "The earlier run directory (e.g. Output/sample).")
    var oldRun: String

    @Argument(help: "The later run directory (e.g. Output/latest).")
    var newRun: String

    @Option(name: .shortAndLong, help: "Write the Markdown to FILE instead of stdout.")
    var output: String?

    @Option(help: "Relative tolerance for headline figures: unchanged when |new − old| ≤ REL·max(|old|, |new|).")
    var tolerance: Double = DiffOptions.defaultRelativeTolerance

    @Option(name: .customLong("r-tolerance"), help: "List a correlation when Pearson r moved by more than ABS.")
    var rTolerance: Double = DiffOptions.defaultRTolerance

    func validate() throws {
        guard tolerance.isFinite, tolerance >= 0 else { throw ValidationError("--tolerance must be a number ≥ 0") }
        guard rTolerance.isFinite, rTolerance >= 0 else { throw ValidationError("--r-tolerance must be a number ≥ 0") }
    }

    func run() throws {
        do {
            let comparison = try RunComparison.load(
                oldRunDirectory: oldRun, newRunDirectory: newRun,
                options: DiffOptions(relativeTolerance: tolerance, rTolerance: rTolerance))
            if let output {
                try FileSystem.write(comparison.markdown, to: output)
            } else {
                FileHandle.standardOutput.write(Data(comparison.markdown.utf8))
            }
            throw ExitCode(comparison.hasDifferences ? ExitStatus.differences.rawValue : ExitStatus.ok.rawValue)
        } catch let error as VFMError {
            StageLog().error(error.description)
            throw ExitCode(error.status.rawValue)
        }
    }
}
