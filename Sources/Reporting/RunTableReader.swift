import Foundation
import RunFiles
import Tabular
import VFMCore

/// One CSV table of a run directory, read by header name so that a column added or
/// moved by another stage does not shift what the report prints. Text cells are
/// returned with `CSVInjection.restore` applied (undoing the writer's neutralising).
public struct RunTable: Sendable {
    /// The file, relative to the run directory (used in error messages).
    public let file: String
    public let header: [String]
    public let rows: Rows
    private let columnIndex: [String: Int]

    /// The records in file order. A table read from a file holds them; a typed one
    /// (`TypedRunRow`) makes each when it is read, so a million services, their flags and
    /// their benchmark rows cost no record each (issue 12).
    public struct Rows: RandomAccessCollection, Sendable, ExpressibleByArrayLiteral {
        fileprivate enum Storage: Sendable {
            case file([Row])
            case typed(TypedRunRows)
        }

        fileprivate let storage: Storage
        public let endIndex: Int
        public var startIndex: Int { 0 }

        fileprivate init(_ storage: Storage) {
            self.storage = storage
            switch storage {
            case .file(let rows): endIndex = rows.count
            case .typed(let source): endIndex = source.count
            }
        }

        public init(arrayLiteral rows: Row...) { self.init(.file(rows)) }

        public subscript(position: Int) -> Row {
            switch storage {
            case .file(let rows): return rows[position]
            case .typed(let source): return Row(storage: .typed(source.row(at: position)))
            }
        }
    }

    /// One record: its physical line and cells, read by column name.
    public struct Row: Sendable {
        fileprivate enum Storage: Sendable {
            case file(line: Int, cells: [String], columnIndex: [String: Int])
            /// Cells answered by the typed value the file was written from (`TypedRunRow`).
            case typed(TypedRunRow)
        }

        fileprivate let storage: Storage

        /// The record's physical line in the file (for a typed row: the line it has when no
        /// cell holds a line break — the header is line 1).
        public var line: Int {
            switch storage {
            case .file(let line, _, _): return line
            case .typed(let row): return Int(row.position) + 2
            }
        }

        /// The cell's text after undoing CSV-injection neutralising; `nil` when the
        /// column is absent or the cell is empty (missing).
        public func text(_ column: String) -> String? {
            switch storage {
            case .file(_, let cells, let columnIndex):
                guard let index = columnIndex[column], index < cells.count else { return nil }
                let cell = cells[index]
                return cell.isEmpty ? nil : CSVInjection.restore(cell)
            case .typed(let row):
                return row.field(column).flatMap(TypedRunRow.text)
            }
        }

        /// The cell as a finite number; `nil` when absent, empty or not a number.
        public func number(_ column: String) -> Double? {
            switch storage {
            case .file(_, let cells, let columnIndex):
                guard let index = columnIndex[column], index < cells.count else { return nil }
                guard let value = Double(cells[index]), value.isFinite else { return nil }
                return value
            case .typed(let row):
                return row.field(column).flatMap(TypedRunRow.number)
            }
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
        let index = Self.columnIndex(header)
        columnIndex = index
        rows = Rows(.file(records.map { Row(storage: .file(line: $0.line, cells: $0.cells, columnIndex: index)) }))
    }

    /// A table whose cells come from typed rows (see `TypedRunRow`), reading exactly as
    /// the file the same rows were written to would read.
    init(file: String, typedRows: TypedRunRows) {
        self.file = file
        header = typedRows.header
        columnIndex = Self.columnIndex(header)
        rows = Rows(.typed(typedRows))
    }

    /// The first column of each name, as a reader by name sees a repeated header.
    static func columnIndex(_ header: [String]) -> [String: Int] {
        var index: [String: Int] = [:]
        for (position, name) in header.enumerated() where index[name] == nil { index[name] = position }
        return index
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
