import Foundation
import VFMCore

/// The directory a run is written into before it is published: `.<name>.vfm-tmp-<pid>`
/// beside the destination (same filesystem, so publishing is a rename, never a copy).
public struct StagingDirectory: Sendable {
    public let path: String
    let destination: RunDestination

    /// Creates a fresh, empty staging directory (call `removeLeftovers` first).
    /// - Throws: `.cannotCreateOutput` (73), or `.ioError` (74) when the disk is full.
    public static func create(for destination: RunDestination) throws(VFMError) -> StagingDirectory {
        let path = destination.stagingPath()
        guard mkdir(path, 0o755) == 0 else {
            throw PosixError.output(errno, "creating the staging directory", path: path)
        }
        return StagingDirectory(path: path, destination: destination)
    }

    /// Removes what killed runs left beside `destination`: staging directories, and old
    /// runs swapped out but not yet deleted (both are `.<name>.vfm-tmp-<pid>`).
    ///
    /// Must be called with the destination's `RunLock` held: the lock guarantees that no
    /// other live run owns any `.<name>.vfm-tmp-*` directory, so all of them are leftovers.
    /// Best effort: a leftover that cannot be removed is warned about, retried by the next
    /// run, and does not stop this one (it has its own pid-named directory).
    public static func removeLeftovers(of destination: RunDestination, log: StageLog) {
        for path in leftovers(of: destination) {
            remove(path, log: log, what: "a leftover of an earlier run")
        }
    }

    /// The `.<name>.vfm-tmp-<pid>` directories beside `destination`.
    public static func leftovers(of destination: RunDestination) -> [String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: destination.parent) else { return [] }
        return names.filter { isStaging($0, of: destination) }.sorted()
            .map { (destination.parent as NSString).appendingPathComponent($0) }
    }

    /// Deletes `path`, warning (not failing) when it cannot: the next run tries again.
    static func remove(_ path: String, log: StageLog, what: String) {
        do {
            try FileManager.default.removeItem(atPath: path)
        } catch {
            guard FileManager.default.fileExists(atPath: path) else { return }
            let nsError = error as NSError
            let underlying = (nsError.userInfo[NSUnderlyingErrorKey] as? NSError)?.localizedDescription
            log.warning("cannot remove \(path), \(what) (\(underlying ?? nsError.localizedDescription)); "
                        + "the next vfm run on this output removes it")
        }
    }

    /// `.<name>.vfm-tmp-<digits>` exactly, so that an output that happens to be called
    /// `latest.vfm-tmp-2` is never taken for a leftover of `latest`.
    static func isStaging(_ entry: String, of destination: RunDestination) -> Bool {
        guard entry.hasPrefix(destination.stagingPrefix) else { return false }
        let pid = entry.dropFirst(destination.stagingPrefix.count)
        return !pid.isEmpty && pid.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// Deletes the staging directory after a failed run; the destination is untouched.
    public func discard() {
        try? FileManager.default.removeItem(atPath: path)
    }
}
