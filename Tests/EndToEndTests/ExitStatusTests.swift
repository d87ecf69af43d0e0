import Foundation
import Testing
import VFMTestSupport

/// The exit statuses a cron wrapper reads (SPEC §3), each with the previous output intact.
@Suite("exit statuses")
struct ExitStatusTests {
    @Test("a missing input exits 66 naming it, and publishes nothing")
    func missingInput() throws {
        let workspace = try RunWorkspace()
        defer { workspace.remove() }
        let missing = workspace.scratch.appending("returns/nope.csv").path
        let result = try ExecuteCommand.run("vfm", ["run", "--input", missing, "--output", workspace.output.path])
        #expect(result.status == 66, "\(result)")
        #expect(result.stderr.contains("nope.csv"))
        #expect(!FileManager.default.fileExists(atPath: workspace.output.path))
    }

    @Test("a bad pipeline definition exits 78 naming the file, and publishes nothing")
    func badPipeline() throws {
        let workspace = try RunWorkspace()
        defer { workspace.remove() }
        let config = workspace.scratch.appending("bad.toml")
        try TestReturns.write("[[[ this is not a pipeline\n", to: config)
        let result = try workspace.run(["--config", config.path])
        #expect(result.status == 78, "\(result)")
        #expect(result.stderr.contains("bad.toml"), "\(result)")
        #expect(!FileManager.default.fileExists(atPath: workspace.output.path))
    }

    @Test("an output whose parent is a file exits 73")
    func outputParentIsFile() throws {
        let workspace = try RunWorkspace()
        defer { workspace.remove() }
        let file = workspace.scratch.appending("plain-file")
        try TestReturns.write("not a directory\n", to: file)
        let result = try ExecuteCommand.run("vfm", ["run", "--input", workspace.input.path,
                                                   "--output", file.appendingPathComponent("latest").path])
        #expect(result.status == 73, "\(result)")
    }

    @Test("an output directory that cannot be written exits 73",
          .enabled(if: geteuid() != 0, "root bypasses permission bits; the read-only mount test covers root"))
    func outputNotWritable() throws {
        let workspace = try RunWorkspace()
        defer { workspace.remove() }
        let parent = workspace.scratch.appending("locked")
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        chmod(parent.path, 0o555)
        defer { chmod(parent.path, 0o755) }
        let result = try ExecuteCommand.run("vfm", ["run", "--input", workspace.input.path,
                                                   "--output", parent.appendingPathComponent("latest").path])
        #expect(result.status == 73, "\(result)")
    }

    @Test("an output on a read-only filesystem exits 73", .enabled(if: Tmpfs.canMount, "needs root and mount(8)"))
    func outputReadOnly() throws {
        let workspace = try RunWorkspace()
        defer { workspace.remove() }
        let mountPoint = workspace.scratch.appending("ro")
        let mount = try Tmpfs(at: mountPoint, size: "1m", readOnly: true)
        defer { mount.unmount() }
        let result = try ExecuteCommand.run("vfm", ["run", "--input", workspace.input.path,
                                                   "--output", mountPoint.appendingPathComponent("latest").path])
        #expect(result.status == 73, "\(result)")
    }

    @Test("an existing directory that is not a run is never replaced: exit 73, untouched")
    func refusesForeignDirectory() throws {
        let workspace = try RunWorkspace()
        defer { workspace.remove() }
        let precious = workspace.output.appendingPathComponent("thesis.txt")
        try TestReturns.write("do not delete\n", to: precious)
        let result = try workspace.run()
        #expect(result.status == 73, "\(result)")
        #expect(FileManager.default.contents(atPath: precious.path) == Data("do not delete\n".utf8))
    }

    @Test("no valid row exits 65 and keeps the previous run")
    func noValidRow() throws {
        let workspace = try RunWorkspace()
        defer { workspace.remove() }
        #expect(try workspace.run().status == 0)
        let previous = workspace.snapshot
        try TestReturns.write(TestReturns.noValidRow, to: workspace.input)
        let result = try workspace.run()
        #expect(result.status == 65, "\(result)")
        #expect(result.stderr.contains("no valid row"), "\(result)")
        #expect(workspace.snapshot == previous)
        #expect(workspace.leftovers.isEmpty, "left behind: \(workspace.leftovers)")
    }

    @Test("a file that is not a table of returns exits 65 and keeps the previous run")
    func unusableFile() throws {
        let workspace = try RunWorkspace()
        defer { workspace.remove() }
        #expect(try workspace.run().status == 0)
        let previous = workspace.snapshot
        try TestReturns.write(TestReturns.notAReturn, to: workspace.input)
        let result = try workspace.run()
        #expect(result.status == 65, "\(result)")
        #expect(result.stderr.contains("returns.csv"), "\(result)")
        #expect(workspace.snapshot == previous)
    }

    @Test("a wrong command line exits 64", arguments: [["run", "--no-such-option"], ["run", "--fail-on", "maybe"], ["run", "--output", ""]])
    func usage(arguments: [String]) throws {
        let result = try ExecuteCommand.run("vfm", arguments)
        #expect(result.status == 64, "\(result)")
    }

    @Test("a full disk exits 74 with a clear message and the previous run intact",
          .enabled(if: Tmpfs.canMount, "needs root and mount(8) to make a small tmpfs to fill"))
    func diskFull() throws {
        let workspace = try RunWorkspace()
        defer { workspace.remove() }
        let mountPoint = workspace.scratch.appending("small")
        let mount = try Tmpfs(at: mountPoint, size: "2m")
        defer { mount.unmount() }
        let output = mountPoint.appendingPathComponent("latest")
        let arguments = ["run", "--input", workspace.input.path, "--output", output.path]
        let first = try ExecuteCommand.run("vfm", arguments)
        #expect(first.status == 0, "\(first)")
        let previous = DirectorySnapshot(of: output)

        // Fill the filesystem, then free 8 KiB: enough to create the staging directory,
        // not enough to write the run.
        try Tmpfs.fill(mountPoint.appendingPathComponent("filler"), leavingFree: 8192)
        let full = try ExecuteCommand.run("vfm", arguments + ["--force"])
        #expect(full.status == 74, "\(full)")
        #expect(full.stderr.contains("disk space"), "\(full)")
        #expect(DirectorySnapshot(of: output) == previous)
        let names = try FileManager.default.contentsOfDirectory(atPath: mountPoint.path).sorted()
        #expect(names == [".latest.vfm-lock", "filler", "latest"], "left behind: \(names)")
    }

    @Test("no inode left (creating a directory fails) exits 74 with the previous run intact",
          .enabled(if: Tmpfs.canMount, "needs root and mount(8) to make a small tmpfs to fill"))
    func noInodesLeft() throws {
        let workspace = try RunWorkspace()
        defer { workspace.remove() }
        let mountPoint = workspace.scratch.appending("few-inodes")
        let mount = try Tmpfs(at: mountPoint, size: "4m")
        defer { mount.unmount() }
        let output = mountPoint.appendingPathComponent("latest")
        let arguments = ["run", "--input", workspace.input.path, "--output", output.path]
        #expect(try ExecuteCommand.run("vfm", arguments).status == 0)
        let previous = DirectorySnapshot(of: output)

        try Tmpfs.exhaustInodes(in: mountPoint.appendingPathComponent("filler"), leavingFree: 1)
        let full = try ExecuteCommand.run("vfm", arguments + ["--force"])
        #expect(full.status == 74, "\(full)")
        #expect(DirectorySnapshot(of: output) == previous)
    }
}
