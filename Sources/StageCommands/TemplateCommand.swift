import ArgumentParser
import PipelineRunner
import Returns
import VFMCore

/// `vfm template --output FILE.xlsx|FILE.csv`: an empty return to send to services (issue
/// 28), made by `Returns.ReturnTemplate`; filled in, `vfm run` reads it back as it is.
public struct TemplateCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "template",
        abstract: "Write an empty return (.xlsx or .csv) with the columns vfm reads.",
        discussion: """
            The workbook has a Return sheet whose first row is the header and a Notes sheet with \
            each column's wording from the study, whether it is required, the evidence_based \
            values and the words read as missing. The CSV has the header row only. An existing \
            file is not replaced unless --force is given.

            \(HelpText.exitCodes)
            """)

    @Option(name: .customLong("output"), help: ArgumentHelp("The file to write: a name ending .xlsx or .csv.", valueName: "file"))
    public var output: String

    @Flag(name: .customLong("force"), help: "Replace the file if it exists.")
    public var force = false

    @OptionGroup public var pipeline: PipelineOptions

    public init() {}

    public func validate() throws {
        guard ReturnTemplate.Format(fileName: output) != nil else {
            throw ValidationError("--output must name a .xlsx or .csv file (got `\(output)`)")
        }
    }

    public func run() throws {
        try CommandRuntime.run { () throws(VFMError) in
            guard let format = ReturnTemplate.Format(fileName: output) else { return }
            if !force, FileSystem.fileExists(output) {
                throw VFMError(.cannotCreateOutput, "the file already exists", file: output,
                               hint: "choose another name, or add --force to replace it")
            }
            let definition = try PipelineChoice.load(config: pipeline.config).definition
            if definition.kind == .spendingSurvey {
                throw VFMError(.usage, "the template is of a service return; a spending survey's columns are listed by "
                               + "`vfm columns --config \(pipeline.config ?? "")`", hint: "leave --config out for the template")
            }
            try FileSystem.write(ReturnTemplate.bytes(format, missingWords: definition.missingValueWords), to: output)
        }
    }
}
