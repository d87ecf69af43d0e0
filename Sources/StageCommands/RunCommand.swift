import ArgumentParser
import PipelineDefinition
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

            Output: one run directory, DIR (default Output/latest): report.md, report.html (the same report as one self-contained page for a browser), charts/*.svg, \
            tables/*.csv, clean/{services,rejected,flags}.csv, ingest/*, datapackage.json (every \
            CSV described for other programs: Frictionless Data Package), manifest.json. It is \
            written into DIR's sibling .DIR.vfm-tmp-<pid> and swapped into place in one atomic \
            step (renameat2 RENAME_EXCHANGE), so DIR always holds a complete run — the previous \
            one if this run fails or is killed. A run that fails publishes nothing.

            Lock: .DIR.vfm-lock beside DIR (flock). A second run on the same DIR exits 75 at \
            once, naming the pid holding it; a killed run's lock is released by the kernel.

            Up to date: when the inputs' SHA-256s, the pipeline's SHA-256 and the vfm version \
            equal those in DIR/manifest.json (and DIR's files are intact), prints "up to date" \
            and exits 0 without writing anything (it works on a read-only filesystem); --force \
            re-runs. Otherwise the log says why it runs in one line ("running: input changed: \
            a.csv; the pipeline x.toml changed"). --dry-run prints that answer on stdout \
            ("would run: …" or "up to date: …") and writes nothing.

            Log (stderr): one line per stage (rows in/out/rejected/flagged), warnings, and a \
            last line with the time of each stage; --quiet prints errors only; progress is \
            shown only when stderr is a terminal.

            \(HelpText.exitCodes)
            """)

    @OptionGroup public var pipeline: PipelineOptions
    @OptionGroup public var input: InputOptions
    @OptionGroup public var periods: PeriodOptions
    @OptionGroup public var previousRun: PreviousRunOptions

    @Option(name: .customLong("output"), help: ArgumentHelp("The run directory to publish.", valueName: "dir"))
    public var output = "Output/latest"

    @Flag(name: .customLong("force"), help: "Run even when the published run is up to date.")
    public var force = false

    @Flag(name: .customLong("dry-run"),
          help: "Say on stdout whether a run is needed and why (which input, the pipeline, the vfm version, an edited output); write nothing — no lock file, no staging directory.")
    public var dryRun = false

    @Option(name: .customLong("fail-on"),
            help: ArgumentHelp("Exit 65 (after publishing) if any row was rejected (rejects), or any row was rejected or flagged (flags).",
                               valueName: "rejects|flags"))
    public var failOn: FailOnPolicy?

    @Option(name: .customLong("reference"),
            help: ArgumentHelp("A spending survey's Work Choice table (authority,population,work_choice_starts): adds tables/work_choice.csv, comparing the areas spending most and least per head (SPEC §12). Only with a spending-survey pipeline.",
                               valueName: "file"))
    public var reference: String?

    @OptionGroup public var logging: LoggingOptions

    public init() {}

    public func validate() throws {
        if output.isEmpty { throw ValidationError("--output needs a directory name") }
        if reference?.isEmpty == true { throw ValidationError("--reference needs a file name") }
    }

    public func run() throws {
        try CommandRuntime.run(linearAlgebra: true) { () throws(VFMError) in
            if input.inputs.isEmpty, try PipelineChoice.load(config: pipeline.config).definition.kind == .spendingSurvey {
                throw VFMError(.usage, "a spending-survey run needs --input: the default sample is the service returns'",
                               hint: "pass --input SURVEY.csv (the synthetic sample is Fixtures/survey/sample-99.csv)")
            }
            var request = RunRequest(inputs: try input.resolved(log: logging.log), config: pipeline.config, output: output,
                                     force: force, failOn: failOn, dryRun: dryRun, log: logging.log, sheet: input.sheet)
            request.skipBadFiles = input.skipBadFiles
            request.period = periods.period
            request.previous = previousRun.previous
            request.reference = reference
            let outcome = try PipelineRun.run(request)
            if dryRun {
                print(DryRunText.line(outcome, output: output))
                return
            }
            guard let counts = outcome.counts else { return }
            if let violation = failOn?.violation(rowsRejected: counts.rowsRejected, flags: counts.flags, output: output) {
                throw violation
            }
        }
    }
}

/// The one line `vfm run --dry-run` prints on stdout.
enum DryRunText {
    static func line(_ outcome: RunOutcome, output: String) -> String {
        switch outcome {
        case .wouldRun(let reasons):
            return "would run: ingest, clean, analyze, report, publish to \(output) — \(RerunReason.line(reasons))"
        case .upToDate, .published:
            return "up to date: \(output) holds the run of these inputs, pipeline and vfm version; a run would write nothing"
        }
    }
}
