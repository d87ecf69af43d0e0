import Analysis
import Foundation
import PipelineDefinition
import Tabular
import VFMCore

/// The last stage: renders `report.md` and `charts/*.svg` from the files the earlier
/// stages left in the run directory, then writes `manifest.json` over everything.
public enum ReportStage {
    /// Reads ingest/, clean/ and tables/ from `runDirectory`; writes report.md,
    /// charts/*.svg and, last, manifest.json. Tables that are missing are reported as
    /// not produced; a table that exists but cannot be read is an error (`.dataError`).
    public static func run(runDirectory: String, pipeline: LoadedPipeline, log: StageLog) throws(VFMError) {
        let data = try RunData.read(runDirectory: runDirectory)
        try render(data, manifestInputs: data.inputs?.manifestInputs ?? [], runDirectory: runDirectory,
                   pipeline: pipeline, log: log)
    }

    /// The report of the typed results of the earlier stages (what `vfm run` hands over in
    /// memory, or `ReportInput.read` loads): the manifest's provenance comes from `input`.
    /// The pages themselves are still drawn from the tables as written (`RunData`).
    public static func run(_ input: ReportInput, runDirectory: String, pipeline: LoadedPipeline,
                           log: StageLog) throws(VFMError) {
        let data = try RunData.read(runDirectory: runDirectory)
        try render(data, manifestInputs: input.manifestInputs, runDirectory: runDirectory, pipeline: pipeline, log: log)
    }

    private static func render(_ data: RunData, manifestInputs: [RunManifest.Input], runDirectory: String,
                               pipeline: LoadedPipeline, log: StageLog) throws(VFMError) {
        let (index, charts) = ChartPlan(data: data, definition: pipeline.definition).draw()
        let chartsDirectory = (runDirectory as NSString).appendingPathComponent(RunLayout.chartsDirectory)
        try removeStaleCharts(in: chartsDirectory, keeping: Set(charts.map(\.name)))
        for chart in charts {
            try FileSystem.write(chart.svg, to: (chartsDirectory as NSString).appendingPathComponent(chart.name))
        }
        let report = ReportMarkdown(data: data, pipeline: pipeline, charts: index).rendered
        try FileSystem.write(report, to: (runDirectory as NSString).appendingPathComponent(RunLayout.report))
        let manifest = RunManifest(pipeline: RunManifest.Pipeline(path: pipeline.displayPath, sha256: pipeline.sha256),
                                   inputs: manifestInputs, outputs: try RunManifest.outputs(in: runDirectory))
        try FileSystem.write(manifest.rendered, to: (runDirectory as NSString).appendingPathComponent(RunLayout.manifest))
        let missing = data.missingTables
        log.info("report: \(charts.count) charts, report.md, manifest.json"
            + (missing.isEmpty ? "" : "; not produced: " + missing.joined(separator: ", ")))
    }

    /// A chart from an earlier report on this directory that this run does not draw
    /// would otherwise linger and enter the manifest.
    private static func removeStaleCharts(in directory: String, keeping: Set<String>) throws(VFMError) {
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
            (RunLayout.cleanServices, services != nil), (RunLayout.cleanFlags, flags != nil),
            (RunLayout.descriptives, descriptives != nil), (RunLayout.correlations, correlations != nil),
            (RunLayout.outcomeMix, outcomeMix != nil), (RunLayout.supportLevels, supportLevels != nil),
            (RunLayout.benchmark, benchmark != nil), (RunLayout.bands, bands != nil),
            (RunLayout.trendLines, trendLines != nil),
        ]
        return present.filter { !$0.1 }.map(\.0)
    }
}
