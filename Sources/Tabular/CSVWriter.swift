/// One cell of an output CSV. Text is neutralised against formula injection; numbers are
/// written at full precision by `NumberFormatting`; `nil` is an empty (missing) cell.
public enum CSVField: Sendable, Equatable {
    case text(String?)
    case number(Double?)
    case count(Int?)
}

/// Where the records of a CSV file go: a document in memory (`CSVWriter`) or a file
/// through a fixed-size buffer (`CSVFileWriter`). The run files' writers are written
/// once against this, so the bytes are the same either way.
public protocol CSVRowSink {
    associatedtype Failure: Error
    /// Appends one record; the caller passes exactly one field per header column.
    mutating func append(_ row: [CSVField]) throws(Failure)
    /// Appends one record that `encode` writes cell by cell (one cell per header column)
    /// into the sink's reused encoder: the fast path of the big run files.
    mutating func appendRecord(_ encode: (inout CSVLineEncoder) -> Void) throws(Failure)
}

extension CSVRowSink {
    /// One record per element of `rows`: `encode` gets a pointer to the element and reads
    /// its fields where they lie. Handing it the element (`rows[i]`, or a `borrowing`
    /// parameter: `UnsafeBufferPointer`'s subscript returns a copy) copies the whole row
    /// first: a retain and a release per string of every row of a file of a million.
    @inlinable
    public mutating func appendRecords<Row>(_ rows: [Row],
                                            _ encode: (UnsafePointer<Row>, inout CSVLineEncoder) -> Void)
        throws(Failure) {
        try rows.withUnsafeBufferPointer { (buffer) throws(Failure) in
            guard let first = buffer.baseAddress else { return }
            for index in buffer.indices { try appendRecord { encode(first + index, &$0) } }
        }
    }
}

/// RFC 4180 encoding with LF line endings, quoting only where needed, so that outputs
/// are byte-identical on every machine (SPEC §7).
public enum CSVEncoding {
    /// One record as a line, with its final LF.
    public static func line(_ cells: [String]) -> String {
        var bytes: [UInt8] = []
        appendLine(cells, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// One record of fields as a line, with its final LF.
    public static func line(_ row: [CSVField]) -> String {
        var bytes: [UInt8] = []
        appendLine(row, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// One record as a single RFC 4180 line without a line end, lossless: `CSVEncoding.cells`
    /// (and any RFC 4180 reader) gives back exactly `cells` — commas, quotes, CR and LF
    /// inside cells are quoted; a lone blank cell is quoted so it is not a blank line.
    public static func recordLine(_ cells: [String]) -> String {
        if cells.count == 1, cells[0].utf8.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }) {
            return "\"" + cells[0] + "\""
        }
        var bytes: [UInt8] = []
        appendLine(cells, to: &bytes)
        bytes.removeLast()  // the LF appendLine ends with
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The cells of a line written by `recordLine`; `nil` when it is not one record.
    public static func cells(ofRecordLine line: String) -> [String]? {
        guard let records = try? CSVRecordParser.records(utf8: Array(line.utf8)) else { return nil }
        switch records.count {
        case 0: return line.isEmpty ? [] : nil
        case 1: return records[0].cells
        default: return nil
        }
    }

    /// `cell`, in double quotes (inner quotes doubled) when it holds a comma, a quote, CR or LF.
    public static func quoteIfNeeded(_ cell: String) -> String {
        var bytes: [UInt8] = []
        appendQuotedIfNeeded(cell, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// Builds a CSV document in memory (for small texts and tests; run files are written
/// with `CSVFileWriter`).
public struct CSVWriter: Sendable, CSVRowSink {
    public private(set) var text: String
    public let columnCount: Int
    private var line = CSVLineEncoder()

    public init(header: [String]) {
        columnCount = header.count
        text = CSVEncoding.line(header)
    }

    public mutating func append(_ row: [CSVField]) {
        appendRecord { line in for field in row { line.append(field) } }
    }

    public mutating func appendRecord(_ encode: (inout CSVLineEncoder) -> Void) {
        line.reset()
        encode(&line)
        precondition(line.cellCount == columnCount, "CSV row has \(line.cellCount) fields for \(columnCount) columns")
        line.endLine()
        text += String(decoding: line.bytes, as: UTF8.self)
    }
}
