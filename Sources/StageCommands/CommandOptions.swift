import ArgumentParser
import PipelineDefinition
import PipelineRunner
import VFMCore

/// `--config FILE`: the pipeline definition (SPEC §1); absent = built-in NDTi 2014.
public struct PipelineOptions: ParsableArguments {
    @Option(name: .customLong("config"),
            help: ArgumentHelp("Pipeline definition (TOML). Default: the built-in copy of Pipelines/ndti-2014.toml.",
                               valueName: "file"))
    public var config: String?

    public init() {}

    public func validate() throws {
        if config?.isEmpty == true { throw ValidationError("--config needs a file name") }
    }
}

/// `--run-dir DIR`: the run directory a stage executable reads and writes.
public struct RunDirectoryOptions: ParsableArguments {
    @Option(name: .customLong("run-dir"), help: ArgumentHelp("The run directory to read from and write into.",
                                                              valueName: "dir"))
    public var runDirectory: String

    public init() {}

    public func validate() throws {
        if runDirectory.isEmpty { throw ValidationError("--run-dir needs a directory") }
    }
}

/// `--input PATH`, repeatable: files, or directories meaning every `*.csv` and `*.xlsx`
/// directly inside; `--sheet NAME`, the worksheet of `.xlsx` inputs.
public struct InputOptions: ParsableArguments {
    @Option(name: .customLong("input"),
            help: ArgumentHelp("A return file (.csv or .xlsx), or a directory (every *.csv and *.xlsx directly inside, sorted by name; Excel's ~$ lock files skipped). Repeatable. Default: the sample fixture Fixtures/returns/sample-70.csv (found in the current checkout, via $VFM_SAMPLE, or in <prefix>/share/vfm/).",
                               valueName: "path"))
    public var inputs: [String] = []

    @Option(name: .customLong("sheet"),
            help: ArgumentHelp("The worksheet of .xlsx inputs to read (default: the pipeline's [input] sheet, else the first worksheet holding a header row).",
                               valueName: "name"))
    public var sheet: String?

    @Flag(name: .customLong("skip-bad-files"),
          help: "Leave out a file that cannot be read as a table (no header, a required column missing, a damaged workbook…), naming it and why in the log, ingest/inputs.json and the report, and publish the others. Without it such a file stops the run (exit 65).")
    public var skipBadFiles = false

    public init() {}

    public func validate() throws {
        if inputs.contains(where: \.isEmpty) { throw ValidationError("--input needs a file or directory name") }
        if sheet?.isEmpty == true { throw ValidationError("--sheet needs a worksheet name") }
    }

    /// The inputs given, or the sample fixture when none were — said in the log, so that
    /// nobody mistakes the synthetic sample's figures for their own (issue 28).
    func resolved(log: StageLog) throws(VFMError) -> [String] {
        guard inputs.isEmpty else { return inputs }
        log.info("no --input given: analysing the synthetic sample (sample-70.csv, 70 made-up services shaped like "
            + "the study's), not your returns — pass --input FILE or DIRECTORY to analyse yours")
        return [try SampleInput.locate()]
    }
}

/// `--reference FILE`: a spending survey's Work Choice table (SPEC §12).
public struct ReferenceOptions: ParsableArguments {
    @Option(name: .customLong("reference"),
            help: ArgumentHelp("A spending survey's Work Choice table (authority,population,work_choice_starts): adds tables/work_choice.csv, comparing the areas spending most and least per head. Only with a spending-survey pipeline; vfm-analyze and vfm-report take the same file.",
                               valueName: "file"))
    public var reference: String?

    public init() {}

    public func validate() throws {
        if reference?.isEmpty == true { throw ValidationError("--reference needs a file name") }
    }

    /// - Throws: `.usage` (64) when given with a service-returns pipeline.
    func survey(_ pipeline: LoadedPipeline) throws(VFMError) -> Bool {
        let survey = pipeline.definition.kind == .spendingSurvey
        if !survey, reference != nil {
            throw VFMError(.usage, "--reference is for the spending survey; \(pipeline.displayPath) is a service-returns "
                + "pipeline", hint: "use --config Pipelines/ndti-2014-survey.toml, or leave --reference out")
        }
        return survey
    }
}

/// `--quiet`: errors only on stderr.
public struct LoggingOptions: ParsableArguments {
    @Flag(name: .customLong("quiet"), help: "Print errors only (no stage lines, warnings or progress).")
    public var quiet = false

    public init() {}

    var log: StageLog { StageLog(quiet: quiet) }
}

extension FailOnPolicy: ExpressibleByArgument {}

/// What every stage executable takes: `--run-dir`, `--config`, `--quiet`.
public struct StageOptions: ParsableArguments {
    @OptionGroup public var runDirectory: RunDirectoryOptions
    @OptionGroup public var pipeline: PipelineOptions
    @OptionGroup public var logging: LoggingOptions

    public init() {}

    /// Loads the pipeline and runs `stage` on the run directory (see `CommandRuntime.run`).
    /// `writesManifest`: only `vfm-report` does; the other stages' writers then skip
    /// hashing what they write (`WrittenFileHashes.isRecording`).
    /// `linearAlgebra`: the stage computes statistics (`vfm-analyze`).
    func run(writesManifest: Bool = false, linearAlgebra: Bool = false,
             _ stage: (LoadedPipeline, String, StageLog) throws(VFMError) -> Void) throws {
        try CommandRuntime.run(linearAlgebra: linearAlgebra) { () throws(VFMError) in
            WrittenFileHashes.isRecording = writesManifest
            try stage(try PipelineChoice.load(config: pipeline.config), runDirectory.runDirectory, logging.log)
        }
    }
}
