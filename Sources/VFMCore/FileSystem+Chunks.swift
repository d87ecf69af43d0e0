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
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            throw VFMError(.noInput, "cannot read file (\(String(cString: strerror(errno))))", file: name,
                           hint: "check its permissions")
        }
        defer { close(descriptor) }
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
