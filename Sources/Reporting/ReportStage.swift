import Analysis
import Foundation
import PipelineDefinition
import RunFiles
import Tabular
import VFMCore

/// The last stage: renders `report.md`, `report.html` and `charts/*.svg` from the typed
/// results of the earlier stages, then writes `manifest.json` over everything. `vfm run`
/// hands them over in memory; `vfm-report` loads the same value from the run directory
/// (`ReportInput.read`), so both render one way.
public enum ReportStage {
    /// The report of the typed results of the earlier stages (what `vfm run` hands over in
    /// memory, or `ReportInput.read` loads): every figure and the manifest's provenance
    /// come from `input`.
    public static func run(_ input: ReportInput, runDirectory: String, pipeline: LoadedPipeline,
                           log: StageLog) throws(VFMError) {
        try render(input, runDirectory: runDirectory, pipeline: pipeline, log: log).writeManifest()
    }

    /// As `run(_:runDirectory:pipeline:log:)` but for the manifest, which `writeManifest()`
    /// of the result writes: `vfm run` renders the report while the files that grow with
    /// the services are still being written in the background, and hashes them into the
    /// manifest once they are. Needs every other file of the earlier stages written.
    public static func render(_ input: ReportInput, runDirectory: String, pipeline: LoadedPipeline,
                              log: StageLog) throws(VFMError) -> RenderedReport {
        let data = RunData(input)
        let index = RunIndex(data)
        // The benchmark's placement, then the charts, which are drawn on all cores. (Placed
        // on one core beside the charts on the other, the charts' own `Parallel.map` found
        // no core free and drew them one by one: at 10^5 services a core stood idle for
        // most of the report's charts.)
        let placement = BenchmarkPlacement(data.benchmark)
        let charts = ChartPlan(data: data, definition: pipeline.definition, index: index).draw()
        let chartsDirectory = (runDirectory as NSString).appendingPathComponent(RunLayout.chartsDirectory)
        try removeStaleCharts(in: chartsDirectory, keeping: Set(charts.all.map(\.file)))
        for chart in charts.all {
            try FileSystem.write(chart.svg, to: (chartsDirectory as NSString).appendingPathComponent(chart.file))
        }
        let document = ReportContent(data: data, pipeline: pipeline, charts: charts, index: index,
                                     placement: placement).document
        try FileSystem.write(document.markdown, to: (runDirectory as NSString).appendingPathComponent(RunLayout.report))
        try FileSystem.write(document.html, to: (runDirectory as NSString).appendingPathComponent(RunLayout.reportHTML))
        var rendered = RenderedReport(pipeline: RunManifest.Pipeline(path: pipeline.displayPath, sha256: pipeline.sha256),
                                      manifestInputs: input.manifestInputs, sheetOption: input.ingest.sheetOption,
                                      runDirectory: runDirectory, chartCount: charts.all.count, log: log)
        rendered.periodOption = input.clean.periodOption
        rendered.previousRun = input.clean.previousRun
        return rendered
    }

    /// A chart from an earlier report on this directory that this run does not draw
    /// would otherwise linger and enter the manifest.
    static func removeStaleCharts(in directory: String, keeping: Set<String>) throws(VFMError) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
        for name in names where name.hasSuffix(".svg") && !keeping.contains(name) {
            do {
                try FileManager.default.removeItem(atPath: (directory as NSString).appendingPathComponent(name))
            } catch {
                throw VFMError(.cannotCreateOutput, "cannot remove an old chart (\(error.localizedDescription))",
                               file: RunLayout.chartsDirectory + "/" + name, hint: "check that the run directory is writable")
            }
        }
    }
}
