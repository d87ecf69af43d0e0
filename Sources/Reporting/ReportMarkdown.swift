import PipelineDefinition
import Tabular
import VFMCore

/// `report.md`: the run read top to bottom by a commissioner, in the order of the
/// study's Section 5 (Tables 4–8, Charts 6–12), rendered only from the files the
/// earlier stages wrote, so every figure here is also in `tables/` or `clean/`.
struct ReportMarkdown {
    let data: RunData
    let pipeline: LoadedPipeline
    let charts: ChartIndex

    var groups: ServiceGroups { ServiceGroups(definition: pipeline.definition) }

    var rendered: String {
        let sections = [
            title, inBrief, whatWasAnalysed, characteristics, jobOutcomes, costPerJobOutcome, relationships,
            evidenceBasedBands, benchmark, whatABudgetBuys, flagsAndRejects, descriptivesAppendix, chartList,
        ]
        return Self.tidy(sections.joined(separator: "\n"))
    }

    /// At most one blank line between blocks, and exactly one newline at the end.
    static func tidy(_ text: String) -> String {
        var lines: [Substring] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.isEmpty, lines.last?.isEmpty ?? true { continue }
            lines.append(line)
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The sentence printed instead of a section whose table the run did not produce.
    static func notProduced(_ file: String) -> String {
        "Not produced in this run: `\(file)` is missing from the run directory.\n"
    }

    /// `Group` as printed in a table cell.
    static func groupCell(_ group: String) -> String { MarkdownText.escape(Labels.group(group)) }

    /// A Markdown link to a chart, relative to report.md.
    static func link(_ text: String, chart file: String) -> String {
        "[\(text)](\(RunLayout.chartsDirectory)/\(file))"
    }

    /// `figure (n=70)`: every figure carries the number of services that had the data.
    static func withN(_ figure: String, _ n: Int?) -> String {
        guard figure != HumanNumbers.missing || n != nil else { return HumanNumbers.missing }
        return "\(figure) (n=\(HumanNumbers.count(n ?? 0)))"
    }

    private var title: String {
        """
        # Value for money of employment support services

        A re-run of the value-for-money analysis of the NDTi (2014) study, Section 5, with the \
        pipeline “\(MarkdownText.escape(pipeline.definition.name))”. Every figure below is in \
        the run's `tables/` and `clean/` files at full precision; here it is rounded for reading. \
        “n” is always the number of services that had the data for that figure.

        > **Caveats (as the study states them).** The returns are self-reported by services and \
        commissioners and could not be independently checked. There is no common definition of a \
        job outcome: one area may count one paid hour a week, another only 16 hours or more. \
        Averages hide a wide range between services, and a correlation is not a cause.

        """
    }
}
