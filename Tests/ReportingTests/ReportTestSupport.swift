import Analysis
import Foundation
import PipelineDefinition
import Tabular
import Testing
import VFMCore
import VFMTestSupport
@testable import Reporting

/// Shared helpers: the fixture pipeline, scratch copies of fixture run directories, and
/// golden files re-recorded only with `VFM_RECORD_GOLDEN=1`.
enum ReportTestSupport {
    /// The small hand-made run directory (see `Fixtures/report/make_small_run.py`).
    static let smallRun = FixturePaths.fixture("report/small-run")
    static let goldenDirectory = FixturePaths.fixture("report/golden")

    /// The groups, pairs and strength scale the fixture tables were computed with.
    static let pipeline = LoadedPipeline(
        definition: {
            var definition = PipelineDefinition(
                name: "NDTi 2014 (report fixture)", missingValueWords: ["n/a"], countMismatchTolerance: 0.1,
                reportedRatioTolerance: 0.1, duplicatePolicy: .keepAll, outlierRules: [], excludeOutliers: false,
                groups: [
                    GroupDefinition(name: "all", selection: .all),
                    GroupDefinition(name: "LD", selection: .clientFocus("LD")),
                    GroupDefinition(name: "MH", selection: .clientFocus("MH")),
                    GroupDefinition(name: "mixed", selection: .clientFocus("mixed")),
                    GroupDefinition(name: "evidence_based", selection: .evidenceBased),
                ],
                descriptiveMetrics: [.peopleSupported, .totalCost, .costPerPerson, .costPerOutcome, .outcomeRate],
                correlationPairs: [CorrelationPair(x: .outcomeRate, y: .costPerOutcome),
                                   CorrelationPair(x: .totalCost, y: .costPerPerson),
                                   CorrelationPair(x: .supportLevelIndex, y: .costPerPerson)],
                bandMetrics: [.costPerPerson, .costPerOutcome, .outcomeRate],
                strengthScale: [StrengthThreshold(minimum: 0.7, word: "strong"),
                                StrengthThreshold(minimum: 0.4, word: "moderate"),
                                StrengthThreshold(minimum: 0.2, word: "weak"),
                                StrengthThreshold(minimum: 0, word: "very weak")],
                // The seeds' scenarios, as Fixtures/report/make_small_run.py priced them.
                scenarios: PipelineDefinition.builtIn().definition.scenarios)
            // SPEC §14's default model, as Fixtures/model/make_model_fixtures.py fitted it.
            definition.model = ModelSettings()
            return definition
        }(),
        displayPath: "Pipelines/ndti-2014.toml",
        sha256: "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
        text: "")

    /// A fresh scratch copy of `source` (removed by the caller with `remove`).
    static func scratchCopy(of source: URL) throws -> URL {
        let scratch = FileManager.default.temporaryDirectory
            .appendingPathComponent("vfm-report-tests-" + UUID().uuidString)
        try FileManager.default.copyItem(at: source, to: scratch)
        return scratch
    }

    static func remove(_ directory: URL) {
        try? FileManager.default.removeItem(at: directory)
    }

    /// Runs the report stage on a scratch copy of `source` after `prepare`; returns the run directory.
    static func runReport(on source: URL = smallRun, pipeline: LoadedPipeline = pipeline,
                          prepare: (URL) throws -> Void = { _ in }) throws -> URL {
        let directory = try scratchCopy(of: source)
        try prepare(directory)
        try report(directory, pipeline: pipeline)
        return directory
    }

    /// The report stage as `vfm-report` runs it (`StageSteps.reportByHand`, which this
    /// target cannot see): the typed results loaded from `directory`, then rendered.
    static func report(_ directory: URL, pipeline: LoadedPipeline = pipeline) throws(VFMError) {
        let input = try ReportInput.read(fromRunDirectory: directory.path, pipeline: pipeline)
        try ReportStage.run(input, runDirectory: directory.path, pipeline: pipeline, log: StageLog(quiet: true))
    }

    /// Adds services named by third parties to the run in `directory` as the earlier stages
    /// write a service: a row of `clean/services.csv` (cost per person £1,200, within both
    /// bands of cost per person; no job outcome) and its rows of `tables/benchmark.csv`, one
    /// per band measure. Their names reach the report's benchmark (placed from the services
    /// and the bands) and its charts.
    static func addServices(_ names: [(authority: String, service: String)], to directory: URL) throws {
        let servicesURL = directory.appendingPathComponent("clean/services.csv")
        let benchmarkURL = directory.appendingPathComponent("tables/benchmark.csv")
        var services = try String(contentsOf: servicesURL, encoding: .utf8)
        var benchmark = try String(contentsOf: benchmarkURL, encoding: .utf8)
        let header = services.prefix { $0 != "\n" }.split(separator: ",").map(String.init)
        for (index, name) in names.enumerated() {
            let cells: [String: CSVField] = [
                "authority": .text(name.authority), "service": .text(name.service), "period": .text("2012/13"),
                "total_cost": .number(120_000), "people_supported": .count(100), "cost_per_person": .number(1_200),
                "client_focus": .text("unknown"), "excluded_from_statistics": .text("false"), "current": .text("yes"),
                "source": .text("added.csv:\(index + 2)"),
            ]
            services += CSVEncoding.line(header.map { cells[$0] ?? .text(nil) })
            let service: [CSVField] = [.text(name.authority), .text(name.service), .text("2012/13")]
            benchmark += CSVEncoding.line(service + [.text("cost_per_person"), .number(1_200), .text("within"), .text("within")])
                + CSVEncoding.line(service + [.text("cost_per_outcome"), .number(nil), .text(nil), .text(nil)])
                + CSVEncoding.line(service + [.text("outcome_rate"), .number(nil), .text(nil), .text(nil)])
        }
        try Data(services.utf8).write(to: servicesURL)
        try Data(benchmark.utf8).write(to: benchmarkURL)
    }

    static func text(_ relative: String, in directory: URL) throws -> String {
        try String(contentsOf: directory.appendingPathComponent(relative), encoding: .utf8)
    }

    /// Compares `actual` with the golden file `name`; with `VFM_RECORD_GOLDEN=1` rewrites it
    /// instead and fails, so that a recording run can never pass silently.
    static func expectMatchesGolden(_ actual: String, name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let url = goldenDirectory.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["VFM_RECORD_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: goldenDirectory, withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: url)
            Issue.record("Recorded new baseline Fixtures/report/golden/\(name): review its diff; a recording run never passes",
                         sourceLocation: sourceLocation)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(actual == expected, "differs from Fixtures/report/golden/\(name); review, then re-record with VFM_RECORD_GOLDEN=1 swift test --filter ReportingTests", sourceLocation: sourceLocation)
    }
}
