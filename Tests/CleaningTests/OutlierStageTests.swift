import Cleaning
import PipelineDefinition
import Returns
import Testing

@Suite("Outlier flags in the clean stage")
struct OutlierStageTests {
    /// Cost per person 1,000 … 1,900 plus one at 10,000 (people 100 each).
    func services() -> [ServiceReturn] {
        let costs: [Double] = [100_000, 110_000, 120_000, 130_000, 140_000, 150_000, 160_000, 170_000, 180_000,
                               190_000, 1_000_000]
        return costs.enumerated().map { index, cost in
            makeReturn(service: "S\(index + 10)", line: index + 2, totalCost: cost, people: 100)
        }
    }

    let rule = OutlierRuleSetting(metric: .costPerPerson, method: .modifiedZScore, threshold: 3.5, logScale: false)

    @Test("an outlier is flagged with its value and the limit it crossed, and stays in the statistics")
    func flaggedAndKept() throws {
        // cost per person 1000…1900, 10000: median 1500, |x − 1500| = 500,400,…,0,…,400,8500
        // sorted deviations 0,100,100,200,200,300,300,400,400,500,8500 → MAD 300
        // M(10000) = 0.6745·8500/300 = 19.11 > 3.5; upper limit 1500 + 3.5·300/0.6745 = 3056.7
        let result = clean(services(), pipeline: makePipeline(outlierRules: [rule]))
        let flagged = result.services.filter { $0.flag(.outlier) != nil }
        #expect(flagged.map(\.input.service) == ["S20"])
        let flag = try #require(flagged.first?.flag(.outlier))
        #expect(flag.metric == "cost_per_person" && flag.value == 10_000 && flag.severity == .warning)
        #expect(close(flag.threshold, 1_500 + 3.5 * 300 / 0.6745))
        // 3.5·300/0.6745 = 1556.7 → limit £3057 shown to the pound
        #expect(flag.message == "cost_per_person £10,000 is above the upper outlier limit £3,057 (modified z-score 19.11, limit ±3.5); check it with the service")
        #expect(result.services.allSatisfy { !$0.excludedFromStatistics })
    }

    @Test("exclude_outliers marks outliers as excluded from statistics, nothing else")
    func excluded() {
        let result = clean(services(), pipeline: makePipeline(outlierRules: [rule], excludeOutliers: true))
        #expect(result.services.filter(\.excludedFromStatistics).map(\.input.service) == ["S20"])
        #expect(result.services.count == 11)
    }

    @Test("a service with the metric missing is not screened; a single service is never an outlier")
    func singleService() {
        let one = clean([makeReturn(people: 0)] + [makeReturn(line: 3)], pipeline: makePipeline(outlierRules: [rule]))
        #expect(one.services.allSatisfy { $0.flag(.outlier) == nil })
    }

    @Test("a screen that cannot work (MAD = 0) flags nothing and leaves a warning")
    func madZeroWarning() {
        let same = (0..<5).map { makeReturn(service: "S\($0)", line: $0 + 2) }
        let result = clean(same, pipeline: makePipeline(outlierRules: [rule]))
        #expect(result.services.allSatisfy { $0.flags.isEmpty })
        #expect(result.warnings == ["outlier screen of cost_per_person (modified-z) flagged nothing: MAD = 0 (more than half the values are equal)"])
    }

    @Test("value(of:) reads every metric from the inputs or the derived measures")
    func valueOfMetric() throws {
        let row = makeReturn(totalCost: 80_000, people: 40, counts: [
            .outcomesGained: 6, .outcomesRetained: 3, .outcomesSelfEmployed: 1, .clientsLD: 30, .clientsMH: 10,
            .supportLT7: 20, .support7to40: 10, .support40plus: 10,
        ])
        let service = try #require(clean([row]).services.first)
        let expected: [Metric: Double] = [
            .totalCost: 80_000, .peopleSupported: 40, .jobOutcomes: 10, .outcomeRate: 0.25,
            .costPerPerson: 2_000, .costPerOutcome: 8_000, .gainedShare: 0.6, .retainedShare: 0.3,
            .selfEmployedShare: 0.1, .ldShare: 0.75, .mhShare: 0.25,
            .supportLevelIndex: 0.5 + 3 * 0.25 + 10 * 0.25,   // 20/40, 10/40, 10/40 → 3.75
        ]
        for metric in Metric.allCases {
            #expect(close(service.value(of: metric), try #require(expected[metric])), "\(metric)")
        }
    }
}
