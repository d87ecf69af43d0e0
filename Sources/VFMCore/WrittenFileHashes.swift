import Foundation

/// The SHA-256 of every file this process wrote through `BufferedFileWriter`, which hashes
/// what it writes on the way (or hashed ahead, `FileSystem.recordSHA256(ofFileAt:)`): the
/// manifest looks a file up here instead of reading it back (issue 12: a million services'
/// run files are a gigabyte, 1.6 s of CPU to hash again).
///
/// An entry is keyed by the file's device and inode and holds its size, modification and
/// status-change times as they were when the writer closed it. A lookup answers only when
/// all of them still match, so a file changed since — edited by hand, rewritten by other
/// code, replaced by another file under the same name — is read and hashed as before.
public enum WrittenFileHashes {
    private struct FileIdentity: Hashable {
        var device: UInt64
        var inode: UInt64
    }

    private struct Entry {
        var size: Int64
        var modified: timespec
        var changed: timespec
        var sha256: String

        func matches(_ status: stat) -> Bool {
            size == Int64(status.st_size) && modified.tv_sec == status.st_mtim.tv_sec
                && modified.tv_nsec == status.st_mtim.tv_nsec && changed.tv_sec == status.st_ctim.tv_sec
                && changed.tv_nsec == status.st_ctim.tv_nsec
        }
    }

    /// Whether this process's writers hash what they write (`BufferedFileWriter`). A stage
    /// executable that writes no manifest — `vfm-ingest`, `vfm-clean`, `vfm-analyze` —
    /// turns it off at its start, before any writer exists: those hashes would end with the
    /// process unread (`vfm-report` hashes the earlier stages' files itself), and working
    /// them out was a tenth of `vfm-clean`'s writing by hand (issue 25).
    nonisolated(unsafe) public static var isRecording = true

    private static let lock = NSLock()
    nonisolated(unsafe) private static var entries: [FileIdentity: Entry] = [:]

    /// Records `sha256` as the hash of the open file `descriptor`, which its writer has
    /// finished writing (it is about to close it). `unchangedSince`: the file's status when
    /// its reading began, for a hash worked out by reading it; nothing is recorded if the
    /// file changed since.
    static func record(descriptor: Int32, sha256: String, unchangedSince before: stat? = nil) {
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return }
        let entry = Entry(size: Int64(status.st_size), modified: status.st_mtim, changed: status.st_ctim,
                          sha256: sha256)
        if let before, !entry.matches(before) { return }
        lock.lock()
        defer { lock.unlock() }
        entries[FileIdentity(device: UInt64(status.st_dev), inode: UInt64(status.st_ino))] = entry
    }

    /// The hash recorded for the file at `path`, if it is still exactly as its writer left it.
    public static func sha256(ofUnchanged path: String) -> String? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        lock.lock()
        defer { lock.unlock() }
        guard let entry = entries[FileIdentity(device: UInt64(status.st_dev), inode: UInt64(status.st_ino))],
              entry.matches(status) else { return nil }
        return entry.sha256
    }
}
