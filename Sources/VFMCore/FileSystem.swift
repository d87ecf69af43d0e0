import Foundation

/// File reading and writing with errors mapped to the exit statuses of SPEC §3 (through
/// `PosixError`): missing/unreadable input → 66, cannot create output → 73, failed write
/// (disk full) → 74. Every write goes through `BufferedFileWriter`.
public enum FileSystem {
    /// The bytes of `path`; `displayName` is how the file is named in messages.
    public static func readBytes(_ path: String, displayName: String? = nil) throws(VFMError) -> [UInt8] {
        try readBytes(FilePathBytes(bytes: Array(path.utf8)), displayName: displayName ?? path)
    }

    /// The bytes of the file at `path` (raw bytes: the name need not be UTF-8), opened by
    /// `openRegularFile` (a FIFO or device is refused at once) and read by `readChunks`.
    /// Each failure says what happened (`PosixError.opening`): not found, permission denied, a
    /// symbolic-link loop, too many open files, out of memory.
    ///
    /// The size the file had when opened is read straight into the result (no chunk buffer
    /// copied from), a large file in two halves on two cores: `vfm-analyze` run by hand
    /// spent 25 ms of 0.65 s at 10⁵ services reading `clean/services.csv` on one core,
    /// most of it faulting in the result's pages (issue 25). Whatever the file gained since
    /// it was opened is read after, as before; a file that shrank gives what it still has.
    public static func readBytes(_ path: FilePathBytes, displayName: String? = nil) throws(VFMError) -> [UInt8] {
        let name = displayName ?? path.display
        let (descriptor, size) = try openRegularFile(path, name: name)
        defer { close(descriptor) }
        var failure: Int32 = 0
        var bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
            let halves = size >= twoCoreReadBytes ? [0, size / 2, size] : [0, size]
            let read = Parallel.map(halves.count - 1) { half -> (count: Int, error: Int32) in
                readFully(descriptor, into: buffer, from: halves[half], to: halves[half + 1])
            }
            // The result is what was read from the start without a gap.
            for (half, result) in read.enumerated() {
                initialized += result.count
                if result.error != 0 { failure = result.error; break }
                if halves[half] + result.count < halves[half + 1] { break }
            }
        }
        if failure != 0 { throw PosixError.reading(failure, file: name) }
        if bytes.count == size, lseek(descriptor, off_t(size), SEEK_SET) >= 0 {
            try readChunks(of: descriptor, name: name) { chunk, _ in bytes.append(contentsOf: chunk) }
        }
        return bytes
    }

    /// Files at least this large are read on two cores (`readBytes`).
    static let twoCoreReadBytes = 8 << 20

    /// `pread`s `descriptor`'s bytes `start..<end` into the same places of `buffer`: how
    /// many it read (fewer at the end of a file that shrank) and the `errno` that stopped
    /// it, or 0.
    private static func readFully(_ descriptor: Int32, into buffer: UnsafeMutableBufferPointer<UInt8>,
                                  from start: Int, to end: Int) -> (count: Int, error: Int32) {
        var offset = start
        while offset < end {
            let count = pread(descriptor, buffer.baseAddress! + offset, end - offset, off_t(offset))
            if count < 0 {
                if errno == EINTR { continue }
                return (offset - start, errno)
            }
            if count == 0 { break }
            offset += count
        }
        return (offset - start, 0)
    }

    /// Opens `path` for reading as a regular file and returns the descriptor (blocking) and
    /// the file's size. Opened with `O_NONBLOCK` and checked with `fstat` on the open
    /// descriptor, so a FIFO, a device or a socket is refused at once instead of blocking
    /// the run, and no rename between the check and the read can slip one in.
    static func openRegularFile(_ path: FilePathBytes, name: String) throws(VFMError) -> (descriptor: Int32, size: Int) {
        let descriptor = path.withCString { open($0, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY) }
        guard descriptor >= 0 else { throw PosixError.opening(errno, file: name) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            let code = errno
            close(descriptor)
            throw PosixError.reading(code, file: name)
        }
        guard info.st_mode & S_IFMT == S_IFREG else {
            close(descriptor)
            throw PosixError.notRegular(info.st_mode, file: name)
        }
        let flags = fcntl(descriptor, F_GETFL)
        if flags >= 0 { _ = fcntl(descriptor, F_SETFL, flags & ~O_NONBLOCK) }
        return (descriptor, Int(max(info.st_size, 0)))
    }

    /// Writes `bytes` to `path`, creating parent directories; returns the SHA-256 (`nil`
    /// when this process does not hash, `WrittenFileHashes.isRecording`).
    @discardableResult
    public static func write(_ bytes: [UInt8], to path: String) throws(VFMError) -> String? {
        let writer = try BufferedFileWriter(path: path)
        try writer.write(bytes)
        return try writer.close()
    }

    /// Writes UTF-8 text to `path`; returns the SHA-256 (or `nil`, as above).
    @discardableResult
    public static func write(_ text: String, to path: String) throws(VFMError) -> String? {
        let writer = try BufferedFileWriter(path: path)
        try writer.write(text)
        return try writer.close()
    }

    public static func createDirectory(_ path: String) throws(VFMError) {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw PosixError.outputError(from: error, creating: path)
        }
    }
}
