import Foundation
import PipelineDefinition
import Reporting
import RunFiles
import Survey
import VFMCore

/// The spending survey's four stages run by hand (SPEC §3, §12): each reads the previous
/// stage's files and writes its own exactly as `vfm run` does (`SurveyRun`), and describes
/// the run's CSV files so far in `datapackage.json`. The Work Choice table needs the same
/// `--reference` at vfm-analyze and vfm-report (the report names it in the manifest).
public enum SurveyStages {
    public static func ingest(inputs: [String], sheet: String?, skipBadFiles: Bool = false, pipeline: LoadedPipeline,
                              runDirectory: String, log: StageLog) throws(VFMError) {
        let ingest = try SurveyIngest.run(inputs: inputs, pipeline: pipeline.definition, sheet: sheet,
                                          skipBadFiles: skipBadFiles, log: log)
        try SurveyRunFiles.writeIngest(ingest, sheetOption: sheet, toRunDirectory: runDirectory)
        try DataPackage.write(runDirectory: runDirectory)
    }

    public static func clean(pipeline: LoadedPipeline, runDirectory: String, log: StageLog) throws(VFMError) {
        try StageSteps.requireEarlierStages(of: "vfm-clean", files: [(RunLayout.ingestResponses, "vfm-ingest")],
                                            runDirectory: runDirectory)
        let clean = SurveyClean.run(try SurveyRunFiles.readIngest(fromRunDirectory: runDirectory, clean: false).ingest,
                                    log: log)
        try SurveyRunFiles.writeClean(clean, toRunDirectory: runDirectory)
        try DataPackage.write(runDirectory: runDirectory)
        try SurveyRun.requireResponses(clean)
    }

    public static func analyze(pipeline: LoadedPipeline, reference: String?, runDirectory: String,
                               log: StageLog) throws(VFMError) {
        let (clean, _) = try cleaned(runDirectory, stage: "vfm-analyze")
        let tables = SurveyTables(clean, settings: pipeline.definition.survey,
                                  reference: try reference.map { path throws(VFMError) in try WorkChoiceReference.read(path: path) })
        try SurveyRunFiles.writeTables(tables, toRunDirectory: runDirectory)
        try DataPackage.write(runDirectory: runDirectory)
    }

    public static func report(pipeline: LoadedPipeline, reference path: String?, runDirectory: String,
                              log: StageLog) throws(VFMError) {
        try StageSteps.requireEarlierStages(of: "vfm-report", files: [(RunLayout.surveyResponses, "vfm-analyze")],
                                            runDirectory: runDirectory)
        let (clean, sheetOption) = try cleaned(runDirectory, stage: "vfm-report")
        let reference = try path.map { path throws(VFMError) in try WorkChoiceReference.read(path: path) }
        let tables = SurveyTables(clean, settings: pipeline.definition.survey, reference: reference)
        try SurveyReportStage.run(clean, tables: tables, pipeline: pipeline, runDirectory: runDirectory, log: log)
        try SurveyRun.writeManifest(clean, pipeline: pipeline, sheetOption: sheetOption, reference: reference,
                                    into: runDirectory)
    }

    /// The clean stage's result from its files: the accepted responses and rejects as
    /// written, their flags and areas worked out again (the clean stage is a function of them).
    private static func cleaned(_ runDirectory: String, stage: String) throws(VFMError) -> (SurveyClean, String?) {
        try StageSteps.requireEarlierStages(of: stage, files: [(RunLayout.cleanResponses, "vfm-clean")],
                                            runDirectory: runDirectory)
        let (ingest, sheetOption) = try SurveyRunFiles.readIngest(fromRunDirectory: runDirectory, clean: true)
        return (SurveyClean.run(ingest, log: StageLog(quiet: true)), sheetOption)
    }
}
