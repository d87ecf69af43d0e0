import VFMCore

/// A row that went into no statistic, with why (SPEC §5, §7 `clean/rejected.csv`).
public struct RejectedRow: Sendable, Equatable {
    public var source: SourceLocation
    public var rule: RejectRule
    /// What is wrong and what to do, naming the column and the raw cell.
    public var message: String
    /// The canonical name of the column of the cell at fault; `nil` for a whole-row rule
    /// (a ragged row, outcomes exceeding people supported, a duplicate). A name, not a
    /// `ReturnColumn`, because the spending survey's rows (SPEC §12) are rejected with the
    /// same type and file, in columns of their own.
    public var columnName: String?
    /// The service-return column of the cell at fault, when it is one.
    public var column: ReturnColumn? { columnName.flatMap(ReturnColumn.init(rawValue:)) }
    /// That cell as written; `nil` when there is no single cell at fault or it is empty.
    public var value: String?
    /// The whole record as read (ingest: the file's cells in its order; clean: the row as
    /// ingest accepted it, in `ingest/returns.csv` order), written losslessly as one
    /// RFC 4180 line in the `record` column.
    public var record: [String]

    public init(source: SourceLocation, rule: RejectRule, message: String, column: ReturnColumn? = nil,
                value: String? = nil, record: [String]) {
        self.source = source
        self.rule = rule
        self.message = message
        self.columnName = column?.rawValue
        self.value = value?.isEmpty == true ? nil : value
        self.record = record
    }

    /// A row rejected in a column named by its canonical name (the spending survey's).
    package init(source: SourceLocation, rule: RejectRule, message: String, columnName: String?, value: String? = nil,
                 record: [String]) {
        self.init(source: source, rule: rule, message: message, column: nil, value: value, record: record)
        self.columnName = columnName
    }
}

/// Provenance and row accounting for one input file (SPEC §7 manifest):
/// rows read = rows accepted + rows rejected, always.
public struct InputFileSummary: Sendable, Equatable {
    /// Named relative to its `--input` argument (a file given directly: its base name).
    public var path: String
    public var sha256: String
    public var bytes: Int
    public var rowsRead: Int
    public var rowsAccepted: Int
    public var rowsRejected: Int
    /// "utf-8", "utf-8-bom" or "windows-1252"; "xlsx" for a workbook.
    public var encoding: String
    /// Rows above the header (a title, notes, a blank template line), skipped (SPEC §4).
    public var preambleRows: Int
    /// The worksheet read, for a workbook; `nil` for a CSV file.
    public var sheet: String?
    /// Footnote rows below the table (`NoteRow`), skipped like preamble: not rows read.
    public var noteRows = 0

    public init(path: String, sha256: String, bytes: Int, rowsRead: Int, rowsAccepted: Int, rowsRejected: Int,
                encoding: String, preambleRows: Int = 0, sheet: String? = nil) {
        self.preambleRows = preambleRows
        self.sheet = sheet
        self.path = path
        self.sha256 = sha256
        self.bytes = bytes
        self.rowsRead = rowsRead
        self.rowsAccepted = rowsAccepted
        self.rowsRejected = rowsRejected
        self.encoding = encoding
    }
}
