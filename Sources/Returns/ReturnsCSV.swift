import OrderedCollections
import RunFiles
import Tabular
import VFMCore

/// `ingest/returns.csv`: one row per accepted return, under the header its schema declares
/// (`RunFileSchema.ingestReturns(extras:)`, SPEC §13): every `ReturnColumn` in order, then
/// the extra columns (union over files, sorted by header key — see `ExtraColumnUnion`),
/// then `proportions_given` (the breakdown columns given as percentages, joined by `;`),
/// then `source` (`file:line`). Numbers via `NumberFormatting`, missing = empty cell, text
/// neutralised against formula injection (and restored on reading). The cells are encoded
/// by hand for speed; a test holds them to the schema.
package enum ReturnsCSV {
    static func header(extras: [String]) -> [String] { RunFileSchema.ingestReturns(extras: extras).header }

    /// The rows under `header(extras:)`, into a document or a file.
    static func emit<Sink: CSVRowSink>(_ returns: [ServiceReturn], extras: [String],
                                       into sink: inout Sink) throws(Sink.Failure) {
        try sink.appendRecords(returns) { row, line in encode(row, extras: extras, into: &line) }
    }

    /// One return's row, cell by cell from its values (read where the row lies: a
    /// `ServiceReturn` passed by value is a copy, a retain per string).
    static func encode(_ row: UnsafePointer<ServiceReturn>, extras: [String], into line: inout CSVLineEncoder) {
        ServiceReturn.encodeCanonicalCells(of: row, into: &line)
        ExtraCell.encode(row.pointee.extraColumns, under: extras, into: &line)
        line.appendText { bytes in
            for (index, column) in row.pointee.proportionsGiven.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ";")) }
                bytes.append(contentsOf: column.rawValue.utf8)
            }
        }
        line.append(source: row.pointee.source.file, line: row.pointee.source.line)
    }

    static func render(_ returns: [ServiceReturn]) -> String {
        let extras = extraColumnNames(returns)
        var writer = CSVWriter(header: header(extras: extras))
        emit(returns, extras: extras, into: &writer)
        return writer.text
    }

    /// Streams the table to `path`, its rows encoded on `cores` cores; returns its SHA-256.
    @discardableResult
    static func write(_ returns: [ServiceReturn], to path: String, displayName: String,
                      encodingOn cores: Int = 1) throws(VFMError) -> String? {
        let extras = extraColumnNames(returns)
        var file = try CSVFileWriter(path: path, header: header(extras: extras), displayName: displayName)
        try returns.withUnsafeBufferPointer { (rows) throws(VFMError) in
            guard let first = rows.baseAddress else { return }
            try file.appendRecords(count: rows.count, encodingOn: cores) { row, line in encode(first + row, extras: extras, into: &line) }
        }
        return try file.close()
    }

    /// The extra column names in the order the rows carry them (the same for every row
    /// that `IngestStage` produced).
    package static func extraColumnNames(_ returns: [ServiceReturn]) -> [String] {
        returns.withUnsafeBufferPointer { rows in extraColumnNames(count: rows.count) { rows[$0].extraColumns } }
    }

    /// As `extraColumnNames(_:)`, over the extra cells of rows `0..<count`.
    package static func extraColumnNames(count: Int, extraCells: (Int) -> [ExtraCell]) -> [String] {
        var names: OrderedSet<String> = []
        for row in 0..<count {
            for cell in extraCells(row) { names.append(cell.header) }
        }
        return names.elements
    }

    /// Reads a table written by `render`: in pieces on both cores, each record's cells
    /// straight from their bytes (`RunFileCells`), never the file as a table of strings.
    static func parse(_ bytes: [UInt8], file: String) throws(VFMError) -> [ServiceReturn] {
        let reader = OwnCSV.reader(file)
        return try reader.mapRecords(bytes, header: { (header: CSVRecord?) throws(VFMError) -> (cells: [String], extras: [String]) in
            guard let header else { throw reader.corrupt("no header row", line: 1) }
            guard let schema = RunFileSchema.ingestReturns(header: header.cells) else {
                throw reader.corrupt("the header is not the one ingest writes", line: header.line)
            }
            return (header.cells, schema.extras)
        }) { (header, cells) throws(VFMError) -> ServiceReturn in
            guard cells.width == header.cells.count else {
                throw reader.corrupt("row has \(cells.width) cells for \(header.cells.count) columns", line: cells.line)
            }
            return try serviceReturn(cells, extras: header.extras)
        }
    }

    /// One row: the canonical cells, the extra columns, `proportions_given`, `source`.
    private static func serviceReturn(_ cells: RunFileCells, extras: [String]) throws(VFMError) -> ServiceReturn {
        var proportions: [ReturnColumn] = []
        for name in (cells.text(at: cells.width - 2) ?? "").split(separator: ";") {
            guard let column = ReturnColumn(rawValue: String(name)) else {
                throw cells.reader.corrupt("`proportions_given` names `\(name)`, which is not a column", line: cells.line)
            }
            proportions.append(column)
        }
        let firstExtra = CanonicalPosition.count
        let extraCells = extras.indices.map { ExtraCell(header: extras[$0], value: cells.text(at: firstExtra + $0)) }
        var serviceReturn = try ServiceReturn(canonicalCellsOf: cells, sourceColumn: cells.width - 1,
                                              extraColumns: extraCells)
        serviceReturn.proportionsGiven = proportions
        return serviceReturn
    }
}

extension ServiceReturn {
    /// The cells of every canonical column, in `ReturnColumn` order: `field(for:)` of each,
    /// written straight from the values (no `CSVField` per cell; the columns are in this
    /// order in `ReturnColumn`, and a test holds the two to the same bytes).
    public func encodeCanonicalCells(into line: inout CSVLineEncoder) {
        withUnsafePointer(to: self) { Self.encodeCanonicalCells(of: $0, into: &line) }
    }

    /// `encodeCanonicalCells(into:)` of the return at `row`, read where it lies (a writer of
    /// a million rows copies none of them).
    public static func encodeCanonicalCells(of row: UnsafePointer<ServiceReturn>, into line: inout CSVLineEncoder) {
        line.append(text: row.pointee.authority)
        line.append(text: row.pointee.service)
        line.append(text: row.pointee.period)
        line.append(text: row.pointee.model)
        line.append(text: row.pointee.evidenceBase.label)
        line.append(number: row.pointee.totalCost)
        line.append(count: row.pointee.peopleSupported)
        withUnsafePointer(to: row.pointee.counts) { CountValues.encodeCells(of: $0, into: &line) }
        line.append(number: row.pointee.reportedCostPerPerson)
        line.append(number: row.pointee.reportedCostPerOutcome)
    }

    /// The value of a canonical column as an output cell.
    public func field(for column: ReturnColumn) -> CSVField {
        switch column {
        case .authority: return .text(authority)
        case .service: return .text(service)
        case .period: return .text(period)
        case .model: return .text(model)
        case .evidenceBased: return .text(evidenceBase.label)
        case .totalCost: return .number(totalCost)
        case .peopleSupported: return .count(peopleSupported)
        case .reportedCostPerPerson: return .number(reportedCostPerPerson)
        case .reportedCostPerOutcome: return .number(reportedCostPerOutcome)
        default: return .number(counts[column])
        }
    }
}

extension CountValues {
    /// One cell per column of `columns`, in order: `counts[column]` of each. The present
    /// counts are walked by their bits, in slot order — which is `columns` order — with no
    /// lookup per column, and read where they lie (handing on `values` would retain the
    /// array, whose count the analysis may be touching on the other core).
    static func encodeCells(of counts: UnsafePointer<CountValues>, into line: inout CSVLineEncoder) {
        let present = counts.pointee.present
        var position = 0
        for slot in 0..<slotCount {
            if present & (1 << slot) != 0 {
                let value = counts.pointee.values[position]
                line.append(number: value)
                position += 1
            } else {
                line.appendEmpty()
            }
        }
    }
}

extension ExtraCell {
    /// The value a row holds under extra column `name`: its first cell of that header.
    public static func value(in cells: [ExtraCell], named name: String) -> String? {
        cells.first { $0.header == name }?.value ?? nil
    }

    /// The cells of `extras` for one row, as text. Ingest gives every row the union of
    /// extra columns in one order, so they are matched by position; a row that carries
    /// them otherwise is matched by name (`value(in:named:)`).
    public static func encode(_ cells: [ExtraCell], under extras: [String], into line: inout CSVLineEncoder) {
        // By index: `for cell in cells` (or `zip`) copies each cell, two retains.
        if cells.count == extras.count, extras.indices.allSatisfy({ cells[$0].header == extras[$0] }) {
            for index in cells.indices { line.append(text: cells[index].value) }
        } else {
            for name in extras { line.append(text: value(in: cells, named: name)) }
        }
    }
}

/// Reading back the ingest stage's own CSV files (see `RunFileCSV`).
enum OwnCSV {
    static func reader(_ file: String) -> RunFileCSV {
        RunFileCSV(file: file, hint: "this file is written by vfm-ingest; run the ingest stage again to rewrite it")
    }
}
