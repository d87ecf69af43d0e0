import Foundation

extension FileSystem {
    /// Bytes read per call when hashing a file: the file is never held whole.
    static let hashChunkSize = 1 << 16

    /// Lower-case hex SHA-256 of the file at `path`, read in fixed-size chunks.
    /// - Throws: `.noInput` (66) when it is missing or unreadable, `.ioError` (74) when a
    ///   read fails part-way.
    public static func sha256(of path: String, displayName: String? = nil) throws(VFMError) -> String {
        let name = displayName ?? path
        guard FileManager.default.fileExists(atPath: path) else {
            throw VFMError(.noInput, "file not found", file: name, hint: "check the path, or pass --input")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw VFMError(.noInput, "cannot read file", file: name, hint: "check its permissions")
        }
        defer { try? handle.close() }
        var hasher = SHA256()
        while true {
            let chunk: Data?
            do {
                chunk = try handle.read(upToCount: hashChunkSize)
            } catch {
                throw VFMError(.ioError, "read failed (\(error.localizedDescription))", file: name,
                               hint: "check the disk and run again")
            }
            guard let chunk, !chunk.isEmpty else { break }
            hasher.update([UInt8](chunk))
        }
        return hasher.finalizeHex()
    }
}

extension FileSystem {
    /// True when something exists at `path`.
    public static func fileExists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }
}
