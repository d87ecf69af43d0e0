import Foundation

/// The workbook file, open for positioned reads (`pread(2)`): the ZIP reader jumps between
/// the central directory at the end and each part's data, and never reads past the file's
/// size as it was when opened.
///
/// Only a regular file is read: a FIFO or a device (`/dev/zero`) would never end.
final class ArchiveFile {
    private let descriptor: Int32
    /// The file's size in bytes when it was opened.
    let size: Int

    init(path: String) throws(WorkbookError) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else {
            throw WorkbookError(.notAWorkbook, "cannot open the file", cause: String(cString: strerror(errno)))
        }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            close(descriptor)
            throw WorkbookError(.notAWorkbook, "this is not a regular file, so it cannot be a workbook")
        }
        self.descriptor = descriptor
        self.size = Int(info.st_size)
    }

    deinit { close(descriptor) }

    /// Exactly `count` bytes at `offset`.
    /// - Throws: `.corruptArchive` when the file ends first or cannot be read.
    func read(at offset: Int, count: Int) throws(WorkbookError) -> [UInt8] {
        guard offset >= 0, count >= 0, offset <= size, count <= size - offset else {
            throw WorkbookError(.corruptArchive, "the workbook's ZIP archive is truncated (a record points past the end of the file)")
        }
        var bytes = [UInt8](repeating: 0, count: count)
        var done = 0
        while done < count {
            let got = bytes.withUnsafeMutableBytes { buffer in
                pread(descriptor, buffer.baseAddress! + done, count - done, off_t(offset + done))
            }
            if got < 0, errno == EINTR { continue }
            guard got > 0 else {
                throw WorkbookError(.corruptArchive, "the workbook's ZIP archive cannot be read to the end",
                                    cause: got < 0 ? String(cString: strerror(errno)) : "the file ended early")
            }
            done += got
        }
        return bytes
    }
}

/// Little-endian fields of ZIP records (APPNOTE.TXT §4.4), read from a byte array.
struct LittleEndianFields {
    let bytes: [UInt8]
    let base: Int

    init(_ bytes: [UInt8], at base: Int = 0) {
        self.bytes = bytes
        self.base = base
    }

    func u16(_ offset: Int) -> Int {
        Int(bytes[base + offset]) | Int(bytes[base + offset + 1]) << 8
    }

    func u32(_ offset: Int) -> Int {
        u16(offset) | u16(offset + 2) << 16
    }

    func u64(_ offset: Int) -> UInt64 {
        UInt64(u32(offset)) | UInt64(u32(offset + 4)) << 32
    }
}
