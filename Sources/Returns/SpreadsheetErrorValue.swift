/// A spreadsheet's error values (issue 28): what a formula shows when it cannot be
/// computed — `#DIV/0!` for a cost per job outcome of a service with no job outcome,
/// `#VALUE!`, `#N/A`… In an `.xlsx` they are cells of type `e` (ECMA-376 §18.18.11), read
/// as their text; in a CSV export they are that text. LibreOffice writes its own codes
/// (`Err:502`) where Excel has none.
///
/// Such a cell holds no value. In a required column the row is rejected
/// (`spreadsheet-error`), naming the cell and the error; anywhere else — an optional
/// column or a helper column carried as extra, hidden or not — it is read as missing and
/// named in a warning, so one broken helper formula does not lose the service.
enum SpreadsheetErrorValue {
    /// Excel's error values (Microsoft, "How to correct a #… error") and the legacy ones.
    static let excelErrors: Set<Substring> = [
        "#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA", "#SPILL!",
        "#CALC!", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!", "#UNKNOWN!", "#EXTERNAL!", "#PYTHON!",
    ]

    /// True when the trimmed `cell` is an error value: one of `excelErrors` (any case), or
    /// LibreOffice's `Err:` and three digits.
    static func matches(_ cell: Substring) -> Bool {
        guard let first = cell.utf8.first, first == UInt8(ascii: "#") || first == UInt8(ascii: "E"),
              cell.utf8.count <= 14 else { return false }
        if first == UInt8(ascii: "E") {
            return cell.utf8.count == 7 && cell.hasPrefix("Err:") && cell.dropFirst(4).allSatisfy(\.isASCII)
                && cell.dropFirst(4).allSatisfy(\.isNumber)
        }
        return excelErrors.contains(Substring(cell.uppercased()))
    }

    /// `matches` on a trimmed cell's bytes (the CSV path): most cells are told apart by
    /// their first byte.
    static func matches(_ cell: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = cell.first, first == UInt8(ascii: "#") || first == UInt8(ascii: "E"), cell.count <= 14 else {
            return false
        }
        return matches(Substring(String(decoding: cell, as: UTF8.self)))
    }
}
