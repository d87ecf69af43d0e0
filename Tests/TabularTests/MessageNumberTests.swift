import Tabular
import Testing

/// Numbers in flag messages: whole numbers exactly, others to four significant digits.
/// Expected texts by hand.
@Suite("numbers in flag messages")
struct MessageNumberTests {
    @Test("a count is printed exactly, never rounded (issue 31: 13,863 printed 13860)",
          arguments: [(13_863.0, "13863"), (1_000_001.0, "1000001"), (-250_007.0, "-250007"), (7.0, "7")])
    func counts(value: Double, text: String) {
        #expect(HumanNumbers.significant(value) == text)
    }

    @Test("a fraction keeps four significant digits", arguments: [(0.366_21, "0.3662"), (3.141_59, "3.142"), (12_345.67, "12350")])
    func fractions(value: Double, text: String) {
        #expect(HumanNumbers.significant(value) == text)
    }

    @Test("money and percentages in a message read as the report prints them (issue 25: £10554 against £10,554)")
    func moneyAsTheReport() {
        #expect(HumanNumbers.money(10_554.33) == "£10,554")
        #expect(HumanNumbers.percent(0.366) == "37%")
    }
}
