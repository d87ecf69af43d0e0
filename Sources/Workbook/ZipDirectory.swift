/// The central directory of a ZIP archive (PKWARE APPNOTE.TXT 6.3, §4.3.12–§4.3.16, with
/// the ZIP64 records of §4.3.14–§4.3.15 and §4.5.3): which parts the workbook package
/// holds, how each is stored, and where its data starts.
///
/// Why our own reader and not a ZIP library's extraction: the one we used spun for ever on
/// a deflate stream that ends early (`../shared/regressions/truncated-deflate-hang.xlsx`,
/// issue 31). Reading the directory is a few fixed-layout records; the inflating is zlib's
/// (`RawInflater`), driven here so that a stream that ends early, or stops advancing, is a
/// damaged workbook at once.
struct ZipDirectory {
    struct Entry {
        var name: String
        /// 0 = stored, 8 = deflated (§4.4.5); anything else is refused when read.
        var method: Int
        var flags: Int
        var crc32: UInt32
        var compressedSize: UInt64
        var uncompressedSize: UInt64
        var localHeaderOffset: UInt64
    }

    /// The first entry of each name, as the archive lists them.
    private(set) var entries: [String: Entry] = [:]

    /// More entries than any workbook has (a sheet per part, a few dozen parts), far fewer
    /// than would make the directory itself a memory problem.
    static let maximumEntries = 100_000

    init(file: ArchiveFile) throws(WorkbookError) {
        let (end, endOffset) = try Self.endRecord(in: file)
        var count = end.u16(10)
        var directorySize = UInt64(end.u32(12))
        var directoryOffset = UInt64(end.u32(16))
        if count == 0xFFFF || directorySize == 0xFFFF_FFFF || directoryOffset == 0xFFFF_FFFF {
            let zip64 = try Self.zip64EndRecord(in: file, endOffset: endOffset)
            count = Int(clamping: zip64.u64(32))
            directorySize = zip64.u64(40)
            directoryOffset = zip64.u64(48)
        }
        guard count <= Self.maximumEntries else {
            throw WorkbookError(.corruptArchive, "the workbook's ZIP archive lists \(count) parts, more than the \(Self.maximumEntries) a workbook could have")
        }
        guard directoryOffset <= UInt64(file.size), directorySize <= UInt64(file.size) - directoryOffset else {
            throw WorkbookError(.corruptArchive, "the workbook's ZIP archive is truncated or damaged (its central directory lies past the end of the file)")
        }
        let directory = try file.read(at: Int(directoryOffset), count: Int(directorySize))
        var position = 0
        for _ in 0 ..< count {
            guard position + 46 <= directory.count else { throw Self.damagedDirectory }
            let record = LittleEndianFields(directory, at: position)
            guard record.u32(0) == 0x0201_4B50 else { throw Self.damagedDirectory }
            let nameLength = record.u16(28), extraLength = record.u16(30), commentLength = record.u16(32)
            let next = position + 46 + nameLength + extraLength + commentLength
            guard next <= directory.count else { throw Self.damagedDirectory }
            var entry = Entry(
                name: String(decoding: directory[position + 46 ..< position + 46 + nameLength], as: UTF8.self),
                method: record.u16(10), flags: record.u16(8), crc32: UInt32(record.u32(16)),
                compressedSize: UInt64(record.u32(20)), uncompressedSize: UInt64(record.u32(24)),
                localHeaderOffset: UInt64(record.u32(42)))
            Self.applyZip64(&entry, extra: Array(directory[position + 46 + nameLength ..< position + 46 + nameLength + extraLength]))
            if entries[entry.name] == nil { entries[entry.name] = entry }
            position = next
        }
    }

    private static var damagedDirectory: WorkbookError {
        WorkbookError(.corruptArchive, "the workbook's ZIP archive is truncated or damaged (its central directory cannot be read)")
    }

    /// The end-of-central-directory record (§4.3.16): 22 bytes plus a comment of at most
    /// 65,535, so it starts in the file's last 65,557 bytes. Searched from the end.
    private static func endRecord(in file: ArchiveFile) throws(WorkbookError) -> (LittleEndianFields, offset: Int) {
        let tail = min(file.size, 22 + 0xFFFF)
        let bytes = try file.read(at: file.size - tail, count: tail)
        var index = bytes.count - 22
        while index >= 0 {
            if bytes[index] == 0x50, bytes[index + 1] == 0x4B, bytes[index + 2] == 0x05, bytes[index + 3] == 0x06 {
                return (LittleEndianFields(Array(bytes[index ..< index + 22])), file.size - tail + index)
            }
            index -= 1
        }
        throw WorkbookError(.corruptArchive, "the workbook's ZIP archive is truncated or damaged (no readable central directory)")
    }

    /// The ZIP64 end record, found through its locator just before the end record.
    private static func zip64EndRecord(in file: ArchiveFile, endOffset: Int) throws(WorkbookError) -> LittleEndianFields {
        guard endOffset >= 20 else { throw damagedDirectory }
        let locator = LittleEndianFields(try file.read(at: endOffset - 20, count: 20))
        guard locator.u32(0) == 0x0706_4B50 else { throw damagedDirectory }
        let offset = locator.u64(8)
        guard offset <= UInt64(file.size) else { throw damagedDirectory }
        let record = LittleEndianFields(try file.read(at: Int(offset), count: 56))
        guard record.u32(0) == 0x0606_4B50 else { throw damagedDirectory }
        return record
    }

    /// The ZIP64 extended information field (header id 1, §4.5.3): the 64-bit values of
    /// the sizes and offset whose 32-bit fields are 0xFFFFFFFF, in that order.
    private static func applyZip64(_ entry: inout Entry, extra: [UInt8]) {
        var position = 0
        while position + 4 <= extra.count {
            let header = LittleEndianFields(extra, at: position)
            let id = header.u16(0), size = header.u16(2)
            guard position + 4 + size <= extra.count else { return }
            if id == 1 {
                var field = position + 4
                func next() -> UInt64? {
                    guard field + 8 <= position + 4 + size else { return nil }
                    defer { field += 8 }
                    return LittleEndianFields(extra, at: field).u64(0)
                }
                if entry.uncompressedSize == 0xFFFF_FFFF { entry.uncompressedSize = next() ?? entry.uncompressedSize }
                if entry.compressedSize == 0xFFFF_FFFF { entry.compressedSize = next() ?? entry.compressedSize }
                if entry.localHeaderOffset == 0xFFFF_FFFF { entry.localHeaderOffset = next() ?? entry.localHeaderOffset }
                return
            }
            position += 4 + size
        }
    }

    /// Where `entry`'s data starts: after its local header (§4.3.7), whose name and extra
    /// field lengths may differ from the central directory's.
    static func dataOffset(of entry: Entry, in file: ArchiveFile) throws(WorkbookError) -> Int {
        guard entry.localHeaderOffset <= UInt64(file.size) else { throw damagedDirectory }
        let header = LittleEndianFields(try file.read(at: Int(entry.localHeaderOffset), count: 30))
        guard header.u32(0) == 0x0403_4B50 else {
            throw WorkbookError(.corruptArchive, "the part `\(entry.name)` of the workbook's ZIP archive is damaged (no local header where the directory says)")
        }
        return Int(entry.localHeaderOffset) + 30 + header.u16(26) + header.u16(28)
    }
}
