import Foundation
@testable import PipelineRunner
import Testing
import VFMCore

/// A failing run discards its staging directory once every background write has ended
/// (`StageWrites.settleAll`): a write still going into it would leave it beside the output.
@Suite("the run's write queues")
struct StageWritesTests {
    /// Set once, read after the queues settle.
    final class Flag: @unchecked Sendable {
        private let lock = NSLock()
        private var raised = false
        func raise() { lock.lock(); raised = true; lock.unlock() }
        var isRaised: Bool { lock.lock(); defer { lock.unlock() }; return raised }
    }

    @Test("settling waits for every queue, even after one has failed, and gives the first queue's failure")
    func settleWaitsForEveryQueue() {
        let writes = StageWrites()
        let filesDone = Flag(), benchmarkDone = Flag()
        writes.summary.start { () throws(VFMError) in throw VFMError(.ioError, "no disk space left (summary)") }
        writes.files.start { () throws(VFMError) in
            Thread.sleep(forTimeInterval: 0.2)
            filesDone.raise()
            throw VFMError(.ioError, "no disk space left (files)")
        }
        writes.benchmark.start { () throws(VFMError) in
            Thread.sleep(forTimeInterval: 0.1)
            benchmarkDone.raise()
        }
        let failure = writes.settleAll()
        #expect(filesDone.isRaised && benchmarkDone.isRaised, "a write was still going when settling returned")
        #expect(failure?.message == "no disk space left (summary)")
        #expect(failure?.status == .ioError)
    }

    @Test("with no failure, settling gives none")
    func settleWithoutFailure() {
        let writes = StageWrites()
        writes.files.start { () throws(VFMError) in }
        #expect(writes.settleAll() == nil)
    }
}
