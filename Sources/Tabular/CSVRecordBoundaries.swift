/// Where records end in CSV text, by a scan that tracks only what `CSVByteParser` needs to
/// tell a line end between records from a newline inside a quoted cell: whether a quote
/// opens a cell (only as its first byte), closes it, or is doubled. Nothing is copied and no
/// cell is stored, so it runs far faster than the parser; a file's text can then be cut at
/// these places and the pieces parsed apart (issue 12: ingest on both cores), each by a
/// `CSVByteParser(line:offset:)` that starts in the state the whole-file parser is in there.
///
/// A CR ends a line unless an LF follows it (CRLF is one line end), so a CR that is the
/// scanned text's last byte is not taken as a boundary: its LF may come next.
public enum CSVRecordBoundaries {
    /// A place just after a line end outside any quoted cell: `offset` bytes into the text,
    /// after `lineEnds` line ends (those inside quoted cells too).
    public struct Mark: Sendable, Equatable {
        public var offset: Int
        public var lineEnds: Int
    }

    private enum State {
        case cellStart, unquoted, quoted, quoteInQuoted
    }

    private static let comma = UInt8(ascii: ","), quote = UInt8(ascii: "\""), lf = UInt8(ascii: "\n"),
                       cr = UInt8(ascii: "\r")

    /// LF, CR, `"` and `,`: the bytes that can change the state or end a line.
    @inline(__always)
    private static func isSpecial(_ byte: UInt8) -> Bool {
        let bits: UInt64 = 0x1004_0000_2400  // bits 0x0A, 0x0D, 0x22 and 0x2C
        return byte <= comma && bits & (1 << UInt64(byte)) != 0
    }

    /// Scans `text`, which must start where a record may start (the start of a file or a
    /// boundary): the first boundary at or after `middle` and the last one, or `nil`s.
    public static func scan(_ text: UnsafeBufferPointer<UInt8>, middle: Int) -> (middle: Mark?, last: Mark?) {
        walk(text, middle: middle, stoppingAtMiddle: false)
    }

    /// The first boundary at or after `middle` in `text` (which starts where a record may),
    /// or `nil`; the scan stops there. Why: cutting a file into pieces needs only the cut,
    /// and `scan`, which goes on to the last boundary, read the whole file once per cut
    /// before any piece was parsed — a quarter of `vfm-analyze`'s reading of
    /// `clean/services.csv` by hand (issue 25).
    public static func firstBoundary(_ text: UnsafeBufferPointer<UInt8>, atOrAfter middle: Int) -> Mark? {
        walk(text, middle: middle, stoppingAtMiddle: true).middle
    }

    /// The first LF at or after `middle` in `text` (which starts where a record may), taken
    /// as a boundary without tracking quotes — or `nil` when there is none or a CR comes
    /// before it (then line ends are not LFs alone). Right only when that LF is outside any
    /// quoted cell, which the caller must confirm: the parser of the text before the mark
    /// ends between records (`CSVByteParser.isBetweenRecords`). Why: `firstBoundary` walks
    /// every byte before the cut on one core before any piece can be parsed — a tenth of
    /// `vfm-analyze`'s reading of `clean/services.csv` by hand (issue 25); this finds the
    /// cut and counts its lines with `memchr`, and the check costs nothing, since the first
    /// piece is parsed anyway.
    public static func guessedBoundary(_ text: UnsafeBufferPointer<UInt8>, atOrAfter middle: Int) -> Mark? {
        guard let base = text.baseAddress, middle >= 1, middle <= text.count,
              let lf = ByteWords.search(Self.lf, in: base, from: middle - 1, to: text.count),
              ByteWords.search(Self.cr, in: base, from: 0, to: lf) == nil else { return nil }
        var lineEnds = 0, index = 0
        while let next = ByteWords.search(Self.lf, in: base, from: index, to: lf + 1) {
            lineEnds += 1
            index = next + 1
        }
        return Mark(offset: lf + 1, lineEnds: lineEnds)
    }

    /// A block's two cuts guessed as `guessedBoundary` guesses one: `middle`, the first LF at
    /// or after `middle`, and `last`, the block's last LF — or `nil` when there is no LF after
    /// `middle`, or a CR before the last LF is not followed by an LF (line ends that are LFs or
    /// CRLFs, as spreadsheets write them, are counted by their LFs). Both are right only when
    /// the parser of the text before each ends between records, which the caller must
    /// confirm. Why: a block's `scan` walked every byte of it on one core while the other
    /// waited, 9% of that core's time as a 10^6-row file was read (issue 30).
    public static func guessedCuts(_ text: UnsafeBufferPointer<UInt8>, middle: Int) -> (middle: Mark, last: Mark)? {
        guard let base = text.baseAddress, middle >= 1, middle <= text.count else { return nil }
        var lastLF = text.count - 1
        while lastLF >= middle - 1, text[lastLF] != lf { lastLF -= 1 }
        guard lastLF >= middle - 1,
              let middleLF = ByteWords.search(lf, in: base, from: middle - 1, to: lastLF + 1) else { return nil }
        var crIndex = 0
        while let found = ByteWords.search(cr, in: base, from: crIndex, to: lastLF) {
            guard text[found + 1] == lf else { return nil }  // found < lastLF: the next byte is in the text
            crIndex = found + 2
        }
        var lineEnds = 0, index = 0, middleMark: Mark?
        while let next = ByteWords.search(lf, in: base, from: index, to: lastLF + 1) {
            lineEnds += 1
            index = next + 1
            if next == middleLF { middleMark = Mark(offset: next + 1, lineEnds: lineEnds) }
        }
        guard let middleMark else { return nil }
        return (middleMark, Mark(offset: lastLF + 1, lineEnds: lineEnds))
    }

    @inline(__always)
    private static func walk(_ text: UnsafeBufferPointer<UInt8>, middle: Int,
                             stoppingAtMiddle: Bool) -> (middle: Mark?, last: Mark?) {
        var state = State.cellStart
        var lineEnds = 0, index = 0
        var middleMark: Mark?, last: Mark?
        let count = text.count
        scanning: while index < count {
            if state == .quoted || state == .unquoted {
                // A run of ordinary bytes changes nothing: skip it (every byte that can is
                // at most `,`, 0x2C, so one comparison passes letters and digits).
                while index < count, !isSpecial(text[index]) { index += 1 }
                guard index < count else { break scanning }
            }
            let byte = text[index]
            switch state {
            case .quoted:
                if byte == quote {
                    state = .quoteInQuoted
                } else if byte == lf {
                    lineEnds += 1
                } else if byte == cr {
                    lineEnds += 1
                    if index + 1 < count, text[index + 1] == lf { index += 1 }
                }
            case .quoteInQuoted:
                if byte == quote {
                    state = .quoted
                } else {
                    state = .unquoted  // after the closing quote: read as unquoted, this byte included
                    continue scanning
                }
            case .cellStart, .unquoted:
                if byte == comma {
                    state = .cellStart
                } else if byte == lf || byte == cr {
                    if byte == cr {
                        guard index + 1 < count else { break scanning }
                        if text[index + 1] == lf { index += 1 }
                    }
                    lineEnds += 1
                    let mark = Mark(offset: index + 1, lineEnds: lineEnds)
                    last = mark
                    if middleMark == nil, mark.offset >= middle {
                        middleMark = mark
                        if stoppingAtMiddle { break scanning }
                    }
                    state = .cellStart
                } else if byte == quote, state == .cellStart {
                    state = .quoted
                } else {
                    state = .unquoted
                }
            }
            index += 1
        }
        return (middleMark, last)
    }
}
