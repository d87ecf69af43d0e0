import Analysis
import Foundation
import PipelineDefinition
import RunFiles
import Tabular
import VFMCore

/// The last stage: renders `report.md`, `report.html` and `charts/*.svg` from the files
/// the earlier stages left in the run directory, then writes `manifest.json` over everything.
public enum ReportStage {
    /// Reads ingest/, clean/ and tables/ from `runDirectory`, each file through its schema
    /// into the types the earlier stages wrote it from (`RunData.read`); writes report.md,
    /// report.html, charts/*.svg and, last, manifest.json. Tables that are missing are
    /// reported as not produced; a table that exists but cannot be read is an error
    /// (`.dataError`, naming file, line and column).
    public static func run(runDirectory: String, pipeline: LoadedPipeline, log: StageLog) throws(VFMError) {
        let data = try RunData.read(runDirectory: runDirectory)
        var rendered = try render(data, manifestInputs: data.inputs?.manifestInputs ?? [],
                                  sheetOption: data.inputs?.sheetOption, runDirectory: runDirectory, pipeline: pipeline,
                                  log: log)
        rendered.periodOption = data.inputs?.periodOption
        rendered.previousRun = data.inputs?.previousRun
        try rendered.writeManifest()
    }

    /// The report of the typed results of the earlier stages (what `vfm run` hands over in
    /// memory, or `ReportInput.read` loads): every figure and the manifest's provenance
    /// come from `input`; only the inputs' summaries are read from the run directory.
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
        let data = try RunData.read(runDirectory: runDirectory, typed: input)
        var rendered = try render(data, manifestInputs: input.manifestInputs, sheetOption: input.ingest.sheetOption,
                                  runDirectory: runDirectory, pipeline: pipeline, log: log)
        rendered.periodOption = input.clean.periodOption
        rendered.previousRun = input.clean.previousRun
        return rendered
    }

    private static func render(_ data: RunData, manifestInputs: [RunManifest.Input], sheetOption: String?, runDirectory: String,
                               pipeline: LoadedPipeline, log: StageLog) throws(VFMError) -> RenderedReport {
        let index = RunIndex(data)
        // The benchmark's placement, then the charts, which are drawn on all cores. (Placed
        // on one core beside the charts on the other, the charts' own `Parallel.map` found
        // no core free and drew them one by one: at 10^5 services a core stood idle for
        // most of the report's charts.)
        let placement = data.benchmark.map { BenchmarkPlacement($0) }
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
        return RenderedReport(pipeline: RunManifest.Pipeline(path: pipeline.displayPath, sha256: pipeline.sha256),
                              manifestInputs: manifestInputs, sheetOption: sheetOption, runDirectory: runDirectory,
                              chartCount: charts.all.count, missingTables: data.missingTables, log: log)
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

extension RunData {
    /// The run-directory files the report would use but did not find.
    var missingTables: [String] {
        let present: [(String, Bool)] = [
            (RunLayout.cleanServices, services != nil), (RunLayout.cleanFlags, hasFlags),
            (RunLayout.descriptives, descriptives != nil), (RunLayout.correlations, correlations != nil),
            (RunLayout.outcomeMix, outcomeMix != nil), (RunLayout.supportLevels, supportLevels != nil),
            (RunLayout.benchmark, benchmark != nil), (RunLayout.bands, bands != nil),
            (RunLayout.trendLines, trendLines != nil),
        ]
        return present.filter { !$0.1 }.map(\.0)
    }
}
