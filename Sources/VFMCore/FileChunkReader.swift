#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// A file read front to back one chunk at a time, when the caller asks — the pull form of
/// `FileSystem.forEachChunk`, for readers that must advance two files in step (a
/// merge-join of two runs' tables). One reused buffer of `FileSystem.readChunkSize` bytes,
/// so the memory is the same whatever the file's size; the file is closed on `deinit`.
/// Errors are those of `FileSystem.forEachChunk`.
public final class FileChunkReader {
    /// The file as named in messages.
    public let name: String
    private let descriptor: Int32
    private var buffer: [UInt8]
    private var offset = 0

    /// Opens `path`.
    /// - Throws: `.noInput` (66) when the file is missing, a directory, or cannot be opened.
    public init(path: String, displayName: String? = nil) throws(VFMError) {
        let name = displayName ?? path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw VFMError(.noInput, "file not found", file: name, hint: "check the path, or pass --input")
        }
        guard !isDirectory.boolValue else {
            throw VFMError(.noInput, "is a directory, not a file", file: name, hint: "check the path")
        }
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            throw VFMError(.noInput, "cannot read file (\(String(cString: strerror(errno))))", file: name,
                           hint: "check its permissions")
        }
        self.name = name
        self.descriptor = descriptor
        buffer = [UInt8](repeating: 0, count: FileSystem.readChunkSize)
    }

    deinit { close(descriptor) }

    /// Reads the next chunk and hands it to `body`; returns false (without calling `body`)
    /// at the end of the file.
    /// - Throws: `.ioError` (74) when the read fails.
    public func next(_ body: (UnsafeBufferPointer<UInt8>) -> Void) throws(VFMError) -> Bool {
        while true {
            let count = buffer.withUnsafeMutableBytes { raw in read(descriptor, raw.baseAddress, raw.count) }
            if count == 0 { return false }
            if count < 0 {
                if errno == EINTR { continue }
                throw VFMError(.ioError, "read failed after \(offset) bytes (\(String(cString: strerror(errno))))",
                               file: name, hint: "check the disk or the network share, then run again")
            }
            buffer.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[..<count])) }
            offset += count
            return true
        }
    }
}
