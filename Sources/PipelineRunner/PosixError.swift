import Foundation
import VFMCore

/// Turns `errno` values into the exit statuses of SPEC §3: a full disk or failed device is
/// an I/O error (74, the previous output stays), anything else about creating output is
/// "cannot create output" (73).
enum PosixError {
    static func isOutOfSpace(_ code: Int32) -> Bool { code == ENOSPC || code == EDQUOT || code == EIO }

    static func message(_ code: Int32) -> String { String(cString: strerror(code)) }

    /// An error for a failed system call on `path` made while writing the output.
    static func output(_ code: Int32, _ what: String, path: String) -> VFMError {
        if isOutOfSpace(code) {
            return VFMError(.ioError, "\(what) failed: \(message(code))", file: path,
                            hint: "free some disk space and run again; the previous output is untouched")
        }
        return VFMError(.cannotCreateOutput, "\(what) failed: \(message(code))", file: path,
                        hint: "check that the output directory and its parent are writable")
    }

    /// The same for a Foundation error (e.g. from `FileManager.createDirectory`).
    static func outputError(from error: any Error, creating path: String) -> VFMError {
        let nsError = error as NSError
        let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError
        let code = Int32(truncatingIfNeeded: underlying?.code ?? nsError.code)
        if underlying?.domain == NSPOSIXErrorDomain || nsError.domain == NSPOSIXErrorDomain {
            return output(code, "creating the directory", path: path)
        }
        if nsError.code == NSFileWriteOutOfSpaceError { return output(ENOSPC, "creating the directory", path: path) }
        return VFMError(.cannotCreateOutput, "cannot create the directory (\(error.localizedDescription))", file: path,
                        hint: "check that the parent directory exists and is writable")
    }
}
