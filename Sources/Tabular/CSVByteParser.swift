/// Splits UTF-8 bytes into RFC 4180 records, fed in chunks of any size (a state machine
/// with no I/O, as rust-csv's `csv-core`): CRLF, LF or CR line ends (mixed too), quoted
/// cells with commas, doubled quotes and newlines. Each record is handed over in one reused
/// `CSVByteRecord`, so memory is one record, never the file.
///
/// The rules are those of `CSVRecordParser` (the reader of the run's own files), so the
/// two read every input alike:
/// - Blank lines — nothing on them, or only spaces and tabs — are skipped and not
///   counted as records (their line numbers still count). A line of bare separators
///   (`,,,`) is a record of empty cells.
/// - A quote opens a quoted cell only as the cell's first byte; elsewhere it is literal.
/// - Text after a closing quote (`a,"b"c`) is kept (`bc`, as Python's csv and rust-csv
///   read it) and reported in `textAfterQuote` (any byte but a separator, spaces too, as
///   `CSVRecordParser` reports it).
/// - A cell longer than `cellLimit` bytes keeps only its first
///   `keptPrefixOfLongCell` bytes and is named in the record's `oversizedCell`: memory
///   stays bounded by the limit whatever the input (issue 19 item 5).
/// Work is linear in the input: one pass over the bytes, no backtracking.
///
/// A record that lies whole in one chunk and needs no unquoting (no doubled quote, no text
/// after a closing quote, no cell over the limit) — nearly every record of a run file — is
/// read where it lies: only where each cell starts and ends is noted, and the line is
/// copied into the record once, at its end. Copying each cell as it was read cost a fifth
/// of reading a run file by hand (issue 25). Any other record is copied cell by cell from
/// the point where it stopped being verbatim (`copyRecordSoFar`).
public struct CSVByteParser {
    /// 64 KiB: far beyond any real name, authority or number, small enough that a hostile
    /// cell cannot blow up memory or the outputs (SPEC §3, issue 19 item 5).
    public static let defaultCellLimit = 65_536
    /// What an oversized cell keeps, for the message and `clean/rejected.csv`.
    public static let keptPrefixOfLongCell = 256
    /// How many text-after-quote places are kept (all are counted).
    public static let keptTextAfterQuote = 20

    public let cellLimit: Int
    /// The first `keptTextAfterQuote` cells with text after their closing quote.
    public private(set) var textAfterQuote: [CSVTextAfterQuote] = []
    /// How many cells had text after their closing quote.
    public private(set) var textAfterQuoteCount = 0

    private enum State {
        /// No byte of the cell yet: a quote here opens a quoted cell.
        case cellStart
        case unquoted
        case quoted
        /// A quote inside a quoted cell: the next byte says whether it was doubled.
        case quoteInQuoted
        /// After the closing quote.
        case afterQuote
    }

    private var record = CSVByteRecord()
    private var state = State.cellStart
    private var line = 1
    /// Bytes fed before the current chunk.
    private var consumed = 0
    private var records = 0
    private var recordHasContent = false
    /// A CR ended a line: an LF right after it belongs to the same line end.
    private var pendingCR = false
    private var quoteOpenedOnLine = 1
    /// The current cell's length as written (may exceed what is stored).
    private var cellLength = 0
    private var cellWarned = false
    /// The line of the text after the current cell's closing quote, if any (reported at the cell's end).
    private var textAfterQuoteLine: Int?
    private var stopped = false
    /// The current record is read where it lies in the chunk, from `verbatimBase`; its
    /// cells' places are kept relative to that. Otherwise its cells are copied.
    private var verbatim = true
    private var verbatimBase = 0
    /// Read verbatim, the current cell's content is `cellContentStart..<cellContentEnd`
    /// of the chunk; copied, it starts at `copiedCellStart` of the record's bytes.
    private var cellContentStart = 0
    private var cellContentEnd = 0
    private var copiedCellStart = 0

    public init(cellLimit: Int = CSVByteParser.defaultCellLimit) {
        self.cellLimit = max(cellLimit, Self.keptPrefixOfLongCell)
        record.reset(at: CSVPosition(byte: 0, line: 1, record: 0))
    }

    /// A parser of text that starts at a record boundary further into a file
    /// (`CSVRecordBoundaries`): its first byte is on physical `line` and at `offset` in the
    /// file's decoded text. It reads what the whole-file parser reads from there on, with
    /// the same lines; record numbers count from this piece.
    public init(cellLimit: Int = CSVByteParser.defaultCellLimit, line: Int, offset: Int) {
        self.init(cellLimit: cellLimit)
        self.line = line
        consumed = offset
        record.reset(at: CSVPosition(byte: offset, line: line, record: 0))
    }

    private static let comma = UInt8(ascii: ","), quote = UInt8(ascii: "\""), lf = UInt8(ascii: "\n"),
                       cr = UInt8(ascii: "\r"), space = UInt8(ascii: " "), tab = UInt8(ascii: "\t")

    /// A comma, LF or CR: what ends a run of unquoted bytes. Every one is at most `,`
    /// (0x2C), so one comparison passes letters and digits.
    @inline(__always)
    private static func endsUnquotedRun(_ byte: UInt8) -> Bool {
        byte <= comma && (byte == comma || byte == lf || byte == cr)
    }

    /// Parses `chunk`, handing each complete record to `body`; `body` returns false to stop
    /// reading (the rest of the input is then ignored).
    public mutating func feed(_ chunk: UnsafeBufferPointer<UInt8>, _ body: (CSVByteRecord) -> Bool) {
        guard !stopped else { return }
        let count = chunk.count
        // A record read verbatim never outlives its chunk (see the end of this function).
        if verbatim { verbatimBase = 0; startCell(at: 0) }
        var index = 0
        while index < count {
            if state == .cellStart, verbatim, index == verbatimBase, !pendingCR, record.cells.isEmpty {
                switch readPlainLine(chunk, from: index, body) {
                case .read(let next): index = next; continue
                case .stop: stopped = true; return
                case .notPlain: break
                }
            }
            let byte = chunk[index]
            if pendingCR {
                pendingCR = false
                if byte == Self.lf {
                    if state == .quoted { take(byte, at: index) } else { record.position.byte += 1 }
                    index += 1
                    continue
                }
            }
            switch state {
            case .cellStart, .unquoted, .afterQuote:
                if byte == Self.comma {
                    recordHasContent = true
                    endCell(chunk)
                    state = .cellStart
                    startCell(at: index + 1)
                } else if byte == Self.lf || byte == Self.cr {
                    pendingCR = byte == Self.cr
                    if !endRecord(nextStartsAt: consumed + index + 1, chunk, body) { stopped = true; return }
                    line += 1
                    verbatim = true
                    verbatimBase = index + 1
                    startCell(at: index + 1)
                } else if byte == Self.quote, state == .cellStart {
                    state = .quoted
                    recordHasContent = true
                    quoteOpenedOnLine = line
                    startCell(at: index + 1)
                } else {
                    if state == .afterQuote {
                        noteTextAfterQuote()
                        if verbatim { copyRecordSoFar(chunk) }
                    }
                    if state == .cellStart { startCell(at: index) }
                    state = .unquoted
                    // A run of ordinary bytes up to the next separator, line end (or end of chunk).
                    var end = index
                    if recordHasContent {
                        // The record is already not blank: only the run's end is sought.
                        while end < count, !Self.endsUnquotedRun(chunk[end]) { end += 1 }
                    } else {
                        var visible = false
                        while end < count {
                            let next = chunk[end]
                            if Self.endsUnquotedRun(next) { break }
                            // As in CSVRecordParser, a literal quote alone does not make a line non-blank.
                            if next != Self.space && next != Self.tab && next != Self.quote { visible = true }
                            end += 1
                        }
                        if visible { recordHasContent = true }
                    }
                    take(chunk, index..<end)
                    index = end
                    continue
                }
            case .quoted:
                if byte == Self.quote {
                    state = .quoteInQuoted
                } else if byte == Self.lf || byte == Self.cr {
                    take(byte, at: index)
                    line += 1
                    pendingCR = byte == Self.cr
                } else {
                    var end = index + 1
                    while end < count {
                        let next = chunk[end]
                        if next == Self.quote || next == Self.lf || next == Self.cr { break }
                        end += 1
                    }
                    take(chunk, index..<end)
                    index = end
                    continue
                }
            case .quoteInQuoted:
                if byte == Self.quote {
                    // A doubled quote: the cell is no longer its bytes as written.
                    if verbatim { copyRecordSoFar(chunk) }
                    append(byte)
                    state = .quoted
                } else {
                    state = .afterQuote
                    continue  // the byte after a closing quote, read in its own state
                }
            }
            index += 1
        }
        consumed += count
        if verbatim && (state != .cellStart || !record.cells.isEmpty) { copyRecordSoFar(chunk) }
    }

    private enum PlainLine { case read(next: Int), stop, notPlain }

    /// Reads the line that starts at `start` in one pass when it is plain — wholly in the
    /// chunk, ended by an LF, with no CR, at least one separator, no cell over the limit,
    /// and every quoted cell closed by a quote followed by a separator or the line end (so
    /// no doubled quote, no text after a quote, no line end inside quotes) — and hands it
    /// over as the state machine would. Any other line is left untouched (`.notPlain`) for
    /// the state machine. Nearly every line of a run file is plain: the line end and the
    /// quotes are found with `memchr`, and the cells split with one comparison a byte
    /// (issue 25: the state machine was two fifths of reading a run file by hand).
    @inline(__always)
    private mutating func readPlainLine(_ chunk: UnsafeBufferPointer<UInt8>, from start: Int,
                                        _ body: (CSVByteRecord) -> Bool) -> PlainLine {
        guard let base = chunk.baseAddress,
              let end = ByteWords.search(Self.lf, in: base, from: start, to: chunk.count),
              ByteWords.search(Self.cr, in: base, from: start, to: end) == nil else { return .notPlain }
        // A line found not plain after some cells: they are forgotten, for the state machine.
        func notPlain() -> PlainLine {
            record.cells.removeAll(keepingCapacity: true)
            return .notPlain
        }
        var position = start
        var content = start ..< start
        while true {
            if position < end, base[position] == Self.quote {
                guard let close = ByteWords.search(Self.quote, in: base, from: position + 1, to: end),
                      close + 1 == end || base[close + 1] == Self.comma else { return notPlain() }
                content = (position + 1) ..< close
                position = close + 1
            } else {
                let next = ByteWords.firstIndex(of: Self.comma, in: base, from: position, to: end)
                content = position ..< next
                position = next
            }
            guard content.count <= cellLimit else { return notPlain() }
            if position == end { break }
            record.cells.append(Range(uncheckedBounds: (content.lowerBound - start, content.upperBound - start)))
            position += 1
        }
        guard !record.cells.isEmpty else { return .notPlain }  // no separator: blank or one cell
        recordHasContent = true
        cellContentStart = content.lowerBound
        cellContentEnd = content.upperBound
        guard endRecord(nextStartsAt: consumed + end + 1, chunk, body) else { return .stop }
        line += 1
        verbatimBase = end + 1
        startCell(at: end + 1)
        return .read(next: end + 1)
    }

    /// Whether the bytes fed so far end between two records: not inside a record, a quoted
    /// cell or a CRLF (how a cut guessed without tracking quotes is confirmed,
    /// `CSVRecordBoundaries.guessedBoundary`).
    public var isBetweenRecords: Bool {
        state == .cellStart && !recordHasContent && !pendingCR && record.cells.isEmpty
    }

    /// Ends the input: hands over the last record (when the text does not end with a line
    /// end). An unterminated quote is only known here, after the records before it.
    public mutating func finish(_ body: (CSVByteRecord) -> Bool) throws(CSVStructureError) {
        guard !stopped else { return }
        if state == .quoted { throw .unterminatedQuote(line: quoteOpenedOnLine) }
        // A record begun in a chunk was copied at that chunk's end: no chunk is needed here.
        if recordHasContent { _ = endRecord(nextStartsAt: consumed, UnsafeBufferPointer(start: nil, count: 0), body) }
        stopped = true
    }

    /// A new cell whose content would start at `position` of the chunk.
    @inline(__always)
    private mutating func startCell(at position: Int) {
        if verbatim {
            cellContentStart = position
            cellContentEnd = position
        } else {
            copiedCellStart = record.bytes.count
        }
    }

    /// Content bytes `range` of the chunk: noted where they lie, or copied.
    @inline(__always)
    private mutating func take(_ chunk: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
        if verbatim { cellContentEnd = range.upperBound } else { append(UnsafeBufferPointer(rebasing: chunk[range])) }
    }

    /// Content byte `byte` at `index` of the chunk (a line end inside quotes).
    @inline(__always)
    private mutating func take(_ byte: UInt8, at index: Int) {
        if verbatim { cellContentEnd = index + 1 } else { append(byte) }
    }

    /// Stops reading the current record verbatim: copies its cells so far, one after
    /// another, into the record's bytes (and the current cell's content, within the cell
    /// limit), so that what follows is appended to the current cell.
    private mutating func copyRecordSoFar(_ chunk: UnsafeBufferPointer<UInt8>) {
        verbatim = false
        for cell in record.cells.indices {
            let start = record.bytes.count, written = record.cells[cell]
            record.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: chunk[(verbatimBase + written.lowerBound)..<(verbatimBase + written.upperBound)]))
            record.cells[cell] = start..<record.bytes.count
        }
        copiedCellStart = record.bytes.count
        cellLength = 0
        append(UnsafeBufferPointer(rebasing: chunk[cellContentStart..<cellContentEnd]))
    }

    @inline(__always)
    private mutating func append(_ byte: UInt8) {
        cellLength += 1
        if cellLength <= cellLimit { record.bytes.append(byte) } else { overflow() }
    }

    @inline(__always)
    private mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard !bytes.isEmpty else { return }
        let room = cellLimit - cellLength
        cellLength += bytes.count
        if bytes.count <= room {
            record.bytes.append(contentsOf: bytes)
        } else {
            if room > 0 { record.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[..<room])) }
            overflow()
        }
    }

    /// The cell passed the limit: keep its first bytes only, once.
    private mutating func overflow() {
        let keep = copiedCellStart + Self.keptPrefixOfLongCell
        if record.bytes.count > keep { record.bytes.removeSubrange(keep...) }
        if record.oversizedCell == nil { record.oversizedCell = record.cells.count }
    }

    private mutating func noteTextAfterQuote() {
        guard !cellWarned else { return }
        cellWarned = true
        textAfterQuoteCount += 1
        if textAfterQuote.count < Self.keptTextAfterQuote { textAfterQuoteLine = line }
    }

    private mutating func endCell(_ chunk: UnsafeBufferPointer<UInt8>) {
        if verbatim {
            if cellContentEnd - cellContentStart <= cellLimit {
                record.cells.append(Range(uncheckedBounds: (cellContentStart - verbatimBase, cellContentEnd - verbatimBase)))
                return
            }
            copyRecordSoFar(chunk)  // the cell is over the limit: it keeps its first bytes only
        }
        if let line = textAfterQuoteLine {
            textAfterQuote.append(CSVTextAfterQuote(line: line, column: record.cells.count + 1,
                                                    cell: String(decoding: record.bytes[copiedCellStart...], as: UTF8.self)))
            textAfterQuoteLine = nil
        }
        if record.oversizedCell == record.cells.count { record.oversizedCellLength = cellLength }
        record.cells.append(copiedCellStart..<record.bytes.count)
        cellLength = 0
        cellWarned = false
    }

    /// Ends the record at a line end; returns what `body` said (true when skipped as blank).
    private mutating func endRecord(nextStartsAt offset: Int, _ chunk: UnsafeBufferPointer<UInt8>,
                                    _ body: (CSVByteRecord) -> Bool) -> Bool {
        endCell(chunk)
        var goOn = true
        if recordHasContent {
            if verbatim, let last = record.cells.last {
                // The line as written, separators and quotes included, copied once.
                record.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: chunk[verbatimBase..<(verbatimBase + last.upperBound)]))
            }
            records += 1
            record.position.record = records
            goOn = body(record)
        }
        record.reset(at: CSVPosition(byte: offset, line: line + 1, record: 0))
        recordHasContent = false
        state = .cellStart
        return goOn
    }
}
