import Tabular
import VFMCore

/// One row type of a run directory's CSV files (SPEC §7) — the row, its file's schema and
/// how it is written and read back live together, so a writer and its reader cannot drift
/// apart. `init(reading:)` gives back a value equal to the one whose `fields` were written.
package protocol RunFileRow: Sendable {
    /// The file's schema (SPEC §13), declared once in this module: the header comes from it.
    static var schema: RunFileSchema { get }
    /// One cell per `header` column.
    var fields: [CSVField] { get }
    /// Reads one record whose cell count is already checked against `header`.
    init(reading cells: inout RunFileCells) throws(VFMError)
    /// The cell of one column, `fields[column]`, for readers that want a few cells of many
    /// rows (a row type can answer without building the whole record).
    func field(at column: Int) -> CSVField
    /// Writes the row's cells, `fields` in order, into a file's encoder (a row type of a
    /// large file writes them straight from its values, with no array).
    func encode(into line: inout CSVLineEncoder)
}

extension RunFileRow {
    /// The file's header, in column order: the schema's.
    package static var header: [String] { schema.header }

    public func field(at column: Int) -> CSVField { fields[column] }

    public func encode(into line: inout CSVLineEncoder) {
        for field in fields { line.append(field) }
    }
}

/// The cells of one record of a run file, read left to right (or by position) with typed
/// accessors that name the file, line and column of a cell that is not what the writer
/// writes. The cells stay bytes (`CSVByteRecord`): a number is read straight from them
/// (`CSVNumberBytes`), and a `String` is made only for text (issue 25: the stages run by
/// hand spent most of their reading making a `String` of every cell).
public struct RunFileCells {
    public let reader: RunFileCSV
    public let line: Int
    private let record: CSVByteRecord
    private let header: [String]
    private let reuse: RunFileTextReuse?
    private var position = 0

    /// `reuse`: the reading thread's last text of each column, for a name repeated down a file.
    @usableFromInline
    init(reader: RunFileCSV, header: [String], record: CSVByteRecord, reuse: RunFileTextReuse?) {
        self.reader = reader
        self.header = header
        self.line = record.position.line
        self.record = record
        self.reuse = reuse
    }

    /// How many cells the record has.
    public var width: Int { record.count }

    /// The column name of cell `index` (for messages).
    public func column(_ index: Int) -> String { index < header.count ? header[index] : "" }

    /// Cell `index` exactly as written (still neutralised); "" past the end.
    public func cell(at index: Int) -> String { index < record.count ? record.string(index) : "" }

    /// Whether cell `index` is empty (or past the end).
    public func isEmpty(at index: Int) -> Bool { index >= record.count || record.range(of: index).isEmpty }

    /// Whether cell `index` is exactly `text` (ASCII compared as bytes).
    public func cell(at index: Int, is text: StaticString) -> Bool {
        guard index < record.count else { return text.utf8CodeUnitCount == 0 }
        return record.withCell(index) { cell in
            cell.count == text.utf8CodeUnitCount && text.withUTF8Buffer { cell.elementsEqual($0) }
        }
    }

    /// Text of cell `index`; an empty cell is missing.
    public func text(at index: Int) -> String? {
        guard !isEmpty(at: index) else { return nil }
        guard let reuse, !isNeutralised(at: index) else { return CSVInjection.restore(record.string(index)) }
        // No closure captures `self` here: one that did copied these cells (a retain and a
        // release of each of their arrays) for every text cell read (issue 25).
        return record.withCell(index) { [reuse] cell in reuse.text(column: index, cell: cell) }
    }

    /// Whether non-empty cell `index` may be neutralised (`'=…`, `CSVInjection`): then it is
    /// not the bytes of its text, and is made anew rather than read from the bytes.
    private func isNeutralised(at index: Int) -> Bool {
        record.bytes[record.range(of: index).lowerBound] == UInt8(ascii: "'")
    }

    /// The `file:line` of a `source` cell (`SourceLocation.description`); empty or not
    /// that shape is `nil`. The file name, the same down most of a file, is reused as text
    /// cells are (`text(at:)`); a neutralised cell is read as its text.
    public func sourceLocation(at index: Int) -> SourceLocation? {
        guard !isEmpty(at: index) else { return nil }
        guard let reuse, !isNeutralised(at: index) else {
            return SourceLocation(parsing: CSVInjection.restore(record.string(index)))
        }
        return record.withCell(index) { [reuse] cell -> SourceLocation? in
            guard let colon = cell.lastIndex(of: UInt8(ascii: ":")),
                  let line = Int(String(decoding: UnsafeBufferPointer(rebasing: cell[(colon + 1)...]), as: UTF8.self))
            else { return nil }
            return SourceLocation(file: reuse.text(column: index, cell: UnsafeBufferPointer(rebasing: cell[..<colon])), line: line)
        }
    }

    /// A finite number of cell `index`; empty is missing.
    public func number(at index: Int) throws(VFMError) -> Double? {
        guard !isEmpty(at: index) else { return nil }
        guard let value = record.withCell(index, CSVNumberBytes.double), value.isFinite else {
            throw reader.corrupt("`\(column(index))` holds \"\(cell(at: index))\", not a number", line: line)
        }
        return value
    }

    /// Checks that cell `index` is empty or written as a number — digits, sign, point,
    /// exponent — from its bytes, without reading its value: for a column whose values the
    /// reader works out again rather than reads (`clean/services.csv`'s derived measures),
    /// so that a damaged cell is still reported as damaged.
    public func checkNumberShaped(at index: Int) throws(VFMError) {
        guard index < record.count else { return }
        let shaped = record.withCell(index, ByteWords.allNumberBytes)
        guard shaped else {
            throw reader.corrupt("`\(column(index))` holds \"\(cell(at: index))\", not a number", line: line)
        }
    }


    /// A whole number of cell `index`; empty is missing.
    public func count(at index: Int) throws(VFMError) -> Int? {
        guard !isEmpty(at: index) else { return nil }
        guard let value = record.withCell(index, CSVNumberBytes.integer) else {
            throw reader.corrupt("`\(column(index))` holds \"\(cell(at: index))\", not a whole number", line: line)
        }
        return value
    }

    /// The next cell exactly as written (still neutralised).
    public mutating func raw() -> (column: String, cell: String) {
        defer { position += 1 }
        return (column(position), cell(at: position))
    }

    /// Text; an empty cell is missing.
    public mutating func text() -> String? {
        defer { position += 1 }
        return text(at: position)
    }

    /// Text that must be present.
    public mutating func requiredText() throws(VFMError) -> String {
        defer { position += 1 }
        guard let text = text(at: position) else { throw reader.corrupt("`\(column(position))` is empty", line: line) }
        return text
    }

    /// A finite number (full precision as written); empty is missing.
    public mutating func number() throws(VFMError) -> Double? {
        defer { position += 1 }
        return try number(at: position)
    }

    /// A whole number; empty is missing.
    public mutating func count() throws(VFMError) -> Int? {
        defer { position += 1 }
        return try count(at: position)
    }

    /// A whole number that must be present.
    public mutating func requiredCount() throws(VFMError) -> Int {
        defer { position += 1 }
        guard let value = try count(at: position) else { throw reader.corrupt("`\(column(position))` is empty", line: line) }
        return value
    }

    /// One of an enumeration's raw values; empty is missing.
    public mutating func value<T: RawRepresentable>(_: T.Type) throws(VFMError) -> T? where T.RawValue == String {
        let name = column(position)
        guard let text = text() else { return nil }
        guard let value = T(rawValue: text) else {
            throw reader.corrupt("`\(name)` holds \"\(text)\", which vfm does not write there", line: line)
        }
        return value
    }

    /// One of an enumeration's raw values that must be present.
    public mutating func requiredValue<T: RawRepresentable>(_ type: T.Type) throws(VFMError) -> T where T.RawValue == String {
        let name = column(position)
        guard let value = try value(type) else { throw reader.corrupt("`\(name)` is empty", line: line) }
        return value
    }
}

extension RunFileCSV {
    /// A finite number as the writer writes it; empty is missing.
    public func number(_ cell: String, column: String, line: Int) throws(VFMError) -> Double? {
        if cell.isEmpty { return nil }
        guard let value = Double(cell), value.isFinite else {
            throw corrupt("`\(column)` holds \"\(cell)\", not a number", line: line)
        }
        return value
    }

    /// A whole number as the writer writes it; empty is missing.
    public func count(_ cell: String, column: String, line: Int) throws(VFMError) -> Int? {
        if cell.isEmpty { return nil }
        guard let value = Int(cell) else {
            throw corrupt("`\(column)` holds \"\(cell)\", not a whole number", line: line)
        }
        return value
    }

    /// The rows of a file of `Row`s: the header must be `Row.header` exactly and every
    /// record must have one cell per column (a strict reader: a shifted column is an error).
    package func rows<Row: RunFileRow>(_ bytes: [UInt8], as _: Row.Type = Row.self) throws(VFMError) -> [Row] {
        // In pieces on all cores (`mapRecords`): `tables/benchmark.csv` has three rows a service.
        try mapRecords(bytes, header: Row.checkHeader(reader: self)) { (_: Void, cells) throws(VFMError) -> Row in
            try Row.read(cells)
        }
    }
}

extension CSVWriter {
    /// A document of `rows` under `Row.header`.
    package static func document<Rows: Sequence>(_ rows: Rows) -> String where Rows.Element: RunFileRow {
        var writer = CSVWriter(header: Rows.Element.header)
        for row in rows { writer.appendRecord { row.encode(into: &$0) } }
        return writer.text
    }
}

extension CSVFileWriter {
    /// Writes `rows` under `Row.header` to `path`; returns the file's SHA-256.
    @discardableResult
    package static func write<Row: RunFileRow>(_ rows: [Row], to path: String, displayName: String? = nil)
        throws(VFMError) -> String? {
        var file = try CSVFileWriter(path: path, header: Row.header, displayName: displayName)
        try file.appendRecords(rows) { row, line in row.pointee.encode(into: &line) }
        return try file.close()
    }
}
