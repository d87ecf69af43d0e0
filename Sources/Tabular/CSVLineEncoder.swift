/// One CSV record encoded cell by cell straight into a reused byte buffer (as rust-csv's
/// `Writer` writes a record into its buffer): no `[CSVField]` array, no `String` per cell
/// or per line. A row type writes itself with `append(text:)`, `append(number:)`,
/// `append(count:)` and `appendEmpty()`; the separators are the encoder's business.
///
/// The bytes are exactly what `CSVEncoding.line(_: [CSVField])` gives for the same
/// fields (that function is defined through this encoder): text neutralised against
/// formula injection (`CSVInjection`) and quoted when needed, numbers by
/// `NumberFormatting`, missing as an empty cell.
///
/// The buffer is an array kept longer than the record, the spare bytes past `byteCount`
/// ready to be written: a cell is one uniqueness check and one copy, not an `Array`
/// append (and its growth checks) per piece (issue 12: the run files' writers encode tens
/// of millions of cells at a million rows).
public struct CSVLineEncoder: Sendable {
    /// The record so far in its first `byteCount` bytes; the rest is room for more.
    private var storage: [UInt8]
    /// How many bytes the record has so far.
    public private(set) var byteCount = 0
    /// The cells written so far.
    public private(set) var cellCount = 0
    /// Reused for cells composed in pieces (`appendText`), so they allocate nothing.
    private var scratch: [UInt8] = []

    /// The record so far, without its line end (a copy; `withBytes` lends them).
    public var bytes: [UInt8] { Array(storage[..<byteCount]) }

    public init() { storage = [UInt8](repeating: 0, count: 256) }

    /// An encoder that continues `buffer` (its cells come after what `buffer` holds).
    init(continuing buffer: [UInt8]) {
        storage = buffer
        byteCount = buffer.count
    }

    /// Lends the record's bytes so far, without copying them.
    public func withBytes<R>(_ body: (UnsafeRawBufferPointer) -> R) -> R {
        storage.withUnsafeBytes { body(UnsafeRawBufferPointer(rebasing: $0[..<byteCount])) }
    }

    /// Starts the next record, keeping the buffer.
    public mutating func reset() {
        byteCount = 0
        cellCount = 0
    }

    /// Makes room for `extra` more bytes.
    @inline(__always)
    private mutating func reserve(_ extra: Int) {
        if byteCount + extra > storage.count { grow(to: byteCount + extra) }
    }

    private mutating func grow(to needed: Int) {
        storage.append(contentsOf: repeatElement(0, count: max(needed, 2 * storage.count, 256) - storage.count))
    }

    /// Writes up to `maxCount` bytes after the record: `body` gets the first free byte
    /// and returns how many it wrote.
    @inline(__always)
    private mutating func write(maxCount: Int, _ body: (UnsafeMutablePointer<UInt8>) -> Int) {
        reserve(maxCount + 1)  // + 1: never an empty buffer, so there is a base address
        let start = byteCount
        let written = storage.withUnsafeMutableBufferPointer { buffer in
            body(buffer.baseAddress.unsafelyUnwrapped + start)
        }
        byteCount = start + written
    }

    /// One cell: the comma before every cell but the first, then up to `maxCount` bytes
    /// from `body` (as `write`).
    @inline(__always)
    private mutating func writeCell(maxCount: Int, _ body: (UnsafeMutablePointer<UInt8>) -> Int) {
        let comma = cellCount > 0
        cellCount += 1
        write(maxCount: maxCount + 1) { free in
            guard comma else { return body(free) }
            free.pointee = CSVEncoding.comma
            return 1 + body(free + 1)
        }
    }

    /// A missing value: an empty cell.
    public mutating func appendEmpty() { writeCell(maxCount: 0) { _ in 0 } }

    /// Text, neutralised and quoted where needed; `nil` (and `""`) is an empty cell.
    public mutating func append(text: String?) {
        guard let text else { return appendEmpty() }
        let copied: Void? = text.utf8.withContiguousStorageIfAvailable { appendTextCell(UnsafeRawBufferPointer($0)) }
        if copied == nil {
            var contiguous = text
            contiguous.withUTF8 { appendTextCell(UnsafeRawBufferPointer($0)) }
        }
    }

    /// One text cell made of pieces (such as `file:line`, or ids joined by `;`): `compose`
    /// appends the cell's raw UTF-8 and the encoder then treats it exactly as
    /// `append(text:)` treats the joined `String` — without building that `String`.
    public mutating func appendText(_ compose: (inout [UInt8]) -> Void) {
        var cell = scratch
        scratch = []  // `cell` stays uniquely referenced while it is composed
        cell.removeAll(keepingCapacity: true)
        compose(&cell)
        cell.withUnsafeBytes { appendTextCell($0) }
        scratch = cell
    }

    /// The text cell whose raw UTF-8 is `utf8`, as `CSVEncoding.finishTextCell` turns it
    /// into a cell: a leading `'` when `CSVInjection` says it is a formula, then in double
    /// quotes with inner quotes doubled when it holds a comma, a quote, CR or LF (the
    /// prefix is inside the quotes: `finishTextCell` prefixes, then quotes the cell).
    private mutating func appendTextCell(_ utf8: UnsafeRawBufferPointer) {
        guard let first = utf8.first else { return appendEmpty() }
        // Almost every cell is neither: checked on the bytes, the `String` test only for
        // a cell whose first byte could start a formula or an escaped one.
        let prefixed = CSVInjection.mayNeedPrefix(firstByte: first)
            && CSVInjection.needsPrefix(Substring(String(decoding: utf8, as: UTF8.self)))
        let quoted = CSVEncoding.holdsQuotingByte(utf8)
        guard prefixed || quoted else {
            return writeCell(maxCount: utf8.count) { free in
                UnsafeMutableRawPointer(free).copyMemory(from: utf8.baseAddress.unsafelyUnwrapped, byteCount: utf8.count)
                return utf8.count
            }
        }
        writeCell(maxCount: 2 * utf8.count + 3) { free in
            var position = 0
            func put(_ byte: UInt8) {
                free[position] = byte
                position += 1
            }
            if quoted { put(CSVEncoding.quote) }
            if prefixed { put(CSVInjection.prefix) }
            for byte in utf8 {
                if quoted, byte == CSVEncoding.quote { put(CSVEncoding.quote) }
                put(byte)
            }
            if quoted { put(CSVEncoding.quote) }
            return position
        }
    }

    /// A number at full precision (`NumberFormatting`); `nil` or non-finite is empty.
    public mutating func append(number: Double?) {
        switch NumberFormatting.form(number) {
        case .empty:
            appendEmpty()
        case .integer(let integer):
            writeCell(maxCount: NumberFormatting.maxDecimalCount) { NumberFormatting.writeDecimal(integer, to: $0) }
        case .shortest(let value):
            var overflow = false
            writeCell(maxCount: CellStream.capacity) { free in
                // `write(to:)` hands the digits `description` is made of straight to the
                // stream (no `String` per number); a stream that got a `String` is right too.
                var stream = CellStream(base: free)
                value.write(to: &stream)
                overflow = stream.overflow
                return overflow ? 0 : stream.count
            }
            if overflow {  // longer than any `description` of a Double: never, but exact if so
                let text = value.description
                text.utf8.withContiguousStorageIfAvailable { appendRaw(UnsafeRawBufferPointer($0)) }
            }
        }
    }

    /// A whole number; `nil` is empty.
    public mutating func append(count: Int?) {
        guard let count else { return appendEmpty() }
        writeCell(maxCount: NumberFormatting.maxDecimalCount) { NumberFormatting.writeDecimal(Int64(count), to: $0) }
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
        if cellCount > 0 { appendRaw(CSVEncoding.comma) }
        other.withBytes { appendRaw($0) }
        cellCount += other.cellCount
    }

    /// Ends the record with its LF.
    mutating func endLine() { appendRaw(CSVEncoding.lf) }

    /// Bytes appended as they are, outside any cell's bookkeeping.
    private mutating func appendRaw(_ raw: UnsafeRawBufferPointer) {
        guard let source = raw.baseAddress else { return }
        write(maxCount: raw.count) { free in
            UnsafeMutableRawPointer(free).copyMemory(from: source, byteCount: raw.count)
            return raw.count
        }
    }

    private mutating func appendRaw(_ byte: UInt8) {
        write(maxCount: 1) { free in
            free.pointee = byte
            return 1
        }
    }
}

/// The characters a `TextOutputStreamable` value writes, copied into a cell's free bytes.
private struct CellStream: TextOutputStream {
    /// Room for the longest `description` of a `Double` (24 characters, as
    /// `-2.2250738585072014e-308`), with margin.
    static let capacity = 40
    let base: UnsafeMutablePointer<UInt8>
    var count = 0
    var overflow = false

    mutating func write(_ string: String) {
        var string = string
        string.withUTF8 { copy($0) }
    }

    /// What the standard library's numbers write through: their ASCII digits in a buffer.
    mutating func _writeASCII(_ buffer: UnsafeBufferPointer<UInt8>) { copy(buffer) }

    private mutating func copy(_ buffer: UnsafeBufferPointer<UInt8>) {
        guard let source = buffer.baseAddress else { return }
        guard count + buffer.count <= Self.capacity else {
            overflow = true
            return
        }
        (base + count).update(from: source, count: buffer.count)
        count += buffer.count
    }
}
