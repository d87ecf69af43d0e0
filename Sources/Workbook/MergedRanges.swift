import Foundation

/// A worksheet's merged cells (ECMA-376 Part 1, §18.3.1.55 `mergeCell`): a range such as
/// `A3:A6` shown as one cell. The workbook stores the value in the range's top-left cell
/// only; the others are empty. A council return merges an authority's cell down the rows of
/// its services, so read cell by cell those services would have no authority (issue 28:
/// 4 of 40 services lost). The range's value belongs to every cell it covers.
///
/// `mergeCells` follows `sheetData` in the part, so the ranges are read before the rows, in
/// a pass of their own — only when the part's bytes hold `mergeCell` at all (`StreamSearch`,
/// while inflating), which most machine-written sheets do not.
struct MergedRanges: Sendable, Equatable {
    /// One range, rows and columns from 1 and 0 as `SheetReader` counts them.
    struct Range: Sendable, Equatable {
        var firstRow: Int, lastRow: Int
        var firstColumn: Int, lastColumn: Int
    }

    /// Sorted by first row.
    private(set) var ranges: [Range] = []

    init(_ ranges: [Range] = []) {
        self.ranges = ranges.sorted { ($0.firstRow, $0.firstColumn) < ($1.firstRow, $1.firstColumn) }
    }

    /// The merged ranges of the worksheet part in `scratch`, which `StreamSearch` saw
    /// mention `mergeCell` as it was inflated (most machine-written sheets do not, and are
    /// not read twice).
    /// - Throws: `.malformedPart` when the part is not well-formed XML.
    static func read(_ scratch: ScratchPart, part: String) throws(WorkbookError) -> MergedRanges {
        let collector = Collector()
        try PartParser.parse(scratch, part: part, with: collector)
        return MergedRanges(collector.ranges)
    }

    /// `A3:B6` → rows 3–6, columns 0–1; nil for a single cell or a malformed reference.
    static func range(_ reference: String) -> Range? {
        let parts = reference.split(separator: ":")
        guard parts.count == 2, let first = cell(parts[0]), let last = cell(parts[1]) else { return nil }
        let range = Range(firstRow: min(first.row, last.row), lastRow: max(first.row, last.row),
                          firstColumn: min(first.column, last.column), lastColumn: max(first.column, last.column))
        return range.firstRow == range.lastRow && range.firstColumn == range.lastColumn ? nil : range
    }

    private static func cell(_ reference: Substring) -> (row: Int, column: Int)? {
        guard let column = SheetReader.column(of: String(reference)), column < SheetReader.maximumColumns,
              let row = Int(reference.filter(\.isNumber)), row >= 1, row <= SheetReader.maximumRow else { return nil }
        return (row, column)
    }

    private final class Collector: XMLEventHandler {
        var ranges: [Range] = []

        func startElement(_ name: XMLName, _ attributes: XMLAttributes) -> Bool {
            guard name.equals("mergeCell"), let reference = attributes.value(anyPrefix: "ref"),
                  let range = MergedRanges.range(reference.string) else { return true }
            ranges.append(range)
            return true
        }

        func endElement(_ name: XMLName) -> Bool { true }
        func characters(_ text: XMLBytes) {}
    }
}

/// Fills the cells of merged ranges row by row as a worksheet is streamed: a range's
/// top-left value is remembered when its first row is read and written into every empty
/// cell the range covers, in that row and the rows below.
struct MergeFill {
    private let ranges: [MergedRanges.Range]
    /// Ranges not yet reached (index into `ranges`).
    private var next = 0
    /// Ranges covering the current or a later row, with their top-left value.
    private var active: [(range: MergedRanges.Range, value: WorkbookCell)] = []
    /// Cells given a value from their merged range.
    private(set) var filled = 0
    /// The first such cell, `A1`-style, for the log.
    private(set) var firstFilled: String?

    init(_ merges: MergedRanges) { ranges = merges.ranges }

    var isEmpty: Bool { ranges.isEmpty }

    /// Fills `cells` of row `row` (row numbers increase from call to call); returns the
    /// bytes of text it wrote, which count towards the row's text limit like any cell's: a
    /// long text merged over thousands of cells and rows must not multiply unbounded.
    @discardableResult
    mutating func fill(row: Int, cells: inout [WorkbookCell]) -> Int {
        var textBytes = 0
        active.removeAll { $0.range.lastRow < row }
        while next < ranges.count, ranges[next].firstRow <= row {
            let range = ranges[next]
            next += 1
            guard range.lastRow >= row else { continue }
            // A range whose first row had no `row` element has an empty top-left cell.
            let value = range.firstRow == row && cells.indices.contains(range.firstColumn) ? cells[range.firstColumn] : .empty
            if value != .empty { active.append((range, value)) }
        }
        for (range, value) in active {
            for column in range.firstColumn ... range.lastColumn {
                if row == range.firstRow && column == range.firstColumn { continue }
                while cells.count <= column { cells.append(.empty) }
                guard cells[column] == .empty else { continue }
                cells[column] = value
                if case .text(let text) = value { textBytes += text.utf8.count }
                filled += 1
                if firstFilled == nil { firstFilled = SheetReader.letters(column) + String(row) }
            }
        }
        return textBytes
    }
}
