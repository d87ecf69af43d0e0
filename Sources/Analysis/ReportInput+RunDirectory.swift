import Cleaning
import PipelineDefinition
import Returns
import RunFiles
import VFMCore

extension ReportInput {
    /// Loads the typed report input from the files the earlier stages wrote into `dir`
    /// (`ingest/inputs.json`, `clean/*`, `tables/*`), with `pipeline` as the definition
    /// the report is made for (the by-hand `vfm-report` gets it from `--config`).
    /// - Throws: `.noInput` (66) naming the stage to run when a file is missing;
    ///   `.dataError` (65) naming file, line and column when one is damaged.
    public static func read(fromRunDirectory dir: String, pipeline: LoadedPipeline) throws(VFMError) -> ReportInput {
        guard let ingest = try InputsSummary.readIfPresent(runDirectory: dir, relativePath: RunLayout.ingestInputs) else {
            throw VFMError(.noInput, "the report needs \(RunLayout.ingestInputs), which is not there",
                           file: RunLayout.ingestInputs, hint: "run vfm-ingest on this run directory first")
        }
        let clean = try CleanResult.read(fromRunDirectory: dir)
        // Only current returns are placed in the benchmark (SPEC §11), as by the analyze stage.
        return ReportInput(ingest: ingest, clean: clean,
                           analysis: try AnalysisResult.read(fromRunDirectory: dir, placing: clean.currentServices),
                           pipeline: pipeline)
    }
}
