@testable import RunDiff
import Testing

@Suite("Numbers for people in the diff")
struct PeopleNumbersTests {
    @Test("money is whole pounds with thousands separators and a real minus sign",
          arguments: [(1730.4, "£1,730"), (263_132, "£263,132"), (-1234.5, "−£1,235"), (0, "£0"), (-0.2, "£0"),
                      (1_000_000, "£1,000,000")])
    func money(value: Double, text: String) {
        #expect(PeopleNumbers.money(value) == text)
    }

    @Test("rates are percentages to one decimal", arguments: [(0.38, "38.0%"), (0.3749, "37.5%"), (1, "100.0%")])
    func percent(value: Double, text: String) {
        #expect(PeopleNumbers.percent(value) == text)
    }

    @Test("r to two decimals, p to three or < 0.001",
          arguments: [(-0.58, "−0.58"), (0.0049, "0.00"), (-0.0049, "0.00"), (0.999, "1.00")])
    func coefficient(value: Double, text: String) {
        #expect(PeopleNumbers.coefficient(value) == text)
    }

    @Test("p-values", arguments: [(0.012, "0.012"), (0.0004, "< 0.001"), (0.5, "0.500")])
    func pValue(value: Double, text: String) {
        #expect(PeopleNumbers.pValue(value) == text)
    }

    @Test("changes are signed; money changes under £1 show pence; rates change in points")
    func changes() {
        #expect(PeopleNumbers.change(from: 1730, to: 1802, scale: .money) == "+£72")
        #expect(PeopleNumbers.change(from: 1730, to: 1730.4, scale: .money) == "+£0.40")
        #expect(PeopleNumbers.change(from: 0.38, to: 0.34, scale: .rate) == "−4.0 pp")
        #expect(PeopleNumbers.change(from: 70, to: 68, scale: .count) == "−2")
        #expect(PeopleNumbers.change(from: nil, to: 68, scale: .count) == "—")
        #expect(PeopleNumbers.relativeChange(from: 200, to: 250) == "+25.0%")
        #expect(PeopleNumbers.relativeChange(from: 0, to: 250) == "—")
    }

    @Test("missing is an em dash, never 0 or NaN")
    func missing() {
        #expect(PeopleNumbers.money(nil) == "—")
        #expect(PeopleNumbers.figure(nil, scale: .rate) == "—")
        #expect(PeopleNumbers.signed(.nan, decimals: 0, prefix: "", suffix: "", plus: false) == "—")
    }
}
