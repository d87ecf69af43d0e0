/// The byte-level form of `CSVEncoding`: a record is encoded straight into a reused byte
/// buffer, cell by cell, without building a `String` per cell or per line (as rust-csv's
/// `Writer` does). `CSVEncoding.line` is defined through this, so a file written by
/// `CSVFileWriter` and a document built by `CSVWriter` have the same bytes.
extension CSVEncoding {
    private static let comma = UInt8(ascii: ","), quote = UInt8(ascii: "\""), lf = UInt8(ascii: "\n"),
        cr = UInt8(ascii: "\r")

    /// Appends one record of fields, with its final LF, to `bytes`.
    public static func appendLine(_ row: [CSVField], to bytes: inout [UInt8]) {
        for (index, field) in row.enumerated() {
            if index > 0 { bytes.append(comma) }
            append(field, to: &bytes)
        }
        bytes.append(lf)
    }

    /// Appends one record of plain cells (quoted where needed, not neutralised), with its
    /// final LF, to `bytes`.
    public static func appendLine(_ cells: [String], to bytes: inout [UInt8]) {
        for (index, cell) in cells.enumerated() {
            if index > 0 { bytes.append(comma) }
            appendQuotedIfNeeded(cell, to: &bytes)
        }
        bytes.append(lf)
    }

    static func append(_ field: CSVField, to bytes: inout [UInt8]) {
        switch field {
        case .text(let value):
            guard let value else { return }
            if CSVInjection.mayNeedPrefix(value) {
                appendQuotedIfNeeded(CSVInjection.neutralise(value), to: &bytes)
            } else {
                appendQuotedIfNeeded(value, to: &bytes)
            }
        case .number(let value):
            bytes.append(contentsOf: NumberFormatting.csv(value).utf8)
        case .count(let value):
            bytes.append(contentsOf: NumberFormatting.csv(value).utf8)
        }
    }

    /// `cell`'s UTF-8, in double quotes with inner quotes doubled when it holds a comma, a
    /// quote, CR or LF — byte for byte what `quoteIfNeeded` gives (all four are ASCII, and
    /// no byte of a multi-byte UTF-8 sequence is ASCII).
    static func appendQuotedIfNeeded(_ cell: String, to bytes: inout [UInt8]) {
        let utf8 = cell.utf8
        let needsQuotes = utf8.contains { $0 == comma || $0 == quote || $0 == lf || $0 == cr }
        guard needsQuotes else {
            bytes.append(contentsOf: utf8)
            return
        }
        bytes.append(quote)
        for byte in utf8 {
            if byte == quote { bytes.append(quote) }
            bytes.append(byte)
        }
        bytes.append(quote)
    }
}
