import Analysis
import Cleaning
import RunFiles
import Tabular

/// A row of a run-directory table taken from the typed value the earlier stage wrote it
/// from, instead of read back from the file as strings: `vfm run` (and `vfm-report`, which
/// loads `ReportInput`) has the services, their flags and the benchmark typed already, and
/// at 10⁶ services a table of their strings would cost gigabytes. A cell reads exactly as
/// the same cell of the file reads (`RunTable.Row.text` / `number`).
struct TypedRunRow: Sendable {
    let rows: TypedRunRows
    /// Position of the typed value (a service, a benchmark row).
    let row: Int32
    /// Position inside it (a flag of the service), 0 otherwise.
    let item: Int32
    /// Position of this record in its table.
    let position: Int32

    /// The cell of `column`; `nil` when the table has no such column.
    func field(_ column: String) -> CSVField? {
        guard let index = rows.columnIndex[column] else { return nil }
        return rows.field(Int(row), Int(item), index)
    }

    /// The cell as `RunTable.Row.text` reads it from the file: the written (neutralised)
    /// text restored, `nil` when the written cell is empty.
    static func text(_ field: CSVField) -> String? {
        let written: String
        switch field {
        case .text(let value): written = CSVInjection.neutralise(value ?? "")
        case .number(let value): written = NumberFormatting.csv(value)
        case .count(let value): written = NumberFormatting.csv(value)
        }
        return written.isEmpty ? nil : CSVInjection.restore(written)
    }

    /// The cell as `RunTable.Row.number` reads it from the file. A number is written in
    /// shortest round-trip form, so reading it gives the value back — except −0, written `0`.
    static func number(_ field: CSVField) -> Double? {
        switch field {
        case .number(let value):
            guard let value, value.isFinite else { return nil }
            return value == 0 ? 0 : value
        case .count(let value):
            return value.map { Double($0) }
        case .text(let value):
            guard let number = Double(CSVInjection.neutralise(value ?? "")), number.isFinite else { return nil }
            return number
        }
    }
}

/// The typed values behind one table, answering one cell at a time, and where each record
/// of the table lies in them.
final class TypedRunRows: Sendable {
    let header: [String]
    let columnIndex: [String: Int]
    let count: Int
    /// (row, item, column) → the cell the file has there.
    let field: @Sendable (Int, Int, Int) -> CSVField
    /// For a table with several records per typed value (a service's flags): where value
    /// k's first record is, ascending, with `count` last. Empty when record k is value k.
    private let firstRecord: [Int32]

    init(header: [String], count: Int, firstRecord: [Int32] = [],
         field: @escaping @Sendable (Int, Int, Int) -> CSVField) {
        self.header = header
        columnIndex = RunTable.columnIndex(header)
        self.count = count
        self.firstRecord = firstRecord
        self.field = field
    }

    /// Record `position` of the table.
    func row(at position: Int) -> TypedRunRow {
        guard !firstRecord.isEmpty else {
            return TypedRunRow(rows: self, row: Int32(clamping: position), item: 0, position: Int32(clamping: position))
        }
        // The last value whose first record is at or before `position`.
        var low = 0, high = firstRecord.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if Int(firstRecord[middle]) <= position { low = middle } else { high = middle - 1 }
        }
        return TypedRunRow(rows: self, row: Int32(clamping: low), item: Int32(clamping: position - Int(firstRecord[low])),
                           position: Int32(clamping: position))
    }
}

extension RunTable {
    /// `clean/services.csv` of `services`, as the report reads it.
    static func typedServices(_ services: [CleanedService], file: String) -> RunTable {
        let columns = ServicesFileColumns(services)
        return RunTable(file: file, typedRows: TypedRunRows(header: columns.header, count: services.count) { row, _, column in
            columns.field(services, row, at: column)
        })
    }

    /// `clean/flags.csv` of `services`' flags, as the report reads it.
    static func typedFlags(_ services: [CleanedService], file: String) -> RunTable {
        var firstRecord: [Int32] = []
        firstRecord.reserveCapacity(services.count + 1)
        var count = 0
        services.withUnsafeBufferPointer { services in
            for service in services.indices {
                firstRecord.append(Int32(clamping: count))
                count += services[service].flags.count
            }
        }
        firstRecord.append(Int32(clamping: count))
        let rows = TypedRunRows(header: FlagsFileColumns.header, count: count, firstRecord: firstRecord) {
            row, item, column in FlagsFileColumns.field(services, row, flag: item, at: column)
        }
        return RunTable(file: file, typedRows: rows)
    }

    /// A run file of `rows` (e.g. `tables/benchmark.csv`), as the report reads it.
    static func typed<Rows: RandomAccessCollection & Sendable>(_ rows: Rows, file: String) -> RunTable
        where Rows.Element: RunFileRow, Rows.Index == Int {
        RunTable(file: file, typedRows: TypedRunRows(header: Rows.Element.header, count: rows.count) { row, _, column in
            rows[row].field(at: column)
        })
    }
}
