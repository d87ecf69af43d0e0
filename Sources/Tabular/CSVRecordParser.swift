/// One CSV record as read: its cells, and the physical line (1-based) it starts on.
public struct CSVRecord: Sendable, Equatable {
    /// Physical line on which the record starts; a quoted newline in an earlier record
    /// shifts this (SPEC §4).
    public var line: Int
    public var cells: [String]

    public init(line: Int, cells: [String]) {
        self.line = line
        self.cells = cells
    }
}

/// Text found after a quoted cell's closing quote (`a,"b"c`): read as Python's `csv` and
/// rust-csv read it (`bc`), but worth a warning, since it usually means a mangled export.
public struct CSVTextAfterQuote: Sendable, Equatable {
    /// Physical line of the text after the quote.
    public var line: Int
    /// 1-based position of the cell in its record.
    public var column: Int
    /// The cell as read, quotes removed.
    public var cell: String

    public init(line: Int, column: Int, cell: String) {
        self.line = line
        self.column = column
        self.cell = cell
    }
}

/// Why a text could not be read as a table at all.
public enum CSVStructureError: Error, Sendable, Equatable {
    /// A quoted field opened on `line` never closes: it would swallow the rest of the file.
    case unterminatedQuote(line: Int)
}

/// Splits UTF-8 text into RFC 4180 records, tolerant of what spreadsheets export:
/// CRLF, LF or CR line ends (mixed too), quoted fields with commas, doubled quotes and
/// newlines. Blank lines — nothing on them, or only spaces and tabs — are skipped and not
/// counted as records (their line numbers still count). A line of bare separators
/// (`,,,`) is a record of empty cells, not a blank line.
/// Work is linear in the input: one pass over the bytes, no backtracking.
public enum CSVRecordParser {
    /// Every record of `bytes`, in order.
    public static func records(utf8 bytes: [UInt8], onTextAfterQuote: (CSVTextAfterQuote) -> Void = { _ in })
        throws(CSVStructureError) -> [CSVRecord] {
        var records: [CSVRecord] = []
        try forEachRecord(utf8: bytes, onTextAfterQuote: onTextAfterQuote) { records.append($0) }
        return records
    }

    /// Hands each record to `body` as soon as it is complete, so that a large file is never
    /// held as a table of strings. An unterminated quote is only known at the end: the
    /// error is thrown after the records before it were delivered.
    /// `onTextAfterQuote` hears of every cell with text after its closing quote, once per cell.
    public static func forEachRecord(utf8 bytes: [UInt8],
                                     onTextAfterQuote: (CSVTextAfterQuote) -> Void = { _ in },
                                     _ body: (CSVRecord) -> Void) throws(CSVStructureError) {
        let comma = UInt8(ascii: ","), quote = UInt8(ascii: "\""), lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")
        var cells: [String] = []
        var field: [UInt8] = []
        var line = 1
        var recordStartLine = 1
        var inQuotes = false
        var quoteOpenedOnLine = 1
        var recordHasContent = false
        /// The field's quoted part has closed; any byte but a separator is text after it.
        var afterClosingQuote = false
        var textAfterQuoteLine: Int?
        var index = 0
        let count = bytes.count

        func endField() {
            let cell = String(decoding: field, as: UTF8.self)
            if let textLine = textAfterQuoteLine {
                onTextAfterQuote(CSVTextAfterQuote(line: textLine, column: cells.count + 1, cell: cell))
            }
            cells.append(cell)
            field.removeAll(keepingCapacity: true)
            afterClosingQuote = false
            textAfterQuoteLine = nil
        }
        func endRecord() {
            endField()
            if recordHasContent {
                body(CSVRecord(line: recordStartLine, cells: cells))
            }
            cells.removeAll(keepingCapacity: true)
            recordHasContent = false
        }

        while index < count {
            let byte = bytes[index]
            if inQuotes {
                if byte == quote {
                    if index + 1 < count, bytes[index + 1] == quote {
                        field.append(quote)
                        index += 2
                        continue
                    }
                    inQuotes = false
                    afterClosingQuote = true
                } else {
                    if byte == lf || (byte == cr && !(index + 1 < count && bytes[index + 1] == lf)) { line += 1 }
                    field.append(byte)
                }
                index += 1
                continue
            }
            if afterClosingQuote, textAfterQuoteLine == nil, byte != comma, byte != lf, byte != cr {
                textAfterQuoteLine = line
            }
            switch byte {
            case quote:
                if field.isEmpty {
                    inQuotes = true
                    quoteOpenedOnLine = line
                    recordHasContent = true
                } else {
                    field.append(byte)  // a stray quote inside an unquoted field is literal
                }
            case comma:
                recordHasContent = true
                endField()
            case lf, cr:
                if byte == cr, index + 1 < count, bytes[index + 1] == lf { index += 1 }
                endRecord()
                line += 1
                recordStartLine = line
            case UInt8(ascii: " "), UInt8(ascii: "\t"):
                field.append(byte)  // kept in the cell, but alone they make a blank line
            default:
                recordHasContent = true
                field.append(byte)
            }
            index += 1
        }
        if inQuotes { throw .unterminatedQuote(line: quoteOpenedOnLine) }
        if recordHasContent || !cells.isEmpty { endRecord() }
    }
}
