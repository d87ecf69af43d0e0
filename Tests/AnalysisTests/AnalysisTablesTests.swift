import Cleaning
import Foundation
import PipelineDefinition
import RunFiles
import Tabular
import Testing
import VFMCore
import VFMTestSupport
@testable import Analysis

/// Every table of the built-in pipeline on `Fixtures/analysis/services.csv`, against the
/// numpy/scipy reference tables of `Fixtures/analysis/make_reference.py`.
@Suite("analysis tables against the scipy reference")
struct AnalysisTablesTests {
    static let result: AnalysisResult = {
        let clean = (try? AnalysisFixture.cleanResult()) ?? CleanResult(services: [], rejected: [], files: [], warnings: [])
        return AnalyzeStage.run(clean, pipeline: PipelineDefinition.builtIn().definition, log: StageLog(quiet: true))
    }()

    static func expected(_ name: String) throws -> String {
        try String(contentsOf: FixturePaths.fixture("analysis/expected/\(name)"), encoding: .utf8)
    }

    @Test("descriptives match numpy: n, mean, sample SD, min, median, max, clamped ±1 SD band")
    func descriptives() throws {
        TableComparison.expectEqual(CSVWriter.document(Self.result.descriptives), try Self.expected("descriptives.csv"))
    }

    @Test("correlations match scipy pearsonr/spearmanr with Fisher-z CI, and are empty where undefined")
    func correlations() throws {
        // p-values come from the regularised incomplete beta: compared to 1e-10.
        TableComparison.expectEqual(CSVWriter.document(Self.result.correlations), try Self.expected("correlations.csv"),
                                    relativeTolerance: 1e-10)
    }

    @Test("outcome mix matches pooled shares and 100 × mean rate × share")
    func outcomeMix() throws {
        TableComparison.expectEqual(CSVWriter.document(Self.result.outcomeMix), try Self.expected("outcome_mix.csv"))
    }

    @Test("support levels are pooled over services whose three counts are present and sum above 0")
    func supportLevels() throws {
        TableComparison.expectEqual(CSVWriter.document(Self.result.supportLevels), try Self.expected("support_levels.csv"))
    }

    @Test("bands compare evidence-based with all services for each band metric (Table 8)")
    func bands() throws {
        TableComparison.expectEqual(CSVWriter.document(Self.result.bands), try Self.expected("bands.csv"))
    }

    @Test("benchmark places every service against both bands, excluded ones included")
    func benchmark() throws {
        TableComparison.expectEqual(CSVWriter.document(Self.result.benchmark), try Self.expected("benchmark.csv"))
    }

    @Test("trend lines match scipy linregress and are empty for fewer than two points")
    func trendLines() throws {
        TableComparison.expectEqual(CSVWriter.document(Self.result.trendLines), try Self.expected("trend_lines.csv"),
                                    relativeTolerance: 1e-10)
    }

    @Test("no table contains NaN, inf or -0")
    func noNonFiniteCells() {
        for (path, text) in Self.result.csvFiles() {
            for cell in text.split(whereSeparator: { $0 == "," || $0 == "\n" }) {
                #expect(!["nan", "inf", "-inf", "-0"].contains(cell.lowercased()), "\(path): \(cell)")
            }
        }
    }
}

@Suite("analysis tables by hand")
struct AnalysisByHandTests {
    static let result = AnalysisTablesTests.result

    @Test("outcome mix of all services is worked out by hand")
    func outcomeMixByHand() throws {
        let all = try #require(Self.result.outcomeMix.first { $0.group == "all" })
        // Rates of the 8 services in statistics (D2 excluded): A1 4/10, A2 4/20, B1 10/40, B2 0/5,
        // C1 9/30, C2 40/100, D1 10/45, E1 6/12 → sum 2.2722… / 8 = 0.28402777…
        #expect(all.n == 8)
        #expect(abs((all.outcomeRateMean ?? 0) - (0.4 + 0.2 + 0.25 + 0 + 0.3 + 0.4 + 10.0 / 45 + 0.5) / 8) < 1e-15)
        // Full breakdowns (B1 has only outcomes_total): gained 2+3+0+6+20+5+3 = 39,
        // retained 1+1+0+3+15+5+3 = 28, self-employed 1+0+0+0+5+0+0 = 6; total 73.
        #expect(all.gainedShare == 39.0 / 73)
        #expect(all.retainedShare == 28.0 / 73)
        #expect(all.selfEmployedShare == 6.0 / 73)
    }

    @Test("support levels of LD services are pooled counts by hand")
    func supportLevelsByHand() throws {
        let ld = try #require(Self.result.supportLevels.first { $0.group == "LD" })
        // A1 (5, 4, 1) + E1 (6, 6, 0) = (11, 10, 1) of 22; D2 is excluded, A2 has no data.
        #expect(ld.n == 2)
        #expect(ld.shareLT7 == 11.0 / 22)
        #expect(ld.share7to40 == 10.0 / 22)
        #expect(ld.share40plus == 1.0 / 22)
    }

    @Test("a one-service group has n = 1 and empty SD and bands")
    func singleServiceGroup() throws {
        let mixed = try #require(Self.result.descriptives.first { $0.group == "mixed" && $0.metric == .costPerPerson })
        // C1: 12000 / 30 = 400.
        #expect(mixed.n == 1)
        #expect(mixed.mean == 400)
        #expect(mixed.sd == nil && mixed.bandLow == nil && mixed.bandHigh == nil)
    }

    @Test("groups and metrics follow the pipeline order")
    func order() {
        let pipeline = PipelineDefinition.builtIn().definition
        let expected = pipeline.groups.flatMap { group in pipeline.descriptiveMetrics.map { (group.name, $0) } }
        #expect(Self.result.descriptives.map { "\($0.group) \($0.metric)" } == expected.map { "\($0.0) \($0.1)" })
    }

    @Test("a service excluded from statistics changes no figure")
    func excludedServiceChangesNothing() throws {
        var clean = try AnalysisFixture.cleanResult()
        clean.services.removeAll { $0.excludedFromStatistics }
        let without = AnalyzeStage.run(clean, pipeline: PipelineDefinition.builtIn().definition, log: StageLog(quiet: true))
        #expect(without.descriptives == Self.result.descriptives)
        #expect(without.correlations == Self.result.correlations)
        #expect(without.bands == Self.result.bands)
        #expect(without.benchmark.count == Self.result.benchmark.count - 3)
    }

    @Test("write puts every table in the run directory with the SPEC §7 headers")
    func writesFiles() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("vfm-analysis-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Self.result.write(toRunDirectory: dir)
        let headers = [
            RunLayout.descriptives: "group,metric,n,mean,sd,min,median,max,band_low,band_high,robust_band_low,"
                + "robust_band_high",
            RunLayout.correlations: "group,x,y,n,pearson_r,spearman_rho,ci_low,ci_high,p_value,strength",
            RunLayout.outcomeMix: "group,n,outcome_rate_mean,gained_share,retained_share,self_employed_share,"
                + "gained_per_100,retained_per_100,self_employed_per_100",
            RunLayout.supportLevels: "group,n,share_lt7,share_7to40,share_40plus",
            RunLayout.benchmark: "authority,service,period,metric,value,all_band,evidence_band",
            RunLayout.bands: "metric,group,n,min,max,band_low,mean,band_high,robust_band_low,robust_band_high",
            RunLayout.trendLines: "group,x,y,n,intercept,slope",
            RunLayout.valueForMoney: "group,n,total_cost,job_outcomes,pooled_cost_per_outcome,mean_cost_per_outcome,"
                + "outcomes_per_100k,ci_low,ci_high",
            RunLayout.scenarios: "scenario,kind,group,quantity,value,ci_low,ci_high",
            RunLayout.valueForMoneyBasis: "group,n,total_cost,job_outcomes,outcomes_per_pound,standard_error",
        ]
        for (path, header) in headers {
            let text = try String(contentsOfFile: dir + "/" + path, encoding: .utf8)
            #expect(text.hasPrefix(header + "\n"), "\(path)")
            #expect(!text.contains("\r"))
        }
    }
}
