import RunFiles
import Tabular
import VFMCore

/// The rejected-rows table (SPEC §7 `clean/rejected.csv`; `ingest/rejected.csv` has the
/// same layout): `source_file,line,rule,message,column,value,record` — rectangular
/// whatever the inputs' columns, so pandas and polars read it as a table. `record` is the
/// whole record as read, as one RFC 4180 line (`CSVEncoding.recordLine`). The header is
/// the schema's (`RunFileSchema.ingestRejected`, SPEC §13).
extension RejectedRow: RunFileRow {
    package static let schema = RunFileSchema.ingestRejected

    public var fields: [CSVField] {
        [.text(source.file), .count(source.line), .text(rule.rawValue), .text(message), .text(columnName),
         .text(value), .text(CSVEncoding.recordLine(record))]
    }

    public init(reading cells: inout RunFileCells) throws(VFMError) {
        let file = try cells.requiredText()
        let line = try cells.requiredCount()
        let rule = try cells.requiredValue(RejectRule.self)
        let message = cells.text() ?? ""
        let column = cells.text()
        let value = cells.text()
        let recordText = cells.text() ?? ""
        guard let record = CSVEncoding.cells(ofRecordLine: recordText) else {
            throw cells.reader.corrupt("`record` is not one CSV record", line: cells.line)
        }
        self.init(source: SourceLocation(file: file, line: line), rule: rule, message: message, columnName: column,
                  value: value, record: record)
    }
}

enum RejectedRowsCSV {
    static func render(_ rows: [RejectedRow]) -> String { CSVWriter.document(rows) }

    /// Reads a table written by `render`; `file` names it in errors.
    static func parse(_ bytes: [UInt8], file: String) throws(VFMError) -> [RejectedRow] {
        try OwnCSV.reader(file).rows(bytes, as: RejectedRow.self)
    }
}
