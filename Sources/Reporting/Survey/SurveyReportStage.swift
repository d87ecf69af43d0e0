import Foundation
import PipelineDefinition
import RunFiles
import Survey
import Tabular
import VFMCore

/// The spending survey's report (SPEC §12): `report.md`, `report.html` and `charts/*.svg`,
/// from the typed clean result and tables, through the same document model, escaping and
/// charts as the service returns' report.
package enum SurveyReportStage {
    package static func run(_ clean: SurveyClean, tables: SurveyTables, pipeline: LoadedPipeline, runDirectory: String,
                            log: StageLog) throws(VFMError) {
        let funnels = SurveyCharts.funnels(clean)
        var charts: [ChartFigure] = []
        if let chart = SurveyCharts.spendByYear(tables.spendByYear) { charts.append(chart) }
        let funnelFigures = funnels.map { ChartFigure(file: $0.file, title: [.text($0.title)], svg: $0.rendered()) }
        charts += funnelFigures
        if let chart = SurveyCharts.spendByType(tables.spendByType) { charts.append(chart) }
        let chartsDirectory = (runDirectory as NSString).appendingPathComponent(RunLayout.chartsDirectory)
        try ReportStage.removeStaleCharts(in: chartsDirectory, keeping: Set(charts.map(\.file)))
        for chart in charts {
            try FileSystem.write(chart.svg, to: (chartsDirectory as NSString).appendingPathComponent(chart.file))
        }
        let content = SurveyReportContent(clean: clean, tables: tables, pipeline: pipeline, charts: charts,
                                          funnels: funnelFigures)
        let document = content.document
        try FileSystem.write(document.markdown, to: (runDirectory as NSString).appendingPathComponent(RunLayout.report))
        try FileSystem.write(document.html, to: (runDirectory as NSString).appendingPathComponent(RunLayout.reportHTML))
        log.info("report: \(charts.count) charts, report.md, report.html")
    }
}
