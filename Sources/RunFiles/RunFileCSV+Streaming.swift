import Tabular
import VFMCore

extension RunFileCSV {
    /// Every record of the run file at `path` (header first), read in chunks of
    /// `FileSystem.readChunkSize` by the streaming byte parser: the file is never held
    /// whole (issue 25: `vfm-report` run by hand held `clean/services.csv`,
    /// `clean/flags.csv` and `tables/benchmark.csv` whole while turning them into values,
    /// and peaked far above `vfm run`). `body` returns false to stop reading.
    /// - Throws: as `FileSystem.forEachChunk` (66 missing, 74 unreadable); `.dataError` for
    ///   an unterminated quote.
    /// Each record is handed over as bytes in one reused `CSVByteRecord`: no `String` per cell.
    package func forEachRecord(ofFile path: String, _ body: (CSVByteRecord) -> Bool) throws(VFMError) {
        var parser = CSVByteParser(cellLimit: Self.cellLimit)
        try FileSystem.forEachChunk(of: path, displayName: file) { chunk, _ in parser.feed(chunk, body) }
        do {
            try parser.finish(body)
        } catch {
            switch error {
            case .unterminatedQuote(let line): throw corrupt("unterminated quoted field", line: line)
            }
        }
    }

    /// `transform` of every data record of the file at `path`, streamed, in file order; the
    /// header is checked by `header` first (as text), which returns what `transform` needs of
    /// it; `transform` reads each data record's cells as bytes.
    package func mapRecords<Context, T>(ofFile path: String, header check: (CSVRecord?) throws(VFMError) -> Context,
                                        _ transform: (Context, CSVByteRecord) throws(VFMError) -> T) throws(VFMError) -> [T] {
        var context: Context?
        var values: [T] = []
        var failure: VFMError?
        try forEachRecord(ofFile: path) { record in
            do throws(VFMError) {
                if let context {
                    values.append(try transform(context, record))
                } else {
                    context = try check(CSVRecord(line: record.position.line, cells: record.strings))
                }
                return true
            } catch {
                failure = error
                return false
            }
        }
        if let failure { throw failure }
        if context == nil { _ = try check(nil) }
        return values
    }

    /// The rows of the file of `Row`s at `path`, streamed (`rows(_:as:)` for a file on disk).
    package func rows<Row: RunFileRow>(ofFile path: String, as _: Row.Type = Row.self) throws(VFMError) -> [Row] {
        try mapRecords(ofFile: path, header: Row.checkHeader(reader: self)) { (_: Void, record) throws(VFMError) -> Row in
            try Row.read(record, reader: self)
        }
    }
}

extension RunFileRow {
    /// The check of a file's header against `Row.header`.
    static func checkHeader(reader: RunFileCSV) -> (CSVRecord?) throws(VFMError) -> Void {
        { (header: CSVRecord?) throws(VFMError) in
            guard let header else { throw reader.corrupt("no header row", line: 1) }
            guard header.cells == Self.header else {
                throw reader.corrupt("the header is not `\(Self.header.joined(separator: ","))`", line: header.line)
            }
        }
    }

    /// One data record as a row: one cell per column, each read by its column.
    static func read(_ record: CSVByteRecord, reader: RunFileCSV) throws(VFMError) -> Self {
        guard record.count == Self.header.count else {
            throw reader.corrupt("row has \(record.count) cells for \(Self.header.count) columns", line: record.position.line)
        }
        var cells = RunFileCells(reader: reader, header: Self.header, record: record)
        return try Self(reading: &cells)
    }
}
