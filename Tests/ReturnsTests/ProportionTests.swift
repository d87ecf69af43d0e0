import Testing
@testable import Returns
import VFMCore

/// Breakdown cells given as percentages (SPEC §4 proportions). Expected values by hand;
/// the bit-exactness cases were found with Python `fractions`: for 2,760 of the
/// two-decimal percentages 0.01%…99.99%, `float("p") / 100` is not the double nearest
/// p/100 (e.g. 0.07 / 100 = 0.0007000000000000001, but 0.07% is 0.0007).
@Suite("percentages in breakdown columns are proportions of their base")
struct ProportionTests {
    @Test("a percentage is its decimal digits shifted two places, correctly rounded", arguments: [
        ("73.72%", 0.7372), ("45%", 0.45), ("45 %", 0.45), ("0.07%", 0.0007), ("0.5%", 0.005), ("100%", 1.0),
        ("0%", 0.0), ("1,000%", 10.0), ("-5%", -0.05), (".5%", 0.005),
    ])
    func percentages(text: String, proportion: Double) {
        #expect(Proportions.percentage(Substring(text)) == .proportion(proportion))
    }

    @Test("dividing in binary would not give the same bits")
    func notBinaryDivision() {
        #expect(0.07 / 100 != 0.0007)
        #expect(Proportions.percentage("0.07%") == .proportion(0.0007))
    }

    @Test("text that is not a percentage", arguments: [("45", Proportions.PercentResult.notPercent), ("%", .unparsable),
                                                       ("4 5%", .unparsable), ("45%%", .unparsable), ("£45%", .unparsable)])
    func notPercentages(text: String, result: Proportions.PercentResult) {
        #expect(Proportions.percentage(Substring(text)) == result)
    }

    static let header = "authority,service,total_cost,people_supported,clients_ld,clients_mh,support_lt7,support_7to40,"
        + "support_40plus,outcomes_gained,outcomes_retained,outcomes_self_employed,outcomes_total\n"

    static func read(_ row: String) throws -> FileIngest {
        try FileIngest.ingest(Array((header + row + "\n").utf8), name: "p.csv", missingWords: MissingValueWords(["", "n/a"]))
    }

    @Test("clients and support levels are taken of people supported, outcome types of outcomes_total")
    func bases() throws {
        let file = try Self.read("A,B,1000,37,73.72%,10%,50%,25 %,25%,61%,36%,3%,40")
        let row = try #require(file.accepted.first?.serviceReturn)
        #expect(row.counts[.clientsLD] == 0.7372 * 37)  // 27.2764 (rounded product)
        #expect(row.counts[.clientsMH] == 0.1 * 37)
        #expect(row.counts[.supportLT7] == 18.5)
        #expect(row.counts[.outcomesGained] == 0.61 * 40)
        #expect(row.counts[.outcomesSelfEmployed] == 0.03 * 40)
        #expect(row.proportionsGiven == [.clientsLD, .clientsMH, .supportLT7, .support7to40, .support40plus,
                                         .outcomesGained, .outcomesRetained, .outcomesSelfEmployed])
    }

    @Test("counts given as numbers are not proportions")
    func plainCounts() throws {
        let row = try #require(try Self.read("A,B,1000,37,20,10,,,,5,4,0,9").accepted.first?.serviceReturn)
        #expect(row.counts[.clientsLD] == 20)
        #expect(row.proportionsGiven.isEmpty)
    }

    @Test("a row is rejected for", arguments: [
        ("A,B,1000,37,120%,10,,,,5,4,0,9", "proportion-above-100", "more than 100% of `people_supported`"),
        ("A,B,1000,37,20,10,,,,61%,36%,3%,", "proportion-without-base", "`outcomes_total` is missing"),
        ("A,B,1000,37%,20,10,,,,5,4,0,9", "unparsable-count", "is a percentage, but this column is a count of people"),
        ("A,B,1000,37,20,10,,,,5,4,0,90%", "unparsable-count", "is a percentage, but this column is a count of people"),
        ("A,B,45%,37,20,10,,,,5,4,0,9", "unparsable-money", "cannot read \"45%\" as money"),
        ("A,B,1000,37,x%,10,,,,5,4,0,9", "unparsable-count", "as a percentage"),
    ])
    func rejects(row: String, rule: String, words: String) throws {
        let rejected = try #require(try Self.read(row).rejected.first)
        #expect(rejected.rule.rawValue == rule)
        #expect(rejected.message.contains(words), "\(rejected.message)")
    }

    @Test("a workbook percentage is written back as its decimal percentage text")
    func percentText() {
        #expect(ReturnCell.number(0.7372, isPercent: true).text == "73.72%")
        #expect(ReturnCell.number(0.05, isPercent: true).text == "5%")
        #expect(ReturnCell.number(1, isPercent: true).text == "100%")
        #expect(ReturnCell.number(0.0007, isPercent: true).text == "0.07%")
        #expect(ReturnCell.number(-0.5, isPercent: true).text == "-50%")
        #expect(ReturnCell.number(263132, isPercent: false).text == "263132")
        #expect(ReturnCell.bool(true).text == "TRUE")
    }
}
