import Foundation
import Tabular
import VFMCore

/// A report rendered into its run directory whose `manifest.json` is still to be written
/// (`ReportStage.render`): the manifest hashes every file of the directory, so it comes
/// last, once every stage's files are complete.
public struct RenderedReport {
    let pipeline: RunManifest.Pipeline
    let manifestInputs: [RunManifest.Input]
    let sheetOption: String?
    var periodOption: String? = nil
    var previousRun: String? = nil
    let runDirectory: String
    let chartCount: Int
    let missingTables: [String]
    let log: StageLog

    /// Writes `manifest.json` over every file now in the run directory, and logs the stage.
    public func writeManifest() throws(VFMError) {
        var manifest = RunManifest(pipeline: pipeline, inputs: manifestInputs,
                                   outputs: try RunManifest.outputs(in: runDirectory), sheetOption: sheetOption)
        manifest.periodOption = periodOption
        manifest.previousRun = previousRun
        try FileSystem.write(manifest.rendered, to: (runDirectory as NSString).appendingPathComponent(RunLayout.manifest))
        log.info("report: \(chartCount) charts, report.md, report.html, manifest.json"
            + (missingTables.isEmpty ? "" : "; not produced: " + missingTables.joined(separator: ", ")))
    }
}
