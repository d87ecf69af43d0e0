import Tabular
import VFMCore

/// Reading back the clean stage's own CSV files: a file that does not parse is a damaged
/// run directory, reported as a data error naming the file and line.
enum CleanCSV {
    static func records(_ bytes: [UInt8], file: String) throws(VFMError) -> [CSVRecord] {
        do {
            return try CSVRecordParser.records(utf8: bytes)
        } catch {
            switch error {
            case .unterminatedQuote(let line): throw corrupt("unterminated quote", file: file, line: line)
            }
        }
    }

    /// An empty cell is missing; any other text is restored from its neutralised form.
    static func text(_ cell: String) -> String? { cell.isEmpty ? nil : CSVInjection.restore(cell) }

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
        VFMError(.dataError, message, file: file, line: line,
                 hint: "this file is written by vfm-clean; run the clean stage again to rewrite it")
    }
}
