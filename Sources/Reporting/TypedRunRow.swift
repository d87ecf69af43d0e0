import Analysis
import Cleaning
import Tabular

/// A row of a run-directory table taken from the typed value the earlier stage wrote it
/// from, instead of read back from the file as strings: `vfm run` (and `vfm-report`, which
/// loads `ReportInput`) has the services, their flags and the benchmark typed already, and
/// at 10⁶ services a table of their strings would cost gigabytes. A cell reads exactly as
/// the same cell of the file reads (`RunTable.Row.text` / `number`).
struct TypedRunRow: Sendable {
    fileprivate let rows: TypedRunRows
    /// Position of the typed value (a service, a benchmark row).
    fileprivate let row: Int32
    /// Position inside it (a flag of the service), 0 otherwise.
    fileprivate let item: Int32
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

/// The typed values behind one table, answering one cell at a time.
private final class TypedRunRows: Sendable {
    let columnIndex: [String: Int]
    /// (row, item, column) → the cell the file has there.
    let field: @Sendable (Int, Int, Int) -> CSVField

    init(header: [String], field: @escaping @Sendable (Int, Int, Int) -> CSVField) {
        columnIndex = RunTable.columnIndex(header)
        self.field = field
    }
}

extension RunTable {
    /// `clean/services.csv` of `services`, as the report reads it.
    static func typedServices(_ services: [CleanedService], file: String) -> RunTable {
        let columns = ServicesFileColumns(services)
        let rows = TypedRunRows(header: columns.header) { row, _, column in columns.field(services, row, at: column) }
        return RunTable(file: file, header: columns.header, typedRows: services.indices.map {
            TypedRunRow(rows: rows, row: Int32(clamping: $0), item: 0, position: Int32(clamping: $0))
        })
    }

    /// `clean/flags.csv` of `services`' flags, as the report reads it.
    static func typedFlags(_ services: [CleanedService], file: String) -> RunTable {
        let rows = TypedRunRows(header: FlagsFileColumns.header) { row, item, column in
            FlagsFileColumns.field(services, row, flag: item, at: column)
        }
        var records: [TypedRunRow] = []
        for row in services.indices {
            for item in services[row].flags.indices {
                records.append(TypedRunRow(rows: rows, row: Int32(clamping: row), item: Int32(clamping: item),
                                           position: Int32(clamping: records.count)))
            }
        }
        return RunTable(file: file, header: FlagsFileColumns.header, typedRows: records)
    }

    /// A run file of `rows` (e.g. `tables/benchmark.csv`), as the report reads it.
    static func typed<Row: RunFileRow>(_ rows: [Row], file: String) -> RunTable {
        let source = TypedRunRows(header: Row.header) { row, _, column in rows[row].field(at: column) }
        return RunTable(file: file, header: Row.header, typedRows: rows.indices.map {
            TypedRunRow(rows: source, row: Int32(clamping: $0), item: 0, position: Int32(clamping: $0))
        })
    }
}
