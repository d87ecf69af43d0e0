@testable import Analysis
import Cleaning
import Foundation
import PipelineDefinition
import Returns
import Tabular
import Testing
import VFMCore
import VFMTestSupport

/// "What a budget buys" (SPEC §6.1) against the exact-arithmetic reference of
/// `Fixtures/value_for_money/make_reference.py` (Python `fractions`, square roots in
/// 60-digit `decimal`): on the analysis fixture, and end to end on the sample's run.
@Suite("value for money against the fractions reference")
struct ValueForMoneyReferenceTests {
    static let result = AnalysisTablesTests.result

    static func expected(_ set: String, _ name: String) throws -> String {
        try String(contentsOf: FixturePaths.fixture("value_for_money/expected/\(set)/\(name)"), encoding: .utf8)
    }

    @Test("value_for_money.csv: n, S, J, pooled and mean cost per outcome, outcomes per £100k with its interval")
    func valueForMoney() throws {
        TableComparison.expectEqual(CSVWriter.document(Self.result.valueForMoney),
                                    try Self.expected("analysis", "value_for_money.csv"))
    }

    @Test("scenarios.csv: every kind (budget over 1 and 9 years, reallocation, alternative)")
    func scenarios() throws {
        TableComparison.expectEqual(CSVWriter.document(Self.result.scenarios),
                                    try Self.expected("analysis", "scenarios.csv"))
    }

    @Test("the basis: q and its linearised SE per group, and for the services not evidence-based")
    func basis() throws {
        TableComparison.expectEqual(CSVWriter.document(Self.result.valueForMoneyBasis),
                                    try Self.expected("analysis", "value_for_money_basis.csv"))
    }

    @Test("the committed sample run's tables match the reference computed from sample-70.csv",
          arguments: ["value_for_money.csv", "scenarios.csv", "value_for_money_basis.csv"])
    func sample(file: String) throws {
        let ours = try String(contentsOf: FixturePaths.repositoryRoot.appendingPathComponent("Output/sample/tables/\(file)"),
                              encoding: .utf8)
        TableComparison.expectEqual(ours, try Self.expected("sample", file))
    }
}

/// The empty cases of SPEC §6.1, worked out by hand.
@Suite("value for money: empty and degenerate groups")
struct ValueForMoneyEdgeCaseTests {
    static func service(cost: Double, outcomes: Double?, evidence: String? = nil, line: Int) -> CleanedService {
        var counts = CountValues()
        counts[.outcomesTotal] = outcomes  // job outcomes, with no breakdown
        let input = ServiceReturn(
            source: SourceLocation(file: "t.csv", line: line), authority: "A", service: "S\(line)", period: nil,
            model: nil, evidenceBase: EvidenceBase(label: evidence), totalCost: cost, peopleSupported: 10,
            counts: counts, reportedCostPerPerson: nil, reportedCostPerOutcome: nil, extraColumns: [])
        return CleanedService(input: input, flags: [], excludedFromStatistics: false)
    }

    @Test("a group with no services has n = 0 and every figure empty")
    func noServices() {
        let rate = ValueForMoneyTable.basis(of: "g", members: [])
        #expect(rate == ValueForMoneyBasis(group: "g", n: 0, totalCost: nil, jobOutcomes: nil, outcomesPerPound: nil,
                                           standardError: nil))
        #expect(rate.interval == nil && rate.pooledCostPerOutcome == nil)
    }

    @Test("services without job outcomes do not count; one service gives q but no interval")
    func oneService() {
        let rate = ValueForMoneyTable.basis(of: "g", members: [Self.service(cost: 4000, outcomes: 8, line: 2),
                                                               Self.service(cost: 9000, outcomes: nil, line: 3)])
        #expect(rate.n == 1 && rate.totalCost == 4000 && rate.jobOutcomes == 8)
        #expect(rate.outcomesPerPound == 0.002 && rate.standardError == nil && rate.interval == nil)
        #expect(rate.pooledCostPerOutcome == 500)
    }

    @Test("the basis read from the run's columns is the basis read from the services")
    func columnsAgree() {
        let services = [Self.service(cost: 4000, outcomes: 8, line: 2), Self.service(cost: 9000, outcomes: nil, line: 3),
                        Self.service(cost: 1234.5, outcomes: 3, line: 4), Self.service(cost: 777, outcomes: 0, line: 5)]
        let store = ServiceColumns(services, metrics: [.totalCost, .jobOutcomes])
        #expect(ValueForMoneyTable.basis(of: "g", rows: [0, 1, 2, 3], store: store)
                == ValueForMoneyTable.basis(of: "g", members: services))
        #expect(ValueForMoneyTable.basis(of: "g", rows: [2, 3], store: store)
                == ValueForMoneyTable.basis(of: "g", members: Array(services[2...])))
    }

    @Test("zero total cost gives no rate; zero job outcomes gives q = 0 with a zero-width interval")
    func zeros() throws {
        let free = ValueForMoneyTable.basis(of: "g", members: [Self.service(cost: 0, outcomes: 1, line: 2),
                                                               Self.service(cost: 0, outcomes: 2, line: 3)])
        #expect(free.n == 2 && free.outcomesPerPound == nil && free.standardError == nil)
        #expect(free.pooledCostPerOutcome == 0)  // S / J = 0 / 3 (SPEC §6.1: empty only when J = 0)
        let none = ValueForMoneyTable.basis(of: "g", members: [Self.service(cost: 100, outcomes: 0, line: 2),
                                                               Self.service(cost: 300, outcomes: 0, line: 3)])
        #expect(none.outcomesPerPound == 0 && none.standardError == 0)
        let interval = try #require(none.interval)
        #expect(interval.low == 0 && interval.high == 0)
        #expect(none.pooledCostPerOutcome == nil)
    }

    @Test("the lower end of q's interval is clamped at 0")
    func clamped() throws {
        // x = 100, 100; y = 0, 10: q = 0.05; d = −5, 5; s² = 50; SE = √25 / 100 = 0.05;
        // q − 1.96·SE < 0.
        let rate = ValueForMoneyTable.basis(of: "g", members: [Self.service(cost: 100, outcomes: 0, line: 2),
                                                               Self.service(cost: 100, outcomes: 10, line: 3)])
        #expect(rate.outcomesPerPound == 0.05 && rate.standardError == 0.05)
        let interval = try #require(rate.interval)
        #expect(interval.low == 0 && interval.high == 0.05 + 1.959963984540054 * 0.05)
    }

    static let rates = [
        ValueForMoneyBasis(group: "evidence_based", n: 2, totalCost: 200, jobOutcomes: 10, outcomesPerPound: 0.05,
                           standardError: 0.05),
        ValueForMoneyBasis(group: "all", n: 1, totalCost: 400, jobOutcomes: 8, outcomesPerPound: 0.02,
                           standardError: nil),
        ValueForMoneyBasis(group: "not_evidence_based", n: 0, totalCost: nil, jobOutcomes: nil,
                           outcomesPerPound: nil, standardError: nil),
        ValueForMoneyBasis(group: "nothing", n: 2, totalCost: 100, jobOutcomes: 0, outcomesPerPound: 0,
                           standardError: 0),
    ]

    @Test("a budget at a one-service rate has a value but no interval; an unknown group has neither")
    func budget() {
        let rows = ScenarioCalculator.rows([Scenario(name: "b", kind: .budget(amount: 1000, years: 3,
                                                                              groups: ["evidence_based", "all", "x"]))],
                                           basis: Self.rates)
        #expect(rows.map(\.value) == [150, 60, nil])
        // 3000 · max(0, 0.05 − z·0.05) = 0 and 3000 · (0.05 + z·0.05).
        #expect(rows[0].ciLow == 0 && rows[0].ciHigh == 3000 * (0.05 + 1.959963984540054 * 0.05))
        #expect(rows[1].ciLow == nil && rows[1].ciHigh == nil && rows[2].ciLow == nil)
        #expect(rows.allSatisfy { $0.quantity == .jobOutcomes && $0.kind == "budget" })
    }

    @Test("a reallocation from a group with no services moves nothing unless a spend is given")
    func reallocation() {
        let fromReturns = ScenarioCalculator.rows([Scenario(name: "r", kind: .reallocation(share: 0.5, spend: nil))],
                                                  basis: Self.rates)
        #expect(fromReturns.map(\.quantity) == [.movedSpend, .extraJobOutcomes])
        #expect(fromReturns.allSatisfy { $0.value == nil && $0.ciLow == nil && $0.group == "evidence_based" })
        var rates = Self.rates
        rates[2] = ValueForMoneyBasis(group: "not_evidence_based", n: 2, totalCost: 1000, jobOutcomes: 60,
                                      outcomesPerPound: 0.06, standardError: 0.01)
        let given = ScenarioCalculator.rows([Scenario(name: "r", kind: .reallocation(share: 0.5, spend: 4000))],
                                            basis: rates)
        // M = 2000; M · (0.05 − 0.06) = −20; half-width z · √(0.05² + 0.01²); not clamped.
        let half: Double = 1.959963984540054 * (0.05 * 0.05 + 0.01 * 0.01).squareRoot()
        let difference: Double = 0.05 - 0.06
        let low: Double = 2000 * (difference - half), high: Double = 2000 * (difference + half)
        #expect(given[0].value == 2000)
        #expect(abs((given[1].value ?? 0) + 20) < 1e-12)
        #expect(given[1].ciLow == low)
        #expect(given[1].ciHigh == high)
    }

    @Test("an alternative: cost − S/J; no saving without job outcomes; no upper-cost end where q's lower end is 0")
    func alternative() {
        let rows = ScenarioCalculator.rows([Scenario(name: "a", kind: .alternative(cost: 100,
                                                                                   groups: ["evidence_based", "nothing"]))],
                                           basis: Self.rates)
        let saving: Double = 100 - 20
        #expect(rows[0].value == saving)
        #expect(rows[0].ciLow == nil)  // q's lower end is clamped to 0
        #expect(rows[0].ciHigh == 100 - 1 / (0.05 + 1.959963984540054 * 0.05))
        #expect(rows[1].value == nil && rows[1].ciLow == nil && rows[1].ciHigh == nil)
    }

    @Test("the robust band needs two values and is numpy's type 7 quantile at Φ(∓1)")
    func robustBand() {
        #expect(RobustBand([5]) == RobustBand([]))
        #expect(RobustBand([5]).low == nil)
        // n = 2: h = 0.15865525393145707 → 1 + 0.158655… · (3 − 1).
        let band = RobustBand([3, 1])
        let low: Double = 1 + 2 * 0.15865525393145707
        let high: Double = 3 - 2 * (1 - 0.8413447460685429)
        #expect(band.low == low)
        #expect(band.high == high)
    }
}
