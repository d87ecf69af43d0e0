import Analysis
import Cleaning
import Foundation
import PipelineDefinition
import PipelineRunner
import Returns
import Testing
import VFMCore
import VFMTestSupport

@Suite("the typed report input, in memory and from a run directory")
struct ReportInputTests {
    @Test("loading a run directory gives the same typed values vfm run hands the report stage", arguments: [
        "returns/sample-70.csv", "messy/rows",
    ])
    func sameAsInMemory(fixture: String) throws {
        let scratch = try ScratchDirectory("report-input")
        defer { scratch.remove() }
        let pipeline = PipelineDefinition.builtIn()
        let log = StageLog(quiet: true)
        let ingest = try StageSteps.ingest(inputs: [FixturePaths.fixture(fixture).path], pipeline: pipeline,
                                           runDirectory: scratch.path, log: log)
        let clean = try StageSteps.clean(ingest, pipeline: pipeline, runDirectory: scratch.path, log: log)
        let analysis = try StageSteps.analyze(clean, pipeline: pipeline, runDirectory: scratch.path, log: log)
        let inMemory = ReportInput(ingest: ingest.summary, clean: clean, analysis: analysis, pipeline: pipeline)
        let loaded = try ReportInput.read(fromRunDirectory: scratch.path, pipeline: pipeline)
        #expect(loaded.ingest == inMemory.ingest)
        #expect(loaded.clean == inMemory.clean)
        #expect(loaded.analysis == inMemory.analysis)
        #expect(loaded == inMemory)
        #expect(loaded.manifestInputs.reduce(0) { $0 + $1.rowsRead }
            == loaded.manifestInputs.reduce(0) { $0 + $1.rowsAccepted + $1.rowsRejected })
    }
}
