import Foundation
import Tabular
import Testing
import VFMTestSupport

/// Keeps the README's "published vs sample" table honest (issue 7): every "sample" cell
/// must equal the figure in the committed `Output/sample/tables/`, rounded as the
/// report rounds (money to £1, rates to 1%, r to 2 decimals, counts whole).
struct ReadmeSampleTableTests {
    struct Row: CustomStringConvertible {
        var shown: String
        var key: [String]
        var description: String { key.joined(separator: " ") }
    }

    static func readmeRows() throws -> [Row] {
        let readme = try String(contentsOf: FixturePaths.repositoryRoot.appendingPathComponent("README.md"),
                                encoding: .utf8)
        guard let start = readme.range(of: "<!-- published-vs-sample:begin"),
              let end = readme.range(of: "<!-- published-vs-sample:end -->") else { return [] }
        return readme[start.upperBound..<end.lowerBound].split(separator: "\n").compactMap { line in
            let cells = line.split(separator: "|", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count == 7, cells[5].hasPrefix("`") else { return nil }
            return Row(shown: cells[4], key: cells[5].trimmingCharacters(in: CharacterSet(charactersIn: "`"))
                .split(separator: " ").map(String.init))
        }
    }

    static func table(_ name: String) throws -> [[String: String]] {
        let url = FixturePaths.repositoryRoot.appendingPathComponent("Output/sample/tables/\(name).csv")
        let records = try CSVRecordParser.records(utf8: Array(try Data(contentsOf: url)))
        guard let header = records.first?.cells else { return [] }
        return records.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0.cells)) }
    }

    static func roundedWhole(_ value: Double) -> Int { Int(value.rounded(.toNearestOrAwayFromZero)) }

    static func money(_ value: Double) -> String {
        let digits = String(roundedWhole(value))
        var grouped = ""
        for (offset, character) in digits.reversed().enumerated() {
            if offset > 0, offset % 3 == 0 { grouped.append(",") }
            grouped.append(character)
        }
        return "£" + String(grouped.reversed())
    }

    static func percent(_ fraction: Double) -> String { "\(roundedWhole(fraction * 100))%" }

    static func coefficient(_ r: Double) -> String {
        let hundredths = roundedWhole(r * 100)
        let sign = hundredths < 0 ? "−" : ""
        let magnitude = abs(hundredths)
        let fraction = magnitude % 100 < 10 ? "0\(magnitude % 100)" : "\(magnitude % 100)"
        return "\(sign)\(magnitude / 100).\(fraction)"
    }

    /// The figure a README key names, formatted for people.
    static func figure(for key: [String]) throws -> String? {
        let moneyMetrics: Set = ["total_cost", "cost_per_person", "cost_per_outcome"]
        let rateMetrics: Set = ["outcome_rate", "gained_share", "retained_share", "self_employed_share"]
        switch (key.first, key.count) {
        case ("descriptives", 4):
            guard let row = try table("descriptives").first(where: { $0["group"] == key[1] && $0["metric"] == key[2] }),
                  let value = row[key[3]].flatMap(Double.init) else { return nil }
            if key[3] == "n" { return String(roundedWhole(value)) }
            if moneyMetrics.contains(key[2]) { return money(value) }
            if rateMetrics.contains(key[2]) { return percent(value) }
            return String(roundedWhole(value))
        case ("correlations", 5):
            guard let row = try table("correlations").first(where: {
                $0["group"] == key[1] && $0["x"] == key[2] && $0["y"] == key[3] }),
                  let value = row[key[4]].flatMap(Double.init) else { return nil }
            return key[4] == "n" ? String(roundedWhole(value)) : coefficient(value)
        case ("outcome_mix", 3), ("support_levels", 3):
            guard let row = try table(key[0]).first(where: { $0["group"] == key[1] }),
                  let value = row[key[2]].flatMap(Double.init) else { return nil }
            if key[2] == "n" || key[2].hasSuffix("_per_100") { return String(roundedWhole(value)) }
            return percent(value)
        default:
            return nil
        }
    }

    @Test("the README table lists every figure of SPEC §9")
    func tableIsComplete() throws {
        #expect(try Self.readmeRows().count >= 90)
    }

    @Test("every sample figure in the README equals Output/sample/", arguments: try readmeRows())
    func sampleFigureMatchesRun(row: Row) throws {
        #expect(try Self.figure(for: row.key) == row.shown, "README row `\(row)`")
    }

    @Test("people-facing rounding of the README check", arguments: [
        (-0.5783697444619496, "−0.58"), (0.3, "0.30"), (0.025, "0.03"), (-0.004, "0.00"),
    ])
    func coefficientRounding(value: Double, expected: String) {
        #expect(Self.coefficient(value) == expected)
    }
}
