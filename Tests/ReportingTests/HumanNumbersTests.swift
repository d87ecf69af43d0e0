import PipelineDefinition
import Tabular
import Testing

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

    /// Expected digits: Python's exact integer of the binary64 value, `'{:,}'.format(int(v))`.
    @Test("money above 2^64 prints its exact digits instead of saturating (issue 31)", arguments: [
        (18_446_744_073_709_551_616.0, "£18,446,744,073,709,551,616"), (3e20, "£300,000,000,000,000,000,000"),
        (1.8e19, "£18,000,000,000,000,000,000"), (9.5e18, "£9,500,000,000,000,000,000"), (-3e20, "\u{2212}£300,000,000,000,000,000,000"),
        (1.7976931348623157e308, "£179,769,313,486,231,570,814,527,423,731,704,356,798,070,567,525,844,996,598,917,476,803,157,260,780,028,538,760,589,558,632,766,878,171,540,458,953,514,382,464,234,321,326,889,464,182,768,467,546,703,537,516,986,049,910,576,551,282,076,245,490,090,389,328,944,075,868,508,455,133,942,304,583,236,903,222,948,165,808,559,332,123,348,274,797,826,204,144,723,168,738,177,180,919,299,881,250,404,026,184,124,858,368"),
    ])
    func hugeMoney(value: Double, expected: String) {
        #expect(HumanNumbers.money(value) == expected)
    }

    /// Python: `'{:,.2f}'.format(Decimal(123456789012345.67))` → 123,456,789,012,345.67 (the
    /// binary value is 123456789012345.671875).
    @Test("decimals of a large figure stay exact")
    func largeDecimals() {
        #expect(HumanNumbers.decimal(123_456_789_012_345.67, decimals: 2) == "123,456,789,012,345.67")
        #expect(HumanNumbers.decimal(3e20, decimals: 2) == "300,000,000,000,000,000,000.00")
    }

    /// By hand: the value times 10^decimals, rounded half away from zero, its digits cut
    /// before the last `decimals` (zeros kept), commas every three to the left.
    @Test("fixed decimals keep their zeros and group the whole part", arguments: [
        (1.05, 3, "1.050"), (0.007, 3, "0.007"), (1234.5, 1, "1,234.5"), (1_234_567.25, 2, "1,234,567.25"),
        (999.995, 2, "1,000.00"), (0.5, 0, "1"), (12_345, 0, "12,345"), (-0.0004, 3, "0.000"), (-2_500.5, 1, "\u{2212}2,500.5"),
    ])
    func fixedDecimals(value: Double, decimals: Int, expected: String) {
        #expect(HumanNumbers.decimal(value, decimals: decimals) == expected)
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

    /// The rule of SPEC §7 spelt out on integers: |v|·10^d rounded half away from zero,
    /// split at 10^d, the whole part grouped in threes, the decimals zero-padded to d.
    private static func spelt(_ value: Double, decimals: Int, grouped: Bool, minus: String) -> String {
        var factor = 1.0, power: UInt64 = 1
        for _ in 0..<decimals {
            factor *= 10
            power *= 10
        }
        let scaled = UInt64((abs(value) * factor).rounded(.toNearestOrAwayFromZero))
        var whole = String(scaled / power)
        if grouped {
            var index = whole.endIndex
            while whole.distance(from: whole.startIndex, to: index) > 3 {
                index = whole.index(index, offsetBy: -3)
                whole.insert(",", at: index)
            }
        }
        let fraction = String(scaled % power)
        let text = decimals == 0 ? whole : whole + "." + String(repeating: "0", count: decimals - fraction.count) + fraction
        return value < 0 && scaled != 0 ? minus + text : text
    }

    @Test("fixed decimals follow the rule digit for digit, from 0 to 19 places")
    func fixedDecimalsAgainstTheRule() {
        var generator = SystemRandomNumberGenerator()
        var values: [Double] = [0, 0.5, 0.05, 0.005, 999, 999.5, 1000, 999_999.995, 1_000_000, 123_456_789.5,
                                -0.004, -0.005, -1234.5, 9_007_199_254.5, 4.35, 2.675, 1e-7]
        for _ in 0..<4000 {
            var scale = 1.0
            for _ in 0..<Int.random(in: 0...15, using: &generator) { scale *= 10 }
            let magnitude = Double.random(in: 0..<1, using: &generator) * scale / 1000
            values.append(Bool.random(using: &generator) ? -magnitude : magnitude)
        }
        for value in values {
            for decimals in [0, 1, 2, 3, 6, 19] {
                var factor = 1.0
                for _ in 0..<decimals { factor *= 10 }
                guard (abs(value) * factor).rounded(.toNearestOrAwayFromZero) < 9_007_199_254_740_992 else { continue }
                #expect(HumanNumbers.decimal(value, decimals: decimals)
                            == Self.spelt(value, decimals: decimals, grouped: true, minus: "\u{2212}"),
                        "\(value) to \(decimals) places")
                #expect(HumanNumbers.plain(value, decimals: decimals)
                            == Self.spelt(value, decimals: decimals, grouped: false, minus: "-"),
                        "\(value) to \(decimals) places, plain")
            }
        }
    }

    @Test("SVG coordinates have fixed decimals and an ASCII minus")
    func plain() {
        #expect(HumanNumbers.plain(12.345, decimals: 2) == "12.35")
        #expect(HumanNumbers.plain(-3.1, decimals: 2) == "-3.10")
        #expect(HumanNumbers.plain(-0.001, decimals: 2) == "0.00")
    }
}
