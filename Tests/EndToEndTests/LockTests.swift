import Foundation
import Testing
import VFMTestSupport

/// Two runs on the same output never interleave: the second exits 75 at once, naming the
/// holder (SPEC §3, §7).
@Suite("the lock on an output")
struct LockTests {
    @Test("two concurrent runs: one publishes, the other exits 75 naming the holder's pid")
    func concurrentRuns() throws {
        let workspace = try RunWorkspace()
        defer { workspace.remove() }
        // The hook holds the first run inside its stages, so the two surely overlap.
        let first = try workspace.launch(environment: ["VFM_TEST_PAUSE_AFTER_STAGE": "ingest",
                                                       "VFM_TEST_PAUSE_SECONDS": "8"])
        #expect(first.waitForStderr(containing: "paused after ingest"), "\(first.stderrSoFar)")

        let start = ContinuousClock.now
        let second = try workspace.run()
        #expect(second.status == 75, "\(second)")
        #expect(second.stderr.contains("pid \(first.pid)"), "\(second)")
        #expect(ContinuousClock.now - start < .seconds(7), "the second run must not wait for the lock")

        let finished = first.wait()
        #expect(finished.status == 0, "\(finished)")
        expectCompleteRun(at: workspace.output)
        #expect(workspace.leftovers.isEmpty, "left behind: \(workspace.leftovers)")
    }

    @Test("a run on another output is not blocked")
    func otherOutputNotBlocked() throws {
        let workspace = try RunWorkspace()
        defer { workspace.remove() }
        let first = try workspace.launch(environment: ["VFM_TEST_PAUSE_AFTER_STAGE": "lock",
                                                       "VFM_TEST_PAUSE_SECONDS": "8"])
        #expect(first.waitForStderr(containing: "paused after lock"))
        let other = workspace.scratch.appending("out/other")
        let result = try ExecuteCommand.run("vfm", ["run", "--input", workspace.input.path, "--output", other.path])
        #expect(result.status == 0, "\(result)")
        #expect(first.wait().status == 0)
    }
}
