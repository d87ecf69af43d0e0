import Foundation
import RunDiff
import Testing
import VFMTestSupport

/// The hand-made run directories of `Fixtures/diff/runs/` and the expected diffs of
/// `Fixtures/diff/expected/` (see `Fixtures/diff/make_runs.py`).
enum DiffFixtures {
    static func run(_ name: String) -> String {
        FixturePaths.fixture("diff/runs/\(name)").path
    }

    static func expectedPath(old: String, new: String) -> String {
        FixturePaths.fixture("diff/expected/\(old)--\(new).md").path
    }

    /// Compares two fixture runs, each named in the diff by its fixture name.
    static func compare(_ old: String, _ new: String, options: DiffOptions = DiffOptions()) throws -> RunComparison {
        RunComparison(old: try RunSnapshot.load(runDirectory: run(old), label: old),
                      new: try RunSnapshot.load(runDirectory: run(new), label: new), options: options)
    }

    /// The expected diff; with `VFM_RECORD_GOLDEN=1` the actual one is written there first
    /// and the test fails (review the change by hand before committing it).
    static func expected(old: String, new: String, actual: String) throws -> String {
        let path = expectedPath(old: old, new: new)
        if ProcessInfo.processInfo.environment["VFM_RECORD_GOLDEN"] == "1" {
            try actual.write(toFile: path, atomically: true, encoding: .utf8)
            Issue.record("Recorded new baseline \(path): review its diff; a recording run never passes")
        }
        return try String(contentsOfFile: path, encoding: .utf8)
    }

    /// A writable copy of a fixture run in a fresh temporary directory, for tests that
    /// damage a run; the caller removes `root`.
    static func scratchCopy(of name: String) throws -> (root: URL, run: URL) {
        let root = FileManager.default.temporaryDirectory
            .appendingPathComponent("vfm-diff-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let copy = root.appendingPathComponent(name)
        try FileManager.default.copyItem(at: URL(fileURLWithPath: run(name)), to: copy)
        return (root, copy)
    }
}
