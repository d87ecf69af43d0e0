import Tabular
import VFMCore

/// The rejected-rows table (SPEC §7 `clean/rejected.csv`; `ingest/rejected.csv` has the
/// same layout): `source_file,line,rule,message`, then the row's raw cells exactly as read —
/// as many as the row had, so records may be wider or narrower than the header.
public enum RejectedRowsCSV {
    public static let header = ["source_file", "line", "rule", "message"]

    public static func render(_ rows: [RejectedRow]) -> String {
        var writer = CSVWriter(header: header)
        for row in rows {
            writer.appendRaw([row.source.file, String(row.source.line), row.rule, row.message] + row.rawCells)
        }
        return writer.text
    }

    /// Reads a table written by `render`; `file` names it in errors.
    public static func parse(_ bytes: [UInt8], file: String) throws(VFMError) -> [RejectedRow] {
        let records = try OwnCSV.records(bytes, file: file)
        guard let first = records.first, first.cells == header else {
            throw OwnCSV.corrupt("the header is not `\(header.joined(separator: ","))`", file: file, line: 1)
        }
        var rows: [RejectedRow] = []
        for record in records.dropFirst() {
            let cells = record.cells.map(CSVInjection.restore)
            guard cells.count >= header.count, let line = Int(cells[1]) else {
                throw OwnCSV.corrupt("not a rejected row", file: file, line: record.line)
            }
            rows.append(RejectedRow(source: SourceLocation(file: cells[0], line: line), rule: cells[2],
                                    message: cells[3], rawCells: Array(cells.dropFirst(header.count))))
        }
        return rows
    }
}
