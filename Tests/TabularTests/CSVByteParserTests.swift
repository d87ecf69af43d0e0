import PropertyBased
import Tabular
import Testing

/// The streaming byte parser must read every input as `CSVRecordParser` (the reader of the
/// run's own files, written separately) does, however the input is cut into chunks.
@Suite("CSV byte records: streamed in chunks, the same records, positions in errors")
struct CSVByteParserTests {
    struct Parsed: Equatable {
        var records: [CSVRecord] = []
        var error: CSVStructureError?
        var textAfterQuote: [CSVTextAfterQuote] = []
    }

    /// Parses `bytes` fed in chunks of the given sizes (cycled).
    static func parse(_ bytes: [UInt8], chunks: [Int], cellLimit: Int = CSVByteParser.defaultCellLimit)
        -> (parsed: Parsed, parser: CSVByteParser, positions: [CSVPosition]) {
        var parser = CSVByteParser(cellLimit: cellLimit)
        var result = Parsed()
        var positions: [CSVPosition] = []
        var start = 0, turn = 0
        bytes.withUnsafeBufferPointer { buffer in
            while start < buffer.count {
                let size = max(1, chunks.isEmpty ? buffer.count : chunks[turn % chunks.count])
                let end = min(buffer.count, start + size)
                parser.feed(UnsafeBufferPointer(rebasing: buffer[start..<end])) { record in
                    result.records.append(CSVRecord(line: record.position.line, cells: record.strings))
                    positions.append(record.position)
                    return true
                }
                start = end
                turn += 1
            }
        }
        do {
            try parser.finish { record in
                result.records.append(CSVRecord(line: record.position.line, cells: record.strings))
                positions.append(record.position)
                return true
            }
        } catch {
            result.error = error
        }
        result.textAfterQuote = Array(parser.textAfterQuote)
        return (result, parser, positions)
    }

    static func reference(_ bytes: [UInt8]) -> Parsed {
        var result = Parsed()
        do {
            try CSVRecordParser.forEachRecord(utf8: bytes, onTextAfterQuote: {
                if result.textAfterQuote.count < CSVByteParser.keptTextAfterQuote { result.textAfterQuote.append($0) }
            }) { result.records.append($0) }
        } catch {
            result.error = error
        }
        return result
    }

    static let palette: [UInt8] = Array(",,,\"\"\"\r\n\n\r  \tab1".utf8) + [0xC2, 0xA3]
    static let byte = Gen.int(in: 0..<palette.count).map { palette[$0] }

    @Test("random CSV bytes cut into random chunks give CSVRecordParser's records, errors and text-after-quote reports")
    func sameAsRecordParser() async {
        await propertyCheck(count: 600, input: Self.byte.array(of: 0...200), Gen.int(in: 1...9).array(of: 1...4)) {
            bytes, chunks in
            #expect(Self.parse(bytes, chunks: chunks).parsed == Self.reference(bytes))
        }
    }

    @Test("whole inputs and long chunks, where records are read where they lie, give CSVRecordParser's records")
    func sameAsRecordParserInLongChunks() async {
        await propertyCheck(count: 600, input: Self.byte.array(of: 0...200), Gen.int(in: 10...250).array(of: 0...3)) {
            bytes, chunks in
            #expect(Self.parse(bytes, chunks: chunks).parsed == Self.reference(bytes))
        }
    }

    /// Everything a record hands over, bytes as bytes: cells, the oversized cell and its
    /// length, and the position.
    struct RawRecord: Equatable {
        var cells: [[UInt8]]
        var oversizedCell: Int?
        var oversizedCellLength: Int
        var position: CSVPosition
    }

    static func raw(_ bytes: [UInt8], chunk: Int, cellLimit: Int) -> ([RawRecord], [CSVTextAfterQuote], Bool) {
        var parser = CSVByteParser(cellLimit: cellLimit)
        var records: [RawRecord] = []
        let keep = { (record: CSVByteRecord) -> Bool in
            records.append(RawRecord(cells: (0..<record.count).map { index in record.withCell(index) { Array($0) } },
                                     oversizedCell: record.oversizedCell, oversizedCellLength: record.oversizedCellLength,
                                     position: record.position))
            return true
        }
        bytes.withUnsafeBufferPointer { buffer in
            var start = 0
            while start < buffer.count {
                let end = min(buffer.count, start + chunk)
                parser.feed(UnsafeBufferPointer(rebasing: buffer[start..<end]), keep)
                start = end
            }
        }
        let finished = (try? parser.finish(keep)) != nil
        return (records, Array(parser.textAfterQuote), finished)
    }

    @Test("a record read where it lies is the record copied byte by byte, cells over the limit included")
    func verbatimSameAsCopied() async {
        // Pieces of CSV, some of them runs of 300 bytes: over the smallest cell limit (256).
        let piece = Gen.int(in: 0...Self.palette.count).map { choice -> [UInt8] in
            choice == Self.palette.count ? Array(repeating: UInt8(ascii: "x"), count: 300) : [Self.palette[choice]]
        }
        await propertyCheck(count: 400, input: piece.array(of: 0...80), Gen.int(in: 2...700)) { pieces, chunk in
            let bytes = pieces.flatMap { $0 }
            let copied = Self.raw(bytes, chunk: 1, cellLimit: 256)
            #expect(Self.raw(bytes, chunk: bytes.count, cellLimit: 256) == copied)
            #expect(Self.raw(bytes, chunk: chunk, cellLimit: 256) == copied)
        }
    }

    /// Bytes of LF-only text (no CR), the lines of a run file: nearly every line is read in
    /// one pass (`readPlainLine`); quotes make some lines plain and some not.
    static let lfOnlyPalette: [UInt8] = Array(",,,,\"\"\n\n  ab1".utf8) + [0xC2, 0xA3]

    @Test("LF-only lines, most read in one pass, give the records, positions and reports of byte-by-byte reading")
    func plainLinesSameAsByteByByte() async {
        let byte = Gen.int(in: 0..<Self.lfOnlyPalette.count).map { Self.lfOnlyPalette[$0] }
        await propertyCheck(count: 600, input: byte.array(of: 0...300), Gen.int(in: 2...400)) { bytes, chunk in
            let byteByByte = Self.raw(bytes, chunk: 1, cellLimit: 256)
            #expect(Self.raw(bytes, chunk: bytes.count, cellLimit: 256) == byteByByte)
            #expect(Self.raw(bytes, chunk: chunk, cellLimit: 256) == byteByByte)
            #expect(Self.parse(bytes, chunks: [bytes.count]).parsed == Self.reference(bytes))
        }
    }

    @Test("each record carries its start line, byte offset and record number")
    func positions() {
        let text = "h1,h2\r\n\"x\ny\",1\n\n  \np,q"
        let (parsed, _, positions) = Self.parse(Array(text.utf8), chunks: [3])
        #expect(parsed.records.map(\.line) == [1, 2, 6])
        #expect(positions.map(\.record) == [1, 2, 3])
        #expect(positions.map(\.byte) == [0, 7, 19])
        #expect(Array(text.utf8)[19] == UInt8(ascii: "p"))
    }

    @Test("text after a closing quote is kept as Python's csv keeps it, and reported with line and column")
    func textAfterQuote() {
        // Python 3.11: list(csv.reader(['a,"b"c,"d" ,"e"', 'x,"y"z"w",1']))
        //   == [['a', 'bc', 'd ', 'e'], ['x', 'yz"w"', '1']]
        let text = "a,\"b\"c,\"d\" ,\"e\"\nx,\"y\"z\"w\",1\n"
        let (parsed, parser, _) = Self.parse(Array(text.utf8), chunks: [2])
        #expect(parsed.records == [CSVRecord(line: 1, cells: ["a", "bc", "d ", "e"]),
                                   CSVRecord(line: 2, cells: ["x", "yz\"w\"", "1"])])
        #expect(parser.textAfterQuote == [CSVTextAfterQuote(line: 1, column: 2, cell: "bc"),
                                          CSVTextAfterQuote(line: 1, column: 3, cell: "d "),
                                          CSVTextAfterQuote(line: 2, column: 2, cell: "yz\"w\"")])
        #expect(parser.textAfterQuoteCount == 3)
    }

    @Test("only the first places are kept, all are counted")
    func textAfterQuoteBounded() {
        let text = String(repeating: "\"a\"b\n", count: 50)
        let (_, parser, _) = Self.parse(Array(text.utf8), chunks: [7])
        #expect(parser.textAfterQuote.count == CSVByteParser.keptTextAfterQuote)
        #expect(parser.textAfterQuoteCount == 50)
    }

    @Test("a cell over the limit keeps only its first bytes and is named; the other cells are whole")
    func oversizedCell() {
        let long = String(repeating: "x", count: 5_000)
        let text = "a,\"\(long)\",c\nd,e,f\n"
        let (parsed, _, _) = Self.parse(Array(text.utf8), chunks: [1000], cellLimit: 1_000)
        #expect(parsed.records.count == 2)
        #expect(parsed.records[0].cells[0] == "a")
        #expect(parsed.records[0].cells[1] == String(repeating: "x", count: CSVByteParser.keptPrefixOfLongCell))
        #expect(parsed.records[0].cells[2] == "c")
        #expect(parsed.records[1].cells == ["d", "e", "f"])
        var parser = CSVByteParser(cellLimit: 1_000)
        var seen: [(Int?, Int, Int)] = []
        Array(text.utf8).withUnsafeBufferPointer { buffer in
            parser.feed(buffer) { record in
                seen.append((record.oversizedCell, record.oversizedCellLength, record.bytes.count))
                return true
            }
        }
        #expect(seen.count == 2)
        #expect(seen[0].0 == 1)
        #expect(seen[0].1 == 5_000)
        #expect(seen[0].2 <= 1 + CSVByteParser.keptPrefixOfLongCell + 1)
        #expect(seen[1].0 == nil)
    }

    @Test("a body that returns false stops the reading")
    func stops() {
        var parser = CSVByteParser()
        var count = 0
        Array("a\nb\nc\n".utf8).withUnsafeBufferPointer { buffer in
            parser.feed(buffer) { _ in
                count += 1
                return false
            }
        }
        #expect(count == 1)
    }
}
