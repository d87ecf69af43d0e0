import Foundation

/// An inflated workbook part in an unnamed file of the temporary directory, read back by
/// the XML parser with positioned reads.
///
/// Why unnamed: a worksheet can inflate to a gigabyte, too much to hold in memory, so it
/// goes to disk; a named temporary file was left behind by every SIGTERM or SIGKILL during
/// a read (issue 31: 0.4–0.9 GB each in `$TMPDIR`). The file is made with `O_TMPFILE`, so
/// it never has a name; where the filesystem cannot do that, it is created and unlinked at
/// once. Either way the kernel frees it when the descriptor closes — on `deinit`, or when
/// the process dies however it dies.
final class ScratchPart {
    let descriptor: Int32

    /// Linux's `O_TMPFILE` (`__O_TMPFILE | O_DIRECTORY`; `__O_TMPFILE` is 020000000 on every
    /// architecture Swift runs on), which Glibc's module does not export as a constant.
    private static let temporaryFileFlag: Int32 = 0o20000000 | O_DIRECTORY

    init(part: String) throws(WorkbookError) {
        let directory = FileManager.default.temporaryDirectory.path
        var descriptor = open(directory, Self.temporaryFileFlag | O_RDWR | O_CLOEXEC, 0o600)
        if descriptor < 0 {
            let path = (directory as NSString).appendingPathComponent("vfm-part-\(getpid())-\(UUID().uuidString)")
            descriptor = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o600)
            if descriptor >= 0 { unlink(path) }
        }
        guard descriptor >= 0 else {
            throw WorkbookError(.scratchSpace, "cannot create a scratch file in the temporary directory `\(directory)` to read `\(part)`",
                                cause: String(cString: strerror(errno)))
        }
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }

    /// Appends `data`; returns 0, or the errno of a failed write (a full disk: ENOSPC).
    func append(_ data: Data) -> Int32 {
        data.withUnsafeBytes { raw -> Int32 in
            var done = 0
            while done < raw.count {
                let wrote = write(descriptor, raw.baseAddress! + done, raw.count - done)
                if wrote < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                done += wrote
            }
            return 0
        }
    }

    /// Reads up to `buffer.count` bytes at `offset` (`pread(2)`, so reading never moves the
    /// offset the writes use); returns how many (0 at the end), or −errno.
    func read(at offset: Int, into buffer: UnsafeMutableRawBufferPointer) -> Int {
        while true {
            let got = pread(descriptor, buffer.baseAddress, buffer.count, off_t(offset))
            if got >= 0 { return got }
            if errno != EINTR { return -Int(errno) }
        }
    }
}
