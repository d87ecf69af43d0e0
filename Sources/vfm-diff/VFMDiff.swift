import ArgumentParser
import Foundation
import RunDiff
import VFMCore

/// `vfm-diff OLD_RUN NEW_RUN`: what changed between two runs (SPEC §3). Exit 0 = no
/// differences, 1 = differences, >1 = trouble (the diff(1) convention, sysexits codes).
@main
struct VFMDiff: ParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case markdown, json
    }

    static let configuration = CommandConfiguration(
        commandName: "vfm-diff",
        abstract: "Compare two run directories the way a reviewer reads them.",
        discussion: """
            Reads manifest.json, tables/*.csv and clean/*.csv of both runs and writes, in this order: \
            what changed in the data (services added/removed/changed with input and derived fields, \
            rejected rows and flags new/resolved), what that did to the findings (headline figures, \
            Table 8 bands, trend lines, value for money and scenarios, benchmark positions, correlations \
            with r, ρ, CI and p, and every other table the runs' datapackage.json describes: the periods, \
            the model, a spending survey's tables, each paired by its key columns), then provenance \
            (tool, pipeline, inputs' hashes).
            By default a figure is listed only when it changes as the report prints it.
            Exit status: 0 no differences, 1 differences, 64 usage, 65 malformed table, \
            66 run directory or file missing, 73/74 cannot write --output.
            """,
        version: ToolVersion.current)

    @Argument(help: "The earlier run directory (e.g. Output/sample).")
    var oldRun: String

    @Argument(help: "The later run directory (e.g. Output/latest).")
    var newRun: String

    @Option(name: .shortAndLong, help: "Write the diff to FILE instead of stdout.")
    var output: String?

    @Option(help: "markdown (for people) or json (for scripts; Fixtures/diff/vfm-diff.schema.json).")
    var format: Format = .markdown

    @Option(help: "List a figure when |new − old| > REL·max(|old|, |new|) on full-precision values, instead of when its printed text changes.")
    var tolerance: Double?

    @Flag(help: "List every figure that moved at all.")
    var all = false

    func validate() throws {
        if let tolerance {
            guard tolerance.isFinite, tolerance >= 0 else { throw ValidationError("--tolerance must be a number ≥ 0") }
            guard !all else { throw ValidationError("--tolerance and --all cannot be used together") }
        }
    }

    func run() throws {
        let threshold: DiffThreshold = all ? .any : (tolerance.map { .relative($0) } ?? .printed)
        do {
            let comparison = try RunComparison.load(oldRunDirectory: oldRun, newRunDirectory: newRun,
                                                    options: DiffOptions(threshold: threshold))
            let text = format == .json ? comparison.json : comparison.markdown
            if let output {
                try FileSystem.write(text, to: output)
            } else {
                FileHandle.standardOutput.write(Data(text.utf8))
            }
            throw ExitCode(comparison.hasDifferences ? ExitStatus.differences.rawValue : ExitStatus.ok.rawValue)
        } catch let error as VFMError {
            StageLog().error(error.description)
            throw ExitCode(error.status.rawValue)
        }
    }
}
