@testable import Analysis
import Cleaning
import PipelineDefinition
import Tabular
import Testing
import VFMCore

@Suite("analysis edge cases")
struct AnalysisEdgeCaseTests {
    static let pipeline = PipelineDefinition.builtIn().definition

    static func services(_ rows: [(cost: Int, people: Int, gained: Int)]) -> CleanResult {
        let services = rows.enumerated().map { offset, row in
            AnalysisFixture.service([
                "authority": "A", "service": "S\(offset)", "period": "2012/13", "client_focus": "LD",
                "total_cost": String(row.cost), "people_supported": String(row.people),
                "clients_ld": String(row.people), "clients_mh": "0",  // every one LD: client focus LD
                "outcomes_gained": String(row.gained), "outcomes_retained": "0", "outcomes_self_employed": "0",
            ], source: SourceLocation(file: "edge.csv", line: offset + 2))
        }
        return CleanResult(services: services, rejected: [], files: [], warnings: [])
    }

    @Test("no services gives every row with n = 0 and empty cells")
    func empty() {
        let result = AnalyzeStage.run(CleanResult(services: [], rejected: [], files: [], warnings: []),
                                      pipeline: Self.pipeline, log: StageLog(quiet: true))
        #expect(result.descriptives.count == Self.pipeline.groups.count * Self.pipeline.descriptiveMetrics.count)
        #expect(result.descriptives.allSatisfy { $0.n == 0 && $0.mean == nil && $0.bandLow == nil })
        #expect(result.correlations.allSatisfy { $0.n == 0 && $0.pearsonR == nil && $0.strength == nil })
        #expect(result.outcomeMix.allSatisfy { $0.n == 0 && $0.outcomeRateMean == nil && $0.gainedShare == nil })
        #expect(result.supportLevels.allSatisfy { $0.n == 0 && $0.shareLT7 == nil })
        #expect(result.bands.map(\.n) == [0, 0, 0, 0, 0, 0])
        #expect(result.benchmark.isEmpty)
        #expect(result.trendLines.allSatisfy { $0.n == 0 && $0.slope == nil })
        #expect(CSVWriter.document(result.correlations).split(separator: "\n").dropFirst().allSatisfy { $0.hasSuffix(",,,,,,") })
    }

    @Test("exactly linear data gives r = 1 with CI [1, 1], p = 0 and the top strength word")
    func exactlyLinear() throws {
        // people_supported fixed at 10, total_cost = 1000 k → cost_per_person = 100 k: exactly linear.
        let clean = Self.services([(1000, 10, 1), (2000, 10, 2), (3000, 10, 4), (5000, 10, 3), (8000, 10, 5)])
        let result = AnalyzeStage.run(clean, pipeline: Self.pipeline, log: StageLog(quiet: true))
        let row = try #require(result.correlations.first {
            $0.group == "all" && $0.x == .totalCost && $0.y == .costPerPerson
        })
        #expect(row.n == 5)
        #expect(abs((row.pearsonR ?? 0) - 1) <= 1e-14)
        #expect(row.spearmanRho == 1)
        #expect(row.ciLow == row.pearsonR && row.ciHigh == row.pearsonR)
        #expect(row.pValue == 0)
        #expect(row.strength == "very strong")
        let line = try #require(result.trendLines.first { $0.group == "all" && $0.x == .totalCost && $0.y == .costPerPerson })
        #expect(abs((line.slope ?? 0) - 0.1) <= 1e-15)
        #expect(abs(line.intercept ?? 1) <= 1e-9)
    }

    @Test("a constant column gives n but no r, rho, CI, p or strength")
    func constantColumn() throws {
        // people_supported is 10 everywhere: constant x for people_supported ~ outcome_rate.
        let clean = Self.services([(1000, 10, 1), (2000, 10, 2), (3000, 10, 4), (5000, 10, 3)])
        let result = AnalyzeStage.run(clean, pipeline: Self.pipeline, log: StageLog(quiet: true))
        let row = try #require(result.correlations.first {
            $0.group == "LD" && $0.x == .peopleSupported && $0.y == .outcomeRate
        })
        #expect(row.n == 4)
        #expect(row.pearsonR == nil && row.spearmanRho == nil && row.ciLow == nil && row.pValue == nil)
        #expect(row.strength == nil)
        let line = try #require(result.trendLines.first {
            $0.group == "LD" && $0.x == .peopleSupported && $0.y == .outcomeRate
        })
        #expect(line.n == 4 && line.slope == nil)
    }

    @Test("the lower band of a non-negative metric is clamped at 0, as the study printed £0")
    func clampedBand() throws {
        // cost_per_outcome: 1000/1, 1000/1, 1000/1, 20000/1 → mean 5750, sd = sqrt(3·4750² + 14250²)/√3
        // = sqrt(270750000/3) = 9500; mean − sd < 0 → 0.
        let clean = Self.services([(1000, 10, 1), (1000, 10, 1), (1000, 10, 1), (20000, 10, 1)])
        let result = AnalyzeStage.run(clean, pipeline: Self.pipeline, log: StageLog(quiet: true))
        let band = try #require(result.bands.first { $0.group == "all" && $0.metric == .costPerOutcome })
        #expect(band.mean == 5750)
        #expect(band.bandLow == 0)
        #expect(abs((band.bandHigh ?? 0) - 15250) <= 1e-9)
        let above = result.benchmark.filter { $0.metric == .costPerOutcome }.map(\.allBand)
        #expect(above == [.within, .within, .within, .above])
        // No evidence-based service: their band is undefined, so the position is empty.
        #expect(result.benchmark.allSatisfy { $0.evidenceBand == nil })
    }
}
