import Foundation

extension FileSystem {
    /// Lower-case hex SHA-256 of the file at `path`, read in chunks (`readChunks`): the file
    /// is never held whole.
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
        var before = stat()
        guard fstat(descriptor, &before) == 0 else { return }
        let sha256 = try sha256(descriptor: descriptor, name: path, observing: { _ in })
        WrittenFileHashes.record(descriptor: descriptor, sha256: sha256, unchangedSince: before)
    }

    private static func sha256(descriptor: Int32, name: String,
                               observing observe: (UnsafeRawBufferPointer) -> Void) throws(VFMError) -> String {
        var hasher = ContentHash()
        try readChunks(of: descriptor, name: name) { chunk, _ in
            let read = UnsafeRawBufferPointer(chunk)
            hasher.update(read)
            observe(read)
        }
        return hasher.finalizeHex()
    }

    /// True when something exists at `path`.
    public static func fileExists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }
}
