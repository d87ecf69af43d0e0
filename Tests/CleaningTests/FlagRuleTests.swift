import Cleaning
import PipelineDefinition
import Returns
import Testing

@Suite("Flag rules (SPEC §5)")
struct FlagRuleTests {
    func flags(_ row: ServiceReturn, pipeline: PipelineDefinition = makePipeline()) -> CleanedService? {
        clean([row], pipeline: pipeline).services.first
    }

    @Test("people supported = 0 is kept and flagged")
    func zeroPeople() throws {
        let service = try #require(flags(makeReturn(people: 0, counts: [.outcomesTotal: 0])))
        let flag = try #require(service.flag(.peopleSupportedZero))
        #expect(flag.metric == "people_supported" && flag.value == 0 && flag.severity == .warning)
        #expect(service.ruleIDs.contains("zero-outcomes"))
    }

    @Test("zero outcomes and a 100% outcome rate are flagged")
    func outcomeExtremes() throws {
        let none = try #require(flags(makeReturn(people: 10, counts: [.outcomesTotal: 0])))
        #expect(none.flag(.zeroOutcomes)?.value == 0)
        #expect(none.flag(.zeroOutcomes)?.severity == .info)
        let all = try #require(flags(makeReturn(people: 10, counts: [.outcomesTotal: 10])))
        #expect(all.flag(.fullOutcomeRate)?.value == 1)
        let ordinary = try #require(flags(makeReturn(people: 10, counts: [.outcomesTotal: 4])))
        #expect(ordinary.flags.isEmpty)
    }

    @Test("a partial outcome breakdown is flagged with what is missing")
    func partialBreakdown() throws {
        let service = try #require(flags(makeReturn(counts: [.outcomesGained: 10, .outcomesTotal: 14])))
        let flag = try #require(service.flag(.partialOutcomeBreakdown))
        #expect(flag.value == 1 && flag.threshold == 3)
        #expect(flag.message.contains("outcomes_retained") && flag.message.contains("outcomes_self_employed"))
        #expect(flag.message.contains("outcomes_total (14)"))
        // all three missing is not a *partial* breakdown
        #expect(flags(makeReturn(counts: [.outcomesTotal: 14]))?.flags.isEmpty == true)
    }

    @Test("outcomes_total that disagrees with the breakdown sum is flagged")
    func totalMismatch() throws {
        let row = makeReturn(counts: [.outcomesGained: 10, .outcomesRetained: 5, .outcomesSelfEmployed: 1,
                                      .outcomesTotal: 18])
        let flag = try #require(flags(row)?.flag(.outcomesTotalMismatch))
        #expect(flag.value == 18 && flag.threshold == 16)   // 10 + 5 + 1 = 16
        let agreeing = makeReturn(counts: [.outcomesGained: 10, .outcomesRetained: 5, .outcomesSelfEmployed: 1,
                                           .outcomesTotal: 16])
        #expect(flags(agreeing)?.flags.isEmpty == true)
    }

    @Test("client counts off people supported by the tolerance or more are flagged", arguments: [
        // (clients_ld, clients_mh, people, flagged)
        (60, 31, 100, false),  // 91: |91 − 100| / 100 = 0.09 < 0.10
        (60, 30, 100, true),   // 90: 0.10 ≥ 0.10 (the tolerance is inclusive)
        (60, 50, 100, true),   // 110: 0.10
        (60, 35, 100, false),  // 95: 0.05
    ])
    func clientMismatch(ld: Int, mh: Int, people: Int, flagged: Bool) {
        let flag = flags(makeReturn(people: people, counts: [.clientsLD: ld, .clientsMH: mh]))?.flag(.clientCountMismatch)
        #expect((flag != nil) == flagged)
        if let flag {
            #expect(flag.threshold == 0.10 && flag.metric == "clients_total")
            #expect(close(flag.value, 0.10))
        }
    }

    @Test("client counts with 0 people supported are flagged without a relative difference")
    func clientCountsWithZeroPeople() throws {
        let flag = try #require(flags(makeReturn(people: 0, counts: [.clientsLD: 3]))?.flag(.clientCountMismatch))
        #expect(flag.value == nil)
        #expect(flag.message == "client groups add up to 3 but people supported is 0")
    }

    @Test("the flag message says how far off the client counts are")
    func clientMismatchMessage() throws {
        // 25 + 16 = 41 vs 30: off by 11/30 = 36.7% → "37%"
        let flag = try #require(flags(makeReturn(people: 30, counts: [.clientsLD: 25, .clientsMH: 16]))?
            .flag(.clientCountMismatch))
        #expect(flag.message == "client groups add up to 41 but people supported is 30 (off by 37%)")
        #expect(close(flag.value, 11.0 / 30.0))
    }

    @Test("support counts that do not add up are flagged; the tolerance comes from the pipeline")
    func supportMismatch() throws {
        // 20 + 10 + 2 = 32 of 40 people: off by 8/40 = 0.2
        let row = makeReturn(people: 40, counts: [.supportLT7: 20, .support7to40: 10, .support40plus: 2])
        let flag = try #require(flags(row)?.flag(.supportCountMismatch))
        #expect(close(flag.value, 0.2) && flag.threshold == 0.10)
        #expect(flags(row, pipeline: makePipeline(countTolerance: 0.25))?.flag(.supportCountMismatch) == nil)
        // the measures are still derived, over the 32 people with a known level
        #expect(close(flags(row)?.derived.shareLT7, 0.625))   // 20 / 32
    }

    @Test("reported cost per person or per outcome far from the derived value is flagged")
    func reportedRatios() throws {
        // derived cost per person 100,000 / 100 = 1,000; reported 1,200 → off by 0.2
        // derived cost per outcome 100,000 / 25 = 4,000; reported 4,100 → off by 0.025 < 0.05
        let row = makeReturn(counts: [.outcomesTotal: 25], reportedCostPerPerson: 1_200, reportedCostPerOutcome: 4_100)
        let service = try #require(flags(row))
        let perPerson = try #require(service.flag(.reportedCostPerPersonMismatch))
        #expect(close(perPerson.value, 0.2) && perPerson.threshold == 0.05 && perPerson.metric == "cost_per_person")
        #expect(service.flag(.reportedCostPerOutcomeMismatch) == nil)
        let strict = try #require(flags(row, pipeline: makePipeline(ratioTolerance: 0.02)))
        #expect(close(strict.flag(.reportedCostPerOutcomeMismatch)?.value, 0.025))
    }

    @Test("a reported cost per person against a derived £0 is flagged without a relative difference")
    func reportedAgainstZeroCost() throws {
        let flag = try #require(flags(makeReturn(totalCost: 0, reportedCostPerPerson: 500))?
            .flag(.reportedCostPerPersonMismatch))
        #expect(flag.value == nil && flag.threshold == 0.05)
        // and nothing to compare when the derived value is missing (0 people supported)
        #expect(flags(makeReturn(people: 0, reportedCostPerPerson: 500))?.flag(.reportedCostPerPersonMismatch) == nil)
    }

    @Test("an unrecognised evidence_based label is flagged and not evidence-based")
    func unrecognisedLabel() throws {
        let service = try #require(flags(makeReturn(evidence: EvidenceBase(label: "yes"))))
        #expect(service.flag(.unrecognisedEvidenceLabel)?.message.contains("\"yes\"") == true)
        #expect(!service.input.evidenceBase.isEvidenceBased)
        #expect(flags(makeReturn(evidence: .ipsFidelity))?.flags.isEmpty == true)
    }
}
