import Foundation

/// File reading and writing with errors mapped to the exit statuses of SPEC §3 (through
/// `PosixError`): missing/unreadable input → 66, cannot create output → 73, failed write
/// (disk full) → 74. Every write goes through `BufferedFileWriter`.
public enum FileSystem {
    /// The bytes of `path`; `displayName` is how the file is named in messages.
    public static func readBytes(_ path: String, displayName: String? = nil) throws(VFMError) -> [UInt8] {
        let name = displayName ?? path
        guard FileManager.default.fileExists(atPath: path) else {
            throw VFMError(.noInput, "file not found", file: name, hint: "check the path, or pass --input")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw VFMError(.noInput, "cannot read file", file: name, hint: "check its permissions")
        }
        return [UInt8](data)
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
