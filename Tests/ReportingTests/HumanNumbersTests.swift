import Testing
@testable import Reporting

/// Expected strings are written by hand from the rules in SPEC §7.
@Suite("Numbers rounded for people")
struct HumanNumbersTests {
    @Test("money is whole pounds with thousands separators", arguments: [
        (1730.4, "£1,730"), (1730.5, "£1,731"), (263_132, "£263,132"), (0, "£0"), (999.5, "£1,000"),
        (1_234_567_890, "£1,234,567,890"), (165, "£165"),
    ])
    func money(value: Double, expected: String) {
        #expect(HumanNumbers.money(value) == expected)
    }

    @Test("rates are whole percentages", arguments: [(0.3812, "38%"), (0.005, "1%"), (0, "0%"), (1, "100%"), (0.125, "13%")])
    func percent(value: Double, expected: String) {
        #expect(HumanNumbers.percent(value) == expected)
    }

    @Test("coefficients have two decimals and a Unicode minus, never −0.00", arguments: [
        (-0.5812, "\u{2212}0.58"), (0.03, "0.03"), (-0.004, "0.00"), (1, "1.00"), (-1, "\u{2212}1.00"),
    ])
    func coefficient(value: Double, expected: String) {
        #expect(HumanNumbers.coefficient(value) == expected)
    }

    @Test("p-values have three decimals, and small ones read < 0.001", arguments: [
        (0.0123, "0.012"), (0.0009, "< 0.001"), (0, "< 0.001"), (1, "1.000"), (0.05, "0.050"),
    ])
    func pValue(value: Double, expected: String) {
        #expect(HumanNumbers.pValue(value) == expected)
    }

    @Test("a figure that does not exist is a dash, never 0 or NaN")
    func missing() {
        #expect(HumanNumbers.money(nil) == "—")
        #expect(HumanNumbers.percent(.nan) == "—")
        #expect(HumanNumbers.coefficient(.infinity) == "—")
        #expect(HumanNumbers.pValue(nil) == "—")
        #expect(HumanNumbers.count(nil) == "—")
    }

    @Test("figures are formatted by the unit of their metric")
    func figureByMetric() {
        #expect(HumanNumbers.figure(8217.4, metric: "cost_per_outcome") == "£8,217")
        #expect(HumanNumbers.figure(0.38, metric: "outcome_rate") == "38%")
        #expect(HumanNumbers.figure(197.6, metric: "people_supported") == "198")
        #expect(HumanNumbers.figure(2.456, metric: "support_level_index") == "2.46")
        #expect(HumanNumbers.figure(2.456, metric: "a_pipeline_metric") == "2.46")
    }

    @Test("SVG coordinates have fixed decimals and an ASCII minus")
    func plain() {
        #expect(HumanNumbers.plain(12.345, decimals: 2) == "12.35")
        #expect(HumanNumbers.plain(-3.1, decimals: 2) == "-3.10")
        #expect(HumanNumbers.plain(-0.001, decimals: 2) == "0.00")
    }
}
