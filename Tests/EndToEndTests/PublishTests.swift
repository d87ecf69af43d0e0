import Foundation
import RunFiles
import Testing
import VFMCore
import VFMTestSupport

/// `vfm run` publishes a complete run, and skips work when nothing changed (SPEC §3, §7).
@Suite("publishing and skipping")
struct PublishTests {
    @Test("a run publishes a complete run directory and leaves only its lock file beside it")
    func publishesCompleteRun() throws {
        let workspace = try RunWorkspace()
        defer { workspace.remove() }
        let result = try workspace.run()
        #expect(result.status == 0, "\(result)")
        expectCompleteRun(at: workspace.output)
        #expect(workspace.leftovers.isEmpty)
        #expect(result.stdout.isEmpty, "stdout belongs to data; logs go to stderr")
        // Each stage logs its line of counts; vfm run ends with the time of each.
        for stage in ["ingest", "clean", "analyze", "report"] {
            #expect(result.stderr.contains("\n\(stage): ") || result.stderr.hasPrefix("\(stage): "),
                    "no log line for \(stage)\n\(result.stderr)")
            #expect(result.stderr.contains("(\(stage) ") || result.stderr.contains(", \(stage) "),
                    "no time for \(stage)\n\(result.stderr)")
        }
        #expect(result.stderr.contains("published \(workspace.output.path) in "))
        #expect(!result.stderr.contains("\r"), "no progress indicator when stderr is not a terminal")
    }

    @Test("unchanged inputs, pipeline and version: prints up to date and rewrites nothing")
    func upToDateRewritesNothing() throws {
        let workspace = try RunWorkspace()
        defer { workspace.remove() }
        #expect(try workspace.run().status == 0)
        let before = try FileStamps(of: workspace.output)
        let second = try workspace.run()
        #expect(second.status == 0, "\(second)")
        #expect(second.stderr.contains("up to date"), "\(second)")
        #expect(try FileStamps(of: workspace.output) == before)
    }

    @Test("a hand-edited output is regenerated rather than taken as up to date")
    func editedOutputReRuns() throws {
        let workspace = try RunWorkspace()
        defer { workspace.remove() }
        #expect(try workspace.run().status == 0)
        let before = workspace.snapshot
        try Data("edited by hand\n".utf8).write(to: workspace.output.appendingPathComponent(RunLayout.report))
        let second = try workspace.run()
        #expect(second.status == 0, "\(second)")
        #expect(!second.stderr.contains("up to date"), "\(second)")
        #expect(workspace.snapshot == before)
    }

    @Test("changing one byte of an input re-runs")
    func changedByteReRuns() throws {
        let workspace = try RunWorkspace()
        defer { workspace.remove() }
        #expect(try workspace.run().status == 0)
        let before = workspace.snapshot
        var bytes = try [UInt8](Data(contentsOf: workspace.input))
        // The last digit of the file (a count in the last row): 0 → 1, else one less.
        let index = try #require(bytes.lastIndex { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") })
        bytes[index] = bytes[index] == UInt8(ascii: "0") ? UInt8(ascii: "1") : bytes[index] - 1
        try Data(bytes).write(to: workspace.input)

        let second = try workspace.run()
        #expect(second.status == 0, "\(second)")
        #expect(!second.stderr.contains("up to date"), "\(second)")
        expectCompleteRun(at: workspace.output)
        let manifest = try #require(workspace.snapshot.files[RunLayout.manifest])
        #expect(String(decoding: manifest, as: UTF8.self).contains(ContentHash.hex(of: bytes)))
        #expect(workspace.snapshot != before)
    }

    @Test("--force re-runs even when nothing changed, giving the same bytes")
    func forceReRuns() throws {
        let workspace = try RunWorkspace()
        defer { workspace.remove() }
        #expect(try workspace.run().status == 0)
        let before = workspace.snapshot
        let beforeStamps = try FileStamps(of: workspace.output)
        let second = try workspace.run(["--force"])
        #expect(second.status == 0, "\(second)")
        #expect(!second.stderr.contains("up to date"))
        #expect(try FileStamps(of: workspace.output) != beforeStamps, "--force must publish a new directory")
        #expect(workspace.snapshot == before, "the same inputs must give the same bytes")
    }

    @Test("on a terminal, each stage shows [k/n] progress while it runs",
          .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script"), "needs script(1) for a pseudo-terminal"))
    func progressOnTerminal() throws {
        let workspace = try RunWorkspace()
        defer { workspace.remove() }
        let vfm = try #require(BuiltProducts.executable("vfm"))
        let command = [vfm.path, "run", "--input", workspace.input.path, "--output", workspace.output.path].joined(separator: " ")
        // script(1) runs the command on a pseudo-terminal and copies what it printed to stdout.
        let result = try ExecuteCommand.run(URL(fileURLWithPath: "/usr/bin/script"), ["-qec", command, "/dev/null"])
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains("[1/6] ingest …\r"), "\(result)")
        #expect(result.stdout.contains("[4/6] report …\r"), "\(result)")
    }

    @Test("--quiet prints nothing when the run succeeds")
    func quietIsSilent() throws {
        let workspace = try RunWorkspace()
        defer { workspace.remove() }
        let result = try workspace.run(["--quiet"])
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr.isEmpty, "\(result)")
        #expect(result.stdout.isEmpty)
    }

    @Test("--fail-on rejects exits 65 after publishing, also when the run is up to date")
    func failOnRejects() throws {
        let workspace = try RunWorkspace(returns: TestReturns.withRejectedRow)
        defer { workspace.remove() }
        let lenient = try workspace.run()
        #expect(lenient.status == 0, "rejected rows alone are not a failure\n\(lenient)")
        let strict = try workspace.run(["--force", "--fail-on", "rejects"])
        #expect(strict.status == 65, "\(strict)")
        #expect(strict.stderr.contains("--fail-on rejects"))
        expectCompleteRun(at: workspace.output)
        let again = try workspace.run(["--fail-on", "rejects"])
        #expect(again.status == 65, "\(again)")
        #expect(again.stderr.contains("up to date"))
    }

    @Test("--fail-on flags is stricter than --fail-on rejects: a rejected row trips it too")
    func failOnFlagsIncludesRejects() throws {
        let workspace = try RunWorkspace(returns: TestReturns.withRejectedRow)
        defer { workspace.remove() }
        let strict = try workspace.run(["--fail-on", "flags"])
        #expect(strict.status == 65, "\(strict)")
        expectCompleteRun(at: workspace.output)
    }
}

/// Inode and modification time of every entry under a directory, and of the directory:
/// equal stamps mean nothing was rewritten or swapped.
struct FileStamps: Equatable {
    var stamps: [String: [Int]]

    init(of directory: URL) throws {
        var stamps: [String: [Int]] = [".": try Self.stamp(directory.path)]
        let enumerator = FileManager.default.enumerator(atPath: directory.path)
        while let relative = enumerator?.nextObject() as? String {
            stamps[relative] = try Self.stamp(directory.appendingPathComponent(relative).path)
        }
        self.stamps = stamps
    }

    private static func stamp(_ path: String) throws -> [Int] {
        var info = stat()
        guard lstat(path, &info) == 0 else { throw ExecuteCommandError(description: "cannot stat \(path)") }
        return [Int(info.st_ino), Int(info.st_mtim.tv_sec), Int(info.st_mtim.tv_nsec)]
    }
}
