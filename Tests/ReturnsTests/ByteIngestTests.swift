import PropertyBased
@testable import Returns
import Testing
import VFMCore

/// The byte fast path in front of `CellValues`, and what the streaming parser adds to
/// ingest: the text-after-quote warning (issue 18 item 3) and the cell limit (issue 19 item 5).
@Suite("ingest from bytes: plain numbers straight from bytes, text after quotes, the cell limit")
struct ByteIngestTests {
    static let words = MissingValueWords(["", "n/a", "-", "don't know", "no info available", "not known"])

    static let numberPalette: [String] = ["0", "1", "2", "5", "9", "0", ",", ",", ".", "-", "£", " ", "+", "e", "%"]
    static let numberText = Gen.int(in: 0..<numberPalette.count).array(of: 0...24).map { picks in
        picks.map { numberPalette[$0] }.joined()
    }

    static func withBytes<R>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        Array(text.utf8).withUnsafeBufferPointer(body)
    }

    @Test("wherever the byte path gives a value, CellValues gives the same value, to the bit")
    func agreesWithCellValues() async {
        await propertyCheck(count: 3000, input: Self.numberText) { text in
            if let money = Self.withBytes(text, CellBytes.money) {
                #expect(CellValues.money(Substring(text)) == .value(money))
                #expect(money.sign == .plus || money != 0)
            }
            if let count = Self.withBytes(text, CellBytes.count) {
                #expect(CellValues.count(Substring(text)) == .value(count))
            }
        }
    }

    @Test("plain forms are read from bytes; the rest is left to CellValues", arguments: [
        ("£263,132", 263_132.0 as Double?), ("1,730.50", 1730.5), ("-0", 0), (".5", 0.5), ("5.", 5),
        ("0.1", 0.1), ("1000000000000000", 1e15), ("123456789.123456", 123_456_789.123456),
        ("£ 1,234", nil), ("+12", nil), ("1000000000000001", nil), ("12,5", nil), ("45%", nil),
        ("99999999999999999999", nil),
    ])
    func moneyFastPath(text: String, value: Double?) {
        #expect(Self.withBytes(text, CellBytes.money) == value)
    }

    @Test("counts from bytes: 12.0 is 12; 12.5 and huge counts go to CellValues to be explained", arguments: [
        ("12", 12 as Int?), ("12.0", 12), ("1,200", 1200), ("007", 7), ("-3", -3),
        ("12.5", nil), ("£12", nil), ("10000000000000", nil), ("1,2", nil),
    ])
    func countFastPath(text: String, value: Int?) {
        #expect(Self.withBytes(text, CellBytes.count) == value)
    }

    /// Pieces of cells with every kind of edge: ASCII and Unicode spaces (no-break, en quad,
    /// ideographic), `£`, curly apostrophes, a Kelvin sign (lower-cases to `k`), letters of the words.
    static let cellPalette: [String] = [" ", "\t", "\u{00A0}", "\u{2000}", "\u{3000}", "£", "’", "`", "\u{212A}",
                                        "N", "n", "/", "a", "A", "-", "d", "o", "'", "t", " know", "1", "é", "ﬀ"]
    static let cellText = Gen.int(in: 0..<cellPalette.count).array(of: 0...6).map { picks in
        picks.map { cellPalette[$0] }.joined()
    }

    @Test("trimming and the missing-word check on bytes agree with CellText and isMissing on text")
    func byteTrimAgreesWithText() async {
        let words = MissingValueWords(["", "n/a", "-", "don't know", "not known", "kein", "£"])
        await propertyCheck(count: 3000, input: Self.cellText) { text in
            let trimmed = CellText.trimmed(text)
            Self.withBytes(text) { bytes in
                CellTrim.withTrimmed(bytes) { cell in
                    #expect(String(decoding: cell, as: UTF8.self) == String(trimmed), "\(text.debugDescription)")
                    #expect(words.isMissing(cell) == words.isMissing(trimmed), "\(text.debugDescription)")
                }
            }
        }
    }

    static let header = "authority,service,total_cost,people_supported,outcomes_total\n"

    @Test("text after a closing quote is read as Python's csv reads it and warned about with file, line and column")
    func textAfterQuoteWarning() throws {
        let bytes = Array((Self.header + "Leeds,\"Leeds\" IPS,100,10,2\nYork,\"York\"Jobs,100,10,2\n").utf8)
        let file = try FileIngest.ingest(bytes, name: "q.csv", missingWords: Self.words)
        #expect(file.accepted.map(\.serviceReturn.service) == ["Leeds IPS", "YorkJobs"])
        #expect(file.warnings == [
            "q.csv:2: column 2 (`service`): text after a closing quote was kept, giving `Leeds IPS`; "
                + "the export may be mangled — check this cell in the spreadsheet",
            "q.csv:3: column 2 (`service`): text after a closing quote was kept, giving `YorkJobs`; "
                + "the export may be mangled — check this cell in the spreadsheet",
        ])
    }

    @Test("after the first 20, the warnings say how many more")
    func textAfterQuoteCapped() throws {
        let rows = (0..<25).map { "A,\"S\"\($0),100,10,2\n" }.joined()
        let file = try FileIngest.ingest(Array((Self.header + rows).utf8), name: "q.csv", missingWords: Self.words)
        #expect(file.accepted.count == 25)
        #expect(file.warnings.count == 21)
        #expect(file.warnings.last == "q.csv: … and 5 more cells with text after a closing quote")
    }

    @Test("a cell over 64 KiB rejects its row with line and column; the next row is read")
    func oversizedCellRejectsRow() throws {
        let long = String(repeating: "n", count: CSVLimit.cell + 1)
        let bytes = Array((Self.header + "Leeds,\"\(long)\",100,10,2\nYork,Jobs,100,10,2\n").utf8)
        let file = try FileIngest.ingest(bytes, name: "long.csv", missingWords: Self.words)
        #expect(file.accepted.map(\.serviceReturn.service) == ["Jobs"])
        #expect(file.rejected.count == 1)
        let row = try #require(file.rejected.first)
        #expect(row.rule == .cellTooLong)
        #expect(row.column == .service)
        #expect(row.source == SourceLocation(file: "long.csv", line: 2))
        #expect(row.message.hasPrefix("column 2 (`service`): the cell is 65537 bytes, longer than the limit of 65536 bytes"))
        #expect(row.record[1].utf8.count < 300)
        #expect(row.record[1].hasSuffix("…"))
        #expect(file.summary.rowsRead == 2)
    }

    @Test("a header cell over 64 KiB fails the file (65) naming line and column")
    func oversizedHeaderFailsFile() {
        let long = String(repeating: "h", count: CSVLimit.cell * 2)
        let bytes = Array(("\n" + "authority,\(long),service,total_cost,people_supported,outcomes_total\nLeeds,x,S,1,1,1\n").utf8)
        #expect {
            try FileIngest.ingest(bytes, name: "head.csv", missingWords: Self.words)
        } throws: { error in
            guard let error = error as? VFMError else { return false }
            return error.status == .dataError && error.file == "head.csv" && error.line == 2
                && error.column == "column 2" && error.message.hasPrefix("header cell 2 is 131072 bytes")
        }
    }

    @Test("a title row above the header with a cell over 64 KiB is skipped as preamble, cut short")
    func oversizedPreambleRowIsSkipped() throws {
        let long = String(repeating: "t", count: CSVLimit.cell + 10)
        let bytes = Array(("\(long)\n" + Self.header + "York,Jobs,100,10,2\n").utf8)
        let file = try FileIngest.ingest(bytes, name: "titled.csv", missingWords: Self.words)
        #expect(file.summary.preambleRows == 1)
        #expect(file.accepted.map(\.serviceReturn.service) == ["Jobs"])
    }

    @Test("a cut-short cell never ends in half a character", arguments: [1, 2, 3])
    func shortenedAtCharacter(offset: Int) {
        // 256 bytes with a 3-byte `€` placed so that the cut falls inside it for offsets 1 and 2.
        let cell = String(repeating: "a", count: 256 - offset) + "€" + String(repeating: "b", count: 10)
        let kept = CellLimit.shortened(cell)
        #expect(!kept.contains("\u{FFFD}"))
        #expect(kept.utf8.count <= 256 + "…".utf8.count)
        #expect(kept.hasSuffix("…"))
    }
}

/// The limit as the tests use it (the parser's documented constant).
enum CSVLimit {
    static let cell = 65_536
}
