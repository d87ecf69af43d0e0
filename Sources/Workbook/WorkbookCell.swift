/// One cell of a worksheet by its stored type (ECMA-376 Part 1, §18.3.1.4 `c`, §18.18.11
/// `ST_CellType`): what the workbook holds, not what a spreadsheet shows.
public enum WorkbookCell: Sendable, Equatable {
    /// No cell, a cell with no value, or a formula with no saved result.
    case empty
    /// A shared string, an inline string, a formula's string result, an error value such as
    /// `#DIV/0!`, or an ISO 8601 date written as text (`t="d"`).
    case text(String)
    /// A number exactly as stored (binary64); `isPercent` when its number format shows it
    /// as a percentage (built-in formats 9 and 10, or a custom format with `%`).
    case number(Double, isPercent: Bool)
    case bool(Bool)
}

/// One row of a worksheet: its row number (1-based, as the spreadsheet shows it) and its
/// cells from column A, gaps in the cell references filled with `.empty`, trailing empty
/// cells dropped.
public struct WorkbookRow: Sendable, Equatable {
    public var number: Int
    public var cells: [WorkbookCell]

    public init(number: Int, cells: [WorkbookCell]) {
        self.number = number
        self.cells = cells
    }

    /// True when no cell holds a value (a styled but empty row).
    public var isBlank: Bool { cells.allSatisfy { $0 == .empty } }
}

/// A worksheet as the workbook lists it, in workbook order.
public struct WorkbookSheet: Sendable, Equatable {
    public var name: String
    /// The part holding it, e.g. `xl/worksheets/sheet1.xml`.
    public var part: String
}
