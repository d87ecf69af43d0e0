@testable import Tabular
import Testing

@Suite("record boundaries found without parsing")
struct CSVRecordBoundariesTests {
    static func marks(_ text: String, middle: Int = 0) -> (CSVRecordBoundaries.Mark?, CSVRecordBoundaries.Mark?) {
        let found = Array(text.utf8).withUnsafeBufferPointer { CSVRecordBoundaries.scan($0, middle: middle) }
        return (found.middle, found.last)
    }

    @Test("hand-checked: a newline inside quotes is no boundary; CRLF is one line end; a CR at the end waits for its LF")
    func handChecked() {
        // a,"b\nc"\r\n  d\r  → boundary after the CRLF (offset 9, 2 line ends); the last CR undecided
        let (first, last) = Self.marks("a,\"b\nc\"\r\nd\r")
        #expect(first == CSVRecordBoundaries.Mark(offset: 9, lineEnds: 2))
        #expect(last == CSVRecordBoundaries.Mark(offset: 9, lineEnds: 2))
        // a quote inside an unquoted cell is literal: x"y\n is a whole record
        #expect(Self.marks("x\"y\nz\n").1 == CSVRecordBoundaries.Mark(offset: 6, lineEnds: 2))
        // a doubled quote stays inside the cell; text after a closing quote is unquoted
        #expect(Self.marks("\"a\"\"\nb\"c\nd").1 == CSVRecordBoundaries.Mark(offset: 9, lineEnds: 2))
        // the first boundary at or after the middle
        #expect(Self.marks("a\nb\nc\n", middle: 3).0 == CSVRecordBoundaries.Mark(offset: 4, lineEnds: 2))
        // an open quote: no boundary after it
        #expect(Self.marks("a\n\"b\nc\nd\n").1 == CSVRecordBoundaries.Mark(offset: 2, lineEnds: 1))
    }

    @Test("parsing from each boundary on gives the records of one parser over the whole text", arguments: 0..<40)
    func parsePieces(seed: Int) {
        var random = Random(seed: UInt64(seed) &+ 99)
        func next(_ bound: Int) -> Int { random.next(bound) }
        let text = random.text()
        func records(_ parser: inout CSVByteParser, _ bytes: ArraySlice<UInt8>, finish: Bool) -> [[String]] {
            var found: [[String]] = []
            Array(bytes).withUnsafeBufferPointer { chunk in
                parser.feed(chunk) { record in
                    found.append(["\(record.position.line)"] + record.strings)
                    return true
                }
            }
            if finish {
                try? parser.finish { record in
                    found.append(["\(record.position.line)"] + record.strings)
                    return true
                }
            }
            return found
        }
        var whole = CSVByteParser()
        let expected = records(&whole, text[...], finish: true)
        // Cut at the first boundary after a random point, again and again.
        var pieces: [[String]] = [], start = 0, line = 1
        while true {
            let rest = Array(text[start...])
            let found = rest.withUnsafeBufferPointer { CSVRecordBoundaries.scan($0, middle: next(max(1, rest.count))) }
            var parser = CSVByteParser(line: line, offset: start)
            guard let cut = found.middle else {
                pieces += records(&parser, rest[...], finish: true)
                break
            }
            pieces += records(&parser, rest[..<cut.offset], finish: false)
            start += cut.offset
            line += cut.lineEnds
        }
        #expect(pieces == expected)
    }

    @Test("firstBoundary stops where scan's middle is: the same mark at every middle of random text", arguments: 0..<40)
    func firstBoundaryIsScansMiddle(seed: Int) {
        var random = Random(seed: UInt64(seed) &+ 7)
        let text = random.text()
        text.withUnsafeBufferPointer { buffer in
            for middle in 0...text.count {
                #expect(CSVRecordBoundaries.firstBoundary(buffer, atOrAfter: middle) == CSVRecordBoundaries.scan(buffer, middle: middle).middle)
            }
        }
    }

    /// A guessed cut (`guessedBoundary`) is confirmed by the parser of the text before it
    /// ending between records; the check must hold exactly when the guess is the tracked
    /// cut (`firstBoundary`), line count included, so that a confirmed guess reads as the
    /// tracked cut reads and a wrong one is always caught.
    @Test("a guessed cut is confirmed by the parser exactly when it is firstBoundary's cut", arguments: 0..<60)
    func guessConfirmedExactlyWhenRight(seed: Int) {
        var random = Random(seed: UInt64(seed) &+ 31)
        // Half the texts have no CR, where a guess is always made.
        let text = seed % 2 == 0 ? random.text() : random.text().filter { $0 != UInt8(ascii: "\r") }
        text.withUnsafeBufferPointer { buffer in
            for middle in 0...text.count {
                guard let guessed = CSVRecordBoundaries.guessedBoundary(buffer, atOrAfter: middle) else {
                    #expect(middle == 0 || text[max(0, middle - 1)...].firstIndex(of: UInt8(ascii: "\n")) == nil
                            || text[..<(text[(middle - 1)...].firstIndex(of: UInt8(ascii: "\n"))! + 1)].contains(UInt8(ascii: "\r")))
                    continue
                }
                #expect(guessed.offset >= middle && text[guessed.offset - 1] == UInt8(ascii: "\n"))
                var parser = CSVByteParser()
                parser.feed(UnsafeBufferPointer(rebasing: buffer[..<guessed.offset])) { _ in true }
                #expect(parser.isBetweenRecords == (CSVRecordBoundaries.firstBoundary(buffer, atOrAfter: middle) == guessed))
            }
        }
    }

    /// A block's guessed cuts (`guessedCuts`) are confirmed by the parsers of the text before
    /// each ending between records; confirmed, they must be the tracked cuts, line counts
    /// included. Texts with LF or CRLF line ends (a lone CR gives no guess).
    @Test("a block's guessed cuts, once the parser confirms them, are the tracked cuts", arguments: 0..<60)
    func guessedCutsConfirmedExactlyWhenRight(seed: Int) {
        var random = Random(seed: UInt64(seed) &+ 77)
        let cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
        var text = random.text().filter { $0 != cr }
        if seed % 2 == 1 { text = text.flatMap { $0 == lf ? [cr, lf] : [$0] } }
        text.withUnsafeBufferPointer { buffer in
            guard !text.isEmpty else { return }
            for middle in 1...text.count {
                guard let cuts = CSVRecordBoundaries.guessedCuts(buffer, middle: middle) else {
                    #expect(text[(middle - 1)...].firstIndex(of: lf) == nil, "middle \(middle): an LF after it, and no lone CR")
                    continue
                }
                #expect(cuts.middle.offset >= middle && text[cuts.middle.offset - 1] == lf)
                #expect(cuts.last.offset == (text.lastIndex(of: lf) ?? -1) + 1)
                var parser = CSVByteParser()
                parser.feed(UnsafeBufferPointer(rebasing: buffer[..<cuts.middle.offset])) { _ in true }
                let middleConfirmed = parser.isBetweenRecords
                #expect(middleConfirmed == (CSVRecordBoundaries.firstBoundary(buffer, atOrAfter: middle) == cuts.middle))
                parser.feed(UnsafeBufferPointer(rebasing: buffer[cuts.middle.offset..<cuts.last.offset])) { _ in true }
                if middleConfirmed, parser.isBetweenRecords {
                    #expect(CSVRecordBoundaries.scan(buffer, middle: middle).last == cuts.last)
                }
            }
        }
        // A lone CR before the last LF: no guess.
        let lone = Array("a\rb\nc\n".utf8)
        lone.withUnsafeBufferPointer { #expect(CSVRecordBoundaries.guessedCuts($0, middle: 1) == nil) }
    }

    /// A reproducible generator (an LCG) of short CSV texts full of quotes and line ends.
    struct Random {
        var state: UInt64

        init(seed: UInt64) { state = seed }

        mutating func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }

        mutating func text() -> [UInt8] {
            let parts = ["a", "b c", ",", "\"", "\"\"", "\n", "\r\n", "\r", " ", "\"x\ny\"", "\"q\"r"]
            return Array((0..<(20 + next(80))).map { _ in parts[next(parts.count)] }.joined().utf8)
        }
    }
}
