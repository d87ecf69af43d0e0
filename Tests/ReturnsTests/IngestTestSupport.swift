import Foundation
import PipelineDefinition
import Returns
import VFMCore
import VFMTestSupport

/// A pipeline carrying SPEC §4's default missing-value words; the rest is irrelevant to ingest.
func ingestPipeline(missingValueWords: [String] = ["", "n/a", "-", "don't know", "no info available", "not known"])
    -> PipelineDefinition {
    PipelineDefinition(name: "ingest tests", missingValueWords: missingValueWords, countMismatchTolerance: 0.1,
                       reportedRatioTolerance: 0.1, duplicatePolicy: .keepAll, outlierRules: [],
                       excludeOutliers: false, groups: [], descriptiveMetrics: [], correlationPairs: [],
                       bandMetrics: [], strengthScale: [])
}

func messyPath(_ relative: String) -> String { FixturePaths.fixture("messy/" + relative).path }

func ingest(_ inputs: [String], words: [String]? = nil) throws(VFMError) -> IngestResult {
    let pipeline = words.map { ingestPipeline(missingValueWords: $0) } ?? ingestPipeline()
    return try IngestStage.run(inputs: inputs, pipeline: pipeline, log: StageLog(quiet: true))
}

func ingestFixture(_ name: String) throws(VFMError) -> IngestResult { try ingest([messyPath("rows/" + name)]) }

/// A fresh empty directory under the system temporary directory.
func temporaryDirectory() throws -> String {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("vfm-ingest-tests-" + UUID().uuidString)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url.path
}

/// Writes `text` as a file in `directory` and returns its path.
@discardableResult
func writeFile(_ text: String, named name: String, in directory: String) throws -> String {
    let path = (directory as NSString).appendingPathComponent(name)
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    return path
}

extension IngestResult {
    var acceptedLines: [Int] { returns.map(\.source.line) }
    var rejectedRules: [Int: String] { Dictionary(uniqueKeysWithValues: rejected.map { ($0.source.line, $0.rule.rawValue) }) }

    func row(line: Int) -> ServiceReturn? { returns.first { $0.source.line == line } }
    func extra(_ header: String, line: Int) -> String? {
        row(line: line)?.extraColumns.first { $0.header == header }?.value
    }
}
