import Foundation
import Tabular
import VFMCore
import Workbook

/// Everything read from one input file.
struct FileIngest {
    var summary: InputFileSummary
    /// Accepted rows with their extra cells aligned to `extraColumns`.
    var accepted: AcceptedRows
    var rejected: [RejectedRow]
    var extraColumns: [ExtraColumn]
    var warnings: [String]

    /// Reads one file, told apart by its first bytes, not its name: a ZIP or OLE2 file is a
    /// workbook (`WorkbookIngest`), anything else is CSV text, read in two streaming passes
    /// over its bytes, never held whole (issue 12): the first decides the encoding (SPEC §4:
    /// UTF-8 ± BOM, else Windows-1252) and hashes the bytes, the second splits records
    /// (`CSVByteParser`), finds the header and types every row straight from the cells' bytes.
    /// - Parameter sheet: the worksheet to read in a workbook (`--sheet`); ignored for CSV.
    /// - Throws: `.dataError` for a file that cannot be read as a table (no header, required
    ///   columns missing, unterminated quote, NUL byte, undecodable bytes, a header cell over
    ///   the cell limit, an unusable workbook); `.noInput` if unreadable.
    static func read(_ file: InputFile, sheet: String? = nil, missingWords: MissingValueWords,
                     totals: TotalsLabels = .standard) throws(VFMError) -> FileIngest {
        let named = file.path.lowercased()
        if named.hasSuffix(".xlsx") || named.hasSuffix(".xlsm") || named.hasSuffix(".xls") || named.hasSuffix(".ods") {
            return try readWorkbook(file, sheet: sheet, missingWords: missingWords, totals: totals)
        }
        let chunks = { (body: (UnsafeBufferPointer<UInt8>, Int) -> Void) throws(VFMError) in
            try FileSystem.forEachChunk(of: file.location, displayName: file.displayName, body)
        }
        let scanned = try FirstPass(chunks)
        if FileSignature.of(scanned.head) != .other { return try readWorkbook(file, sheet: sheet, missingWords: missingWords, totals: totals) }
        return try parse(scanned, name: file.displayName, missingWords: missingWords, totals: totals, chunks: chunks)
    }

    /// The workbook's SHA-256 and size come from a pass in chunks, as a CSV's do: the
    /// file is never held whole (the reader inflates its parts from the file itself).
    private static func readWorkbook(_ file: InputFile, sheet: String?, missingWords: MissingValueWords,
                                     totals: TotalsLabels) throws(VFMError) -> FileIngest {
        var hash = ContentHash(), size = 0
        try FileSystem.forEachChunk(of: file.location, displayName: file.displayName) { chunk, _ in
            hash.update(UnsafeRawBufferPointer(chunk))
            size += chunk.count
        }
        return try WorkbookIngest.read(file, sha256: hash.finalizeHex(), size: size, sheet: sheet,
                                       missingWords: missingWords, totals: totals)
    }

    /// The work of `read` on CSV bytes already in memory; `name` is the file's output name.
    /// `sizes`: how the text is cut into blocks for both cores (tests cut it small).
    static func ingest(_ bytes: [UInt8], name: String, missingWords: MissingValueWords, totals: TotalsLabels = .standard,
                       sizes: PieceParse.Sizes = PieceParse.Sizes()) throws(VFMError) -> FileIngest {
        let chunks = { (body: (UnsafeBufferPointer<UInt8>, Int) -> Void) throws(VFMError) in
            bytes.withUnsafeBufferPointer { body($0, 0) }
        }
        return try parse(try FirstPass(chunks), name: name, missingWords: missingWords, totals: totals, chunks: chunks,
                         sizes: sizes)
    }

    /// Hands its body a file's bytes in order, with each chunk's offset; called once per pass.
    typealias Chunks = ((UnsafeBufferPointer<UInt8>, Int) -> Void) throws(VFMError) -> Void

    /// The first pass over a file: its first bytes (a workbook's signature), its encoding
    /// and its SHA-256.
    private struct FirstPass {
        var head: [UInt8] = []
        var scan = TextScan()
        var hash = ContentHash()

        init(_ chunks: Chunks) throws(VFMError) {
            var head: [UInt8] = [], scan = TextScan(), hash = ContentHash()
            try chunks { chunk, _ in
                if head.count < 8 { head += chunk.prefix(8 - head.count) }
                // A large chunk is scanned and hashed on two cores at once: this pass comes
                // before any parsing, with nothing else to do (at 10^6 rows, 0.2 s on one core).
                if chunk.count >= Self.concurrentChunk {
                    _ = Parallel.both({ scan.update(chunk) }, { hash.update(UnsafeRawBufferPointer(chunk)) })
                } else {
                    scan.update(chunk)
                    hash.update(UnsafeRawBufferPointer(chunk))
                }
            }
            self.head = head
            self.scan = scan
            self.hash = hash
        }

        /// Bytes from which a chunk's scan and hash are worth a second thread.
        static let concurrentChunk = 1 << 18
    }

    /// The second pass: records, header and rows, after the first decided the encoding.
    private static func parse(_ first: FirstPass, name: String, missingWords: MissingValueWords, totals: TotalsLabels,
                              chunks: Chunks, sizes: PieceParse.Sizes = PieceParse.Sizes()) throws(VFMError) -> FileIngest {
        var scan = first.scan
        let text: TextScan.Result
        do {
            text = try scan.finish()
        } catch {
            throw error.vfmError(file: name)
        }
        var warnings: [String] = []
        if text.looksMixed {
            warnings.append("\(name): decoded as Windows-1252, but it also holds UTF-8 sequences (such as `Â£`); "
                + "the file may mix two encodings — check names with £ or accented letters, and save it as CSV UTF-8")
        }
        // Records split and typed in blocks on both cores (`PieceParse`), as one parser would.
        var parser = PieceParse(sizes: sizes, textBytes: text.bytes)
        var table = ReturnTable(name: name, missingWords: missingWords, totals: totals, padsRows: false)
        var scratch: [UInt8] = []
        try chunks { chunk, offset in
            text.transcode(chunk, at: offset, scratch: &scratch) { utf8 in parser.feed(utf8, into: &table) }
        }
        var structureError: CSVStructureError?
        do throws(CSVStructureError) {
            try parser.finish(into: &table)
        } catch {
            structureError = error
        }
        table.finishHeader()
        if let headerError = table.headerError { throw headerError }
        if case .unterminatedQuote(let line) = structureError {
            throw VFMError(.dataError, "a quoted cell opens on this line and never closes; it would swallow the rest of the file",
                           file: name, line: line, hint: "add the closing quote (\") or remove the opening one, then run again")
        }
        guard let mapping = table.mapping else { throw table.noHeaderError() }
        if let preamble = table.preambleWarning() { warnings.append(preamble) }
        let summary = InputFileSummary(path: name, sha256: first.hash.finalizeHex(), bytes: text.bytes,
                                       rowsRead: table.rowsRead, rowsAccepted: table.accepted.count,
                                       rowsRejected: table.rejected.count, encoding: text.encoding.rawValue,
                                       preambleRows: table.preambleRows)
        return finish(table, mapping: mapping, summary: summary, warnings: warnings,
                      cellWarnings: textAfterQuoteWarnings(parser, headerLine: table.headerLine, mapping: mapping, file: name))
    }

    /// The file's rows and warnings once its table has been read; `cellWarnings` (about
    /// single cells) follow the header's own warnings.
    static func finish(_ table: ReturnTable, mapping: HeaderMapping, summary: InputFileSummary, warnings: [String],
                       cellWarnings: [String] = [], hiddenColumns: Set<Int> = []) -> FileIngest {
        var warnings = warnings
        if let second = table.secondTierLine, let first = table.headerLine {
            warnings.append("\(table.name): the header is on lines \(first) and \(second): the labels of line \(second) "
                + "complete those above them (a group label over its columns); check the columns named below")
        }
        warnings += mapping.warnings + cellWarnings
        warnings += table.remarks.warnings(file: table.name, headers: mapping.headers, hiddenColumns: hiddenColumns)
        var summary = summary
        summary.noteRows = table.remarks.noteCount
        if table.droppedUnnamedCells {
            warnings.append("\(table.name): a column with no header holds values; they are ignored — give the column a name to keep them")
        }
        return FileIngest(summary: summary, accepted: table.accepted, rejected: table.rejected, extraColumns: mapping.extras,
                          warnings: warnings)
    }
}

extension FileIngest {
    /// One warning per cell with text after its closing quote (issue 18 item 3), for the
    /// first `CSVByteParser.keptTextAfterQuote` of them, then how many more: a file mangled
    /// on every row must not print a million lines. A mangled cell in a skipped preamble row
    /// changes no return, so only the header and rows below it are listed.
    static func textAfterQuoteWarnings(_ parser: PieceParse, headerLine: Int?, mapping: HeaderMapping,
                                       file: String) -> [String] {
        let kept = parser.textAfterQuote.filter { quirk in headerLine.map { quirk.line >= $0 } ?? false }
        var warnings = kept.map { warning($0, file: file, mapping: mapping) }
        let more = parser.textAfterQuoteCount - parser.textAfterQuote.count
        if more > 0 { warnings.append("\(file): … and \(more) more cells with text after a closing quote") }
        return warnings
    }

    /// `file:line: column N (`name`)…`: the cell is kept as read; the user checks the export.
    static func warning(_ quirk: CSVTextAfterQuote, file: String, mapping: HeaderMapping) -> String {
        let index = quirk.column - 1
        let header = mapping.headers.indices.contains(index) && !mapping.headers[index].isEmpty
            ? " (`\(mapping.headers[index])`)" : ""
        let cell = quirk.cell.count > 80 ? quirk.cell.prefix(80) + "…" : Substring(quirk.cell)
        return "\(file):\(quirk.line): column \(quirk.column)\(header): text after a closing quote was kept, "
            + "giving `\(cell)`; the export may be mangled — check this cell in the spreadsheet"
    }
}

extension TextDecodingError {
    package func vfmError(file: String) -> VFMError {
        switch self {
        case .nulByte(let line):
            return VFMError(.dataError, "NUL byte: this is not a text file (or it is UTF-16 without a byte-order mark)",
                            file: file, line: line, hint: "save the return from the spreadsheet as \"CSV UTF-8\" and run again")
        case .undefinedByte(let byte, let line):
            let hex = String(byte, radix: 16, uppercase: true)
            return VFMError(.dataError, "byte 0x\(hex) is neither UTF-8 nor Windows-1252; the file's encoding is unknown",
                            file: file, line: line, hint: "save the return from the spreadsheet as \"CSV UTF-8\" and run again")
        case .invalidUTF8AfterBOM(let line):
            return VFMError(.dataError, "the file starts with a UTF-8 byte-order mark but this line is not valid UTF-8",
                            file: file, line: line, hint: "save the return from the spreadsheet as \"CSV UTF-8\" and run again")
        case .utf16:
            return VFMError(.dataError, "the file is UTF-16 (\"Unicode text\"), which is not read", file: file, line: 1,
                            hint: "save the return from the spreadsheet as \"CSV UTF-8\" and run again")
        }
    }
}
