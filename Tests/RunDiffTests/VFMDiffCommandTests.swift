import Foundation
import Testing
import VFMTestSupport

/// Runs the built `vfm-diff` and checks exit statuses (SPEC §3: 0 no differences,
/// 1 differences, 64 usage, 65 malformed table, 66 missing run).
@Suite("The vfm-diff command")
struct VFMDiffCommandTests {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// `vfm-diff` next to the test bundle (SwiftPM puts products and the test bundle in
    /// the same bin directory), else in `swift build --show-bin-path`.
    static func executable() throws -> URL {
        let besideTests = [Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent(),
                           URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()]
        for directory in besideTests {
            let candidate = directory.appendingPathComponent("vfm-diff")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        let binPath = try run(URL(fileURLWithPath: "/usr/bin/env"), ["swift", "build", "--show-bin-path"],
                              in: FixturePaths.repositoryRoot).stdout
        let candidate = URL(fileURLWithPath: binPath.trimmingCharacters(in: .whitespacesAndNewlines))
            .appendingPathComponent("vfm-diff")
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "vfm-diff (build it: swift build --product vfm-diff)"])
    }

    static func run(_ executable: URL, _ arguments: [String], in directory: URL) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// Runs `vfm-diff` from `Fixtures/diff/runs`, so runs are named as in the expected diffs.
    func vfmDiff(_ arguments: [String]) throws -> Result {
        try Self.run(try Self.executable(), arguments, in: FixturePaths.fixture("diff/runs"))
    }

    @Test("a run against itself exits 0 and says there are no differences")
    func identical() throws {
        let result = try vfmDiff(["base", "base"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("No differences."))
        #expect(result.stderr.isEmpty)
    }

    @Test("differences exit 1 and print the expected Markdown")
    func differences() throws {
        let result = try vfmDiff(["base", "changed-cost"])
        #expect(result.status == 1)
        let expected = try String(contentsOfFile: DiffFixtures.expectedPath(old: "base", new: "changed-cost"),
                                  encoding: .utf8)
        #expect(result.stdout == expected)
    }

    @Test("--output writes the Markdown to the file and nothing to stdout")
    func outputFile() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("vfm-diff-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("diff.md")
        let result = try vfmDiff(["base", "new-reject", "--output", file.path])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        let expected = try String(contentsOfFile: DiffFixtures.expectedPath(old: "base", new: "new-reject"),
                                  encoding: .utf8)
        #expect(try String(contentsOf: file, encoding: .utf8) == expected)
    }

    @Test("a missing run directory exits 66 with an error naming it")
    func missingRun() throws {
        let result = try vfmDiff(["base", "no-such-run"])
        #expect(result.status == 66)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("error: no-such-run: run directory not found"))
    }

    @Test("a malformed table exits 65 naming file, line and column")
    func malformedTable() throws {
        let scratch = try DiffFixtures.scratchCopy(of: "base")
        defer { try? FileManager.default.removeItem(at: scratch.root) }
        let file = scratch.run.appendingPathComponent("tables/correlations.csv")
        try "group,x,y,n,pearson_r\nall,a,b,4,0.5\n".write(to: file, atomically: true, encoding: .utf8)
        let result = try vfmDiff([DiffFixtures.run("base"), scratch.run.path])
        #expect(result.status == 65)
        #expect(result.stderr.contains("tables/correlations.csv:1: `spearman_rho`: required column is missing"))
    }

    @Test("wrong usage exits 64", arguments: [["base"], ["base", "base", "--tolerance", "-1"],
                                              ["base", "base", "--tolerance", "x"],
                                              ["base", "base", "--tolerance", "0.1", "--all"],
                                              ["base", "base", "--format", "yaml"], ["base", "base", "--bogus"]])
    func usage(arguments: [String]) throws {
        #expect(try vfmDiff(arguments).status == 64)
    }
}
