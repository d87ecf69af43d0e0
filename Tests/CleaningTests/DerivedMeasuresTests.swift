import Cleaning
import Returns
import Testing

@Suite("Derived measures (SPEC §5)")
struct DerivedMeasuresTests {
    let full: [ReturnColumn: Int] = [.outcomesGained: 20, .outcomesRetained: 12, .outcomesSelfEmployed: 8]

    @Test("job outcomes are gained + retained + self-employed when all three are present")
    func jobOutcomesFromBreakdown() {
        // 20 + 12 + 8 = 40; outcomes_total 45 is overridden by the breakdown.
        var counts = full
        counts[.outcomesTotal] = 45
        let d = DerivedMeasures(deriving: makeReturn(totalCost: 60_000, people: 160, counts: counts))
        #expect(d.jobOutcomes == 40)
        #expect(d.outcomeRate == 0.25)          // 40 / 160
        #expect(d.costPerPerson == 375)         // 60,000 / 160
        #expect(d.costPerOutcome == 1_500)      // 60,000 / 40
        #expect(d.gainedShare == 0.5)           // 20 / 40
        #expect(d.retainedShare == 0.3)         // 12 / 40
        #expect(d.selfEmployedShare == 0.2)     // 8 / 40
    }

    @Test("only outcomes_total given: job outcomes from it, no shares")
    func onlyOutcomesTotal() {
        let d = DerivedMeasures(deriving: makeReturn(totalCost: 90_000, people: 60, counts: [.outcomesTotal: 18]))
        #expect(d.jobOutcomes == 18)
        #expect(d.outcomeRate == 0.3)           // 18 / 60
        #expect(d.costPerOutcome == 5_000)      // 90,000 / 18
        #expect(d.gainedShare == nil && d.retainedShare == nil && d.selfEmployedShare == nil)
    }

    @Test("a partial breakdown falls back to outcomes_total and gives no shares")
    func partialBreakdown() {
        let d = DerivedMeasures(deriving: makeReturn(people: 50, counts: [
            .outcomesGained: 10, .outcomesRetained: 5, .outcomesTotal: 16,
        ]))
        #expect(d.jobOutcomes == 16)
        #expect(d.gainedShare == nil && d.retainedShare == nil && d.selfEmployedShare == nil)
        let noTotal = DerivedMeasures(deriving: makeReturn(people: 50, counts: [.outcomesGained: 10]))
        #expect(noTotal.jobOutcomes == nil)
        #expect(noTotal.outcomeRate == nil && noTotal.costPerOutcome == nil)
    }

    @Test("all outcome counts missing: job outcomes and every outcome ratio are missing")
    func allOutcomesMissing() {
        let d = DerivedMeasures(deriving: makeReturn(totalCost: 50_000, people: 40))
        #expect(d.jobOutcomes == nil && d.outcomeRate == nil && d.costPerOutcome == nil && d.gainedShare == nil)
        #expect(d.costPerPerson == 1_250)       // 50,000 / 40
    }

    @Test("cost per job outcome is missing when there are no job outcomes, not infinite")
    func zeroOutcomes() {
        let d = DerivedMeasures(deriving: makeReturn(people: 30, counts: [
            .outcomesGained: 0, .outcomesRetained: 0, .outcomesSelfEmployed: 0,
        ]))
        #expect(d.jobOutcomes == 0)
        #expect(d.outcomeRate == 0)
        #expect(d.costPerOutcome == nil)
        #expect(d.gainedShare == nil)           // 0 / 0 is undefined
    }

    @Test("people supported = 0: every ratio over it is missing")
    func zeroPeople() {
        let d = DerivedMeasures(deriving: makeReturn(totalCost: 10_000, people: 0, counts: [
            .clientsLD: 0, .clientsMH: 0, .outcomesTotal: 0,
        ]))
        #expect(d.costPerPerson == nil && d.outcomeRate == nil && d.ldShare == nil && d.mhShare == nil)
        #expect(d.clientFocus == .unknown)
    }

    @Test("client focus by the >50% rule", arguments: [
        // (clients_ld, clients_mh, people, expected)
        (51, 10, 100, ClientFocus.learningDisability),  // 0.51 > 0.5
        (50, 50, 100, .mixed),                          // exactly half is not > 0.5
        (10, 60, 100, .mentalHealth),
        (30, 30, 100, .mixed),
        (nil, 60, 100, .mentalHealth),                  // ld missing, mh > 0.5
        (nil, 40, 100, .unknown),                       // one missing, the other ≤ 0.5
        (40, nil, 100, .unknown),
        (nil, nil, 100, .unknown),                      // no client data
        (70, 60, 100, .learningDisability),             // both > 0.5 (counts exceed people): LD first, as §5 orders the tests
    ] as [(Int?, Int?, Int, ClientFocus)])
    func clientFocus(ld: Int?, mh: Int?, people: Int, expected: ClientFocus) {
        var counts: [ReturnColumn: Int] = [:]
        counts[.clientsLD] = ld
        counts[.clientsMH] = mh
        let d = DerivedMeasures(deriving: makeReturn(people: people, counts: counts))
        #expect(d.clientFocus == expected)
        #expect(d.ldShare == ld.map { Double($0) / 100 })
        #expect(d.mhShare == mh.map { Double($0) / 100 })
    }

    @Test("support proportions and the Support Level Index (footnote 10)")
    func supportLevelIndex() {
        // 30 known of 50 people: p = 15/30, 12/30, 3/30 = 0.5, 0.4, 0.1
        // SLI = 0.5 + 3·0.4 + 10·0.1 = 0.5 + 1.2 + 1.0 = 2.7
        let d = DerivedMeasures(deriving: makeReturn(people: 50, counts: [
            .supportLT7: 15, .support7to40: 12, .support40plus: 3,
        ]))
        #expect(close(d.shareLT7, 0.5) && close(d.share7to40, 0.4) && close(d.share40plus, 0.1))
        #expect(close(d.supportLevelIndex, 2.7))
    }

    @Test("SLI is 1 when everyone needs < 7h and 10 when everyone needs 40h+")
    func supportLevelIndexBounds() {
        let low = DerivedMeasures(deriving: makeReturn(counts: [.supportLT7: 9, .support7to40: 0, .support40plus: 0]))
        let high = DerivedMeasures(deriving: makeReturn(counts: [.supportLT7: 0, .support7to40: 0, .support40plus: 4]))
        #expect(low.supportLevelIndex == 1)
        #expect(high.supportLevelIndex == 10)
    }

    @Test("no support-level data unless all three counts are present and sum to more than 0")
    func supportLevelNeedsAllThree() {
        let two = DerivedMeasures(deriving: makeReturn(counts: [.supportLT7: 15, .support7to40: 12]))
        let zero = DerivedMeasures(deriving: makeReturn(counts: [.supportLT7: 0, .support7to40: 0, .support40plus: 0]))
        for d in [two, zero] {
            #expect(d.shareLT7 == nil && d.share7to40 == nil && d.share40plus == nil && d.supportLevelIndex == nil)
        }
    }
}
