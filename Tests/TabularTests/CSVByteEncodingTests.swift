import Testing
@testable import Tabular

/// The byte encoder every run file is written with (`CSVFileWriter`) — expected lines
/// written out by hand from RFC 4180 and the OWASP neutralising rule.
struct CSVByteEncodingTests {
    @Test("a record of fields is encoded as its RFC 4180 line, formulas neutralised, numbers at full precision",
          arguments: [
            ([CSVField.text("Leeds"), .number(1730.5), .count(12)], "Leeds,1730.5,12\n"),
            ([.text(nil), .number(nil), .count(nil)], ",,\n"),
            ([.text("=SUM(A1)"), .text("'=x"), .text("-12.5")], "'=SUM(A1),''=x,-12.5\n"),
            ([.text("Smith, \"Jones\""), .text("two\nlines"), .text("cr\rhere")],
             "\"Smith, \"\"Jones\"\"\",\"two\nlines\",\"cr\rhere\"\n"),
            ([.text("£263,132"), .text("Ça va"), .number(-0.0)], "\"£263,132\",Ça va,0\n"),
            // `=` followed by a combining accent is one Character that is not `=`: as before, not neutralised.
            ([.text("=\u{301}x")], "=\u{301}x\n"),
            ([.text("\tTab"), .text("@home")], "'\tTab,'@home\n"),
          ])
    func encodesFields(row: [CSVField], expected: String) {
        var bytes: [UInt8] = []
        CSVEncoding.appendLine(row, to: &bytes)
        #expect(bytes == Array(expected.utf8))
        #expect(CSVEncoding.line(row) == expected)
    }

    @Test("a header line is quoted where needed and not neutralised")
    func encodesHeader() {
        var bytes: [UInt8] = []
        CSVEncoding.appendLine(["a", "b,c", "=d"], to: &bytes)
        #expect(bytes == Array("a,\"b,c\",=d\n".utf8))
    }

    @Test("a record line is the record without its line end, and reads back as the same cells")
    func recordLine() {
        let cells = ["x,y", "say \"hi\"", "", "multi\nline"]
        let line = CSVEncoding.recordLine(cells)
        #expect(line == "\"x,y\",\"say \"\"hi\"\"\",,\"multi\nline\"")
        #expect(CSVEncoding.cells(ofRecordLine: line) == cells)
    }
}
