import Cleaning
import PipelineDefinition
import Returns
import StatisticsKernel
import VFMCore

/// The survey's clean stage (SPEC §12): responses in a stable order, their flags, the
/// areas they make up, and the year-on-year edits of the areas' budgets.
package struct SurveyClean: Sendable {
    package var ingest: SurveyIngestSummary
    /// Accepted responses, by authority key, then source file and line.
    package var responses: [SurveyResponse]
    package var rejected: [RejectedRow]
    package var areas: [SurveyArea]
    package var spendColumns: [SpendColumn]
    /// §11's edits on each area's budget per stream, every pair of consecutive years.
    package var edits: [AreaEdit]
    package var lastYear: ReportingPeriod?
    package var breakdownYear: ReportingPeriod?

    package static func run(_ ingest: SurveyIngest, log: StageLog) -> SurveyClean {
        let keyed = ingest.responses.map { (AuthorityKey.fold($0.authority), $0) }
        var responses = keyed.sorted { lhs, rhs in
            lhs.0 != rhs.0 ? ByteOrder.precedes(lhs.0, rhs.0) : lhs.1.source < rhs.1.source
        }.map(\.1)
        let breakdownYear = ingest.breakdownYear
        for index in responses.indices {
            responses[index].flags = SurveyFlags.ofResponse(responses[index], columns: ingest.spendColumns,
                                                            breakdownYear: breakdownYear)
        }
        let areas = SurveyArea.combine(responses, columns: ingest.spendColumns)
        SurveyFlags.multipleResponses(&responses, areas: areas, columns: ingest.spendColumns)
        let edits = AreaEdit.compute(areas, columns: ingest.spendColumns)
        SurveyFlags.edits(edits, areas: areas, responses: &responses)
        let flags = responses.reduce(0) { $0 + $1.flags.count }
        log.info("clean: \(responses.count) responses from \(areas.count) areas, \(ingest.rejected.count) rejected, "
            + "\(flags) flag\(flags == 1 ? "" : "s")")
        return SurveyClean(ingest: SurveyIngestSummary(ingest), responses: responses, rejected: ingest.rejected,
                           areas: areas, spendColumns: ingest.spendColumns, edits: edits, lastYear: ingest.lastYear,
                           breakdownYear: breakdownYear)
    }

    /// The calculated subset's areas: those with at least one calculated response.
    package var calculatedAreas: [SurveyArea] { areas.filter { $0.calculatedResponses > 0 } }

    package func areas(in subset: SurveySubset) -> [SurveyArea] { subset == .all ? areas : calculatedAreas }
}

/// What the later stages need of the ingest once the responses are cleaned.
package struct SurveyIngestSummary: Sendable {
    package var files: [InputFileSummary]
    package var warnings: [String]

    init(_ ingest: SurveyIngest) {
        files = ingest.files
        warnings = ingest.warnings
    }
}

/// One area's budget of one stream between two consecutive years, screened by §11's
/// Hidiroglou–Berthelot edit and thousand-pounds rule (the one implementation the service
/// returns use: `HidiroglouBerthelot.edits`, `PeriodEdits.looksLikeThousands`).
package struct AreaEdit: Sendable {
    package var area: Int
    package var from: SpendColumn
    package var to: SpendColumn
    package var edit: HidiroglouBerthelot.Edit
    package var looksLikeThousands: Bool

    /// Every stream's consecutive pairs of years, over the areas giving both years (the
    /// screen's median and quartiles are those areas'); an area missing either year has
    /// no edit for that pair.
    static func compute(_ areas: [SurveyArea], columns: [SpendColumn]) -> [AreaEdit] {
        var edits: [AreaEdit] = []
        for stream in SpendStream.allCases {
            let years = columns.filter { $0.stream == stream }
            for (from, to) in zip(years, years.dropFirst()) {
                let matched = areas.indices.filter { areas[$0].spend[from] != nil && areas[$0].spend[to] != nil }
                let screened = HidiroglouBerthelot.edits(matched.map { (from: areas[$0].spend[from], to: areas[$0].spend[to]) })
                for (area, edit) in zip(matched, screened) {
                    edits.append(AreaEdit(area: area, from: from, to: to, edit: edit,
                                          looksLikeThousands: PeriodEdits.looksLikeThousands(edit.ratio)))
                }
            }
        }
        return edits
    }
}
