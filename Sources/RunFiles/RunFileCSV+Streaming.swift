import Foundation
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
    @usableFromInline
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
    /// it; `transform` reads each data record's cells from their bytes (`RunFileCells`).
    /// Inlinable so that it is specialised for each reader's `Context` and `T`: unspecialised,
    /// every record asked the runtime for generic metadata (a tenth of `vfm-report`'s
    /// reading by hand, issue 25).
    @inlinable
    package func mapRecords<Context, T>(ofFile path: String, header check: (CSVRecord?) throws(VFMError) -> Context,
                                        _ transform: (Context, RunFileCells) throws(VFMError) -> T) throws(VFMError) -> [T] {
        var context: Context?
        var header: [String] = []
        var values: [T] = []
        var failure: VFMError?
        let reuse = RunFileTextReuse()
        let size = Self.size(ofFile: path)
        try forEachRecord(ofFile: path) { record in
            do throws(VFMError) {
                if let context {
                    if values.count == Self.sampleRecords { Self.reserve(&values, size: size, sampledBytes: record.position.byte) }
                    values.append(try transform(context, RunFileCells(reader: self, header: header, record: record, reuse: reuse)))
                } else {
                    header = record.strings
                    context = try check(CSVRecord(line: record.position.line, cells: header))
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

    /// Records read before the array of values is sized for the whole file.
    @usableFromInline
    static let sampleRecords = 1024

    /// Sizes `values` for the whole file from the bytes its first records took, with 5% to
    /// spare: a million services grown by doubling copied the array at each step and, at
    /// the last, held the old and the new one at once (issue 25: `vfm-report` by hand
    /// peaked 1.6 times `vfm run`'s RSS). Too low an estimate only means the usual growth.
    @usableFromInline
    static func reserve<T>(_ values: inout [T], size: Int?, sampledBytes: Int) {
        guard let size, sampledBytes > 0, size > sampledBytes else { return }
        let estimate = Double(values.count) * Double(size) / Double(sampledBytes) * 1.05
        // At least two bytes a record: a damaged size cannot ask for more than the file holds.
        values.reserveCapacity(Int(min(estimate, Double(size / 2))))
    }

    @usableFromInline
    static func size(ofFile path: String) -> Int? {
        (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue
    }

    /// The rows of the file of `Row`s at `path`, streamed (`rows(_:as:)` for a file on disk).
    package func rows<Row: RunFileRow>(ofFile path: String, as _: Row.Type = Row.self) throws(VFMError) -> [Row] {
        try mapRecords(ofFile: path, header: Row.checkHeader(reader: self)) { (_: Void, cells) throws(VFMError) -> Row in
            try Row.read(cells)
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
    static func read(_ cells: RunFileCells) throws(VFMError) -> Self {
        guard cells.width == Self.header.count else {
            throw cells.reader.corrupt("row has \(cells.width) cells for \(Self.header.count) columns", line: cells.line)
        }
        var cells = cells
        return try Self(reading: &cells)
    }
}
