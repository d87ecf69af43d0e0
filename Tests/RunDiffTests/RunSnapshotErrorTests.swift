import Foundation
import RunDiff
import Testing
import VFMCore

@Suite("Reading a run directory that is missing or damaged")
struct RunSnapshotErrorTests {
    @Test("a missing run directory is 66 and names the directory")
    func missingDirectory() {
        let path = DiffFixtures.run("no-such-run")
        #expect(throws: VFMError(.noInput, "run directory not found", file: path,
                                 hint: "pass a directory written by `vfm run` (it holds manifest.json and tables/)")) {
            _ = try RunSnapshot.load(runDirectory: path)
        }
    }

    @Test("a run without one of its tables is 66 and names the file")
    func missingTable() throws {
        let scratch = try DiffFixtures.scratchCopy(of: "base")
        defer { try? FileManager.default.removeItem(at: scratch.root) }
        try FileManager.default.removeItem(at: scratch.run.appendingPathComponent("tables/bands.csv"))
        let error = try #require(throws: VFMError.self) { _ = try RunSnapshot.load(runDirectory: scratch.run.path) }
        #expect(error.status == .noInput)
        #expect(error.file == scratch.run.path + "/tables/bands.csv")
    }

    @Test("a table without a required column is 65, naming file, line and column")
    func missingColumn() throws {
        let scratch = try DiffFixtures.scratchCopy(of: "base")
        defer { try? FileManager.default.removeItem(at: scratch.root) }
        let file = scratch.run.appendingPathComponent("tables/descriptives.csv")
        let text = try String(contentsOf: file, encoding: .utf8)
        try text.replacingOccurrences(of: ",median,", with: ",middle,").write(to: file, atomically: true, encoding: .utf8)
        let error = try #require(throws: VFMError.self) { _ = try RunSnapshot.load(runDirectory: scratch.run.path) }
        #expect(error.status == .dataError)
        #expect(error.file == file.path)
        #expect(error.line == 1)
        #expect(error.column == "median")
    }

    @Test("a figure that is not a number is 65, naming file, line and column")
    func notANumber() throws {
        let scratch = try DiffFixtures.scratchCopy(of: "base")
        defer { try? FileManager.default.removeItem(at: scratch.root) }
        let file = scratch.run.appendingPathComponent("tables/outcome_mix.csv")
        let text = try String(contentsOf: file, encoding: .utf8)
        // Line 3 is the LD row; its n becomes text.
        try text.replacingOccurrences(of: "LD,2,", with: "LD,two,").write(to: file, atomically: true, encoding: .utf8)
        let error = try #require(throws: VFMError.self) { _ = try RunSnapshot.load(runDirectory: scratch.run.path) }
        #expect(error.status == .dataError)
        #expect(error.line == 3)
        #expect(error.column == "n")
    }

    @Test("a table with a column more than listed still reads (tables may gain columns)")
    func extraColumn() throws {
        let scratch = try DiffFixtures.scratchCopy(of: "base")
        defer { try? FileManager.default.removeItem(at: scratch.root) }
        let file = scratch.run.appendingPathComponent("tables/support_levels.csv")
        let lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n")
        let widened = lines.enumerated().map { index, line in "extra_\(index)," + line }.joined(separator: "\n") + "\n"
        try widened.write(to: file, atomically: true, encoding: .utf8)
        let comparison = try RunComparison(old: try RunSnapshot.load(runDirectory: DiffFixtures.run("base")),
                                       new: try RunSnapshot.load(runDirectory: scratch.run.path))
        #expect(!comparison.hasDifferences)
    }

    @Test("a manifest that is not JSON is 65")
    func brokenManifest() throws {
        let scratch = try DiffFixtures.scratchCopy(of: "base")
        defer { try? FileManager.default.removeItem(at: scratch.root) }
        try "{ not json".write(to: scratch.run.appendingPathComponent("manifest.json"), atomically: true, encoding: .utf8)
        let error = try #require(throws: VFMError.self) { _ = try RunSnapshot.load(runDirectory: scratch.run.path) }
        #expect(error.status == .dataError)
    }
}

/// Issue 31 #7: a run file that is a FIFO or a device is refused (66) at once, as every
/// other reader of run files refuses it — it used to hang `vfm-diff` for ever.
@Suite("run files that are not regular files")
struct RunFileKindTests {
    @Test("a FIFO or /dev/zero in place of a streamed table is 66, at once",
          arguments: ["clean/services.csv", "clean/flags.csv", "tables/benchmark.csv"])
    func notRegular(file: String) throws {
        for kind in ["fifo", "zero"] {
            let scratch = try DiffFixtures.scratchCopy(of: "base")
            defer { try? FileManager.default.removeItem(at: scratch.root) }
            let path = scratch.run.appendingPathComponent(file).path
            try FileManager.default.removeItem(atPath: path)
            if kind == "fifo" {
                #expect(mkfifo(path, 0o600) == 0)
            } else {
                try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: "/dev/zero")
            }
            let start = ContinuousClock.now
            let error = try #require(throws: VFMError.self) {
                let snapshot = try RunSnapshot.load(runDirectory: scratch.run.path)
                _ = try RunComparison(old: snapshot, new: snapshot)
            }
            #expect(error.status == .noInput, "\(kind) \(file): \(error)")
            #expect(ContinuousClock.now - start < .seconds(5))
        }
    }
}

@Suite("a tampered manifest")
struct TamperedManifestTests {
    @Test("a manifest larger than 16 MiB is 65 without being decoded (issue 31: 200 MB cost 3.7 GB)")
    func hugeManifest() throws {
        let scratch = try DiffFixtures.scratchCopy(of: "base")
        defer { try? FileManager.default.removeItem(at: scratch.root) }
        let file = scratch.run.appendingPathComponent("manifest.json")
        var text = try String(contentsOf: file, encoding: .utf8)
        text = text.replacingOccurrences(of: "\"name\": \"vfm\"", with: "\"name\": \"" + String(repeating: "v", count: 17 << 20) + "\"")
        try Data(text.utf8).write(to: file)
        let error = try #require(throws: VFMError.self) { _ = try RunSnapshot.load(runDirectory: scratch.run.path) }
        #expect(error.status == .dataError)
        #expect(error.message.contains("larger than any manifest"))
    }
}
