import Foundation
import Testing
import VFMTestSupport

/// `--skip-bad-files` (issue 28): one unreadable file no longer stops a directory of
/// authorities when the data team asks for the rest to be published.
@Suite("--skip-bad-files publishes the readable files and names the others")
struct SkipBadFilesTests {
    static func directory(_ scratch: ScratchDirectory) throws -> URL {
        let inputs = scratch.appending("returns")
        try FileManager.default.createDirectory(at: inputs, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: FixturePaths.fixture("council/council-clean.csv"),
                                         to: inputs.appendingPathComponent("a.csv"))
        try Data("just,a,note\n1,2,3\n".utf8).write(to: inputs.appendingPathComponent("b.csv"))
        try FileManager.default.copyItem(at: FixturePaths.fixture("workbooks/errors/legacy.xls"),
                                         to: inputs.appendingPathComponent("c.xlsx"))
        return inputs
    }

    @Test("without the flag the run fails and publishes nothing; with it the rest is published and the bad files named")
    func skip() throws {
        let scratch = try ScratchDirectory("vfm-skip")
        defer { scratch.remove() }
        let inputs = try Self.directory(scratch)
        let output = scratch.appending("out")
        let strict = try ExecuteCommand.run("vfm", ["run", "--input", inputs.path, "--output", output.path])
        #expect(strict.status == 65, "\(strict)")
        #expect(!FileManager.default.fileExists(atPath: output.path))

        let lenient = try ExecuteCommand.run("vfm", ["run", "--input", inputs.path, "--output", output.path, "--skip-bad-files"])
        try #require(lenient.status == 0, "\(lenient)")
        #expect(lenient.stderr.contains("file left out (--skip-bad-files), the others are published: b.csv:1:"))
        #expect(lenient.stderr.contains("file left out (--skip-bad-files), the others are published: c.xlsx: this is a legacy Excel"))
        let inputsJSON = try String(contentsOf: output.appendingPathComponent("ingest/inputs.json"), encoding: .utf8)
        #expect(inputsJSON.contains("left out (--skip-bad-files)") && inputsJSON.contains("\"path\": \"a.csv\""))
        let report = try String(contentsOf: output.appendingPathComponent("report.md"), encoding: .utf8)
        #expect(report.contains("file left out (--skip-bad-files)"))
        #expect(report.contains("Services analysed: 12"))
    }

    @Test("when every file is bad the run still fails: there is nothing to publish")
    func allBad() throws {
        let scratch = try ScratchDirectory("vfm-skip")
        defer { scratch.remove() }
        let bad = scratch.appending("b.csv")
        try Data("just,a,note\n".utf8).write(to: bad)
        let result = try ExecuteCommand.run("vfm", ["run", "--input", bad.path, "--output", scratch.appending("out").path,
                                                    "--skip-bad-files"])
        #expect(result.status == 65, "\(result)")
    }
}
