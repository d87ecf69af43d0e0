import Foundation
import VFMTestSupport

/// A small tmpfs mounted for one test (root only): a filesystem the test can fill to see
/// what `vfm` does on a full disk, or mount read-only.
struct Tmpfs {
    let mountPoint: URL

    /// True when this process may mount (root, and `mount` is permitted here), found by
    /// mounting a probe once.
    static let canMount: Bool = {
        guard geteuid() == 0, let probe = try? ScratchDirectory("vfm-tmpfs-probe") else { return false }
        defer { probe.remove() }
        guard let mount = try? Tmpfs(at: probe.appending("m"), size: "64k") else { return false }
        mount.unmount()
        return true
    }()

    init(at mountPoint: URL, size: String, inodes: Int = 1000, readOnly: Bool = false) throws {
        try FileManager.default.createDirectory(at: mountPoint, withIntermediateDirectories: true)
        let options = "size=\(size),nr_inodes=\(inodes),mode=0755" + (readOnly ? ",ro" : "")
        guard Self.execute("/bin/mount", ["-t", "tmpfs", "-o", options, "tmpfs", mountPoint.path]) == 0 else {
            throw ExecuteCommandError(description: "mount tmpfs on \(mountPoint.path) failed")
        }
        self.mountPoint = mountPoint
    }

    func unmount() { _ = Self.execute("/bin/umount", [mountPoint.path]) }

    /// Makes the mounted filesystem read-only (or writable again) in place.
    func remount(readOnly: Bool) throws {
        guard Self.execute("/bin/mount", ["-o", "remount," + (readOnly ? "ro" : "rw"), mountPoint.path]) == 0 else {
            throw ExecuteCommandError(description: "remount of \(mountPoint.path) failed")
        }
    }

    /// Writes zeros to `file` until the filesystem is full, then gives back `bytes`.
    static func fill(_ file: URL, leavingFree bytes: Int) throws {
        let descriptor = open(file.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw ExecuteCommandError(description: "cannot create \(file.path)") }
        defer { close(descriptor) }
        let chunk = [UInt8](repeating: 0, count: 4096)
        var written = 0
        while true {
            let count = chunk.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if count <= 0 { break }
            written += count
        }
        guard ftruncate(descriptor, off_t(max(written - bytes, 0))) == 0 else {
            throw ExecuteCommandError(description: "cannot truncate \(file.path)")
        }
    }

    /// Creates empty files in `directory` until no inode is left, then removes `spare` of
    /// them: creating a directory or file then fails with ENOSPC after `spare` entries.
    static func exhaustInodes(in directory: URL, leavingFree spare: Int) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var created: [String] = []
        while true {
            let path = directory.appendingPathComponent("i\(created.count)").path
            let descriptor = open(path, O_WRONLY | O_CREAT, 0o644)
            if descriptor < 0 { break }
            close(descriptor)
            created.append(path)
        }
        for path in created.suffix(spare) { unlink(path) }
    }

    private static func execute(_ tool: String, _ arguments: [String]) -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return -1 }
        process.waitUntilExit()
        return process.terminationStatus
    }
}
