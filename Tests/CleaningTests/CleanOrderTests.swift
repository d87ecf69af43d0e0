@testable import Cleaning
import PipelineDefinition
import Returns
import Testing
import VFMCore

/// Clean's services come out in `ServiceReturn.stableOrder` whatever order its rows came
/// in, and the outlier rules' flags in rule order, though the rules screen concurrently.
@Suite("clean order and rule order")
struct CleanOrderTests {
    /// `count` returns in a scrambled order (a fixed LCG), with ties on every key but the line.
    static func scrambled(_ count: Int) -> [ServiceReturn] {
        var state: UInt64 = 42
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        return (0..<count).map { line in
            makeReturn(authority: "Authority \(next(7))", service: "Service \(next(40))",
                       period: next(5) == 0 ? nil : "201\(next(3))", file: next(2) == 0 ? "a.csv" : "b.csv",
                       line: line + 2)
        }
    }

    @Test("rows in any order come out in stable order: few rows (one sort) and many (two halves merged)",
          arguments: [10, 5_000])
    func scrambledRowsAreSorted(count: Int) {
        let returns = Self.scrambled(count)
        let expected = returns.sorted(by: ServiceReturn.stableOrder).map(\.source)
        let result = CleanStage.run(makeIngest(returns), pipeline: makePipeline(duplicatePolicy: .keepAll),
                                    log: StageLog(quiet: true))
        #expect(result.services.map(\.input.source) == expected)
    }

    @Test("rows known to be in stable order keep it; unknown rows already in order are checked, not moved")
    func knownOrder() {
        let returns = Self.scrambled(300).sorted(by: ServiceReturn.stableOrder)
        var known = makeIngest(returns)
        known.returnsInStableOrder = true
        let fromKnown = CleanStage.run(known, pipeline: makePipeline(), log: StageLog(quiet: true))
        let fromChecked = CleanStage.run(makeIngest(returns), pipeline: makePipeline(), log: StageLog(quiet: true))
        #expect(fromKnown.services.map(\.input.source) == returns.map(\.source))
        #expect(fromKnown == fromChecked)
        #expect(ServiceReturn.isInStableOrder(returns))
        #expect(!ServiceReturn.isInStableOrder(Self.scrambled(300)))
    }

    @Test("a service outside two rules' limits has their flags in rule order, as one rule after another gives")
    func ruleOrder() {
        var returns = (0..<30).map { makeReturn(service: "S\($0)", line: $0 + 2, totalCost: 1_000 + Double($0 % 5), people: 10 + $0 % 3) }
        returns.append(makeReturn(service: "Huge", line: 40, totalCost: 9e9, people: 9_000))
        let rules = [OutlierRuleSetting(metric: .peopleSupported, method: .modifiedZScore, threshold: 3.5, logScale: true),
                     OutlierRuleSetting(metric: .totalCost, method: .tukeyFences, threshold: 1.5, logScale: false),
                     OutlierRuleSetting(metric: .costPerPerson, method: .zScore, threshold: 3, logScale: false)]
        let together = clean(returns, pipeline: makePipeline(outlierRules: rules))
        let huge = together.services.first { $0.input.service == "Huge" }
        #expect(huge?.flags.filter { $0.rule == .outlier }.map(\.metric) == ["people_supported", "total_cost", "cost_per_person"])
        // The same flags as the rules applied one at a time, in order.
        var services = clean(returns).services
        for rule in rules { _ = OutlierFlags.apply([rule], to: &services) }
        #expect(together.services == services)
    }
}

@Suite("row rules on all cores")
struct RowRulesTests {
    @Test("pieces give the services and rejects, in row order, of one loop over the rows", arguments: [7, 4_096, 9_001])
    func sameAsOneLoop(count: Int) {
        var state: UInt64 = UInt64(count)
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        // Rejects (a negative count, outcomes above people) and flags (zero people, mismatches) scattered.
        let returns = (0..<count).map { line -> ServiceReturn in
            let people = next(20) == 0 ? 0 : 5 + next(50)
            var counts: [ReturnColumn: Int] = [.outcomesTotal: next(30) == 0 ? people + 5 : next(people + 1)]
            if next(25) == 0 { counts[.clientsLD] = -1 }
            if next(3) == 0 { counts[.clientsLD] = next(people + 10); counts[.clientsMH] = next(10) }
            return makeReturn(service: "S\(line)", line: line + 2, totalCost: Double(next(100_000)), people: people, counts: counts)
        }
        let pipeline = makePipeline()
        var expectedRejects: [RejectedRow] = []
        var expected: [CleanedService] = []
        for row in returns {
            let derived = DerivedMeasures(deriving: row)
            if let (rule, message, column) = RejectRules.violation(row, jobOutcomes: derived.jobOutcomes) {
                expectedRejects.append(RejectRules.rejectedRow(row, rule: rule, message: message, column: column))
                continue
            }
            var flags: [ServiceFlag] = []
            RowFlagRules.flag(row, derived, pipeline: pipeline, into: &flags)
            expected.append(CleanedService(input: row, flags: flags, excludedFromStatistics: false))
        }
        var rejected: [RejectedRow] = []
        let services = RowRules.apply(returns, pipeline: pipeline, rejected: &rejected)
        #expect(services == expected)
        #expect(rejected == expectedRejects)
        if count > 100 { #expect(!rejected.isEmpty && services.contains { !$0.flags.isEmpty }) }
    }
}
