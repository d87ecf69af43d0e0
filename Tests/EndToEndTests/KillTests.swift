import Foundation
import Testing
import VFMTestSupport

/// A run killed at any moment leaves the previous complete run at the published path, and
/// the next run succeeds (SPEC §7). The kill points come from the test-only hook
/// `VFM_TEST_PAUSE_AFTER_STAGE`, which makes `vfm run` stop and say so on stderr.
@Suite("SIGKILL during a run")
struct KillTests {
    @Test("killed before publishing: the previous run stays intact and the next run succeeds",
          arguments: ["lock", "ingest", "clean", "analyze", "report"])
    func killedBeforePublishing(point: String) throws {
        let workspace = try RunWorkspace()
        defer { workspace.remove() }
        #expect(try workspace.run().status == 0)
        let previous = workspace.snapshot

        // A blank line is skipped by ingest but changes the file's hash, so the new run
        // differs from the previous one (its manifest does) and is not skipped.
        try TestReturns.write(TestReturns.valid + "\n", to: workspace.input)
        let victim = try workspace.launch(environment: ["VFM_TEST_PAUSE_AFTER_STAGE": point])
        #expect(victim.waitForStderr(containing: "paused after \(point)"), "never reached \(point): \(victim.stderrSoFar)")
        victim.send(SIGKILL)
        let killed = victim.wait()
        #expect(killed.killedBySignal && killed.status == SIGKILL, "\(killed)")

        #expect(workspace.snapshot == previous, "the published run changed after a kill at \(point)")
        expectCompleteRun(at: workspace.output)

        let next = try workspace.run()
        #expect(next.status == 0, "\(next)")
        #expect(!next.stderr.contains("up to date"))
        expectCompleteRun(at: workspace.output)
        #expect(workspace.snapshot != previous)
        #expect(workspace.leftovers.isEmpty, "left behind: \(workspace.leftovers)")
    }

    @Test("killed after the swap, before the old run is deleted: the new run is published whole")
    func killedAfterSwap() throws {
        let workspace = try RunWorkspace()
        defer { workspace.remove() }
        #expect(try workspace.run().status == 0)
        let previous = workspace.snapshot

        try TestReturns.write(TestReturns.valid + "\n", to: workspace.input)
        let victim = try workspace.launch(environment: ["VFM_TEST_PAUSE_AFTER_STAGE": "swap"])
        #expect(victim.waitForStderr(containing: "paused after swap"), "\(victim.stderrSoFar)")
        victim.send(SIGKILL)
        _ = victim.wait()

        expectCompleteRun(at: workspace.output)
        #expect(workspace.snapshot != previous)
        let published = workspace.snapshot
        #expect(!workspace.leftovers.isEmpty, "the old run should still be waiting for deletion")

        let next = try workspace.run()
        #expect(next.status == 0, "\(next)")
        #expect(next.stderr.contains("up to date"), "the swapped-in run is complete, so nothing to redo\n\(next)")
        #expect(workspace.snapshot == published)
        #expect(workspace.leftovers.isEmpty, "left behind: \(workspace.leftovers)")
    }
}
