@testable import Returns
import Testing

@Suite("cell values: money, counts and missing words as returns write them")
struct CellValueTests {
    @Test("money cells that parse", arguments: [
        ("263132", 263_132.0), ("£263,132", 263_132), ("1,730.50", 1730.5), ("£ 1,234", 1234), ("-£50", -50),
        ("£-50", -50), ("- 50", -50), ("+12", 12), ("0", 0), ("-0", 0), (".5", 0.5), ("5.", 5),
        ("1,000,000", 1_000_000), ("1000000000000000", 1e15), ("0.1", 0.1), ("1,234.", 1234),
    ])
    func money(cell: String, value: Double) {
        #expect(CellValues.money(Substring(cell)) == .value(value))
    }

    @Test("money cells that do not parse", arguments: [
        "£12k", "12,5", "1,2345", ",123", "1,,234", "1e5", "inf", "nan", "£", "-", ".", "(1,234)", "12 345",
        "£1.2.3", "££5", "--5", "5-", "١٢٣",
    ])
    func unparsableMoney(cell: String) {
        #expect(CellValues.money(Substring(cell)) == .unparsable)
    }

    @Test("money beyond £10^15 is refused, not rounded or trapped")
    func hugeMoney() {
        #expect(CellValues.money("1000000000000001") == .tooLarge)
        #expect(CellValues.money(Substring(String(repeating: "9", count: 400))) == .tooLarge)
    }

    @Test("counts: whole numbers, 12.0 is 12, separators allowed", arguments: [
        ("12", 12), ("12.0", 12), ("12.00", 12), ("1,200", 1200), ("-3", -3), ("0", 0), ("007", 7),
        ("1000000000000", 1_000_000_000_000),
    ])
    func counts(cell: String, value: Int) {
        #expect(CellValues.count(Substring(cell)) == .value(value))
    }

    @Test("counts that are not whole, not numbers, or too large")
    func badCounts() {
        #expect(CellValues.count("12.5") == .notWhole)
        #expect(CellValues.count("0.01") == .notWhole)
        #expect(CellValues.count("£12") == .unparsable)
        #expect(CellValues.count("twelve") == .unparsable)
        #expect(CellValues.count("40%") == .unparsable)
        #expect(CellValues.count("1000000000001") == .tooLarge)
        #expect(CellValues.count("99999999999999999999999999") == .tooLarge)
        #expect(CellValues.count(Substring(String(repeating: "0", count: 100) + "5")) == .value(5))
    }

    @Test("missing words ignore case, surrounding spaces and the kind of apostrophe", arguments: [
        "", "n/a", "N/A", "-", "don't know", "Don’t Know", "DON‘T KNOW", "no info available", "Not Known",
    ])
    func missingWords(cell: String) {
        let words = MissingValueWords(["", "n/a", "-", "don't know", "no info available", "not known"])
        #expect(words.isMissing(CellText.trimmed(cell)))
    }

    @Test("zero and other words are not missing")
    func notMissing() {
        let words = MissingValueWords(["", "n/a", "-", "don't know"])
        for cell in ["0", "none", "dont know", "n/a n/a", "--"] { #expect(!words.isMissing(Substring(cell)), "\(cell)") }
    }

    @Test("whitespace, including non-breaking spaces, is trimmed")
    func trimming() {
        #expect(CellText.trimmed("\u{00A0} 12 \t") == "12")
        #expect(CellText.trimmed("   ") == "")
    }

    @Test("evidence labels: case and separators do not matter; others are kept verbatim")
    func evidenceLabels() {
        #expect(EvidenceBase(label: "IPS fidelity") == .ipsFidelity)
        #expect(EvidenceBase(label: "Observed_Good_Practice") == .observedGoodPractice)
        #expect(EvidenceBase(label: "No") == .notEvidenceBased)
        #expect(EvidenceBase(label: "No").label == "no")  // what the return said, not a blank
        #expect(EvidenceBase(label: nil) == .notStated)
        #expect(EvidenceBase(label: nil).label == nil)
        #expect(EvidenceBase(label: "yes") == .unrecognised("yes"))
    }
}
