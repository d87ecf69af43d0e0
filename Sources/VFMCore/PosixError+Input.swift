import Foundation

/// What went wrong opening or reading an input (a return, a pipeline file, a run file),
/// said as it happened. "Check its permissions" is only the hint when permissions are the cause.
extension PosixError {
    /// `open(2)` failed with `code`.
    public static func opening(_ code: Int32, file: String) -> VFMError {
        let cause = VFMError.Cause(errno: code, call: "opening")
        switch code {
        case ENOENT, ENOTDIR:
            return VFMError(.noInput, "file not found", file: file, hint: "check the path, or pass --input", cause: cause)
        case EACCES, EPERM:
            return VFMError(.noInput, "permission denied", file: file,
                            hint: "check its permissions (the user running vfm must be able to read it)", cause: cause)
        case ELOOP:
            return VFMError(.noInput, "is a symbolic link that loops (too many levels of symbolic links)", file: file,
                            hint: "point the link at the real file, or remove it", cause: cause)
        default:
            return reading(code, file: file, call: "opening")
        }
    }

    /// A failed `read(2)`/`fstat(2)` (or an `open` error that is not about the path).
    public static func reading(_ code: Int32, file: String, call: String = "reading") -> VFMError {
        let cause = VFMError.Cause(errno: code, call: call)
        switch code {
        case EMFILE, ENFILE:
            return VFMError(.osError, "cannot open: too many open files (\(message(code)))", file: file,
                            hint: "raise the limit on open files (ulimit -n) for the job running vfm and run again", cause: cause)
        case ENOMEM:
            return VFMError(.osError, "out of memory while reading", file: file,
                            hint: "give the job more memory (ulimit -v, systemd MemoryMax, container limit) and run again", cause: cause)
        case EISDIR:
            return VFMError(.noInput, "is a directory, not a file", file: file,
                            hint: "pass the directory itself to --input to read every *.csv inside it", cause: cause)
        case EIO:
            return VFMError(.ioError, "I/O error while reading (\(message(code)))", file: file,
                            hint: "the disk or network filesystem failed; check it and run again", cause: cause)
        default:
            return VFMError(.noInput, "cannot read: \(message(code))", file: file,
                            hint: "check that the file exists and can be read", cause: cause)
        }
    }

    /// The path is a FIFO, a device, a socket or a directory: never opened for reading
    /// (a FIFO would block the run until some writer comes).
    public static func notRegular(_ mode: mode_t, file: String) -> VFMError {
        if mode & S_IFMT == S_IFDIR { return reading(EISDIR, file: file) }
        return VFMError(.noInput, "is not a regular file (\(kindName(mode)))", file: file,
                        hint: "give vfm the return as an ordinary file (copy it out of the pipe or device first)")
    }

    /// "a FIFO", "a character device"…, for messages.
    public static func kindName(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFIFO: return "a FIFO, a named pipe"
        case S_IFCHR: return "a character device"
        case S_IFBLK: return "a block device"
        case S_IFSOCK: return "a socket"
        case S_IFDIR: return "a directory"
        case S_IFLNK: return "a symbolic link"
        default: return "not a file"
        }
    }
}
