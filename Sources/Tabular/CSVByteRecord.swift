/// One CSV record as bytes, reused from record to record (as rust-csv's `ByteRecord`):
/// one buffer holding the cells' bytes (quotes removed, doubled quotes collapsed) and
/// where each cell starts and ends in it. Reading the next record reuses the buffers, so
/// nothing is allocated per cell; a `String` is made only when a caller asks for one.
///
/// Cells need not be next to each other in `bytes`: a record that needed no unquoting is
/// its line as written, copied once, with the separators and quotes between its cells
/// (`CSVByteParser`), so only `range(of:)` says where a cell is.
///
/// [rust-csv ByteRecord]: https://docs.rs/csv/latest/csv/struct.ByteRecord.html
public struct CSVByteRecord: Sendable {
    /// The buffer the cells are in (`range(of:)`).
    public internal(set) var bytes: [UInt8] = []
    /// `cells[i]` is where cell i is in `bytes` (one array: one append per cell).
    public internal(set) var cells: [Range<Int>] = []
    /// Where the record starts: physical line (1-based; a quoted newline in an earlier
    /// record shifts it, SPEC §4), byte offset in the decoded text, and record number
    /// (1-based, counting the header; blank lines are not records).
    public internal(set) var position = CSVPosition(byte: 0, line: 1, record: 0)
    /// The first cell (0-based) longer than the cell limit, if any; that cell holds only
    /// its first `CSVByteParser.keptPrefixOfLongCell` bytes.
    public internal(set) var oversizedCell: Int?
    /// How many bytes the oversized cell really had.
    public internal(set) var oversizedCellLength = 0

    public init() {}

    /// Number of cells.
    @inlinable
    public var count: Int { cells.count }

    /// The byte range of cell `index` in `bytes`.
    @inlinable
    public func range(of index: Int) -> Range<Int> {
        cells[index]
    }

    /// Calls `body` with cell `index`'s bytes, without copying them. Inlinable: the readers
    /// of run files (other modules) call it for every cell, and unspecialised it cost a
    /// generic call and metadata lookup each time (issue 25, reading by hand).
    @inlinable
    public func withCell<R>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let range = range(of: index)
        return bytes.withUnsafeBufferPointer { buffer in
            body(UnsafeBufferPointer(rebasing: buffer[range]))
        }
    }

    /// Cell `index` as text (the bytes are UTF-8: `TextScan` has checked or transcoded them).
    public func string(_ index: Int) -> String {
        String(decoding: bytes[range(of: index)], as: UTF8.self)
    }

    /// Every cell as text: for messages and rejected rows, not for the data path.
    public var strings: [String] { (0..<count).map(string) }

    mutating func reset(at position: CSVPosition) {
        bytes.removeAll(keepingCapacity: true)
        cells.removeAll(keepingCapacity: true)
        oversizedCell = nil
        oversizedCellLength = 0
        self.position = position
    }
}

/// Where something is in a CSV input: the byte offset (in the decoded UTF-8 text), the
/// physical line (1-based) and the record number (1-based, the header is record 1).
public struct CSVPosition: Sendable, Equatable {
    public var byte: Int
    public var line: Int
    public var record: Int

    public init(byte: Int, line: Int, record: Int) {
        self.byte = byte
        self.line = line
        self.record = record
    }
}
