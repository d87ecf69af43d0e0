import Cleaning
import PipelineDefinition
import Returns
import VFMCore

/// A return with the given figures; everything not passed is missing.
func makeReturn(
    authority: String = "Northshire", service: String = "Pathways", period: String? = "2012/13",
    file: String = "returns.csv", line: Int = 2, evidence: EvidenceBase = .notStated,
    totalCost: Double = 100_000, people: Int = 100, counts: [ReturnColumn: Int] = [:],
    reportedCostPerPerson: Double? = nil, reportedCostPerOutcome: Double? = nil, extras: [ExtraCell] = []
) -> ServiceReturn {
    var values = CountValues()
    for (column, value) in counts { values[column] = value }
    return ServiceReturn(
        source: SourceLocation(file: file, line: line), authority: authority, service: service, period: period,
        model: nil, evidenceBase: evidence, totalCost: totalCost, peopleSupported: people, counts: values,
        reportedCostPerPerson: reportedCostPerPerson, reportedCostPerOutcome: reportedCostPerOutcome,
        extraColumns: extras)
}

/// A pipeline with the study's defaults and no outlier rules unless given.
func makePipeline(outlierRules: [OutlierRuleSetting] = [], duplicatePolicy: DuplicatePolicy = .keepAll,
                  excludeOutliers: Bool = false, countTolerance: Double = 0.10,
                  ratioTolerance: Double = 0.05) -> PipelineDefinition {
    PipelineDefinition(
        name: "test", missingValueWords: [], countMismatchTolerance: countTolerance,
        reportedRatioTolerance: ratioTolerance, duplicatePolicy: duplicatePolicy, outlierRules: outlierRules,
        excludeOutliers: excludeOutliers, groups: [], descriptiveMetrics: [], correlationPairs: [], bandMetrics: [],
        strengthScale: [])
}

/// An ingest result holding `returns`, all from their files, with honest row accounting.
func makeIngest(_ returns: [ServiceReturn], rejected: [RejectedRow] = []) -> IngestResult {
    var byFile: [String: (accepted: Int, rejected: Int)] = [:]
    for row in returns { byFile[row.source.file, default: (0, 0)].accepted += 1 }
    for row in rejected { byFile[row.source.file, default: (0, 0)].rejected += 1 }
    let files = byFile.keys.sorted().map { path in
        let counts = byFile[path] ?? (0, 0)
        return InputFileSummary(path: path, sha256: String(repeating: "0", count: 64), bytes: 1000,
                                rowsRead: counts.accepted + counts.rejected, rowsAccepted: counts.accepted,
                                rowsRejected: counts.rejected, encoding: "utf-8")
    }
    return IngestResult(returns: returns, rejected: rejected, files: files, warnings: [])
}

func clean(_ returns: [ServiceReturn], pipeline: PipelineDefinition = makePipeline()) -> CleanResult {
    CleanStage.run(makeIngest(returns), pipeline: pipeline, log: StageLog(quiet: true))
}

extension CleanedService {
    var ruleIDs: [String] { flags.map(\.rule) }
    func flag(_ rule: FlagRule) -> ServiceFlag? { flags.first { $0.rule == rule.rawValue } }
}

/// Relative closeness for values computed by a different route than the expectation.
func close(_ a: Double?, _ b: Double, tolerance: Double = 1e-12) -> Bool {
    guard let a else { return false }
    return abs(a - b) <= tolerance * max(1, abs(b))
}
