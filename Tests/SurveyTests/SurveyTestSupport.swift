import Foundation
import PipelineDefinition
import Returns
import Survey
import VFMCore
import VFMTestSupport

/// Hand-made survey files for the tests: a header and rows written as CSV into a scratch
/// directory, read by the survey's own stages.
enum SurveyFixture {
    static let pipeline: PipelineDefinition = {
        do {
            return try PipelineDefinition.load(path: FixturePaths.repositoryRoot.appendingPathComponent("Pipelines/ndti-2014-survey.toml").path).definition
        } catch {
            preconditionFailure("the survey pipeline does not load: \(error)")
        }
    }()

    /// The smallest header: an authority, two years of social care budget, and `extra`.
    static func csv(_ header: [String], _ rows: [[String]]) -> String {
        ([header] + rows).map { $0.map(quote).joined(separator: ",") }.joined(separator: "\n") + "\n"
    }

    static func quote(_ cell: String) -> String {
        cell.contains(",") || cell.contains("\"") || cell.contains("\n")
            ? "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : cell
    }

    /// Writes `text` as `name` in a fresh scratch directory and ingests it.
    static func ingest(_ text: String, name: String = "survey.csv",
                       pipeline: PipelineDefinition = SurveyFixture.pipeline) throws -> SurveyIngest {
        let scratch = try ScratchDirectory("survey-ingest")
        defer { scratch.remove() }
        let path = scratch.appending(name).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return try SurveyIngest.run(inputs: [path], pipeline: pipeline, sheet: nil, log: StageLog(quiet: true))
    }

    static func ingest(_ header: [String], _ rows: [[String]]) throws -> SurveyIngest {
        try ingest(csv(header, rows))
    }

    static func clean(_ header: [String], _ rows: [[String]]) throws -> SurveyClean {
        SurveyClean.run(try ingest(header, rows), log: StageLog(quiet: true))
    }
}
