import Tabular
import VFMCore

/// The second pass's records, read in blocks whose rows are typed on both cores (issue 12):
/// the text is gathered into a block, `CSVRecordBoundaries` finds where its records end,
/// and the block up to its last whole record is cut in two at a record boundary near its
/// middle (both cuts first guessed at line ends and confirmed by the halves' parsers ending
/// between records, `parseGuessed`; after a wrong guess every block is scanned); the
/// halves are parsed and typed concurrently (`Parallel.map`), each by a parser that starts
/// on the right line (`CSVByteParser(line:offset:)`) and a copy of the table's row reader,
/// and taken into the table in file order. Every row, reject, line number and
/// warning is what one parser over the whole file gives (tested on cut-up files).
///
/// Until the header is found a block is read by one parser through `ReturnTable.take`,
/// which finds it. What is left after the last whole record waits for the next block; the
/// end of the file goes to one parser and its `finish`, which reports an unterminated quote.
/// A block with no record boundary at all (a quoted cell that never closes, or a record
/// longer than the block) grows until `Sizes.largestPending`, and the rest of the file is
/// then read by one parser, as it always was: memory stays bounded.
struct PieceParse {
    struct Sizes {
        /// Bytes of text gathered before a block is cut and parsed.
        var block = 1 << 22
        /// Bytes gathered without a record boundary before the rest is read by one parser.
        var largestPending = 1 << 24
        /// Bytes gathered before a block is cut while the header is not yet found: such a
        /// block is read by one parser, so it is kept small (a header sits in the first
        /// lines). With a 4 MiB first block, a third of a 10⁵-row file was read on one core
        /// (issue 30).
        var headerBlock = 1 << 16
    }

    private let sizes: Sizes
    private var pending: [UInt8] = []
    /// Physical line and decoded-text offset of `pending`'s first byte (a record boundary).
    private var line = 1, offset = 0
    /// The decoded text's length in bytes (the first pass's count), from which the first
    /// typed block estimates how many rows the file holds (`ReturnTable.reserveRows`).
    private let textBytes: Int?
    private var reserved = false
    /// Blocks are cut at guessed line ends until a guess is wrong (`parseGuessed`).
    private var guessing = true
    /// Set once the rest of the file goes to `rest`, one parser.
    private var sequential = false
    private var rest = CSVByteParser()
    /// A header row could not be used: nothing more is read.
    private var stopped = false
    /// The cells with text after a closing quote, of every parser in file order: the first
    /// `CSVByteParser.keptTextAfterQuote`, and how many in all.
    private(set) var textAfterQuote: [CSVTextAfterQuote] = []
    private(set) var textAfterQuoteCount = 0

    init(sizes: Sizes = Sizes(), textBytes: Int? = nil) {
        self.sizes = sizes
        self.textBytes = textBytes
    }

    mutating func feed(_ text: UnsafeBufferPointer<UInt8>, into table: inout ReturnTable) {
        guard !stopped else { return }
        if sequential {
            rest.feed(text) { table.take($0) }
            return
        }
        pending.append(contentsOf: text)
        func blockSize() -> Int { table.reader == nil ? min(sizes.headerBlock, sizes.block) : sizes.block }
        var window = blockSize()
        while !sequential, !stopped, pending.count >= blockSize() {
            let scanned = min(window, pending.count)
            if guessing, table.reader != nil {
                // Cuts guessed at LFs, confirmed by the parsers (`parseGuessed`); after one
                // that was not a boundary (a line end inside quotes) every block is scanned.
                let cuts = pending.withUnsafeBufferPointer { text in
                    CSVRecordBoundaries.guessedCuts(UnsafeBufferPointer(rebasing: text[..<scanned]), middle: scanned / 2)
                }
                if let cuts, parseGuessed(cuts, into: &table) {
                    window = blockSize()
                    continue
                }
                guessing = false
            }
            let marks = pending.withUnsafeBufferPointer { text in
                CSVRecordBoundaries.scan(UnsafeBufferPointer(rebasing: text[..<scanned]), middle: scanned / 2)
            }
            guard let last = marks.last else {
                if scanned < pending.count {
                    window *= 2  // one record longer than the window: look further
                } else if pending.count >= sizes.largestPending {
                    readRestSequentially(into: &table)
                } else {
                    return  // wait for more text
                }
                continue
            }
            parse(upTo: last, middle: marks.middle, into: &table)
            window = blockSize()
        }
    }

    /// Ends the text: the rest goes to one parser, whose `finish` hands over a last record
    /// with no line end or throws for a quote left open.
    mutating func finish(into table: inout ReturnTable) throws(CSVStructureError) {
        guard !stopped else { return }
        if !sequential { readRestSequentially(into: &table) }
        guard !stopped else { return }
        defer { note(rest) }
        try rest.finish { table.take($0) }
    }

    private mutating func readRestSequentially(into table: inout ReturnTable) {
        sequential = true
        rest = CSVByteParser(line: line, offset: offset)
        pending.withUnsafeBufferPointer { text in rest.feed(text) { table.take($0) } }
        pending = []
    }

    /// Parses `pending` up to `cuts.last` in two halves cut at `cuts.middle`, guessed cuts
    /// (`CSVRecordBoundaries.guessedCuts`): taken only when the parser of each half ends
    /// between records, which makes both cuts record boundaries; else nothing is taken and
    /// the result is false.
    private mutating func parseGuessed(_ cuts: (middle: CSVRecordBoundaries.Mark, last: CSVRecordBoundaries.Mark),
                                       into table: inout ReturnTable) -> Bool {
        guard let reader = table.reader, cuts.middle.offset < cuts.last.offset else { return false }
        let typed = typedHalves(reader: reader, middle: cuts.middle, last: cuts.last, rowsSoFar: table.accepted.count)
        guard typed.allSatisfy({ $0.1.isBetweenRecords }) else { return false }
        take(typed, upTo: cuts.last, into: &table)
        return true
    }

    /// Each half's rows, typed on its own core by its own parser; `rowsSoFar` gives room for
    /// as many rows as the bytes should hold.
    private func typedHalves(reader: ReturnRowReader, middle: CSVRecordBoundaries.Mark, last: CSVRecordBoundaries.Mark,
                             rowsSoFar: Int) -> [(TypedRows, CSVByteParser)] {
        let pieces = [(0..<middle.offset, line, offset),
                      (middle.offset..<last.offset, line + middle.lineEnds, offset + middle.offset)]
        // Rows a byte so far (none before the header's block is read): each piece's rows
        // are given room for as many as its bytes should hold, and 1/8 more.
        let rowsPerByte = offset > 0 ? Double(rowsSoFar) / Double(offset) : 0
        return pending.withUnsafeBufferPointer { text in
            Parallel.map(pieces.count) { index -> (TypedRows, CSVByteParser) in
                let (range, line, offset) = pieces[index]
                var parser = CSVByteParser(line: line, offset: offset)
                var rows = TypedRows(reader: reader, expectedRows: Int(Double(range.count) * rowsPerByte * 9 / 8))
                parser.feed(UnsafeBufferPointer(rebasing: text[range])) { rows.take($0) }
                return (rows, parser)
            }
        }
    }

    /// Takes typed halves into the table, in file order, and moves past `last`.
    private mutating func take(_ typed: [(TypedRows, CSVByteParser)], upTo last: CSVRecordBoundaries.Mark,
                               into table: inout ReturnTable) {
        reserveRows(typed, upTo: last, in: &table)
        for (rows, parser) in typed {
            table.take(typed: rows)
            note(parser)
        }
        line += last.lineEnds
        offset += last.offset
        pending.removeFirst(last.offset)
    }

    /// Parses `pending` up to `last` (scanned boundaries), in two halves cut at `middle` once
    /// the header is known, else by one parser that finds the header.
    private mutating func parse(upTo last: CSVRecordBoundaries.Mark, middle: CSVRecordBoundaries.Mark?,
                                into table: inout ReturnTable) {
        if let reader = table.reader, let middle, middle.offset < last.offset {
            take(typedHalves(reader: reader, middle: middle, last: last, rowsSoFar: table.accepted.count), upTo: last,
                 into: &table)
            return
        }
        var parser = CSVByteParser(line: line, offset: offset)
        var goOn = true
        pending.withUnsafeBufferPointer { text in
            parser.feed(UnsafeBufferPointer(rebasing: text[..<last.offset])) { record in
                goOn = table.take(record)
                return goOn
            }
        }
        note(parser)
        if !goOn { stopped = true }
        line += last.lineEnds
        offset += last.offset
        pending.removeFirst(last.offset)
    }

    /// Once, at the first typed block: the rows so far, scaled by the bytes still to come
    /// (and 1/16 more), are made room for in the table, whose rows then never move to a
    /// larger buffer as it fills, a copy of every row taken so far each time (at 10^6 rows,
    /// on the core that cuts the blocks while the other waits).
    private mutating func reserveRows(_ typed: [(TypedRows, CSVByteParser)], upTo last: CSVRecordBoundaries.Mark,
                                      in table: inout ReturnTable) {
        guard !reserved, let textBytes, last.offset > 0 else { return }
        reserved = true
        let typedRows = typed.reduce(0) { $0 + $1.0.accepted.count }
        let expected = Double(table.accepted.count + typedRows) * Double(textBytes) / Double(offset + last.offset)
        if expected.isFinite, expected < 1e9 { table.reserveRows(Int(expected * 17 / 16) + 1) }
    }

    private mutating func note(_ parser: CSVByteParser) {
        let room = CSVByteParser.keptTextAfterQuote - textAfterQuote.count
        if room > 0 { textAfterQuote += parser.textAfterQuote.prefix(room) }
        textAfterQuoteCount += parser.textAfterQuoteCount
    }
}
