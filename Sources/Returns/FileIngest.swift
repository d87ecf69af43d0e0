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

    /// Reads one file (SPEC §4) in two streaming passes over its bytes, never holding it
    /// whole: the first decides the encoding (UTF-8 ± BOM, else Windows-1252) and hashes it,
    /// the second splits records (`CSVByteParser`), maps the header and types every row
    /// straight from the cells' bytes.
    /// - Throws: `.dataError` for a file that cannot be read as a table (no header, required
    ///   columns missing, unterminated quote, NUL byte, undecodable bytes, a header cell over
    ///   the cell limit); `.noInput` if unreadable.
    static func read(_ file: InputFile, missingWords: MissingValueWords) throws(VFMError) -> FileIngest {
        try ingest(name: file.displayName, missingWords: missingWords) { (body) throws(VFMError) in
            try FileSystem.forEachChunk(of: file.path, displayName: file.displayName, body)
        }
    }

    /// The work of `read` on bytes already in memory; `name` is the file's output name.
    static func ingest(_ bytes: [UInt8], name: String, missingWords: MissingValueWords) throws(VFMError) -> FileIngest {
        try ingest(name: name, missingWords: missingWords) { body in
            bytes.withUnsafeBufferPointer { body($0, 0) }
        }
    }

    /// `chunks` hands its body the file's bytes in order, with each chunk's offset; it is
    /// called once per pass.
    private static func ingest(
        name: String, missingWords: MissingValueWords,
        chunks: ((UnsafeBufferPointer<UInt8>, Int) -> Void) throws(VFMError) -> Void
    ) throws(VFMError) -> FileIngest {
        var scan = TextScan()
        var hasher = SHA256()
        try chunks { chunk, _ in
            scan.update(chunk)
            hasher.update(Array(chunk))
        }
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

        var parser = CSVByteParser()
        var rows = RowCollector(name: name, missingWords: missingWords)
        var scratch: [UInt8] = []
        try chunks { chunk, offset in
            text.transcode(chunk, at: offset, scratch: &scratch) { utf8 in parser.feed(utf8) { rows.take($0) } }
        }
        var structureError: CSVStructureError?
        do throws(CSVStructureError) {
            try parser.finish { rows.take($0) }
        } catch {
            structureError = error
        }
        if let headerError = rows.headerError { throw headerError }
        if case .unterminatedQuote(let line) = structureError {
            throw VFMError(.dataError, "a quoted cell opens on this line and never closes; it would swallow the rest of the file",
                           file: name, line: line, hint: "add the closing quote (\") or remove the opening one, then run again")
        }
        guard let mapping = rows.mapping, let reader = rows.reader else {
            throw VFMError(.dataError, "the file is empty: no header row", file: name, line: 1,
                           hint: "the first non-blank line must name the columns (SPEC §4)")
        }
        warnings += mapping.warnings
        warnings += textAfterQuoteWarnings(parser, mapping: mapping, file: name)
        if reader.droppedUnnamedCells {
            warnings.append("\(name): a column with no header holds values; they are ignored — give the column a name to keep them")
        }
        let summary = InputFileSummary(path: name, sha256: hasher.finalizeHex(), bytes: text.bytes,
                                       rowsRead: rows.rowsRead, rowsAccepted: rows.accepted.count,
                                       rowsRejected: rows.rejected.count, encoding: text.encoding.rawValue)
        return FileIngest(summary: summary, accepted: rows.accepted, rejected: rows.rejected, extraColumns: mapping.extras,
                          warnings: warnings)
    }

    /// One warning per cell with text after its closing quote (issue 18 item 3), for the
    /// first `CSVByteParser.keptTextAfterQuote` of them, then how many more: a file mangled
    /// on every row must not print a million lines.
    static func textAfterQuoteWarnings(_ parser: CSVByteParser, mapping: HeaderMapping, file: String) -> [String] {
        var warnings = parser.textAfterQuote.map { warning($0, file: file, mapping: mapping) }
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

/// What the second pass builds, record by record: the header mapping from the first
/// record, then each row typed or rejected.
private struct RowCollector {
    let name: String
    let missingWords: MissingValueWords
    var mapping: HeaderMapping?
    var reader: ReturnRowReader?
    var headerError: VFMError?
    var accepted: [(serviceReturn: ServiceReturn, extraValues: [String?])] = []
    var rejected: [RejectedRow] = []
    var rowsRead = 0

    init(name: String, missingWords: MissingValueWords) {
        self.name = name
        self.missingWords = missingWords
    }

    /// Takes one record; false stops reading (the header failed: nothing after it counts).
    mutating func take(_ record: CSVByteRecord) -> Bool {
        guard reader != nil else {
            do throws(VFMError) {
                if let long = record.oversizedCell {
                    throw VFMError(.dataError, "header cell \(long + 1) is \(record.oversizedCellLength) bytes, longer than the "
                        + "limit of \(CSVByteParser.defaultCellLimit) bytes (64 KiB) for a cell; this is not a header row",
                        file: name, line: record.position.line, column: "column \(long + 1)",
                        hint: "a header names each column in a few words; fix the header row (or a quote left open in it)")
                }
                let header = try HeaderMapping(header: CSVRecord(line: record.position.line, cells: record.strings), file: name)
                mapping = header
                reader = ReturnRowReader(mapping: header, missingWords: missingWords, file: name)
                return true
            } catch {
                headerError = error
                return false
            }
        }
        rowsRead += 1
        switch reader?.read(record) {
        case .accepted(let serviceReturn, let extraValues): accepted.append((serviceReturn, extraValues))
        case .rejected(let row): rejected.append(row)
        case nil: break
        }
        return true
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
