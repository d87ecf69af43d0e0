import PipelineDefinition
import Tabular
import VFMCore

/// The report read top to bottom by a commissioner, in the order of the study's
/// Section 5 (Tables 4–8, Charts 6–12), built only from the typed results of the earlier
/// stages, which they also wrote, so every figure here is also in `tables/` or `clean/`. Each section is one
/// property returning blocks; adding a section is adding one such property to `sections`.
struct ReportContent {
    let data: RunData
    let pipeline: LoadedPipeline
    let charts: ChartIndex
    let index: RunIndex
    /// `tables/benchmark.csv` placed, when the caller placed it already (beside the charts).
    let placement: BenchmarkPlacement?

    init(data: RunData, pipeline: LoadedPipeline, charts: ChartIndex, index: RunIndex? = nil,
         placement: BenchmarkPlacement? = nil) {
        self.data = data
        self.pipeline = pipeline
        self.charts = charts
        self.index = index ?? RunIndex(data)
        self.placement = placement
    }

    /// The sections in reading order.
    var sections: [[ReportBlock]] {
        [title, inBrief, whatWasAnalysed, characteristics, jobOutcomes, costPerJobOutcome, relationships,
         evidenceBasedBands, benchmark, whatABudgetBuys, whatExplainsValueForMoney, changeBetweenPeriods, flagsAndRejects, descriptivesAppendix,
         chartList]
    }

    var document: ReportDocument { ReportDocument(blocks: SmallGroup.explained(sections.flatMap { $0 })) }

    /// `Group` as printed in a table cell (a pipeline's group names are third-party text).
    static func groupCell(_ group: String) -> [Inline] { [.name(Labels.group(group))] }

    /// `figure (n=70)`: every figure carries the number of services that had the data.
    static func withN(_ figure: String, _ n: Int?) -> String {
        guard figure != HumanNumbers.missing || n != nil else { return HumanNumbers.missing }
        return "\(figure) (n=\(nText(n ?? 0)))"
    }

    /// Below this many services a figure is marked (`SmallGroup`).
    static let fewServices = SmallGroup.fewServices

    /// An n as printed: `7†` when so few services stand behind the figure that one more
    /// or less could move it a lot (`SmallGroup`).
    static func nText(_ n: Int?) -> String { SmallGroup.count(n) }

    private var title: [ReportBlock] {
        [
            .heading(level: 1, [.text("Value for money of employment support services")]),
            .paragraph([.text("A re-run of the value-for-money analysis of the NDTi (2014) study, Section 5, with the "
                    + "pipeline “"), .name(pipeline.definition.name),
                .text("”. Every figure below is in the run's "), .code("tables/"), .text(" and "), .code("clean/"),
                .text(" files at full precision; here it is rounded for reading. “n” is always the number of "
                    + "services that had the data for that figure.")]),
            .note([.strong([.text("Caveats (as the study states them).")]),
                .text(" The returns are self-reported by services and commissioners and could not be independently "
                    + "checked. There is no common definition of a job outcome: one area may count one paid hour a "
                    + "week, another only 16 hours or more. Averages hide a wide range between services, and a "
                    + "correlation is not a cause.")]),
        ]
    }
}
