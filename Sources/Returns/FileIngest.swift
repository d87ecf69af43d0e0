import Tabular
import VFMCore

/// Everything read from one input file.
struct FileIngest {
    var summary: InputFileSummary
    /// Accepted rows with their extra cells aligned to `extraColumns`.
    var accepted: [(serviceReturn: ServiceReturn, extraValues: [String?])]
    var rejected: [RejectedRow]
    var extraColumns: [ExtraColumn]
    var warnings: [String]

    /// Reads one file: decode (SPEC §4: UTF-8 ± BOM, else Windows-1252), split records,
    /// map the header, type every row.
    /// - Throws: `.dataError` for a file that cannot be read as a table (no header, required
    ///   columns missing, unterminated quote, NUL byte, undecodable bytes); `.noInput` if unreadable.
    static func read(_ file: InputFile, missingWords: MissingValueWords) throws(VFMError) -> FileIngest {
        let bytes = try FileSystem.readBytes(file.path, displayName: file.displayName)
        return try ingest(bytes, name: file.displayName, missingWords: missingWords)
    }

    /// The work of `read` on bytes already in memory; `name` is the file's output name.
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

        var mapping: HeaderMapping?
        var headerError: VFMError?
        var reader: ReturnRowReader?
        var accepted: [(serviceReturn: ServiceReturn, extraValues: [String?])] = []
        var rejected: [RejectedRow] = []
        var rowsRead = 0
        var structureError: CSVStructureError?
        var textAfterQuote: [CSVTextAfterQuote] = []
        do throws(CSVStructureError) {
            try CSVRecordParser.forEachRecord(utf8: decoded.utf8, onTextAfterQuote: { textAfterQuote.append($0) }) { record in
                guard headerError == nil else { return }
                guard reader != nil else {
                    do throws(VFMError) {
                        let header = try HeaderMapping(header: record, file: name)
                        mapping = header
                        reader = ReturnRowReader(mapping: header, missingWords: missingWords, file: name)
                    } catch {
                        headerError = error
                    }
                    return
                }
                rowsRead += 1
                switch reader?.read(record) {
                case .accepted(let serviceReturn, let extraValues): accepted.append((serviceReturn, extraValues))
                case .rejected(let row): rejected.append(row)
                case nil: break
                }
            }
        } catch {
            structureError = error
        }
        if let headerError { throw headerError }
        if case .unterminatedQuote(let line) = structureError {
            throw VFMError(.dataError, "a quoted cell opens on this line and never closes; it would swallow the rest of the file",
                           file: name, line: line, hint: "add the closing quote (\") or remove the opening one, then run again")
        }
        guard let mapping, let reader else {
            throw VFMError(.dataError, "the file is empty: no header row", file: name, line: 1,
                           hint: "the first non-blank line must name the columns (SPEC §4)")
        }
        warnings += mapping.warnings
        warnings += textAfterQuote.map { Self.warning($0, file: name, mapping: mapping) }
        if reader.droppedUnnamedCells {
            warnings.append("\(name): a column with no header holds values; they are ignored — give the column a name to keep them")
        }
        let summary = InputFileSummary(path: name, sha256: ContentHash.hex(of: bytes), bytes: bytes.count,
                                       rowsRead: rowsRead, rowsAccepted: accepted.count, rowsRejected: rejected.count,
                                       encoding: decoded.encoding.rawValue)
        return FileIngest(summary: summary, accepted: accepted, rejected: rejected, extraColumns: mapping.extras,
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
