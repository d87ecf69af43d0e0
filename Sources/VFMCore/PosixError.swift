import Foundation

/// The one mapping of `errno` values to the exit statuses of SPEC §3: a full disk or a
/// failed device is an I/O error (74, the previous output stays); anything else about
/// creating output is "cannot create output" (73); a file that cannot be opened for
/// reading is "no input" (66), with the cases a person can act on said as they are
/// (`PosixError+Input.swift`).
public enum PosixError {
    public static func isOutOfSpace(_ code: Int32) -> Bool { code == ENOSPC || code == EDQUOT || code == EIO }

    public static func message(_ code: Int32) -> String { String(cString: strerror(code)) }

    /// An error for a failed system call on `path` made while writing the output.
    public static func output(_ code: Int32, _ what: String, path: String) -> VFMError {
        if isOutOfSpace(code) {
            return VFMError(.ioError, "\(what) failed: \(message(code))", file: path,
                            hint: "free some disk space and run again; the previous output is untouched",
                            cause: VFMError.Cause(errno: code, call: what))
        }
        return VFMError(.cannotCreateOutput, "\(what) failed: \(message(code))", file: path,
                        hint: "check that the output directory and its parent are writable",
                        cause: VFMError.Cause(errno: code, call: what))
    }

    /// The errno inside a Foundation error, if it carries one.
    public static func code(of error: any Error) -> Int32? {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return Int32(truncatingIfNeeded: underlying.code)
        }
        if nsError.domain == NSPOSIXErrorDomain { return Int32(truncatingIfNeeded: nsError.code) }
        if nsError.code == NSFileWriteOutOfSpaceError { return ENOSPC }
        return nil
    }

    /// The same for a Foundation error (e.g. from `FileManager.createDirectory`).
    public static func outputError(from error: any Error, creating path: String) -> VFMError {
        if let code = code(of: error) { return output(code, "creating the directory", path: path) }
        return VFMError(.cannotCreateOutput, "cannot create the directory (\(error.localizedDescription))", file: path,
                        hint: "check that the parent directory exists and is writable", cause: VFMError.Cause(describing: error))
    }
}
