import Foundation
import RunFiles
import Testing
import VFMCore
import VFMTestSupport

/// With no `--input`, `vfm run` reads the sample fixture (SPEC §3, §8).
@Suite("default input")
struct SampleDefaultTests {
    @Test("vfm run without --input inside the checkout runs the sample fixture")
    func defaultsToSample() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let output = scratch.appending("latest")
        let result = try ExecuteCommand.run("vfm", ["run", "--quiet", "--output", output.path],
                                            currentDirectory: FixturePaths.repositoryRoot.appendingPathComponent("Sources"))
        #expect(result.status == 0, "\(result)")
        let manifest = try #require(FileManager.default.contents(atPath: output.appendingPathComponent(RunLayout.manifest).path))
        #expect(String(decoding: manifest, as: UTF8.self).contains("\"sample-70.csv\""))
    }

    @Test("the log says the synthetic sample is analysed when no --input is given, and not otherwise (issue 28)")
    func saysItIsTheSample() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let sample = try ExecuteCommand.run("vfm", ["run", "--output", scratch.appending("sample").path],
                                            currentDirectory: FixturePaths.repositoryRoot)
        #expect(sample.status == 0, "\(sample)")
        #expect(sample.stderr.hasPrefix("no --input given: analysing the synthetic sample (sample-70.csv"), "\(sample)")
        let given = try ExecuteCommand.run("vfm", ["run", "--input", FixturePaths.fixture("returns/sample-70.csv").path,
                                                   "--output", scratch.appending("given").path])
        #expect(given.status == 0, "\(given)")
        #expect(!given.stderr.contains("synthetic sample"))
    }

    @Test("VFM_SAMPLE naming a missing file exits 66")
    func explicitSampleMissing() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let result = try ExecuteCommand.run("vfm", ["run", "--output", scratch.appending("latest").path],
                                            environment: ["VFM_SAMPLE": scratch.appending("gone.csv").path])
        #expect(result.status == 66, "\(result)")
        #expect(result.stderr.contains("VFM_SAMPLE"))
    }
}
