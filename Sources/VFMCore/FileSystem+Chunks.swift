#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

extension FileSystem {
    /// 1 MiB: large enough that system calls do not show in a profile, small enough that
    /// reading a file costs the same memory whatever its size.
    public static let readChunkSize = 1 << 20

    /// Reads `path` front to back in chunks of `readChunkSize` bytes into one reused buffer,
    /// handing each chunk to `body` with its offset in the file, so that a file is never
    /// held whole. Errors as `readBytes`.
    public static func forEachChunk(of path: String, displayName: String? = nil,
                                    _ body: (UnsafeBufferPointer<UInt8>, Int) -> Void) throws(VFMError) {
        let name = displayName ?? path
        guard FileManager.default.fileExists(atPath: path) else {
            throw VFMError(.noInput, "file not found", file: name, hint: "check the path, or pass --input")
        }
        // O_NONBLOCK so that a FIFO given as a return does not block the run until a writer
        // comes; fstat on the open descriptor then refuses anything but a regular file.
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY)
        guard descriptor >= 0 else {
            throw VFMError(.noInput, "cannot read file (\(String(cString: strerror(errno))))", file: name,
                           hint: "check its permissions")
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            throw VFMError(.noInput, "cannot read file (\(String(cString: strerror(errno))))", file: name,
                           hint: "check its permissions")
        }
        guard info.st_mode & S_IFMT == S_IFREG else {
            throw VFMError(.noInput, "is not a regular file (a FIFO, a device, a socket or a directory)", file: name,
                           hint: "give vfm the return as an ordinary file (copy it out of the pipe or device first)")
        }
        let flags = fcntl(descriptor, F_GETFL)
        if flags >= 0 { _ = fcntl(descriptor, F_SETFL, flags & ~O_NONBLOCK) }
        var buffer = [UInt8](repeating: 0, count: readChunkSize)
        var offset = 0
        while true {
            let count = buffer.withUnsafeMutableBytes { raw in read(descriptor, raw.baseAddress, raw.count) }
            if count == 0 { return }
            if count < 0 {
                if errno == EINTR { continue }
                throw VFMError(.ioError, "read failed after \(offset) bytes (\(String(cString: strerror(errno))))",
                               file: name, hint: "check the disk or the network share, then run again")
            }
            buffer.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[..<count]), offset) }
            offset += count
        }
    }
}
