import Foundation
import Tabular
import Testing
import VFMTestSupport

/// A council's return as councils make it (issue 28, Fixtures/council/make_council.py): a
/// title block, analysts' short headers, each authority merged down its services, a hidden
/// helper column with `#DIV/0!`, a Total row and footnotes — as openpyxl writes it, as
/// LibreOffice saves it (formulas calculated) and as Excel's CSV holds it (bare-comma lines
/// under the table). Each gives exactly the run of the same services typed cleanly, with the
/// Total row rejected as `total-row` and the footnotes counted as notes.
@Suite("a council's workbook gives the figures of the same returns typed cleanly")
struct CouncilReturnTests {
    /// The figures of the intended services, computed by make_council.py with Python's
    /// fractions (not by vfm): Fixtures/council/expected.json.
    struct Expected: Decodable {
        var n: Int
        var mean_total_cost: Double
        var mean_cost_per_person: Double
        var ld_services: Int
        var mh_services: Int
        var total_rows: Int
        var note_rows: Int
    }

    static let expected: Expected? = try? JSONDecoder().decode(
        Expected.self, from: Data(contentsOf: FixturePaths.fixture("council/expected.json")))

    static func inputs(_ run: URL) throws -> [String: Any] {
        let data = try Data(contentsOf: run.appendingPathComponent("ingest/inputs.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    static func descriptive(_ run: URL, group: String, metric: String) throws -> (n: Int, mean: Double) {
        let bytes = Array(try Data(contentsOf: run.appendingPathComponent("tables/descriptives.csv")))
        let row = try #require(try CSVRecordParser.records(utf8: bytes).first { $0.cells.prefix(2) == [group, metric][...] })
        return (try #require(Int(row.cells[2])), try #require(Double(row.cells[3])))
    }

    @Test("the same tables and services as the clean returns; the Total row rejected; the notes counted",
          arguments: ["council/council-openpyxl.xlsx", "council/council-libreoffice.xlsx", "council/council-excel.csv"])
    func sameFigures(council: String) throws {
        let expected = try #require(Self.expected)
        let scratch = try ScratchDirectory("vfm-council")
        defer { scratch.remove() }
        let (cleanRun, cleanResult) = try WorkbookRunTests.run(FixturePaths.fixture("council/council-clean.csv").path, in: scratch)
        let (councilRun, councilResult) = try WorkbookRunTests.run(FixturePaths.fixture(council).path, in: scratch)
        try #require(cleanResult.status == 0, "\(cleanResult)")
        try #require(councilResult.status == 0, "\(councilResult)")

        let cleanTables = try WorkbookRunTests.tableFiles(cleanRun), councilTables = try WorkbookRunTests.tableFiles(councilRun)
        #expect(cleanTables.keys.sorted() == councilTables.keys.sorted())
        for (name, data) in cleanTables { #expect(councilTables[name] == data, "tables/\(name)") }
        // The council copies carry the helper column `check` (missing where it held #DIV/0!).
        let councilServices = try WorkbookRunTests.servicesWithoutSource(councilRun)
        let check = try #require(councilServices.first?.firstIndex(of: "check"))
        #expect(councilServices.map { $0.enumerated().filter { $0.offset != check }.map(\.element) }
            == (try WorkbookRunTests.servicesWithoutSource(cleanRun)))
        #expect(councilServices.filter { $0[check].isEmpty }.count == 3)  // two #DIV/0!, one formula giving ""

        let all = try Self.descriptive(councilRun, group: "all", metric: "total_cost")
        #expect(all.n == expected.n && all.mean == expected.mean_total_cost)
        #expect(try Self.descriptive(councilRun, group: "all", metric: "cost_per_person").mean == expected.mean_cost_per_person)
        #expect(try Self.descriptive(councilRun, group: "LD", metric: "total_cost").n == expected.ld_services)
        #expect(try Self.descriptive(councilRun, group: "MH", metric: "total_cost").n == expected.mh_services)

        let rejected = try String(contentsOf: councilRun.appendingPathComponent("clean/rejected.csv"), encoding: .utf8)
        let rejects = rejected.split(separator: "\n").dropFirst()
        #expect(rejects.count == expected.total_rows)
        #expect(rejects.allSatisfy { $0.contains(",total-row,") })
        let file = try #require((try Self.inputs(councilRun)["files"] as? [[String: Any]])?.first)
        #expect(file["note_rows"] as? Int == expected.note_rows)
        #expect(file["rows_read"] as? Int == expected.n + expected.total_rows)
        #expect(file["rows_accepted"] as? Int == expected.n)
        #expect(file["preamble_rows"] as? Int == 2)
        let report = try String(contentsOf: councilRun.appendingPathComponent("report.md"), encoding: .utf8)
        #expect(report.contains("| Input file | Preamble rows skipped | Note rows skipped | Rows read | Accepted | Rejected |"))
    }

    @Test("the workbooks say how many cells their merges filled and that the error is in a hidden column",
          arguments: ["council/council-openpyxl.xlsx", "council/council-libreoffice.xlsx"])
    func loggedMergesAndErrors(council: String) throws {
        let scratch = try ScratchDirectory("vfm-council")
        defer { scratch.remove() }
        let (run, result) = try WorkbookRunTests.run(FixturePaths.fixture(council).path, in: scratch)
        try #require(result.status == 0, "\(result)")
        let warnings = try #require(try Self.inputs(run)["warnings"] as? [String])
        // 9 authority cells (Leeds 3, York 2, Hull 4) and the second footnote merged across A:F (5).
        #expect(warnings.contains { $0.contains("14 empty cells were given the value of the merged cell covering them (first: A6)") })
        #expect(warnings.filter { $0.contains("column 14 (`check`), a hidden column, holds the spreadsheet error `#DIV/0!`") }.count == 2)
        // LibreOffice saves a formula whose result is "" with an empty <v>: calculated, not missing a result.
        #expect(!warnings.contains { $0.contains("no saved result") })
    }

    @Test("a header on two rows (group labels merged over their columns) gives the clean returns' run")
    func twoTierHeader() throws {
        let scratch = try ScratchDirectory("vfm-council")
        defer { scratch.remove() }
        let (cleanRun, _) = try WorkbookRunTests.run(FixturePaths.fixture("council/council-clean.csv").path, in: scratch)
        let (run, result) = try WorkbookRunTests.run(FixturePaths.fixture("council/council-two-tier.xlsx").path, in: scratch)
        try #require(result.status == 0, "\(result)")
        let cleanTables = try WorkbookRunTests.tableFiles(cleanRun), tables = try WorkbookRunTests.tableFiles(run)
        for (name, data) in cleanTables { #expect(tables[name] == data, "tables/\(name)") }
        #expect(try WorkbookRunTests.servicesWithoutSource(run) == WorkbookRunTests.servicesWithoutSource(cleanRun))
        let warnings = try #require(try Self.inputs(run)["warnings"] as? [String])
        #expect(warnings.contains("council-two-tier.xlsx: the header is on lines 3 and 4: the labels of line 4 complete those "
            + "above them (a group label over its columns); check the columns named below"))
    }

    @Test("notes and blank lines do not fail --fail-on rejects; the Total row does")
    func failOnRejects() throws {
        let scratch = try ScratchDirectory("vfm-council")
        defer { scratch.remove() }
        let (_, clean) = try WorkbookRunTests.run(FixturePaths.fixture("council/council-clean.csv").path, in: scratch,
                                                 extra: ["--fail-on", "rejects"])
        #expect(clean.status == 0, "\(clean)")
        let (_, excel) = try WorkbookRunTests.run(FixturePaths.fixture("council/council-excel.csv").path, in: scratch,
                                                 extra: ["--fail-on", "rejects"])
        #expect(excel.status == 65, "\(excel)")
    }
}
