import VFMCore

/// Writes a CSV file record by record through a `BufferedFileWriter` (fixed-size buffer,
/// SHA-256 computed on the way): the file is never held whole in memory.
public struct CSVFileWriter: CSVRowSink {
    private let writer: BufferedFileWriter
    public let columnCount: Int

    /// Creates `path` (and its parent directories) and writes the header.
    public init(path: String, header: [String], displayName: String? = nil) throws(VFMError) {
        writer = try BufferedFileWriter(path: path, displayName: displayName)
        columnCount = header.count
        var bytes: [UInt8] = []
        CSVEncoding.appendLine(header, to: &bytes)
        try writer.write(bytes)
    }

    /// Appends one record.
    /// - Throws: as `BufferedFileWriter`; a record whose width is not the header's is a
    ///   bug, reported rather than written as a shifted row.
    public mutating func append(_ row: [CSVField]) throws(VFMError) {
        try appendRecord { line in for field in row { line.append(field) } }
    }

    /// Appends the record `encode` writes, encoded straight into the file's buffer
    /// (`BufferedFileWriter.appendInPlace`); a record of the wrong width is taken back out.
    /// - Throws: as `append(_:)`.
    public mutating func appendRecord(_ encode: (inout CSVLineEncoder) -> Void) throws(VFMError) {
        var cells = columnCount
        try writer.appendInPlace { buffer in
            let start = buffer.count
            // The buffer moves into the encoder and back: one owner at a time, never copied.
            var line = CSVLineEncoder()
            swap(&line.bytes, &buffer)
            encode(&line)
            cells = line.cellCount
            if cells == columnCount { line.endLine() }
            swap(&line.bytes, &buffer)
            if cells != columnCount { buffer.removeSubrange(start...) }
        }
        guard cells == columnCount else { throw wrongWidth(cells) }
    }

    /// Rows `0..<count`, row `i` written by `encode(i, &line)` — the bytes `appendRecord`
    /// writes row by row — with blocks of rows encoded on `cores` cores at once and written
    /// in order. For a stage run by hand, whose big file is written while nothing else runs
    /// (issue 25); `vfm run` writes the same file on its background core and asks for one.
    /// `encode` is called from several threads at once: it may only read what it shares.
    public mutating func appendRecords(count: Int, encodingOn cores: Int,
                                       _ encode: (Int, inout CSVLineEncoder) -> Void) throws(VFMError) {
        try appendRecords(count: count, encodingOn: cores, inRunsOf: 1, leading: { _, _ in }, encode)
    }

    /// As `appendRecords(count:encodingOn:_:)`, for rows that come in runs of `runLength`
    /// (row i in run i / `runLength`) beginning with the same cells: `leading(run, &cells)`
    /// encodes those once per run, and each row is the run's cells then what `encode`
    /// appends — the bytes of encoding them on every row (a benchmark row per service and
    /// metric repeats the service's names: issue 30).
    public mutating func appendRecords(count: Int, encodingOn cores: Int, inRunsOf runLength: Int,
                                       leading: (Int, inout CSVLineEncoder) -> Void,
                                       _ encode: (Int, inout CSVLineEncoder) -> Void) throws(VFMError) {
        precondition(runLength > 0, "a run holds at least one row")
        guard cores > 1, count > Self.blockRows else {
            var run = -1, runCells = CSVLineEncoder()
            for row in 0 ..< count {
                try appendRecord { line in
                    Self.encodeRow(row, runLength: runLength, run: &run, runCells: &runCells, leading: leading, encode,
                                   into: &line)
                }
            }
            return
        }
        let columns = columnCount
        var start = 0
        while start < count {
            let first = start
            let blocks = Parallel.map(min(cores, (count - first + Self.blockRows - 1) / Self.blockRows)) { block in
                let rows = (first + block * Self.blockRows) ..< min(count, first + (block + 1) * Self.blockRows)
                return Self.encodeBlock(rows, columns: columns, runLength: runLength, leading: leading, encode)
            }
            for block in blocks {
                if let width = block.wrongWidth { throw wrongWidth(width) }
                try writer.write(block.bytes)
            }
            start += cores * Self.blockRows
        }
    }

    /// Rows a core encodes at a time: a megabyte or two of text, so the blocks in flight
    /// stay small beside the rows they come from.
    static let blockRows = 16_384

    /// The lines of `rows`, one after another, or the width of the first row whose cell
    /// count is not `columns`. A block may start inside a run: its first row encodes the
    /// run's leading cells too.
    private static func encodeBlock(_ rows: Range<Int>, columns: Int, runLength: Int,
                                    leading: (Int, inout CSVLineEncoder) -> Void,
                                    _ encode: (Int, inout CSVLineEncoder) -> Void) -> (bytes: [UInt8], wrongWidth: Int?) {
        var bytes: [UInt8] = [], line = CSVLineEncoder(), runCells = CSVLineEncoder()
        var run = -1
        for row in rows {
            line.reset()
            encodeRow(row, runLength: runLength, run: &run, runCells: &runCells, leading: leading, encode, into: &line)
            guard line.cellCount == columns else { return ([], line.cellCount) }
            line.endLine()
            if bytes.isEmpty { bytes.reserveCapacity(line.bytes.count * rows.count * 5 / 4) }
            bytes.append(contentsOf: line.bytes)
        }
        return (bytes, nil)
    }

    /// Row `row` into `line`: its run's leading cells (encoded into `runCells` when the run
    /// is not the one `run` names) and then its own.
    @inline(__always)
    private static func encodeRow(_ row: Int, runLength: Int, run: inout Int, runCells: inout CSVLineEncoder,
                                  leading: (Int, inout CSVLineEncoder) -> Void,
                                  _ encode: (Int, inout CSVLineEncoder) -> Void, into line: inout CSVLineEncoder) {
        if runLength == 1 {
            leading(row, &line)
        } else {
            if row / runLength != run {
                run = row / runLength
                runCells.reset()
                leading(run, &runCells)
            }
            line.append(cellsOf: runCells)
        }
        encode(row, &line)
    }

    private func wrongWidth(_ cells: Int) -> VFMError {
        VFMError(.cannotCreateOutput, "a row of \(cells) cells for \(columnCount) columns",
                 file: writer.displayName, hint: "this is a bug in vfm; please report it")
    }

    /// Flushes and closes the file; returns its SHA-256 (`nil` when not hashing).
    @discardableResult
    public func close() throws(VFMError) -> String? { try writer.close() }
}
