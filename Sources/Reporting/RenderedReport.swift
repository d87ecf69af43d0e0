import Foundation
import RunFiles
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
    let log: StageLog

    /// Writes `datapackage.json` (SPEC §13) and then `manifest.json` over every file now in
    /// the run directory, the data package among them, and logs the stage.
    public func writeManifest() throws(VFMError) {
        let leftOut = try DataPackage.write(runDirectory: runDirectory)
        if !leftOut.isEmpty {
            log.info("datapackage.json leaves out " + leftOut.joined(separator: ", ")
                + ": not the header vfm writes (a run of an older vfm, or made by hand?)")
        }
        var manifest = RunManifest(pipeline: pipeline, inputs: manifestInputs,
                                   outputs: try RunManifest.outputs(in: runDirectory), sheetOption: sheetOption)
        manifest.periodOption = periodOption
        manifest.previousRun = previousRun
        try FileSystem.write(manifest.rendered, to: (runDirectory as NSString).appendingPathComponent(RunLayout.manifest))
        log.info("report: \(chartCount) charts, report.md, report.html, datapackage.json, manifest.json")
    }
}
