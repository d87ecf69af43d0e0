import Foundation
import Tabular
import VFMCore
import Workbook

/// Everything read from one input file.
struct FileIngest {
    var summary: InputFileSummary
    /// Accepted rows with their extra cells aligned to `extraColumns`.
    var accepted: [(serviceReturn: ServiceReturn, extraValues: [String?])]
    var rejected: [RejectedRow]
    var extraColumns: [ExtraColumn]
    var warnings: [String]

    /// Reads one file, told apart by its first bytes, not its name: a ZIP or OLE2 file is a
    /// workbook (`WorkbookIngest`), anything else is CSV text — decoded (SPEC §4: UTF-8 ±
    /// BOM, else Windows-1252), split into records, the header found, every row typed.
    /// - Parameter sheet: the worksheet to read in a workbook (`--sheet`); ignored for CSV.
    /// - Throws: `.dataError` for a file that cannot be read as a table (no header, required
    ///   columns missing, unterminated quote, NUL byte, undecodable bytes, an unusable
    ///   workbook); `.noInput` if unreadable.
    static func read(_ file: InputFile, sheet: String? = nil, missingWords: MissingValueWords) throws(VFMError) -> FileIngest {
        let bytes = try FileSystem.readBytes(file.location, displayName: file.displayName)
        let signature = FileSignature.of(bytes.prefix(8))
        let named = file.path.lowercased()
        if signature != .other || named.hasSuffix(".xlsx") || named.hasSuffix(".xlsm") || named.hasSuffix(".xls")
            || named.hasSuffix(".ods") {
            return try WorkbookIngest.read(file, bytes: bytes, sheet: sheet, missingWords: missingWords)
        }
        return try ingest(bytes, name: file.displayName, missingWords: missingWords)
    }

    /// The work of `read` on CSV bytes already in memory; `name` is the file's output name.
    static func ingest(_ bytes: [UInt8], name: String, missingWords: MissingValueWords) throws(VFMError) -> FileIngest {
        let decoded: DecodedText
        do {
            decoded = try TextDecoding.decode(bytes)
        } catch {
            throw error.vfmError(file: name)
        }
        var warnings: [String] = []
        if decoded.looksMixed {
            warnings.append("\(name): decoded as Windows-1252, but it also holds UTF-8 sequences (such as `Â£`); "
                + "the file may mix two encodings — check names with £ or accented letters, and save it as CSV UTF-8")
        }
        var table = ReturnTable(name: name, missingWords: missingWords, padsRows: false)
        var structureError: CSVStructureError?
        var textAfterQuote: [CSVTextAfterQuote] = []
        do throws(CSVStructureError) {
            try CSVRecordParser.forEachRecord(utf8: decoded.utf8, onTextAfterQuote: { textAfterQuote.append($0) }) { record in
                _ = table.take(line: record.line, cells: record.cells.map(ReturnCell.text))
            }
        } catch {
            structureError = error
        }
        if let headerError = table.headerError { throw headerError }
        if case .unterminatedQuote(let line) = structureError {
            throw VFMError(.dataError, "a quoted cell opens on this line and never closes; it would swallow the rest of the file",
                           file: name, line: line, hint: "add the closing quote (\") or remove the opening one, then run again")
        }
        guard let mapping = table.mapping else { throw table.noHeaderError() }
        if let preamble = table.preambleWarning() { warnings.append(preamble) }
        // A mangled cell in a skipped preamble row changes no return, so only the header and rows below it warn.
        let quirks = textAfterQuote.filter { quirk in table.headerLine.map { quirk.line >= $0 } ?? false }
        let summary = InputFileSummary(path: name, sha256: ContentHash.hex(of: bytes), bytes: bytes.count,
                                       rowsRead: table.rowsRead, rowsAccepted: table.accepted.count,
                                       rowsRejected: table.rejected.count, encoding: decoded.encoding.rawValue,
                                       preambleRows: table.preambleRows)
        return finish(table, mapping: mapping, summary: summary, warnings: warnings,
                      cellWarnings: quirks.map { Self.warning($0, file: name, mapping: mapping) })
    }

    /// The file's rows and warnings once its table has been read; `cellWarnings` (about
    /// single cells) follow the header's own warnings.
    static func finish(_ table: ReturnTable, mapping: HeaderMapping, summary: InputFileSummary, warnings: [String],
                       cellWarnings: [String] = []) -> FileIngest {
        var warnings = warnings + mapping.warnings + cellWarnings
        if table.droppedUnnamedCells {
            warnings.append("\(table.name): a column with no header holds values; they are ignored — give the column a name to keep them")
        }
        return FileIngest(summary: summary, accepted: table.accepted, rejected: table.rejected, extraColumns: mapping.extras,
                          warnings: warnings)
    }
}

extension FileIngest {
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
    func vfmError(file: String) -> VFMError {
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
