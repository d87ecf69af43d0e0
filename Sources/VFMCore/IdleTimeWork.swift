import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Work on a thread of its own that the kernel runs only when a core would otherwise idle
/// (Linux's `SCHED_IDLE` policy): for work that makes a later step cheaper but must never
/// slow the present one. Why: `vfm-report` run by hand hashed the earlier stages' files
/// for its manifest after rendering (a tenth of its time, issue 25), while a core stood
/// idle during its reading; on an ordinary thread the hashing took that core from the
/// reading instead.
///
/// The work gets a test of whether it is still wanted and should stop at the next piece;
/// `finish()` asks it to stop and waits until it has. What it did not do, its caller does.
/// Elsewhere than Linux the thread simply runs at the default priority.
public final class IdleTimeWork: @unchecked Sendable {
    private let ended = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var stopAsked = false
    private var waited = false

    /// Starts `work` on its own thread; it is given `isWanted`, false once `finish()` is called.
    public init(_ work: @escaping @Sendable (_ isWanted: () -> Bool) -> Void) {
        let thread = Thread { [self] in
            Self.runOnlyWhenIdle()
            work { self.isWanted }
            ended.signal()
        }
        thread.start()
    }

    /// Asks the work to stop at its next piece and waits until it has ended (at once when
    /// it already has: a caller may finish on every path out, `defer` included).
    public func finish() {
        lock.lock()
        stopAsked = true
        let wait = !waited
        waited = true
        lock.unlock()
        if wait { ended.wait() }
    }

    private var isWanted: Bool {
        lock.lock()
        defer { lock.unlock() }
        return !stopAsked
    }

    private static func runOnlyWhenIdle() {
        #if os(Linux)
        var parameters = sched_param()
        parameters.sched_priority = 0
        // SCHED_IDLE (5 in <bits/sched.h>; Glibc's module leaves out that GNU constant).
        // Any thread may lower itself to it; a failure only leaves the default priority.
        _ = pthread_setschedparam(pthread_self(), 5, &parameters)
        #endif
    }
}
