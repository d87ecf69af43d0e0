import Testing
import VFMTestSupport
@testable import Workbook

/// Merged cells (ECMA-376 §18.3.1.55, issue 28): the value of a range's top-left cell
/// belongs to every cell it covers.
@Suite("merged ranges fill the cells they cover")
struct MergedRangeTests {
    @Test("references read as rows and columns; a single cell or a bad reference is no range", arguments: [
        ("A3:A6", MergedRanges.Range(firstRow: 3, lastRow: 6, firstColumn: 0, lastColumn: 0) as MergedRanges.Range?),
        ("$B$2:$D$2", MergedRanges.Range(firstRow: 2, lastRow: 2, firstColumn: 1, lastColumn: 3)),
        ("C5:A1", MergedRanges.Range(firstRow: 1, lastRow: 5, firstColumn: 0, lastColumn: 2)),
        ("A1", nil), ("A1:A1", nil), ("A0:A2", nil), ("1:3", nil),
    ])
    func references(reference: String, range: MergedRanges.Range?) {
        #expect(MergedRanges.range(reference) == range)
    }

    @Test("a vertical merge gives its value to the rows below; cells with values are left alone")
    func verticalFill() {
        var fill = MergeFill(MergedRanges([MergedRanges.Range(firstRow: 2, lastRow: 4, firstColumn: 0, lastColumn: 0)]))
        var rows: [[WorkbookCell]] = [[.text("header")], [.text("Leeds"), .text("Job Club")], [.empty, .text("IPS")],
                                      [.text("typed"), .text("Routes")], [.empty, .text("York's")]]
        for (index, _) in rows.enumerated() { fill.fill(row: index + 1, cells: &rows[index]) }
        #expect(rows.map(\.first) == [.text("header"), .text("Leeds"), .text("Leeds"), .text("typed"), .empty])
        #expect(fill.filled == 1 && fill.firstFilled == "A3")
    }

    @Test("a row the sheet leaves out is skipped; a merge with an empty top-left cell fills nothing")
    func gapsAndEmptyAnchors() {
        var fill = MergeFill(MergedRanges([MergedRanges.Range(firstRow: 1, lastRow: 5, firstColumn: 1, lastColumn: 2),
                                           MergedRanges.Range(firstRow: 2, lastRow: 3, firstColumn: 0, lastColumn: 0)]))
        var first: [WorkbookCell] = [.empty, .number(7, isPercent: false)]
        fill.fill(row: 1, cells: &first)
        #expect(first == [.empty, .number(7, isPercent: false), .number(7, isPercent: false)])
        var fourth: [WorkbookCell] = []
        fill.fill(row: 4, cells: &fourth)
        #expect(fourth == [.empty, .number(7, isPercent: false), .number(7, isPercent: false)])
        #expect(fill.filled == 3)
    }
}

/// Whether a sheet mentions `mergeCell` is seen as it is inflated, piece by piece.
@Suite("a word is found in a stream whichever pieces cut it")
struct StreamSearchTests {
    static func found(_ pieces: [String]) -> Bool {
        var search = StreamSearch("mergeCell")
        for piece in pieces { Array(piece.utf8).withUnsafeBytes { search.scan($0) } }
        return search.found
    }

    @Test("every cut of the text into two and three pieces, and texts without the word")
    func cuts() {
        let text = "<c r=\"A1\"/></sheetData><mergeCells count=\"1\"><mergeCell ref=\"A1:A2\"/>"
        let bytes = Array(text)
        for first in 0 ... bytes.count {
            #expect(Self.found([String(bytes[..<first]), String(bytes[first...])]), "cut at \(first)")
            for second in first ... bytes.count where second % 3 == 0 {
                #expect(Self.found([String(bytes[..<first]), String(bytes[first ..< second]), String(bytes[second...])]))
            }
        }
        #expect(!Self.found(["<mergeCeL", "Ls"]))
        #expect(!Self.found(["merge", "Cel", "", "x mergeCel"]))
        #expect(Self.found(["m", "e", "r", "g", "e", "C", "e", "l", "l"]))
    }
}

/// Filled merged cells count towards a row's text limit (issue 31's amplification guard).
@Suite("merged cells cannot multiply a row's text beyond its limit")
struct MergedTextLimitTests {
    @Test("fill returns the bytes of text it wrote")
    func fillCountsText() {
        var fill = MergeFill(MergedRanges([MergedRanges.Range(firstRow: 1, lastRow: 1, firstColumn: 0, lastColumn: 3)]))
        var cells: [WorkbookCell] = [.text("note")]
        #expect(fill.fill(row: 1, cells: &cells) == 12)
    }

    @Test("a footnote merged across six cells passes a 150-byte row limit only before it is filled")
    func limitCountsFilledCells() throws {
        // Fixtures/council/council-openpyxl.xlsx: "Note: Hull figures are provisional" (34 bytes) merged across A:F.
        let path = FixturePaths.fixture("council/council-openpyxl.xlsx").path
        let limits = WorkbookLimits(sheetBytes: 1 << 30, sharedStringsBytes: 1 << 20, otherPartBytes: 1 << 20,
                                    rowTextBytes: 150)
        let error = try #require(throws: WorkbookError.self) { _ = try rows(of: path, sheet: "Returns 2012-13", limits: limits) }
        #expect(error.kind == .partTooLarge)
        #expect(error.message.contains("row 20 ") && error.message.contains("once its merged cells are filled"))
    }
}
