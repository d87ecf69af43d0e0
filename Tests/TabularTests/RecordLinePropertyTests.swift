import PropertyBased
import Tabular
import Testing

/// `record` of `clean/rejected.csv` is the record re-encoded as one RFC 4180 line: it must
/// parse back to exactly the cells, whatever they hold.
@Suite("a record written as one CSV line parses back to exactly its cells")
struct RecordLinePropertyTests {
    /// Characters that matter to CSV and to readers (quotes, separators, CR, LF, spaces,
    /// BOM-like and formula-like text), mixed with plain ones.
    static let palette: [String] = [",", "\"", "\r", "\n", "\r\n", " ", "\t", "\u{FEFF}", "ï»¿", "=", "-", "'", "a", "£", "é",
                                    "\u{0301}", "x", "1"]
    static let cell = Gen.int(in: 0...(palette.count - 1)).array(of: 0...6).map { $0.map { palette[$0] }.joined() }
    static let record = cell.array(of: 1...8)

    @Test("random cells round-trip through recordLine")
    func roundTrip() async {
        await propertyCheck(count: 1000, input: Self.record) { cells in
            #expect(CSVEncoding.cells(ofRecordLine: CSVEncoding.recordLine(cells)) == cells)
        }
    }

    @Test("a lone blank cell is quoted, so that it is not read as a blank line", arguments: ["", " ", "\t \t"])
    func loneBlank(cell: String) {
        #expect(CSVEncoding.recordLine([cell]) == "\"\(cell)\"")
        #expect(CSVEncoding.cells(ofRecordLine: CSVEncoding.recordLine([cell])) == [cell])
    }

    @Test("the encoding is RFC 4180: quotes doubled, quoted only where needed")
    func rfc4180() {
        #expect(CSVEncoding.recordLine(["a", "b c", "x,y", "say \"hi\"", "line\nbreak", ""])
            == "a,b c,\"x,y\",\"say \"\"hi\"\"\",\"line\nbreak\",")
    }
}
