import Dispatch
import Foundation
import VFMCore

/// The files of a stage written on a background thread while the next stage computes
/// (issue 12: at a million services the run files are a gigabyte, and on a 2-core machine
/// writing them need not wait for the arithmetic, nor the arithmetic for them).
///
/// Writes run one after another, in the order they were started, on one serial queue; each
/// is exactly the stage's own `write(toRunDirectory:)`, so the bytes are those of the stage
/// executables. `finish()` waits for all of them and throws the first failure, which is
/// why a full disk is still 74 and nothing is published. After a failure, the writes not
/// yet begun are skipped: the staging directory will be discarded.
final class RunFileWrites: @unchecked Sendable {
    private let queue = DispatchQueue(label: "vfm.run-file-writes")
    private let lock = NSLock()
    private var failure: VFMError?

    /// Starts `write` after every write started before it.
    func start(_ write: @escaping @Sendable () throws(VFMError) -> Void) {
        queue.async { [self] in
            guard firstFailure == nil else { return }
            do throws(VFMError) {
                try write()
            } catch {
                lock.lock()
                if failure == nil { failure = error }
                lock.unlock()
            }
        }
    }

    /// Waits until every write started has ended.
    /// - Throws: the first write's failure, if one failed.
    func finish() throws(VFMError) {
        queue.sync {}
        if let failure = firstFailure { throw failure }
    }

    /// Waits like `finish()` and returns the first failure instead of throwing it: for a
    /// run that is failing anyway, whose staging directory must not be removed while a
    /// write is still going into it.
    func settle() -> VFMError? {
        queue.sync {}
        return firstFailure
    }

    private var firstFailure: VFMError? {
        lock.lock()
        defer { lock.unlock() }
        return failure
    }
}
