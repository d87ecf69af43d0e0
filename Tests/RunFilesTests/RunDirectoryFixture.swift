import Analysis
import Cleaning
import Foundation
import PipelineDefinition
import Returns
import VFMCore
import VFMTestSupport

/// Run directories written by the stages' own writers, for the tests that hold the files
/// to their schemas: the committed sample, and the messy row fixtures (rejects at ingest
/// and clean, flags, formula-like names, quoted newlines, an extra `region` column).
enum RunDirectoryFixture {
    static let sample = FixturePaths.repositoryRoot.appendingPathComponent("Output/sample").path

    /// The ingest, clean and analyze stages on `Fixtures/messy/rows` into `scratch`.
    static func messy(into scratch: ScratchDirectory) throws -> String {
        let directory = scratch.appending("run").path
        let inputs = try FileManager.default.contentsOfDirectory(atPath: FixturePaths.fixture("messy/rows").path)
            .filter { $0.hasSuffix(".csv") }.sorted().map { FixturePaths.fixture("messy/rows/" + $0).path }
        let pipeline = PipelineDefinition.builtIn().definition
        let log = StageLog(quiet: true)
        let ingest = try IngestStage.run(inputs: inputs, pipeline: pipeline, log: log)
        try ingest.write(toRunDirectory: directory)
        let clean = CleanStage.run(ingest, pipeline: pipeline, log: log)
        try clean.write(toRunDirectory: directory)
        try AnalyzeStage.run(clean, pipeline: pipeline, log: log).write(toRunDirectory: directory)
        return directory
    }

    /// Every CSV file under `directory`, relative to it, sorted.
    static func csvFiles(in directory: String) throws -> [String] {
        try FileManager.default.subpathsOfDirectory(atPath: directory).filter { $0.hasSuffix(".csv") }.sorted()
    }
}
