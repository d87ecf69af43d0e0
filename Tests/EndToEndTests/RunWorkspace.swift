import Foundation
import RunFiles
import Testing
import VFMCore
import VFMTestSupport

/// One test's scratch area: an input file, an output directory `out/latest`, and helpers
/// to run `vfm` on them.
struct RunWorkspace {
    let scratch: ScratchDirectory
    let input: URL
    let output: URL

    init(returns: String = TestReturns.valid, label: String = "vfm-e2e") throws {
        scratch = try ScratchDirectory(label)
        input = scratch.appending("returns/returns.csv")
        output = scratch.appending("out/latest")
        try TestReturns.write(returns, to: input)
    }

    /// A workspace whose input is a copy of `fixture` (e.g. `returns/sample-70.csv`).
    init(copying fixture: String) throws {
        scratch = try ScratchDirectory("vfm-e2e")
        let source = FixturePaths.fixture(fixture)
        input = scratch.appending("returns/" + source.lastPathComponent)
        output = scratch.appending("out/latest")
        try FileManager.default.createDirectory(at: input.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: source, to: input)
    }

    /// `vfm run --input <input> --output <output> <extra>`.
    func run(_ extra: [String] = [], environment: [String: String] = [:]) throws -> ExecutionResult {
        try ExecuteCommand.run("vfm", ["run", "--input", input.path, "--output", output.path] + extra,
                               environment: environment)
    }

    func launch(_ extra: [String] = [], environment: [String: String]) throws -> RunningCommand {
        try ExecuteCommand.launch("vfm", ["run", "--input", input.path, "--output", output.path] + extra,
                                  environment: environment)
    }

    var snapshot: DirectorySnapshot { DirectorySnapshot(of: output) }

    /// Names beside the output directory other than the output and its lock file: a killed
    /// or failed run must leave none behind once the next run has finished.
    var leftovers: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: output.deletingLastPathComponent().path)) ?? []
        return names.filter { $0 != "latest" && $0 != ".latest.vfm-lock" }.sorted()
    }

    func remove() { scratch.remove() }
}

/// The published run is complete: it has a manifest, and every output the manifest lists
/// exists with the SHA-256 it records (SHA-256 checked against FIPS 180-4 vectors in
/// VFMCoreTests), and it holds the SPEC §7 files.
func expectCompleteRun(at directory: URL, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    let manifestURL = directory.appendingPathComponent(RunLayout.manifest)
    guard let data = FileManager.default.contents(atPath: manifestURL.path),
          let manifest = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
          let outputs = manifest["outputs"] as? [[String: Any]]
    else {
        Issue.record("no readable manifest.json in \(directory.path)", sourceLocation: sourceLocation)
        return
    }
    for output in outputs {
        guard let path = output["path"] as? String, let sha = output["sha256"] as? String else {
            Issue.record("manifest output entry without path/sha256: \(output)", sourceLocation: sourceLocation)
            continue
        }
        let bytes = FileManager.default.contents(atPath: directory.appendingPathComponent(path).path).map { [UInt8]($0) }
        #expect(bytes.map { ContentHash.hex(of: $0) } == sha, "output \(path) missing or changed", sourceLocation: sourceLocation)
    }
    let listed = Set(outputs.compactMap { $0["path"] as? String })
    for required in [RunLayout.report, RunLayout.cleanServices, RunLayout.cleanRejected, RunLayout.cleanFlags,
                     RunLayout.descriptives, RunLayout.correlations, RunLayout.outcomeMix, RunLayout.supportLevels,
                     RunLayout.benchmark] {
        #expect(listed.contains(required), "manifest does not list \(required)", sourceLocation: sourceLocation)
    }
}
