import Cleaning
import PipelineDefinition
import Returns
import RunFiles
import Tabular

/// Everything the report stage renders from, typed: what ingest recorded about the inputs,
/// the cleaned services with their flags and every rejected row, the analysis tables, and
/// the provenance the manifest records. `vfm run` builds it in memory from the stages'
/// results; `read(fromRunDirectory:pipeline:)` loads the same value from a run directory
/// (for `vfm-report` and `vfm-diff` run by hand).
public struct ReportInput: Sendable, Equatable {
    /// Per-file provenance (SHA-256, bytes, encoding) and warnings as ingest recorded them.
    public var ingest: InputsSummary
    /// Services (with derived measures and flags), every rejected row, accounting after cleaning.
    public var clean: CleanResult
    public var analysis: AnalysisResult
    /// The pipeline definition's path and SHA-256, as the manifest names them.
    public var pipeline: RunManifest.Pipeline
    public var tool: RunManifest.Tool

    public init(ingest: InputsSummary, clean: CleanResult, analysis: AnalysisResult, pipeline: LoadedPipeline,
                tool: RunManifest.Tool = RunManifest.Tool()) {
        self.ingest = ingest
        self.clean = clean
        self.analysis = analysis
        self.pipeline = RunManifest.Pipeline(path: pipeline.displayPath, sha256: pipeline.sha256)
        self.tool = tool
    }

    /// Provenance from ingest with the row accounting after cleaning, per file.
    public var inputs: InputsSummary {
        InputsSummary.merged(ingest: ingest, clean: cleanSummary) ?? ingest
    }

    private var cleanSummary: InputsSummary {
        var summary = InputsSummary(files: clean.files, warnings: clean.warnings)
        summary.periodOption = clean.periodOption
        summary.previousRun = clean.previousRun
        return summary
    }

    /// The manifest's `inputs`: rows read = accepted + rejected after cleaning.
    public var manifestInputs: [RunManifest.Input] { inputs.manifestInputs }

    /// The manifest of a run directory holding exactly these results and `outputs`.
    public func manifest(outputs: [RunManifest.Output]) -> RunManifest {
        var manifest = RunManifest(tool: tool, pipeline: pipeline, inputs: manifestInputs, outputs: outputs,
                                   sheetOption: ingest.sheetOption)
        manifest.periodOption = clean.periodOption
        manifest.previousRun = clean.previousRun
        return manifest
    }
}

extension InputsSummary {
    /// The manifest's `inputs` entries for these files.
    public var manifestInputs: [RunManifest.Input] {
        files.map {
            RunManifest.Input(path: $0.path, sha256: $0.sha256, bytes: $0.bytes, rowsRead: $0.rowsRead,
                              rowsAccepted: $0.rowsAccepted, rowsRejected: $0.rowsRejected,
                              preambleRows: $0.preambleRows, sheet: $0.sheet)
        }
    }
}
