import Foundation

/// A stage's results, held until the process exits instead of freed when the stage ends:
/// the kernel takes the whole address space back at once, where freeing 10^5 services, their
/// texts and flags one by one was the last 10–15 ms of each stage run by hand, and ~25 ms
/// before `vfm run` publishes (issue 25; compilers skip the same teardown at exit, as
/// clang's `-disable-free` does). Only for what lives until the command ends anyway: the
/// peak memory is the same.
///
/// Only a command's process holds (`isHolding`, set by the command): a program that runs
/// the stages again and again in one process (the tests) frees as it goes.
public enum HeldUntilExit {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var values: [Any] = []
    nonisolated(unsafe) private static var holding = false

    /// Whether `hold` keeps what it is given; set once, at a command's start.
    public static var isHolding: Bool {
        get { lock.withLock { holding } }
        set { lock.withLock { holding = newValue } }
    }

    /// Keeps `value` (its storage, not a copy) until the process exits, when holding.
    public static func hold(_ value: Any) {
        lock.withLock { if holding { values.append(value) } }
    }
}
