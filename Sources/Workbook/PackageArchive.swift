import Foundation
import ZIPFoundation

/// The ZIP package of a workbook (ECMA-376 Part 2, Open Packaging Conventions), read with
/// ZIPFoundation. Every part is inflated through a size guard (`WorkbookLimits`): the
/// declared size is checked before inflating, and the inflated bytes are counted while
/// inflating, so that neither a lying header nor a ZIP bomb can exhaust memory or disk.
final class PackageArchive {
    private let archive: Archive
    let limits: WorkbookLimits

    init(path: String, limits: WorkbookLimits) throws(WorkbookError) {
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            throw WorkbookError(.corruptArchive, "the workbook's ZIP archive is truncated or damaged (no readable central directory)",
                                cause: String(describing: error))
        }
        self.limits = limits
    }

    func has(_ part: String) -> Bool { archive[part] != nil }

    /// A small part in memory (workbook, relationships, styles, shared strings).
    func data(of part: String, limit: Int) throws(WorkbookError) -> Data? {
        guard let entry = archive[part] else { return nil }
        var data = Data()
        try inflate(entry, part: part, limit: limit) { data.append($0) }
        return data
    }

    /// A worksheet or the shared strings, streamed to a temporary file that the caller must
    /// remove (`limit` defaults to the worksheet limit).
    func temporaryFile(of part: String, limit: Int? = nil) throws(WorkbookError) -> URL? {
        guard let entry = archive[part] else { return nil }
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("vfm-sheet-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString).xml")
        guard FileManager.default.createFile(atPath: url.path, contents: nil),
              let handle = FileHandle(forWritingAtPath: url.path) else {
            throw WorkbookError(.malformedPart, "cannot create a temporary file to read the worksheet `\(part)`; check that the temporary directory is writable",
                                cause: url.path)
        }
        var writeError: (any Error)?
        do {
            defer { try? handle.close() }
            try inflate(entry, part: part, limit: limit ?? limits.sheetBytes) { chunk in
                do { try handle.write(contentsOf: chunk) } catch { writeError = error }
            }
        } catch {
            try? FileManager.default.removeItem(at: url)
            throw error
        }
        if let writeError {
            try? FileManager.default.removeItem(at: url)
            throw WorkbookError(.malformedPart, "cannot write the worksheet `\(part)` to a temporary file (is the disk full?)",
                                cause: String(describing: writeError))
        }
        return url
    }

    private struct Oversize: Error {}

    private func inflate(_ entry: Entry, part: String, limit: Int, _ consume: (Data) -> Void) throws(WorkbookError) {
        let tooLarge = WorkbookError(.partTooLarge, "the part `\(part)` expands beyond \(limit) bytes, the limit for a workbook part "
            + "(a damaged workbook or a ZIP bomb); it was not inflated")
        if entry.uncompressedSize > UInt64(limit) { throw tooLarge }
        var inflated = 0
        do {
            _ = try archive.extract(entry, bufferSize: 64 * 1024, skipCRC32: false) { chunk in
                inflated += chunk.count
                if inflated > limit { throw Oversize() }
                consume(chunk)
            }
        } catch is Oversize {
            throw tooLarge
        } catch {
            throw WorkbookError(.corruptArchive, "the part `\(part)` of the workbook's ZIP archive is damaged or truncated",
                                cause: String(describing: error))
        }
    }
}
