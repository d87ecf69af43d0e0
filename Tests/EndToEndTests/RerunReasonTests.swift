import Foundation
import Testing
import VFMTestSupport

/// `vfm run` says why it runs, `--dry-run` says what it would do and writes nothing, and an
/// up-to-date run needs no write at all (SPEC §3; issues 12 and 19).
@Suite("why a run runs, --dry-run, read-only up to date")
struct RerunReasonTests {
    /// Every name beside and inside the output, to show that nothing was written.
    private func names(_ workspace: RunWorkspace) -> [String] {
        let parent = workspace.output.deletingLastPathComponent()
        return ((try? FileManager.default.subpathsOfDirectory(atPath: parent.path)) ?? []).sorted()
    }

    @Test("--dry-run with no previous run says it would run and why, and creates nothing (no lock, no staging)")
    func dryRunCreatesNothing() throws {
        let workspace = try RunWorkspace()
        defer { workspace.remove() }
        try FileManager.default.createDirectory(at: workspace.output.deletingLastPathComponent(), withIntermediateDirectories: true)
        let result = try workspace.run(["--dry-run"])
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.hasPrefix("would run: "), "\(result)")
        #expect(result.stdout.contains("no previous run there"), "\(result)")
        #expect(names(workspace).isEmpty, "written: \(names(workspace))")
    }

    @Test("each reason is named, in the dry run and in the real run's one log line",
          arguments: ["input", "added", "pipeline", "edited", "missing"])
    func reasons(change: String) throws {
        let workspace = try RunWorkspace()
        defer { workspace.remove() }
        var extra: [String] = []
        #expect(try workspace.run().status == 0)
        let expected: String
        switch change {
        case "input":
            try TestReturns.write(TestReturns.valid + "\n", to: workspace.input)
            expected = "input changed: returns.csv"
        case "added":
            try TestReturns.write(TestReturns.valid, to: workspace.input.deletingLastPathComponent().appendingPathComponent("more.csv"))
            extra = ["--input", workspace.input.deletingLastPathComponent().appendingPathComponent("more.csv").path]
            expected = "input added: more.csv"
        case "pipeline":
            let config = workspace.scratch.appending("mine.toml")
            try FileManager.default.copyItem(at: FixturePaths.repositoryRoot.appendingPathComponent("Pipelines/ndti-2014.toml"), to: config)
            extra = ["--config", config.path]
            expected = "another pipeline (ndti-2014.toml (built-in) -> mine.toml)"
        case "edited":
            try TestReturns.write("edited by hand\n", to: workspace.output.appendingPathComponent("report.md"))
            expected = "output report.md was edited"
        default:
            try FileManager.default.removeItem(at: workspace.output.appendingPathComponent("tables/benchmark.csv"))
            expected = "output tables/benchmark.csv is missing"
        }
        let before = workspace.snapshot
        let dry = try workspace.run(extra + ["--dry-run"])
        #expect(dry.status == 0, "\(dry)")
        #expect(dry.stdout.contains("would run: ") && dry.stdout.contains(expected), "\(dry)")
        #expect(workspace.snapshot == before, "a dry run changed the output")
        #expect(workspace.leftovers.isEmpty, "\(workspace.leftovers)")

        let real = try workspace.run(extra)
        #expect(real.status == 0, "\(real)")
        let lines = real.stderr.split(separator: "\n").filter { $0.hasPrefix("running: ") }
        #expect(lines.count == 1 && lines[0].contains(expected), "\(real)")

        let again = try workspace.run(extra + ["--dry-run"])
        #expect(again.stdout.hasPrefix("up to date: "), "\(again)")
    }

    @Test("an up-to-date run on a read-only filesystem exits 0 without writing",
          .enabled(if: Tmpfs.canMount, "needs root and mount(8)"))
    func readOnlyUpToDate() throws {
        let workspace = try RunWorkspace()
        defer { workspace.remove() }
        let mountPoint = workspace.scratch.appending("ro")
        let mount = try Tmpfs(at: mountPoint, size: "4m")
        defer { mount.unmount() }
        let arguments = ["run", "--input", workspace.input.path, "--output", mountPoint.appendingPathComponent("latest").path]
        #expect(try ExecuteCommand.run("vfm", arguments).status == 0)
        try mount.remount(readOnly: true)
        let result = try ExecuteCommand.run("vfm", arguments)
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr.contains("up to date"), "\(result)")
        let dry = try ExecuteCommand.run("vfm", arguments + ["--dry-run"])
        #expect(dry.status == 0 && dry.stdout.hasPrefix("up to date: "), "\(dry)")
    }

    @Test("an old run that cannot be removed is warned about, and removed by the next run",
          .enabled(if: Tmpfs.canMount, "needs root and mount(8) (a mount point inside makes it unremovable)"))
    func unremovableLeftover() throws {
        let workspace = try RunWorkspace()
        defer { workspace.remove() }
        #expect(try workspace.run().status == 0)
        let leftover = workspace.output.deletingLastPathComponent().appendingPathComponent(".latest.vfm-tmp-999999")
        let mount = try Tmpfs(at: leftover.appendingPathComponent("busy"), size: "64k")
        try TestReturns.write(TestReturns.valid + "\n", to: workspace.input)
        let warned = try workspace.run()
        mount.unmount()
        #expect(warned.status == 0, "\(warned)")
        #expect(warned.stderr.contains("warning: cannot remove") && warned.stderr.contains(".latest.vfm-tmp-999999"), "\(warned)")
        #expect(workspace.leftovers == [".latest.vfm-tmp-999999"])

        let next = try workspace.run()
        #expect(next.status == 0, "\(next)")
        #expect(next.stderr.contains("up to date"), "\(next)")
        #expect(workspace.leftovers.isEmpty, "left behind: \(workspace.leftovers)")
    }
}
