import Foundation

extension FileSystem {
    /// Bytes read per call when hashing a file: the file is never held whole.
    static let hashChunkSize = 1 << 16

    /// Lower-case hex SHA-256 of the file at `path`, read in fixed-size chunks.
    /// - Throws: `.noInput` (66) when it is missing or unreadable, `.ioError` (74) when a
    ///   read fails part-way (errno mapped by `PosixError`).
    public static func sha256(of path: String, displayName: String? = nil) throws(VFMError) -> String {
        try sha256(of: path, displayName: displayName, observing: { _ in })
    }

    /// As `sha256(of:displayName:)`, handing every chunk read to `observe` as well, so a
    /// caller that needs something else from the bytes (a record count) reads them once.
    public static func sha256(of path: String, displayName: String? = nil,
                              observing observe: (UnsafeRawBufferPointer) -> Void) throws(VFMError) -> String {
        let name = displayName ?? path
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw PosixError.opening(errno, file: name) }
        defer { _ = close(descriptor) }
        return try sha256(descriptor: descriptor, name: name, observing: observe)
    }

    /// Hashes the file at `path` as `sha256(of:)` does and, when it did not change while it
    /// was read (its size, modification and status-change times the same before and after),
    /// records the hash in `WrittenFileHashes` as its writer would have: a manifest made
    /// later in this process then looks it up instead of reading the file again. For a stage
    /// run by hand, which hashes the earlier stages' files ahead, on a core its reading
    /// leaves free, instead of after its own work (issue 25).
    public static func recordSHA256(ofFileAt path: String) throws(VFMError) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw PosixError.opening(errno, file: path) }
        defer { _ = close(descriptor) }
        var before = stat(), after = stat()
        guard fstat(descriptor, &before) == 0 else { return }
        let sha256 = try sha256(descriptor: descriptor, name: path, observing: { _ in })
        guard fstat(descriptor, &after) == 0, before.st_size == after.st_size,
              before.st_mtim.tv_sec == after.st_mtim.tv_sec, before.st_mtim.tv_nsec == after.st_mtim.tv_nsec,
              before.st_ctim.tv_sec == after.st_ctim.tv_sec, before.st_ctim.tv_nsec == after.st_ctim.tv_nsec
        else { return }
        WrittenFileHashes.record(descriptor: descriptor, sha256: sha256)
    }

    private static func sha256(descriptor: Int32, name: String,
                               observing observe: (UnsafeRawBufferPointer) -> Void) throws(VFMError) -> String {
        var hasher = ContentHash()
        var chunk = [UInt8](repeating: 0, count: hashChunkSize)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw PosixError.reading(errno, file: name)
            }
            if count == 0 { break }
            chunk.withUnsafeBytes {
                let read = UnsafeRawBufferPointer(rebasing: $0[0..<count])
                hasher.update(read)
                observe(read)
            }
        }
        return hasher.finalizeHex()
    }

    /// True when something exists at `path`.
    public static func fileExists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }
}
