#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension FileSystem {
    /// 1 MiB: large enough that system calls do not show in a profile, small enough that
    /// reading a file costs the same memory whatever its size.
    public static let readChunkSize = 1 << 20

    /// Reads `path` front to back in chunks of `readChunkSize` bytes into one reused buffer,
    /// handing each chunk to `body` with its offset in the file, so that a file is never
    /// held whole. Errors as `readBytes` (a FIFO or device is refused at once, each failure
    /// says what happened).
    public static func forEachChunk(of path: String, displayName: String? = nil,
                                    _ body: (UnsafeBufferPointer<UInt8>, Int) -> Void) throws(VFMError) {
        try forEachChunk(of: FilePathBytes(bytes: Array(path.utf8)), displayName: displayName ?? path, body)
    }

    /// As `forEachChunk(of: String…)`, for a name in raw bytes (need not be UTF-8).
    public static func forEachChunk(of path: FilePathBytes, displayName: String? = nil,
                                    _ body: (UnsafeBufferPointer<UInt8>, Int) -> Void) throws(VFMError) {
        let name = displayName ?? path.display
        let (descriptor, _) = try openRegularFile(path, name: name)
        defer { close(descriptor) }
        try readChunks(of: descriptor, name: name, body)
    }

    /// The read loop of `forEachChunk`, of the file hashes and of the tail of `readBytes`:
    /// `descriptor` front to back in chunks of `readChunkSize` into one reused buffer (read
    /// straight into it; appending a chunk of zeros element by element first cost a debug
    /// build 0.1 s a file).
    static func readChunks(of descriptor: Int32, name: String,
                           _ body: (UnsafeBufferPointer<UInt8>, Int) -> Void) throws(VFMError) {
        var buffer = [UInt8](repeating: 0, count: readChunkSize)
        var offset = 0
        while true {
            let count = buffer.withUnsafeMutableBytes { raw in read(descriptor, raw.baseAddress, raw.count) }
            if count == 0 { return }
            if count < 0 {
                if errno == EINTR { continue }
                throw PosixError.reading(errno, file: name)
            }
            buffer.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[..<count]), offset) }
            offset += count
        }
    }
}
