import RunFiles
import Tabular
import VFMCore

/// Reading back the clean stage's own CSV files (see `RunFileCSV`), with its typed cells.
enum CleanCSV {
    static func reader(_ file: String) -> RunFileCSV {
        RunFileCSV(file: file, hint: "this file is written by vfm-clean; run the clean stage again to rewrite it")
    }

    static func text(_ cell: String) -> String? { RunFileCSV.text(cell) }

    static func number(_ cell: String, column: String, file: String, line: Int) throws(VFMError) -> Double? {
        if cell.isEmpty { return nil }
        guard let value = Double(cell), value.isFinite else {
            throw corrupt("`\(column)` holds \"\(cell)\", not a number", file: file, line: line)
        }
        return value
    }

    static func count(_ cell: String, column: String, file: String, line: Int) throws(VFMError) -> Int? {
        if cell.isEmpty { return nil }
        guard let value = Int(cell) else {
            throw corrupt("`\(column)` holds \"\(cell)\", not a whole number", file: file, line: line)
        }
        return value
    }

    static func corrupt(_ message: String, file: String, line: Int) -> VFMError {
        reader(file).corrupt(message, line: line)
    }
}
