import Foundation
import Testing
import VFMTestSupport

/// `--period LABEL` (SPEC §3, §11) on the built `vfm` and `vfm-clean`: it picks the current
/// returns, is part of the run's identity, and the stages by hand give the same bytes.
@Suite("--period")
struct PeriodOptionTests {
    @Test("--period is part of the run's identity: changing it re-runs and says why; the same again is up to date")
    func identity() throws {
        let workspace = try RunWorkspace(copying: "periods/three-years.csv")
        defer { workspace.remove() }
        #expect(try workspace.run(["--period", "2011-12"]).status == 0)
        let services = try String(contentsOf: workspace.output.appendingPathComponent("clean/services.csv"), encoding: .utf8)
        // The fixture's 2011/12 rows: eight services.
        #expect(services.split(separator: "\n").filter { $0.contains(",yes,") }.count == 8)
        let same = try workspace.run(["--period", "2011-12", "--dry-run"])
        #expect(same.stdout.contains("up to date"), "\(same)")
        let changed = try workspace.run(["--dry-run"])
        #expect(changed.stdout.contains("--period changed (2011-12 -> none)"), "\(changed)")
    }

    @Test("a period no row has is a usage error (64) naming the periods there are")
    func unknown() throws {
        let workspace = try RunWorkspace(copying: "periods/three-years.csv")
        defer { workspace.remove() }
        let result = try workspace.run(["--period", "2015/16"])
        #expect(result.status == 64, "\(result)")
        #expect(result.stderr.contains("2011/12, 2012/13, 2013/14"), "\(result)")
        #expect(!FileManager.default.fileExists(atPath: workspace.output.path))
    }

    @Test("vfm-ingest, vfm-clean --period, vfm-analyze, vfm-report give the bytes of vfm run --period")
    func byHand() throws {
        let workspace = try RunWorkspace(copying: "periods/three-years.csv")
        defer { workspace.remove() }
        #expect(try workspace.run(["--period", "FY2012/13"]).status == 0)
        let hand = workspace.scratch.appending("hand")
        for (stage, extra) in [("vfm-ingest", ["--input", workspace.input.path]), ("vfm-clean", ["--period", "FY2012/13"]),
                               ("vfm-analyze", []), ("vfm-report", [])] {
            let result = try ExecuteCommand.run(stage, ["--quiet", "--run-dir", hand.path] + extra)
            #expect(result.status == 0, "\(stage): \(result)")
        }
        #expect(DirectorySnapshot(of: hand) == DirectorySnapshot(of: workspace.output))
    }
}
