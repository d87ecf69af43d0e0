import Analysis
import Cleaning
import Foundation
import PipelineDefinition
import Returns
import StatisticsKernel
import Testing
import VFMCore
import VFMTestSupport

/// SPEC §14 through the analyze stage: which services enter the model, its two tables,
/// and the typed empty tables when it cannot be fitted. Expected figures: statsmodels'
/// (`Fixtures/model/make_model_fixtures.py`, which derives the sample's design itself).
@Suite("What explains value for money: the model tables")
struct ModelTableTests {
    static func sampleClean(_ pipeline: PipelineDefinition) throws -> CleanResult {
        let log = StageLog(quiet: true)
        let ingest = try IngestStage.run(inputs: [FixturePaths.fixture("returns/sample-70.csv").path],
                                         pipeline: pipeline, log: log)
        return CleanStage.run(ingest, pipeline: pipeline, log: log)
    }

    static func pipeline(covariates: String?) throws -> PipelineDefinition {
        let builtIn = PipelineDefinition.builtIn().text
        let start = try #require(builtIn.range(of: "\n[model]\n"))
        let end = try #require(builtIn.range(of: "covariates = [\"evidence_based\", \"client_focus\", \"log_people_supported\"]\n"))
        let replacement = covariates.map { "\n[model]\n" + $0 + "\n" } ?? "\n"
        let text = builtIn.replacingCharacters(in: start.lowerBound..<end.upperBound, with: replacement)
        return try PipelineDefinition.parse(text: text, displayPath: "model.toml").definition
    }

    func expectMatches(_ analysis: AnalysisResult, _ reference: ModelReference) throws {
        let expected = try #require(reference.expected)
        #expect(analysis.model.map(\.term) == reference.terms)
        for (row, theirs) in zip(analysis.model, expected.model) {
            let ours = row.coefficient
            #expect(ModelReference.agrees(ours.estimate, theirs.estimate, within: 1e-9), "\(row.term)")
            #expect(ModelReference.agrees(ours.standardError, theirs.se, within: 1e-9), "\(row.term)")
            #expect(ModelReference.agrees(ours.rateRatio, theirs.rate_ratio, within: 1e-9), "\(row.term)")
            #expect(ModelReference.agrees(ours.ciLow, theirs.ci_low, within: 1e-9), "\(row.term)")
            #expect(ModelReference.agrees(ours.ciHigh, theirs.ci_high, within: 1e-9), "\(row.term)")
            #expect(ModelReference.agrees(ours.pValue, theirs.p_value, within: 1e-6), "\(row.term)")
        }
        let fit = try #require(analysis.modelFit.first)
        #expect(analysis.modelFit.count == 1)
        #expect(fit.n == expected.fit.n)
        #expect(fit.parameters == expected.fit.parameters)
        #expect(fit.iterations == expected.fit.iterations)
        #expect(ModelReference.agrees(fit.dispersion, expected.fit.dispersion, within: 1e-9))
        #expect(ModelReference.agrees(fit.deviance, expected.fit.deviance, within: 1e-9))
    }

    @Test("the sample's model equals statsmodels' fit of the design derived from the returns, and LAPACK solved its steps")
    func sample() throws {
        let pipeline = PipelineDefinition.builtIn().definition
        let clean = try Self.sampleClean(pipeline)
        let calls = LAPACKCalls()
        let analysis = LAPACKCalls.$current.withValue(calls) {
            AnalyzeStage.run(clean, pipeline: pipeline, log: StageLog(quiet: true))
        }
        try expectMatches(analysis, try #require(ModelReference.named("sample")))
        #expect(calls.leastSquaresSolves >= analysis.modelFit.first?.iterations ?? .max)
    }

    @Test("support_level_index as a fourth covariate keeps only services with support-level data")
    func supportLevelIndex() throws {
        let pipeline = try Self.pipeline(covariates:
            "covariates = [\"evidence_based\", \"client_focus\", \"log_people_supported\", \"support_level_index\"]")
        let analysis = AnalyzeStage.run(try Self.sampleClean(pipeline), pipeline: pipeline, log: StageLog(quiet: true))
        try expectMatches(analysis, try #require(ModelReference.named("sample-support-level-index")))
    }

    @Test("without [model] both tables are empty")
    func noModel() throws {
        let pipeline = try Self.pipeline(covariates: nil)
        #expect(pipeline.model == nil)
        let analysis = AnalyzeStage.run(try Self.sampleClean(pipeline), pipeline: pipeline, log: StageLog(quiet: true))
        #expect(analysis.model.isEmpty)
        #expect(analysis.modelFit.isEmpty)
    }

    @Test("no evidence-based service: no coefficients, the fit row keeps n and parameters with empty figures")
    func rankDeficient() throws {
        let pipeline = PipelineDefinition.builtIn().definition
        var clean = try Self.sampleClean(pipeline)
        for i in clean.services.indices { clean.services[i].input.evidenceBase = .notEvidenceBased }
        let analysis = AnalyzeStage.run(clean, pipeline: pipeline, log: StageLog(quiet: true))
        #expect(analysis.model.isEmpty)
        #expect(analysis.modelFit == [ModelFitRow(n: 70, parameters: 5, dispersion: nil, deviance: nil, iterations: nil)])
        #expect(analysis.modelFit.first?.hasTooFewServices == false)
    }

    @Test("six services for five parameters: too few (n < p + 2)")
    func tooFew() throws {
        let pipeline = PipelineDefinition.builtIn().definition
        var clean = try Self.sampleClean(pipeline)
        clean.services = Array(clean.services.prefix(6))
        let analysis = AnalyzeStage.run(clean, pipeline: pipeline, log: StageLog(quiet: true))
        #expect(analysis.model.isEmpty)
        #expect(analysis.modelFit.first?.n == 6)
        #expect(analysis.modelFit.first?.hasTooFewServices == true)
    }

    @Test("services outside the model: unknown client focus, no cost, no people, earlier returns, excluded outliers")
    func exclusions() throws {
        let pipeline = PipelineDefinition.builtIn().definition
        var clean = try Self.sampleClean(pipeline)
        clean.services[0].input.counts[.clientsLD] = nil  // no client data: client focus unknown
        clean.services[0].input.counts[.clientsMH] = nil
        clean.services[1].input.totalCost = 0
        clean.services[2].input.peopleSupported = 0
        clean.services[3].isCurrent = false
        clean.services[4].excludedFromStatistics = true
        for column in ReturnColumn.outcomeBreakdown + [.outcomesTotal] { clean.services[5].input.counts[column] = nil }
        let analysis = AnalyzeStage.run(clean, pipeline: pipeline, log: StageLog(quiet: true))
        #expect(analysis.modelFit.first?.n == 64)
        #expect(analysis.model.count == 5)
    }
}

/// `[model]` in a pipeline file (SPEC §14).
@Suite("pipeline [model]")
struct ModelSettingsLoadingTests {
    @Test("the built-in pipeline fits SPEC §14's default covariates")
    func builtIn() {
        #expect(PipelineDefinition.builtIn().definition.model == ModelSettings())
        #expect(ModelSettings().terms == ["intercept", "evidence_based", "client_focus_MH", "client_focus_mixed",
                                          "log_people_supported"])
    }

    @Test("[model] without covariates takes the default; any order and the optional index are kept")
    func covariates() throws {
        #expect(try ModelTableTests.pipeline(covariates: "").model == ModelSettings())
        let chosen = try ModelTableTests.pipeline(covariates: "covariates = [\"support_level_index\", \"evidence_based\"]")
        #expect(chosen.model?.covariates == [.supportLevelIndex, .evidenceBased])
        #expect(chosen.model?.terms == ["intercept", "support_level_index", "evidence_based"])
    }

    @Test("an unknown or repeated covariate, or an unknown key, exits 78 at its line", arguments: [
        ("covariates = [\"evidence_based\", \"client_focus\", \"log_people_supported\"]",
         "covariates = [\"evidence_based\", \"region\"]", "model.covariates", "not a covariate"),
        ("covariates = [\"evidence_based\", \"client_focus\", \"log_people_supported\"]",
         "covariates = [\"evidence_based\", \"evidence_based\"]", "model.covariates", "listed twice"),
        ("covariates = [\"evidence_based\", \"client_focus\", \"log_people_supported\"]",
         "covariate = [\"evidence_based\"]", "model.covariate", "unknown key"),
    ])
    func errors(original: String, replacement: String, key: String, fragment: String) throws {
        let edit = try #require(PipelineEdit(replacing: original, with: replacement))
        let error = try #require(throws: VFMError.self) { try PipelineDefinition.parse(text: edit.text, displayPath: "m.toml") }
        #expect(error.status == .badPipeline)
        #expect(error.column == key)
        #expect(error.line == edit.line)
        #expect(error.message.contains(fragment), "\(error.message)")
        #expect(error.hint != nil)
    }
}
