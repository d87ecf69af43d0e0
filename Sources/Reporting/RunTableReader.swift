import Foundation
import Tabular
import VFMCore

/// One CSV table of a run directory, read by header name so that a column added or
/// moved by another stage does not shift what the report prints. Text cells are
/// returned with `CSVInjection.restore` applied (undoing the writer's neutralising).
public struct RunTable: Sendable {
    /// The file, relative to the run directory (used in error messages).
    public let file: String
    public let header: [String]
    public let rows: [Row]
    private let columnIndex: [String: Int]

    /// One record: its physical line and cells, read by column name.
    public struct Row: Sendable {
        public let line: Int
        fileprivate let cells: [String]
        fileprivate let columnIndex: [String: Int]

        /// The cell's text after undoing CSV-injection neutralising; `nil` when the
        /// column is absent or the cell is empty (missing).
        public func text(_ column: String) -> String? {
            guard let index = columnIndex[column], index < cells.count else { return nil }
            let cell = cells[index]
            return cell.isEmpty ? nil : CSVInjection.restore(cell)
        }

        /// The cell as a finite number; `nil` when absent, empty or not a number.
        public func number(_ column: String) -> Double? {
            guard let index = columnIndex[column], index < cells.count else { return nil }
            guard let value = Double(cells[index]), value.isFinite else { return nil }
            return value
        }

        /// The cell as a whole number (also accepts `12.0`); `nil` otherwise.
        public func count(_ column: String) -> Int? {
            guard let value = number(column), value == value.rounded(), abs(value) < 9e15 else { return nil }
            return Int(value)
        }
    }

    public init(file: String, header: [String], records: [CSVRecord]) {
        self.file = file
        self.header = header
        var index: [String: Int] = [:]
        for (position, name) in header.enumerated() where index[name] == nil { index[name] = position }
        columnIndex = index
        rows = records.map { Row(line: $0.line, cells: $0.cells, columnIndex: index) }
    }

    public func hasColumn(_ column: String) -> Bool { columnIndex[column] != nil }
}

/// Reads the CSV tables other stages wrote into a run directory.
public enum RunTableReader {
    /// The table at `relativePath`, or `nil` when the file does not exist (a stage that
    /// did not produce it). A file that exists but cannot be parsed is an error.
    public static func readIfPresent(runDirectory: String, relativePath: String) throws(VFMError) -> RunTable? {
        let path = (runDirectory as NSString).appendingPathComponent(relativePath)
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        let bytes = try FileSystem.readBytes(path, displayName: relativePath)
        return try parse(bytes, file: relativePath)
    }

    /// Parses CSV bytes whose first record is the header.
    public static func parse(_ bytes: [UInt8], file: String) throws(VFMError) -> RunTable {
        let records = try RunFileCSV(file: file, hint: "this file is written by an earlier stage; run that stage again")
            .records(bytes)
        guard let header = records.first else {
            throw VFMError(.dataError, "the table has no header row", file: file, line: 1,
                           hint: "this file is written by an earlier stage; run that stage again")
        }
        return RunTable(file: file, header: header.cells, records: Array(records.dropFirst()))
    }
}
