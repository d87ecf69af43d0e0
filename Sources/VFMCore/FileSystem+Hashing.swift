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
