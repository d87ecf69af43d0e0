import Foundation
import Testing
import VFMTestSupport

/// SPEC §11: every §6 and §6.1 table of a run of several periods equals a run of the
/// current returns alone — earlier returns feed no §6 figure, and are not blended in.
@Suite("the §6 tables of several periods are those of the current returns")
struct CurrentReturnsRunTests {
    @Test("three years together give the §6 tables of the current rows alone, byte for byte")
    func sameTables() throws {
        let workspace = try RunWorkspace(copying: "periods/three-years.csv")
        defer { workspace.remove() }
        #expect(try workspace.run().status == 0)
        // Each service's latest row, read off the fixture by hand: the 2013/2014 rows, and
        // FY2012/13 for Ambleford Bridge and Garth Door, which sent nothing in 2013/14.
        let text = try String(contentsOf: workspace.input, encoding: .utf8)
        let lines = text.split(separator: "\n").map(String.init)
        let current = lines.dropFirst().filter {
            $0.contains(",2013/2014,") || $0.hasPrefix("Ambleford,Bridge,FY2012/13,") || $0.hasPrefix("Garth,Door,FY2012/13,")
        }
        #expect(current.count == 9)
        let alone = workspace.scratch.appending("current/returns.csv"), output = workspace.scratch.appending("current-run")
        try TestReturns.write(([lines[0]] + current).joined(separator: "\n") + "\n", to: alone)
        let run = try ExecuteCommand.run("vfm", ["run", "--quiet", "--input", alone.path, "--output", output.path])
        #expect(run.status == 0, "\(run)")
        for table in ["descriptives", "correlations", "outcome_mix", "support_levels", "benchmark", "bands", "trend_lines",
                      "value_for_money", "scenarios", "value_for_money_basis", "model", "model_fit"] {
            let path = "tables/\(table).csv"
            let together = FileManager.default.contents(atPath: workspace.output.appendingPathComponent(path).path)
            #expect(together != nil && together == FileManager.default.contents(atPath: output.appendingPathComponent(path).path),
                    "\(path)")
        }
    }
}
