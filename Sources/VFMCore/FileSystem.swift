import Foundation

/// File reading and writing with errors mapped to the exit statuses of SPEC §3:
/// missing/unreadable input → 66, cannot create output → 73, failed write (disk full) → 74.
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

    /// Writes `bytes` to `path`, creating parent directories.
    public static func write(_ bytes: [UInt8], to path: String) throws(VFMError) {
        let url = URL(fileURLWithPath: path)
        try createDirectory(url.deletingLastPathComponent().path)
        do {
            try Data(bytes).write(to: url)
        } catch {
            let posix = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError
            let code = posix?.code ?? (error as NSError).code
            if code == Int(ENOSPC) || code == Int(EDQUOT) || code == Int(EIO) || code == NSFileWriteOutOfSpaceError {
                throw VFMError(.ioError, "write failed (\(error.localizedDescription))", file: path,
                               hint: "free some disk space and run again; the previous output is untouched")
            }
            throw VFMError(.cannotCreateOutput, "cannot write (\(error.localizedDescription))", file: path,
                           hint: "check that the output directory is writable")
        }
    }

    /// Writes UTF-8 text to `path`.
    public static func write(_ text: String, to path: String) throws(VFMError) {
        try write(Array(text.utf8), to: path)
    }

    public static func createDirectory(_ path: String) throws(VFMError) {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            let posix = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError
            let code = posix?.code ?? (error as NSError).code
            if code == Int(ENOSPC) || code == Int(EDQUOT) || code == NSFileWriteOutOfSpaceError {
                throw VFMError(.ioError, "cannot create directory (\(error.localizedDescription))", file: path,
                               hint: "free some disk space and run again; the previous output is untouched")
            }
            throw VFMError(.cannotCreateOutput, "cannot create directory (\(error.localizedDescription))",
                           file: path, hint: "check that the parent directory exists and is writable")
        }
    }
}
