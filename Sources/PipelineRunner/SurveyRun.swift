import Foundation
import PipelineDefinition
import Reporting
import Returns
import RunFiles
import Survey
import VFMCore

/// The stages of a spending-survey run (SPEC §12) inside `vfm run`: the same staging
/// directory, lock, atomic publication and up-to-date check as the service returns
/// (`PipelineRun`), over the survey's own ingest, clean stage, tables and report.
enum SurveyRun {
    /// Checks the options that belong to the other pipeline before anything is read.
    static func checkOptions(_ request: RunRequest, pipeline: LoadedPipeline) throws(VFMError) {
        let survey = pipeline.definition.kind == .spendingSurvey
        if survey, request.previous != nil || request.period != nil {
            throw VFMError(.usage, "--previous and --period are for the service returns; \(pipeline.displayPath) is a "
                + "spending survey", hint: "leave them out: a survey's years come from its budget columns")
        }
        if !survey, request.reference != nil {
            throw VFMError(.usage, "--reference is for the spending survey; \(pipeline.displayPath) is a service-returns "
                + "pipeline", hint: "use --config Pipelines/ndti-2014-survey.toml, or leave --reference out")
        }
    }

    /// The `--reference` file as the run identity records it.
    static func referenceFingerprint(_ path: String?) throws(VFMError) -> InputFingerprint? {
        guard let path else { return nil }
        let name = URL(fileURLWithPath: path).lastPathComponent
        let bytes = try FileSystem.readBytes(path, displayName: name)
        return InputFingerprint(path: name, sha256: ContentHash.hex(of: bytes))
    }

    /// `datapackage.json`, then `manifest.json` over every file of the run (SPEC §7, §13).
    static func writeManifest(_ clean: SurveyClean, pipeline: LoadedPipeline, sheetOption: String?,
                              reference: WorkChoiceReference?, into directory: String) throws(VFMError) {
        try DataPackage.write(runDirectory: directory)
        let inputs = clean.ingest.files.map { file in
            RunManifest.Input(path: file.path, sha256: file.sha256, bytes: file.bytes, rowsRead: file.rowsRead,
                              rowsAccepted: file.rowsAccepted, rowsRejected: file.rowsRejected,
                              preambleRows: file.preambleRows, sheet: file.sheet)
        }
        var manifest = RunManifest(pipeline: RunManifest.Pipeline(path: pipeline.displayPath, sha256: pipeline.sha256),
                                   inputs: inputs, outputs: try RunManifest.outputs(in: directory), sheetOption: sheetOption)
        manifest.reference = reference.map { RunManifest.Output(path: $0.displayName, sha256: $0.sha256) }
        try FileSystem.write(manifest.rendered, to: (directory as NSString).appendingPathComponent(RunLayout.manifest))
    }

    /// The clean stage's `no valid row` (65), after its files are written.
    static func requireResponses(_ clean: SurveyClean) throws(VFMError) {
        guard clean.responses.isEmpty else { return }
        let total = clean.ingest.files.reduce(0) { $0 + $1.rowsRead }
        throw VFMError(.dataError, total == 0 ? "no response: the header has no rows below it"
                           : "no valid row: all \(total) responses read were rejected",
                       file: clean.ingest.files.count == 1 ? clean.ingest.files.first?.path : nil,
                       hint: "see the reasons logged above (and in \(RunLayout.cleanRejected)); fix those rows and run again")
    }

    /// Runs every stage into `directory` and writes the manifest last.
    static func stage(_ request: RunRequest, pipeline: LoadedPipeline, into directory: String,
                      progress: inout RunProgress) throws(VFMError) -> PublishedCounts {
        let log = request.log
        let ingest = try progress.stage("ingest") { () throws(VFMError) in
            try SurveyIngest.run(inputs: request.inputs, pipeline: pipeline.definition, sheet: request.sheet,
                                 skipBadFiles: request.skipBadFiles, log: log)
        }
        try SurveyRunFiles.writeIngest(ingest, sheetOption: request.sheet, toRunDirectory: directory)
        let clean = try progress.stage("clean") { SurveyClean.run(ingest, log: log) }
        try SurveyRunFiles.writeClean(clean, toRunDirectory: directory)
        try requireResponses(clean)
        let reference = try request.reference.map { path throws(VFMError) in try WorkChoiceReference.read(path: path) }
        let tables = try progress.stage("analyze") {
            SurveyTables(clean, settings: pipeline.definition.survey, reference: reference)
        }
        try SurveyRunFiles.writeTables(tables, toRunDirectory: directory)
        if let workChoice = tables.workChoice {
            log.info("analyze: Work Choice compares \(workChoice.groupSize) + \(workChoice.groupSize) of "
                + "\(workChoice.ranked.count) ranked areas; \(workChoice.unmatched.count) not in \(reference?.displayName ?? "")")
        }
        try progress.stage("report") { () throws(VFMError) in
            try SurveyReportStage.run(clean, tables: tables, pipeline: pipeline, runDirectory: directory, log: log)
        }
        try progress.stage("write") { () throws(VFMError) in
            try writeManifest(clean, pipeline: pipeline, sheetOption: request.sheet, reference: reference, into: directory)
        }
        let flags = clean.responses.reduce(0) { $0 + $1.flags.count }
        return PublishedCounts(rowsRejected: clean.rejected.count, flags: flags)
    }
}
