import ArgumentParser
import PipelineRunner
import VFMCore

/// `vfm run`: every stage in one process, published atomically to `--output` (SPEC §3).
public struct RunCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run every stage and publish the run directory atomically.",
        discussion: """
            Inputs: the returns given with --input (default: the sample fixture), and the \
            pipeline definition (--config, default: built-in NDTi 2014).

            Output: one run directory, DIR (default Output/latest): report.md, charts/*.svg, \
            tables/*.csv, clean/{services,rejected,flags}.csv, ingest/*, manifest.json. It is \
            written into DIR's sibling .DIR.vfm-tmp-<pid> and swapped into place in one atomic \
            step (renameat2 RENAME_EXCHANGE), so DIR always holds a complete run — the previous \
            one if this run fails or is killed. A run that fails publishes nothing.

            Lock: .DIR.vfm-lock beside DIR (flock). A second run on the same DIR exits 75 at \
            once, naming the pid holding it; a killed run's lock is released by the kernel.

            Up to date: when the inputs' SHA-256s, the pipeline's SHA-256 and the vfm version \
            equal those in DIR/manifest.json (and DIR's files are intact), prints "up to date" \
            and exits 0 without rewriting anything; --force re-runs.

            Log (stderr): one line per stage (rows in/out/rejected/flagged), warnings, and a \
            last line with the time of each stage; --quiet prints errors only; progress is \
            shown only when stderr is a terminal.

            \(HelpText.exitCodes)
            """)

    @OptionGroup public var pipeline: PipelineOptions
    @OptionGroup public var input: InputOptions

    @Option(name: .customLong("output"), help: ArgumentHelp("The run directory to publish.", valueName: "dir"))
    public var output = "Output/latest"

    @Flag(name: .customLong("force"), help: "Run even when the published run is up to date.")
    public var force = false

    @Option(name: .customLong("fail-on"),
            help: ArgumentHelp("Exit 65 (after publishing) if any row was rejected (rejects), or any row was rejected or flagged (flags).",
                               valueName: "rejects|flags"))
    public var failOn: FailOnPolicy?

    @OptionGroup public var logging: LoggingOptions

    public init() {}

    public func validate() throws {
        if output.isEmpty { throw ValidationError("--output needs a directory name") }
    }

    public func run() throws {
        try CommandRuntime.run { () throws(VFMError) in
            let request = RunRequest(inputs: try input.resolved(), config: pipeline.config, output: output,
                                     force: force, failOn: failOn, log: logging.log, sheet: input.sheet)
            let outcome = try PipelineRun.run(request)
            let counts = outcome.counts
            if let violation = failOn?.violation(rowsRejected: counts.rowsRejected, flags: counts.flags, output: output) {
                throw violation
            }
        }
    }
}
