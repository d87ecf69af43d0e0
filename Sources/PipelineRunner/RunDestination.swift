import Foundation
import VFMCore

/// Where a run is published (`--output DIR`) and the bookkeeping paths beside it.
///
/// Everything `vfm run` needs besides `DIR` itself lives in DIR's parent directory, under
/// names derived from DIR's own name, so that:
/// - the lock file does not move when DIR is replaced (a lock *inside* DIR would be
///   swapped away with the old run), and works before DIR first exists;
/// - the staging directory is on the same filesystem as DIR, which `rename(2)` and
///   `renameat2(2)` require for an atomic publish;
/// - leftovers of a killed run are recognisable by name and removed by the next run.
///
/// For `--output Output/latest`: lock `Output/.latest.vfm-lock`, staging
/// `Output/.latest.vfm-tmp-<pid>`.
public struct RunDestination: Sendable, Equatable {
    /// DIR as given, without a trailing slash.
    public let path: String
    /// The directory holding DIR (created by `prepareParent()` when missing).
    public let parent: String
    /// DIR's last path component.
    public let name: String

    public init(_ output: String) throws(VFMError) {
        var trimmed = output
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed.removeLast() }
        let url = URL(fileURLWithPath: trimmed)
        let name = url.lastPathComponent
        let given = (trimmed as NSString).lastPathComponent
        guard !trimmed.isEmpty, given != "/", given != ".", given != "..", name != "/" else {
            throw VFMError(.usage, "`\(output)` cannot be an output directory", column: "--output",
                           hint: "name a directory to publish the run to, e.g. --output Output/latest")
        }
        path = trimmed
        self.name = name
        parent = url.deletingLastPathComponent().path
    }

    /// `.<name>.vfm-lock` beside DIR: the `flock(2)` lock file, holding the holder's pid.
    public var lockPath: String { (parent as NSString).appendingPathComponent(".\(name).vfm-lock") }

    /// The prefix of staging directories; the pid of the run that made one follows it.
    var stagingPrefix: String { ".\(name).vfm-tmp-" }

    /// `.<name>.vfm-tmp-<pid>` beside DIR: where this process writes its run.
    public func stagingPath(pid: Int32 = getpid()) -> String {
        (parent as NSString).appendingPathComponent(stagingPrefix + String(pid))
    }

    /// `DIR/<relative>`.
    public func file(_ relative: String) -> String { (path as NSString).appendingPathComponent(relative) }

    /// Creates DIR's parent directory (and its parents) when missing.
    /// - Throws: `.cannotCreateOutput` (73), or `.ioError` (74) when the disk is full.
    public func prepareParent() throws(VFMError) {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: parent, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw VFMError(.cannotCreateOutput, "`\(parent)` is a file, not a directory", file: path,
                               hint: "choose an --output whose parent is a directory")
            }
            return
        }
        do {
            try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        } catch {
            throw PosixError.outputError(from: error, creating: parent)
        }
    }
}
