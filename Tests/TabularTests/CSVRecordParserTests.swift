import Tabular
import Testing

@Suite("CSV records: RFC 4180 plus what spreadsheets export, with start lines")
struct CSVRecordParserTests {
    private func records(_ text: String) throws(CSVStructureError) -> [CSVRecord] {
        try CSVRecordParser.records(utf8: Array(text.utf8))
    }

    @Test("LF, CRLF, lone CR and mixed line ends all end records and count lines")
    func lineEnds() throws {
        let parsed = try records("a,b\r\nc,d\re,f\ng,h")
        #expect(parsed == [CSVRecord(line: 1, cells: ["a", "b"]), CSVRecord(line: 2, cells: ["c", "d"]),
                           CSVRecord(line: 3, cells: ["e", "f"]), CSVRecord(line: 4, cells: ["g", "h"])])
    }

    @Test("a quoted newline shifts the start line of the following records")
    func quotedNewlines() throws {
        let parsed = try records("h1,h2\n\"x\r\ny\",1\n\"p,q\",\"say \"\"hi\"\"\"\n")
        #expect(parsed.map(\.line) == [1, 2, 4])
        #expect(parsed[1].cells == ["x\r\ny", "1"])
        #expect(parsed[2].cells == ["p,q", "say \"hi\""])
    }

    @Test("blank and whitespace-only lines are skipped; a line of separators is a record")
    func blankLines() throws {
        let parsed = try records("h\n\n   \n\t\r\n,,\nv\n\n")
        #expect(parsed == [CSVRecord(line: 1, cells: ["h"]), CSVRecord(line: 5, cells: ["", "", ""]),
                           CSVRecord(line: 6, cells: ["v"])])
    }

    @Test("a quoted empty cell is a record, a trailing separator an empty cell")
    func emptyCells() throws {
        #expect(try records("\"\"\n") == [CSVRecord(line: 1, cells: [""])])
        #expect(try records("a,\n") == [CSVRecord(line: 1, cells: ["a", ""])])
    }

    @Test("an unterminated quote is reported on the line where it opened")
    func unterminatedQuote() {
        #expect(throws: CSVStructureError.unterminatedQuote(line: 3)) { try records("a\nb\nc,\"open\nd\ne") }
    }

    @Test("a stray quote inside an unquoted cell is literal")
    func strayQuote() throws {
        #expect(try records("5\" screen,x") == [CSVRecord(line: 1, cells: ["5\" screen", "x"])])
    }

    @Test("the streaming form delivers the same records")
    func streaming() throws {
        let text = "a,b\n\"c\nd\",e\n\nf,g\n"
        var streamed: [CSVRecord] = []
        try CSVRecordParser.forEachRecord(utf8: Array(text.utf8)) { streamed.append($0) }
        #expect(streamed == (try records(text)))
    }
}

@Suite("CSV records: text after a closing quote is kept, as Python's csv keeps it, and reported")
struct CSVTextAfterQuoteTests {
    private func read(_ text: String) throws(CSVStructureError) -> ([CSVRecord], [CSVTextAfterQuote]) {
        var quirks: [CSVTextAfterQuote] = []
        let records = try CSVRecordParser.records(utf8: Array(text.utf8), onTextAfterQuote: { quirks.append($0) })
        return (records, quirks)
    }

    // Python 3.11: list(csv.reader(['a,"b"c,d'])) == [['a', 'bc', 'd']];
    // list(csv.reader(['"x"y"z",w'])) == [['xy"z"', 'w']].
    @Test("`a,\"b\"c` reads `bc`, reported once with its line and column")
    func textAfterQuote() throws {
        let (records, quirks) = try read("h1,h2,h3\na,\"b\"c,d\n\"x\"y\"z\",w,\"ok\"\n")
        #expect(records.map(\.cells) == [["h1", "h2", "h3"], ["a", "bc", "d"], ["xy\"z\"", "w", "ok"]])
        #expect(quirks == [CSVTextAfterQuote(line: 2, column: 2, cell: "bc"),
                           CSVTextAfterQuote(line: 3, column: 1, cell: "xy\"z\"")])
    }

    @Test("a well-formed file reports nothing, quoted newlines and doubled quotes included")
    func wellFormed() throws {
        let (_, quirks) = try read("a,\"b\"\"c\",\"d\ne\"\r\n\"f\"\r\n\"g\"")
        #expect(quirks.isEmpty)
    }
}
