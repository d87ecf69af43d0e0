@testable import RunDiff
import Testing

/// Figures are printed by the report's formatter (`Tabular.HumanNumbers`); expected
/// texts are the report's rounding worked out by hand (SPEC §7: £1,730; 38%; r = −0.58).
@Suite("Figures as the report prints them, and their changes")
struct FigureTextTests {
    @Test("each format prints as the report does",
          arguments: [(FigureFormat.money, 1730.4, "£1,730"), (.money, -1234.5, "−£1,235"),
                      (.percent, 0.3812, "38%"), (.percent, 0.385, "39%"), (.whole, 1234, "1,234"),
                      (.metric("cost_per_outcome"), 6518.4, "£6,518"), (.metric("outcome_rate"), 0.45, "45%"),
                      (.metric("support_level_index"), 2.6548, "2.65"), (.decimals(2), -0.004, "0.00")])
    func text(format: FigureFormat, value: Double, expected: String) {
        #expect(format.text(value) == expected)
    }

    @Test("changes are signed in the figure's units; a change too small to print shows finer digits")
    func changes() {
        #expect(PeopleNumbers.change(from: 1730, to: 1802, format: .money) == "+£72")
        #expect(PeopleNumbers.change(from: 1730, to: 1730.4, format: .money) == "+£0.40")
        #expect(PeopleNumbers.change(from: 0.38, to: 0.34, format: .percent) == "−4 pp")
        #expect(PeopleNumbers.change(from: 0.38, to: 0.381, format: .metric("outcome_rate")) == "+0.10 pp")
        #expect(PeopleNumbers.change(from: 70, to: 68, format: .whole) == "−2")
        #expect(PeopleNumbers.change(from: nil, to: 68, format: .whole) == "—")
        #expect(PeopleNumbers.relativeChange(from: 200, to: 250) == "+25.0%")
        #expect(PeopleNumbers.relativeChange(from: 0, to: 250) == "—")
        #expect(PeopleNumbers.relativeChange(from: 90_000, to: 90_001) == "+<0.1%")
    }

    @Test("missing is an em dash, never 0 or NaN")
    func missing() {
        #expect(FigureFormat.money.text(nil) == "—")
        #expect(FigureFormat.percent.text(.nan) == "—")
    }
}
