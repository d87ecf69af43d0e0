import RunFiles
import Foundation
import PipelineRunner
import Tabular
import Testing
import VFMCore
import VFMTestSupport

/// The pieces of `vfm run`, in process: destination names, lock, publish, default input,
/// `--fail-on`.
@Suite("runner parts")
struct RunnerPartsTests {
    @Test("lock file and staging directory sit beside the output, named after it")
    func destinationNames() throws {
        let destination = try RunDestination("/data/vfm/latest/")
        #expect(destination.path == "/data/vfm/latest")
        #expect(destination.lockPath == "/data/vfm/.latest.vfm-lock")
        #expect(destination.stagingPath(pid: 42) == "/data/vfm/.latest.vfm-tmp-42")
    }

    @Test("an output that names no directory is a usage error", arguments: ["", "/", ".", ".."])
    func unusableOutputNames(output: String) {
        #expect(throws: VFMError.self) { try RunDestination(output) }
        do { _ = try RunDestination(output) } catch { #expect(error.status == .usage) }
    }

    @Test("the lock is exclusive, names its holder, and is free again once released")
    func lockIsExclusive() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let destination = try RunDestination(scratch.appending("not-yet/latest").path)
        let first = try RunLock.acquire(for: destination)
        do {
            _ = try RunLock.acquire(for: destination)
            Issue.record("a second lock on the same output was granted")
        } catch {
            #expect(error.status == .locked)
            #expect(error.message.contains("pid \(getpid())"))
        }
        first.release()
        try RunLock.acquire(for: destination).release()
    }

    @Test("publishing creates the output, then swaps a new run in and deletes the old one")
    func publishSwaps() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let destination = try RunDestination(scratch.appending("latest").path)
        for generation in ["one", "two"] {
            let staging = try StagingDirectory.create(for: destination)
            try FileSystem.write(generation, to: staging.path + "/" + RunLayout.manifest)
            try staging.publish(log: StageLog(quiet: true))
            #expect(FileManager.default.contents(atPath: destination.file(RunLayout.manifest)) == Data(generation.utf8))
            #expect(!FileManager.default.fileExists(atPath: staging.path))
        }
    }

    @Test("a directory that is neither empty nor a previous run is not replaceable")
    func foreignDirectoryNotReplaceable() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let destination = try RunDestination(scratch.appending("latest").path)
        try destination.checkReplaceable()
        try FileManager.default.createDirectory(atPath: destination.path, withIntermediateDirectories: true)
        try destination.checkReplaceable()
        try FileSystem.write("x", to: destination.file("notes.txt"))
        #expect(throws: VFMError.self) { try destination.checkReplaceable() }
        // Since e1e6782 only a vfm run is replaced: a manifest vfm did not write is refused,
        // and one it did write must list everything the directory holds.
        try FileSystem.write("{}", to: destination.file(RunLayout.manifest))
        #expect(throws: VFMError.self) { try destination.checkReplaceable() }
        try FileManager.default.removeItem(atPath: destination.file("notes.txt"))
        let manifest = RunManifest(pipeline: RunManifest.Pipeline(path: "ndti-2014.toml", sha256: String(repeating: "0", count: 64)),
                                   inputs: [], outputs: [])
        try FileSystem.write(manifest.rendered, to: destination.file(RunLayout.manifest))
        try destination.checkReplaceable()
    }

    @Test("--fail-on: rejects trips on rejected rows only; flags on rejected or flagged rows",
          arguments: [(FailOnPolicy.rejects, 0, 0, false), (.rejects, 0, 3, false), (.rejects, 1, 0, true),
                      (.flags, 0, 0, false), (.flags, 0, 3, true), (.flags, 1, 0, true)])
    func failOn(policy: FailOnPolicy, rejected: Int, flags: Int, fails: Bool) {
        let violation = policy.violation(rowsRejected: rejected, flags: flags, output: "out")
        #expect((violation != nil) == fails)
        #expect(violation.map { $0.status == .dataError } ?? true)
    }

    @Test("the default input is found via VFM_SAMPLE, a checkout above the current directory, or share/vfm")
    func sampleLocation() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let checkout = scratch.appending("checkout")
        let sample = checkout.appendingPathComponent(SampleInput.repositoryPath)
        try TestReturns.write("x\n", to: sample)
        let nested = checkout.appendingPathComponent("Sources/deep")
        try FileManager.default.createDirectory(at: nested, withIntermediateDirectories: true)
        let elsewhere = scratch.appending("elsewhere")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        let installed = scratch.appending("prefix/" + SampleInput.installedPath)
        try TestReturns.write("x\n", to: installed)
        let installedExecutable = scratch.appending("prefix/bin/vfm").path

        #expect(try SampleInput.locate(environment: [:], currentDirectory: nested.path, executable: nil)
            == sample.standardizedFileURL.path)
        #expect(try SampleInput.locate(environment: ["VFM_SAMPLE": installed.path], currentDirectory: nested.path,
                                       executable: nil) == installed.path)
        #expect(try SampleInput.locate(environment: [:], currentDirectory: elsewhere.path,
                                       executable: installedExecutable) == installed.standardizedFileURL.path)
        #expect(throws: VFMError.self) {
            try SampleInput.locate(environment: [:], currentDirectory: elsewhere.path, executable: nil)
        }
    }
}
