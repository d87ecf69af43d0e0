import Testing
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
