import Tabular
import Workbook

/// One cell of a return as read, before it is typed against its column (SPEC §4): CSV
/// cells are always text; a workbook's cells keep their stored type, so a number is read
/// as the binary64 the spreadsheet holds rather than re-parsed from display text.
///
/// The workbook reader's own cell (`WorkbookCell`: text, a number with its percent format,
/// a boolean, empty), so that a worksheet's rows reach the return reader as they were read,
/// not copied cell by cell into a second enum of the same shape (issue 30).
package typealias ReturnCell = WorkbookCell

extension WorkbookCell {
    /// The cell as a person would read it in a CSV export of the workbook, for text
    /// columns, extra columns and `clean/rejected.csv`: numbers in the shortest round-trip
    /// form (`263132`, `1730.5`), a percentage as its decimal digits shifted (`0.7372` →
    /// `73.72%`, never the binary product 73.72000000000001), booleans as `TRUE`/`FALSE`.
    package var text: String {
        switch self {
        case .text(let text): return text
        case .number(let value, let isPercent):
            return isPercent ? PercentText.render(proportion: value) : NumberFormatting.csv(value)
        case .bool(let value): return value ? "TRUE" : "FALSE"
        case .empty: return ""
        }
    }
}

/// Writing a proportion as a percentage by moving its decimal point, not by multiplying.
enum PercentText {
    static func render(proportion: Double) -> String {
        let plain = NumberFormatting.csv(proportion)
        guard !plain.contains("e") else { return NumberFormatting.csv(proportion * 100) + "%" }
        let negative = plain.hasPrefix("-")
        let unsigned = negative ? String(plain.dropFirst()) : plain
        let parts = unsigned.split(separator: ".", omittingEmptySubsequences: false)
        let integer = String(parts[0])
        var fraction = parts.count > 1 ? String(parts[1]) : ""
        while fraction.count < 2 { fraction += "0" }
        var whole = (integer + fraction.prefix(2)).drop { $0 == "0" }
        if whole.isEmpty { whole = "0" }
        let rest = fraction.dropFirst(2)
        return (negative ? "-" : "") + whole + (rest.isEmpty ? "" : "." + rest) + "%"
    }
}
