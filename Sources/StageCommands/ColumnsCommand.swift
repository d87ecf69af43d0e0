import ArgumentParser
import PipelineRunner
import Returns
import Survey
import VFMCore

/// `vfm columns`: every column a return may hold — type, whether required, the study's
/// wording and the other headers accepted for it (issue 28). The text is
/// `Returns.ColumnGuide`'s; the missing words and totals labels are the pipeline's.
public struct ColumnsCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "columns",
        abstract: "List the columns of a return: type, required, meaning and accepted headers.",
        discussion: """
            Prints what a service return must hold, one column at a time, then how cells are \
            read: the words read as missing, the evidence_based values and the labels of a \
            totals row. `vfm template` writes an empty return with these headers.

            \(HelpText.exitCodes)
            """)

    @OptionGroup public var pipeline: PipelineOptions

    public init() {}

    public func run() throws {
        try CommandRuntime.run { () throws(VFMError) in
            let definition = try PipelineChoice.load(config: pipeline.config).definition
            if definition.kind == .spendingSurvey {
                print(SurveyColumnGuide.text(missingWords: definition.missingValueWords), terminator: "")
                return
            }
            print(ColumnGuide.text(missingWords: definition.missingValueWords, totalsLabels: definition.totalsLabels),
                  terminator: "")
        }
    }
}
