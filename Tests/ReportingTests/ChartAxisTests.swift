import Testing
@testable import Reporting

/// Expected ticks worked out by hand from the 1-2-5 rule.
@Suite("Chart axes")
struct ChartAxisTests {
    @Test("money starts at 0 with 1-2-5 steps: £165–£10,000 → 0 to £10,000 by £2,000")
    func moneyFromZero() {
        let axis = ChartAxis(metric: "cost_per_person", values: [165, 10_000])
        #expect(axis.ticks == [0, 2000, 4000, 6000, 8000, 10_000])
        #expect(axis.label(4000) == "£4,000")
    }

    @Test("rates are labelled in percent")
    func ratesInPercent() {
        let axis = ChartAxis(metric: "outcome_rate", values: [0.22, 0.62])
        #expect(axis.lower == 0)
        #expect(axis.label(0.2) == "20%")
    }

    @Test("the Support Level Index spans its data, not 0 (it is at least 1 by construction)")
    func supportLevelIndexSpansData() {
        // range 2.7 − 2.4 = 0.3 → raw step 0.06 → 0.1; 2.4 … 2.7
        let axis = ChartAxis(metric: "support_level_index", values: [2.4, 2.5, 2.7])
        #expect(axis.lower > 2.3 && axis.lower < 2.41)
        #expect(axis.upper > 2.69 && axis.upper < 2.71)
    }

    @Test("one distinct value still gives a proper axis")
    func constantValues() {
        let zero = ChartAxis(metric: "cost_per_outcome", values: [0, 0])
        #expect(zero.lower == 0 && zero.upper > 0)
        let index = ChartAxis(metric: "support_level_index", values: [3, 3])
        #expect(index.lower < 3 && index.upper > 3)
    }
}
