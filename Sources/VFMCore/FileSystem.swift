import Foundation

/// File reading and writing with errors mapped to the exit statuses of SPEC §3 (through
/// `PosixError`): missing/unreadable input → 66, cannot create output → 73, failed write
/// (disk full) → 74. Every write goes through `BufferedFileWriter`.
public enum FileSystem {
    /// The bytes of `path`; `displayName` is how the file is named in messages.
    public static func readBytes(_ path: String, displayName: String? = nil) throws(VFMError) -> [UInt8] {
        try readBytes(FilePathBytes(bytes: Array(path.utf8)), displayName: displayName ?? path)
    }

    /// The bytes of the file at `path` (raw bytes: the name need not be UTF-8).
    ///
    /// Opened with `O_NONBLOCK` and checked with `fstat` on the open descriptor, so a FIFO,
    /// a device or a socket given as a return is refused at once ("not a regular file")
    /// instead of blocking the run for ever, and no rename between the check and the read
    /// can slip one in. Each failure says what happened (`InputFailure`): not found,
    /// permission denied, a symbolic-link loop, too many open files, out of memory.
    public static func readBytes(_ path: FilePathBytes, displayName: String? = nil) throws(VFMError) -> [UInt8] {
        let name = displayName ?? path.display
        let (descriptor, size) = try openRegularFile(path, name: name)
        defer { close(descriptor) }
        return try readToEnd(descriptor, sizeHint: size, file: name)
    }

    /// Opens `path` for reading as a regular file and returns the descriptor (blocking) and
    /// the file's size. Opened with `O_NONBLOCK` and checked with `fstat` on the open
    /// descriptor, so a FIFO, a device or a socket is refused at once instead of blocking
    /// the run, and no rename between the check and the read can slip one in.
    static func openRegularFile(_ path: FilePathBytes, name: String) throws(VFMError) -> (descriptor: Int32, size: Int) {
        let descriptor = path.withCString { open($0, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY) }
        guard descriptor >= 0 else { throw InputFailure.opening(errno, file: name) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            let code = errno
            close(descriptor)
            throw InputFailure.reading(code, file: name)
        }
        guard info.st_mode & S_IFMT == S_IFREG else {
            close(descriptor)
            throw InputFailure.notRegular(info.st_mode, file: name)
        }
        let flags = fcntl(descriptor, F_GETFL)
        if flags >= 0 { _ = fcntl(descriptor, F_SETFL, flags & ~O_NONBLOCK) }
        return (descriptor, Int(max(info.st_size, 0)))
    }

    /// Reads `descriptor` to its end into one array: sized from `fstat` (plus one byte, to
    /// see the end at once), doubled only if the file grew. Bytes are read straight into
    /// the array's storage, never zero-filled first (a debug build took 0.1 s a file to
    /// append a 1 MiB chunk of zeros element by element).
    private static func readToEnd(_ descriptor: Int32, sizeHint: Int, file name: String) throws(VFMError) -> [UInt8] {
        var capacity = sizeHint + 1
        var bytes: [UInt8] = []
        var failure: Int32 = 0
        while true {
            let filled = bytes.count
            let previous = bytes
            bytes = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
                guard let base = buffer.baseAddress else { count = 0; return }
                previous.withUnsafeBufferPointer { old in
                    if let oldBase = old.baseAddress { base.update(from: oldBase, count: filled) }
                }
                count = filled
                while count < capacity {
                    let got = read(descriptor, base + count, capacity - count)
                    if got < 0 {
                        if errno == EINTR { continue }
                        failure = errno
                        return
                    }
                    if got == 0 { return }
                    count += got
                }
            }
            if failure != 0 { throw InputFailure.reading(failure, file: name) }
            if bytes.count < capacity { return bytes }
            capacity *= 2
        }
    }

    /// Writes `bytes` to `path`, creating parent directories; returns the SHA-256.
    @discardableResult
    public static func write(_ bytes: [UInt8], to path: String) throws(VFMError) -> String {
        let writer = try BufferedFileWriter(path: path)
        try writer.write(bytes)
        return try writer.close()
    }

    /// Writes UTF-8 text to `path`; returns the SHA-256.
    @discardableResult
    public static func write(_ text: String, to path: String) throws(VFMError) -> String {
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
