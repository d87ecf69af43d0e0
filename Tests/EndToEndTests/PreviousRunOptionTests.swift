import Foundation
import Testing
import VFMTestSupport

/// `--previous RUN_DIR` (SPEC §11) on the built executables, over
/// `Fixtures/periods/three-years.csv` split into its first two years and its third.
@Suite("--previous")
struct PreviousRunOptionTests {
    /// The fixture's header and the rows whose period cell is (or is not) `2013/2014`.
    static func split() throws -> (firstTwo: String, third: String) {
        let text = try String(contentsOf: FixturePaths.fixture("periods/three-years.csv"), encoding: .utf8)
        let lines = text.split(separator: "\n").map(String.init)
        let rows = lines.dropFirst()
        let third = rows.filter { $0.contains(",2013/2014,") }
        let firstTwo = rows.filter { !$0.contains(",2013/2014,") }
        return (([lines[0]] + firstTwo).joined(separator: "\n") + "\n", ([lines[0]] + third).joined(separator: "\n") + "\n")
    }

    func table(_ directory: URL, _ name: String) -> Data? {
        FileManager.default.contents(atPath: directory.appendingPathComponent("tables/\(name).csv").path)
    }

    @Test("three years in one run and the first two published plus --previous give the same period tables")
    func sameTables() throws {
        let workspace = try RunWorkspace(copying: "periods/three-years.csv")
        defer { workspace.remove() }
        #expect(try workspace.run().status == 0)
        let (firstTwo, third) = try Self.split()
        let old = workspace.scratch.appending("old"), new = workspace.scratch.appending("new")
        let firstInput = workspace.scratch.appending("first-two.csv"), thirdInput = workspace.scratch.appending("third.csv")
        try TestReturns.write(firstTwo, to: firstInput)
        try TestReturns.write(third, to: thirdInput)
        #expect(try ExecuteCommand.run("vfm", ["run", "--quiet", "--input", firstInput.path, "--output", old.path]).status == 0)
        let run = try ExecuteCommand.run("vfm", ["run", "--quiet", "--input", thirdInput.path, "--previous", old.path,
                                                 "--output", new.path])
        #expect(run.status == 0, "\(run)")
        for name in ["periods", "period_change", "period_edits"] {
            #expect(table(new, name) != nil && table(new, name) == table(workspace.output, name), "\(name)")
        }
        // The previous run's rows are not written again: this run's services are its seven 2013/14 rows.
        let services = try String(contentsOf: new.appendingPathComponent("clean/services.csv"), encoding: .utf8)
        #expect(services.split(separator: "\n").count == 1 + 7)

        // The stages by hand, given the same --previous, write the same bytes.
        let hand = workspace.scratch.appending("hand")
        for (stage, extra) in [("vfm-ingest", ["--input", thirdInput.path]), ("vfm-clean", ["--previous", old.path]),
                               ("vfm-analyze", ["--previous", old.path]), ("vfm-report", [])] {
            let result = try ExecuteCommand.run(stage, ["--quiet", "--run-dir", hand.path] + extra)
            #expect(result.status == 0, "\(stage): \(result)")
        }
        #expect(DirectorySnapshot(of: hand) == DirectorySnapshot(of: new))

        // Part of the run's identity: leaving it out, or the previous run changing, re-runs.
        let without = try ExecuteCommand.run("vfm", ["run", "--input", thirdInput.path, "--output", new.path, "--dry-run"])
        #expect(without.stdout.contains("--previous removed"), "\(without)")
        try TestReturns.write("edited\n", to: old.appendingPathComponent("report.md"))
        let edited = try ExecuteCommand.run("vfm", ["run", "--input", thirdInput.path, "--previous", old.path,
                                                    "--output", new.path])
        #expect(edited.status == 65, "\(edited)")
        #expect(edited.stderr.contains("report.md does not match its manifest"), "\(edited)")
    }

    @Test("a --previous with no manifest is 66")
    func missing() throws {
        let workspace = try RunWorkspace(copying: "periods/three-years.csv")
        defer { workspace.remove() }
        let result = try workspace.run(["--previous", workspace.scratch.appending("nothing").path])
        #expect(result.status == 66, "\(result)")
    }
}
