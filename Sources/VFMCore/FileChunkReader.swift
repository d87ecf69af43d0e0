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

    /// Opens `path` as the other readers of run files do (`FileSystem.openRegularFile`): a
    /// FIFO, a device such as `/dev/zero` or a socket is refused at once (issue 31: a run's
    /// `clean/services.csv` replaced by `/dev/zero` hung `vfm-diff` for ever).
    /// - Throws: `.noInput` (66) when the file is missing, not a regular file, or cannot be
    ///   opened.
    public init(path: String, displayName: String? = nil) throws(VFMError) {
        let name = displayName ?? path
        self.name = name
        self.descriptor = try FileSystem.openRegularFile(FilePathBytes(bytes: Array(path.utf8)), name: name).descriptor
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
                throw VFMError(.ioError, "read failed after \(offset) bytes (\(PosixError.message(errno)))",
                               file: name, hint: "check the disk or the network share, then run again")
            }
            buffer.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[..<count])) }
            offset += count
            return true
        }
    }
}
