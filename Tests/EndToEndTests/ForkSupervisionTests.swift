import CProcessShims
import Foundation
import Testing

/// The supervisor forks its worker only from a process with one thread: a fork copies only
/// the calling thread, and a lock another thread held would stay held in the child. A test
/// process has many threads, so here the call must refuse (-EBUSY) and make no child —
/// `work` never runs — and the supervisor then starts a fresh process instead.
@Suite("forking the supervised worker")
struct ForkSupervisionTests {
    @Test("a process with more than one thread is not forked: -EBUSY, no child, the work not run")
    func refusedWithThreads() throws {
        let tasks = try FileManager.default.contentsOfDirectory(atPath: "/proc/self/task")
        #expect(tasks.count > 1, "the test process was expected to have threads: \(tasks)")
        var child: pid_t = 0, status: Int32 = 0
        let result = vfm_fork_and_wait(&child, &status, 0, { _ in 99 }, nil)
        #expect(result == -EBUSY)
        #expect(child == 0)
    }
}
