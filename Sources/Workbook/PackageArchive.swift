import Foundation


/// The ZIP package of a workbook (ECMA-376 Part 2, Open Packaging Conventions), read with
/// our own directory reader (`ZipDirectory`) and zlib (`RawInflater`). Every part is
/// inflated through a size guard (`WorkbookLimits`): the declared size is checked before
/// inflating, and the inflated bytes are counted while inflating, so that neither a lying
/// header nor a ZIP bomb can exhaust memory or disk; a deflate stream that ends early, or a
/// part whose size or CRC-32 is not what the directory says, is a damaged workbook.
final class PackageArchive {
    private let file: ArchiveFile
    private let directory: ZipDirectory
    let limits: WorkbookLimits

    init(file: ArchiveFile, limits: WorkbookLimits) throws(WorkbookError) {
        self.file = file
        self.directory = try ZipDirectory(file: file)
        self.limits = limits
    }

    func has(_ part: String) -> Bool { directory.entries[part] != nil }

    /// A small part in memory (workbook, relationships, styles, shared strings).
    func data(of part: String, limit: Int) throws(WorkbookError) -> Data? {
        guard let entry = directory.entries[part] else { return nil }
        var data = Data()
        try inflate(entry, part: part, limit: limit) { data.append($0) }
        return data
    }

    /// A worksheet or the shared strings, inflated into an unnamed scratch file
    /// (`ScratchPart`) that the XML parser streams from (`limit` defaults to the worksheet
    /// limit). The file has no name, so nothing is left behind however the run ends.
    func scratchFile(of part: String, limit: Int? = nil) throws(WorkbookError) -> ScratchPart? {
        var nothing = StreamSearch("")
        return try scratchFile(of: part, limit: limit, search: &nothing)
    }

    /// The same, showing `search` every byte on the way.
    func scratchFile(of part: String, limit: Int? = nil, search: inout StreamSearch) throws(WorkbookError) -> ScratchPart? {
        guard let entry = directory.entries[part] else { return nil }
        let scratch = try ScratchPart(part: part)
        var writeError: Int32 = 0
        try inflate(entry, part: part, limit: limit ?? limits.sheetBytes) { chunk in
            if writeError == 0 { writeError = scratch.append(chunk) }
            chunk.withUnsafeBytes { search.scan($0) }
        }
        guard writeError == 0 else {
            throw WorkbookError(.scratchSpace, "cannot write the worksheet `\(part)` to a scratch file in the temporary directory",
                                cause: String(cString: strerror(writeError)))
        }
        return scratch
    }

    /// Why a part was abandoned while its bytes were being taken.
    private enum PartFault: Error {
        case oversize
        case doctype
    }

    /// Reads the compressed data in pieces of this size: a deflate piece expands at most
    /// about 1,032 times, so one piece's output stays a few MB before the guard sees it.
    private static let inputPiece = 16 * 1024

    private func inflate(_ entry: ZipDirectory.Entry, part: String, limit: Int, _ consume: (Data) -> Void) throws(WorkbookError) {
        let tooLarge = WorkbookError(.partTooLarge, "the part `\(part)` expands beyond \(limit) bytes, the limit for a workbook part "
            + "(a damaged workbook or a ZIP bomb); it was not inflated")
        let damaged = { (cause: String) in
            WorkbookError(.corruptArchive, "the part `\(part)` of the workbook's ZIP archive is damaged or truncated", cause: cause)
        }
        let doctype = WorkbookError.documentType(part: part)
        if entry.uncompressedSize > UInt64(limit) { throw tooLarge }
        if entry.flags & 1 != 0 {
            throw WorkbookError(.encrypted, "the part `\(part)` of the workbook is encrypted, so its cells cannot be read")
        }
        let start = try ZipDirectory.dataOffset(of: entry, in: file)
        guard entry.compressedSize <= UInt64(file.size), start <= file.size - Int(entry.compressedSize) else {
            throw damaged("its data runs past the end of the file")
        }
        var inflated = 0
        var checksum = PartChecksum()
        var prolog = XMLProlog()
        func take(_ chunk: [UInt8]) throws(PartFault) {
            inflated += chunk.count
            if inflated > limit { throw .oversize }
            checksum.update(chunk)
            prolog.take(chunk)
            if prolog.verdict == .doctype { throw .doctype }
            consume(Data(chunk))
        }
        var offset = start
        let end = start + Int(entry.compressedSize)
        switch entry.method {
        case 0:
            while offset < end {
                let chunk = try file.read(at: offset, count: min(Self.inputPiece * 4, end - offset))
                offset += chunk.count
                do { try take(chunk) } catch { throw error == .oversize ? tooLarge : doctype }
            }
        case 8:
            let inflater: RawInflater
            do { inflater = try RawInflater() } catch { throw damaged("zlib could not start (out of memory?)") }
            while offset < end, !inflater.ended {
                let chunk = try file.read(at: offset, count: min(Self.inputPiece, end - offset))
                offset += chunk.count
                do {
                    try inflater.inflate(chunk, take)
                } catch {
                    switch error {
                    case .consumer(.oversize): throw tooLarge
                    case .consumer(.doctype): throw doctype
                    case .inflate(.noMemory): throw damaged("zlib ran out of memory")
                    case .inflate: throw damaged("its deflate stream is invalid")
                    }
                }
            }
            do { try inflater.finish() } catch { throw damaged("its deflate stream ends before the part does") }
        default:
            throw damaged("it is stored with compression method \(entry.method), which workbooks do not use")
        }
        guard UInt64(inflated) == entry.uncompressedSize else {
            throw damaged("it inflates to \(inflated) bytes where the archive says \(entry.uncompressedSize)")
        }
        guard checksum.value == entry.crc32 else { throw damaged("its CRC-32 does not match") }
    }
}
