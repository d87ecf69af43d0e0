/// One CSV record encoded cell by cell straight into a reused byte buffer (as rust-csv's
/// `Writer` writes a record into its buffer): no `[CSVField]` array, no `String` per cell
/// or per line. A row type writes itself with `append(text:)`, `append(number:)`,
/// `append(count:)` and `appendEmpty()`; the separators are the encoder's business.
///
/// The bytes are exactly what `CSVEncoding.line(_: [CSVField])` gives for the same
/// fields (that function is defined through this encoder): text neutralised against
/// formula injection (`CSVInjection`) and quoted when needed, numbers by
/// `NumberFormatting`, missing as an empty cell.
public struct CSVLineEncoder: Sendable {
    /// The record so far, without its line end.
    public internal(set) var bytes: [UInt8]
    /// The cells written so far.
    public private(set) var cellCount = 0

    public init() { bytes = [] }

    /// An encoder that continues `buffer` (its cells come after what `buffer` holds).
    init(continuing buffer: [UInt8]) { bytes = buffer }

    /// Starts the next record, keeping the buffer's capacity.
    public mutating func reset() {
        bytes.removeAll(keepingCapacity: true)
        cellCount = 0
    }

    /// The comma before every cell but the first.
    @inline(__always)
    private mutating func startCell() {
        if cellCount > 0 { bytes.append(CSVEncoding.comma) }
        cellCount += 1
    }

    /// A missing value: an empty cell.
    public mutating func appendEmpty() { startCell() }

    /// Text, neutralised and quoted where needed; `nil` (and `""`) is an empty cell.
    public mutating func append(text: String?) {
        guard let text else { return startCell() }
        append(text: text)
    }

    /// Text, neutralised and quoted where needed; `""` is an empty cell. (Taken as it is,
    /// not wrapped in an optional: a writer reading a name where its row lies then retains
    /// nothing, a million rows times their names.)
    public mutating func append(text: String) {
        startCell()
        let start = bytes.count
        CSVEncoding.appendUTF8(text, to: &bytes)
        CSVEncoding.finishTextCell(&bytes, from: start)
    }

    /// One text cell made of pieces (such as `file:line`, or ids joined by `;`): `compose`
    /// appends the cell's raw UTF-8 and the encoder then treats it exactly as
    /// `append(text:)` treats the joined `String` — without building that `String`.
    public mutating func appendText(_ compose: (inout [UInt8]) -> Void) {
        startCell()
        let start = bytes.count
        compose(&bytes)
        CSVEncoding.finishTextCell(&bytes, from: start)
    }

    /// A number at full precision (`NumberFormatting`); `nil` or non-finite is empty.
    public mutating func append(number: Double?) {
        startCell()
        NumberFormatting.append(number, to: &bytes)
    }

    /// A whole number; `nil` is empty.
    public mutating func append(count: Int?) {
        startCell()
        NumberFormatting.append(count, to: &bytes)
    }

    /// One field of any kind.
    public mutating func append(_ field: CSVField) {
        switch field {
        case .text(let value): append(text: value)
        case .number(let value): append(number: value)
        case .count(let value): append(count: value)
        }
    }

    /// `file:line`, exactly as `append(text: source.description)`.
    public mutating func append(source file: String, line: Int) {
        appendText { bytes in
            CSVEncoding.appendUTF8(file, to: &bytes)
            bytes.append(UInt8(ascii: ":"))
            NumberFormatting.appendDecimal(Int64(line), to: &bytes)
        }
    }

    /// The cells `other` holds, after this encoder's own (for cells that repeat on many
    /// rows, such as a service's name before each of its flags: encoded once, copied).
    public mutating func append(cellsOf other: CSVLineEncoder) {
        guard other.cellCount > 0 else { return }
        if cellCount > 0 { bytes.append(CSVEncoding.comma) }
        bytes.append(contentsOf: other.bytes)
        cellCount += other.cellCount
    }

    /// Ends the record with its LF.
    mutating func endLine() { bytes.append(CSVEncoding.lf) }
}
