import Foundation
import VFMCore

/// The exclusive lock that keeps two runs from writing the same output (SPEC §7: "two runs
/// on the same output never interleave").
///
/// It is a `flock(2)` lock on `RunDestination.lockPath` (`.<name>.vfm-lock` beside the
/// output directory), taken with `LOCK_NB` so that a second run fails at once (exit 75)
/// instead of queueing behind a long run started by cron. The holder writes its pid into
/// the file so the second run can name it.
///
/// The kernel drops a `flock` lock when the last descriptor of its open file is closed —
/// including when the process is killed (SIGKILL, OOM) — so a dead run never leaves a stale
/// lock behind, and no pid-liveness guessing is needed. The lock file itself is never
/// deleted: unlinking it while another process waits on it would let two runs each lock a
/// different inode. The descriptor is opened `O_CLOEXEC`, so child processes do not inherit
/// (and prolong) the lock.
public final class RunLock {
    private var descriptor: Int32
    /// The path of the lock file.
    public let path: String

    private init(descriptor: Int32, path: String) {
        self.descriptor = descriptor
        self.path = path
    }

    /// Takes the lock *shared*, to read the published run without writing anything: the
    /// lock file is opened read-only and never created, so answering "up to date" works on
    /// a read-only filesystem and leaves no trace (`--dry-run`). A writer holds the lock
    /// exclusively, so while this one is held no run can be publishing.
    /// - Returns: `nil` when there is no lock file (no run has written here, or it is on a
    ///   filesystem we cannot read it from): the reader then relies on publication being
    ///   one atomic rename, and on the outputs' hashes.
    /// - Throws: `.locked` (75) when a run holds the lock to write.
    public static func shared(for destination: RunDestination) throws(VFMError) -> RunLock? {
        let path = destination.lockPath
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)
        guard descriptor >= 0 else {
            if errno == ELOOP { throw symlinkError(path: path, destination: destination) }
            return nil
        }
        guard isPlainFile(descriptor) else {
            close(descriptor)
            throw notAFileError(path: path, destination: destination)
        }
        guard flock(descriptor, LOCK_SH | LOCK_NB) == 0 else {
            let code = errno
            let holder = readHolder(descriptor)
            close(descriptor)
            if code == EWOULDBLOCK { throw lockedError(holder: holder, destination: destination) }
            return nil  // e.g. no locks on this filesystem: read without one, as above
        }
        return RunLock(descriptor: descriptor, path: path)
    }

    /// Takes the lock for `destination`, creating its parent directory and the lock file
    /// when missing.
    /// - Throws: `.locked` (75) naming the holder's pid when another run holds it;
    ///   `.cannotCreateOutput` (73) when the lock file cannot be created.
    public static func acquire(for destination: RunDestination) throws(VFMError) -> RunLock {
        try destination.prepareParent()
        let path = destination.lockPath
        // O_NOFOLLOW: a symbolic link planted under the lock's name must not make a run
        // (perhaps root's, from cron) create or truncate the file it points to (issue 31).
        // O_NONBLOCK: opening a FIFO planted there must not hang the run.
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK, 0o644)
        guard descriptor >= 0 else {
            if errno == ELOOP { throw symlinkError(path: path, destination: destination) }
            throw PosixError.output(errno, "creating the lock file", path: path)
        }
        guard isPlainFile(descriptor) else {
            close(descriptor)
            throw notAFileError(path: path, destination: destination)
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let code = errno
            let holder = readHolder(descriptor)
            close(descriptor)
            if code == EWOULDBLOCK { throw lockedError(holder: holder, destination: destination) }
            throw PosixError.output(code, "locking", path: path)
        }
        let lock = RunLock(descriptor: descriptor, path: path)
        lock.recordHolder()
        return lock
    }

    /// A lock file that is a regular file with one name: a hard link planted under the lock's
    /// name would otherwise let the pid we write land in the linked file.
    private static func isPlainFile(_ descriptor: Int32) -> Bool {
        var info = stat()
        return fstat(descriptor, &info) == 0 && info.st_mode & S_IFMT == S_IFREG && info.st_nlink == 1
    }

    private static func symlinkError(path: String, destination: RunDestination) -> VFMError {
        VFMError(.cannotCreateOutput, "the lock file `\(path)` is a symbolic link; vfm does not follow it (it could point at any file)",
                 file: destination.path,
                 hint: "remove the link `\(path)` (nothing of the run is in it) and run again, or publish elsewhere with --output")
    }

    private static func notAFileError(path: String, destination: RunDestination) -> VFMError {
        VFMError(.cannotCreateOutput, "the lock file `\(path)` is not a plain file (a directory, a device, a pipe, or a file with other names)",
                 file: destination.path,
                 hint: "remove `\(path)` and run again, or publish elsewhere with --output")
    }

    private static func lockedError(holder: Int32?, destination: RunDestination) -> VFMError {
        let who = holder.map { "pid \($0)" } ?? "a process that has not yet written its pid"
        return VFMError(.locked, "another vfm run (\(who)) is writing this output", file: destination.path,
                        hint: "wait for it to finish, or publish this run elsewhere with --output; "
                            + "the lock is \(destination.lockPath) and is released when that run ends")
    }

    /// Writes our pid into the lock file (for the message of a second run). Best effort:
    /// the lock is the `flock`, not the file's content.
    private func recordHolder() {
        let text = Array("\(ProcessSupervision.visiblePID)\n".utf8)
        guard ftruncate(descriptor, 0) == 0 else { return }
        _ = text.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
    }

    private static func readHolder(_ descriptor: Int32) -> Int32? {
        var buffer = [UInt8](repeating: 0, count: 32)
        let count = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return nil }
        let text = String(decoding: buffer[0..<count], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return Int32(text)
    }

    /// Releases the lock (closing the descriptor is what releases a `flock` lock). Call it
    /// when the run is over; until then the lock object must stay alive.
    public func release() {
        guard descriptor >= 0 else { return }
        close(descriptor)
        descriptor = -1
    }

    deinit { release() }
}
