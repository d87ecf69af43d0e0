/// What a file's rows below the header told the reader besides accepted and rejected
/// returns (issue 28), gathered while reading and turned into warnings once the file is
/// read: footnote rows (`NoteRow`) and spreadsheet error values read as missing
/// (`SpreadsheetErrorValue`). Only the first few of each are kept with their text, so a
/// file with an error on every row gives a few lines and a count, not a million.
struct RowRemarks: Sendable {
    /// How many examples of each kind are named in the log.
    static let keptExamples = 5

    /// A footnote below the table: its line and text.
    struct Note: Sendable, Equatable {
        var line: Int
        var text: String
    }

    /// An error value in an optional or extra column, read as missing.
    struct ErrorCell: Sendable, Equatable {
        var line: Int
        /// Position in the header, from 0.
        var column: Int
        var value: String
    }

    private(set) var noteCount = 0
    private(set) var notes: [Note] = []
    private(set) var errorCount = 0
    private(set) var errorCells: [ErrorCell] = []

    mutating func addNote(line: Int, text: String) {
        noteCount += 1
        if notes.count < Self.keptExamples { notes.append(Note(line: line, text: text)) }
    }

    mutating func addError(line: Int, column: Int, value: String) {
        errorCount += 1
        if errorCells.count < Self.keptExamples { errorCells.append(ErrorCell(line: line, column: column, value: value)) }
    }

    /// Appends the remarks of the rows that come after these in the file (a piece read on
    /// another core, `TypedRows`).
    mutating func append(_ later: RowRemarks) {
        noteCount += later.noteCount
        notes += later.notes.prefix(Self.keptExamples - notes.count)
        errorCount += later.errorCount
        errorCells += later.errorCells.prefix(Self.keptExamples - errorCells.count)
    }
}

extension RowRemarks {
    /// The log's lines about these remarks: one for the notes, one per error cell kept (and
    /// how many more), each saying file, line, column and what to do.
    /// - Parameter hiddenColumns: positions of the header hidden in the worksheet, named so
    ///   the user knows to unhide them to see the cell.
    func warnings(file: String, headers: [String], hiddenColumns: Set<Int>) -> [String] {
        var lines: [String] = []
        if noteCount > 0 {
            let examples = notes.map { "line \($0.line): \"\($0.text.count > 60 ? $0.text.prefix(60) + "…" : Substring($0.text))\"" }
            lines.append("\(file): \(noteCount) row\(noteCount == 1 ? "" : "s") below the header hold only a note ("
                + examples.joined(separator: "; ") + (noteCount > notes.count ? "; …" : "")
                + "); they are not returns and not rejects — nothing to do unless one of them was meant to be a service")
        }
        for cell in errorCells {
            let header = headers.indices.contains(cell.column) ? " (`\(headers[cell.column])`)" : ""
            let hidden = hiddenColumns.contains(cell.column) ? ", a hidden column," : ""
            lines.append("\(file):\(cell.line): column \(cell.column + 1)\(header)\(hidden) holds the spreadsheet error "
                + "`\(cell.value)`; it is read as missing and the service is kept — correct the formula if the column matters")
        }
        if errorCount > errorCells.count {
            lines.append("\(file): … and \(errorCount - errorCells.count) more spreadsheet error values read as missing")
        }
        return lines
    }
}
