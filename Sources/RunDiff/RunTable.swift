import RunFiles
import Tabular
import VFMCore

/// One of this project's own CSV files, read by header name so that a table which gains
/// columns in a later version still reads (SPEC §7: "column order as listed" is a
/// promise about the listed columns, not a ban on more). Cells are un-neutralised with
/// `CSVInjection.restore`, so names compare exactly as the services wrote them.
struct RunTable: Sendable {
    /// File name relative to the run directory (`tables/descriptives.csv`), for messages.
    let name: String
    let header: [String]
    let rows: [CSVRecord]
    private let columnIndex: [String: Int]

    /// Reads `relativePath` inside `runDirectory`.
    /// - Parameters:
    ///   - required: columns that must be in the header (else the table is malformed, 65).
    ///   - allowsRaggedRows: rows may be longer or shorter than the header as long as they
    ///     hold the required columns (`clean/rejected.csv` carries the rejected row's raw
    ///     cells, however many, after its four fixed columns).
    /// - Throws: `.noInput` (66) when the file is missing or unreadable, `.dataError` (65)
    ///   when it cannot be read as the table it should be.
    init(runDirectory: String, relativePath: String, required: [String],
         allowsRaggedRows: Bool = false) throws(VFMError) {
        let display = RunTable.displayPath(runDirectory, relativePath)
        let bytes = try FileSystem.readBytes(runDirectory + "/" + relativePath, displayName: display)
        let reader = RunFileCSV(file: display, hint: "the run directory is damaged; re-run `vfm run` to regenerate it")
        // Record by record, restored as read: the table is never held twice.
        var headerCells: [String]?
        var body: [CSVRecord] = []
        try reader.forEachRecord(bytes) { record in
            if headerCells == nil { headerCells = record.cells } else {
                body.append(CSVRecord(line: record.line, cells: record.cells.map(CSVInjection.restore)))
            }
        }
        guard let headerCells else {
            throw VFMError(.dataError, "table has no header", file: display, line: 1,
                           hint: "the run directory is incomplete; re-run `vfm run` to regenerate it")
        }
        let headerRecord = CSVRecord(line: 1, cells: headerCells)
        var index: [String: Int] = [:]
        for (position, name) in headerRecord.cells.enumerated() where index[name] == nil {
            index[name] = position
        }
        for column in required where index[column] == nil {
            throw VFMError(.dataError, "required column is missing from the header", file: display, line: 1,
                           column: column, hint: "was this run written by another version of vfm? re-run `vfm run`")
        }
        let requiredWidth = (required.compactMap { index[$0] }.max() ?? -1) + 1
        for record in body {
            let ragged = allowsRaggedRows ? record.cells.count < requiredWidth
                : record.cells.count != headerRecord.cells.count
            if ragged {
                throw VFMError(.dataError,
                               "row has \(record.cells.count) cells but the header has \(headerRecord.cells.count)",
                               file: display, line: record.line,
                               hint: "the run directory is damaged; re-run `vfm run` to regenerate it")
            }
        }
        self.name = display
        self.header = headerRecord.cells
        self.rows = body
        self.columnIndex = index
    }

    static func displayPath(_ runDirectory: String, _ relativePath: String) -> String {
        runDirectory.hasSuffix("/") ? runDirectory + relativePath : runDirectory + "/" + relativePath
    }

    func hasColumn(_ column: String) -> Bool { columnIndex[column] != nil }

    /// The cell of `column` in `row`; `""` when the column is absent.
    func text(_ row: CSVRecord, _ column: String) -> String {
        guard let position = columnIndex[column], position < row.cells.count else { return "" }
        return row.cells[position]
    }

    /// The cell as text, `nil` when empty (missing, SPEC §7).
    func optionalText(_ row: CSVRecord, _ column: String) -> String? {
        let value = text(row, column)
        return value.isEmpty ? nil : value
    }

    /// The cell as a finite number; `nil` when empty.
    /// - Throws: `.dataError` naming file, line and column when the cell is not a number.
    func number(_ row: CSVRecord, _ column: String) throws(VFMError) -> Double? {
        let value = text(row, column)
        if value.isEmpty { return nil }
        guard let number = Double(value), number.isFinite else {
            throw VFMError(.dataError, "`\(value)` is not a number", file: name, line: row.line, column: column,
                           hint: "the run directory is damaged; re-run `vfm run` to regenerate it")
        }
        return number
    }

    /// The cell as a whole count; `nil` when empty.
    func count(_ row: CSVRecord, _ column: String) throws(VFMError) -> Int? {
        let value = text(row, column)
        if value.isEmpty { return nil }
        guard let count = Int(value) else {
            throw VFMError(.dataError, "`\(value)` is not a whole number", file: name, line: row.line,
                           column: column, hint: "the run directory is damaged; re-run `vfm run` to regenerate it")
        }
        return count
    }
}
