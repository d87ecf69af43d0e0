import VFMCore

/// Writes a CSV file record by record through a `BufferedFileWriter` (fixed-size buffer,
/// SHA-256 computed on the way): the file is never held whole in memory.
public struct CSVFileWriter: CSVRowSink {
    private let writer: BufferedFileWriter
    public let columnCount: Int
    /// One record's bytes, reused for every record (no `String` per cell or line).
    private var line = CSVLineEncoder()

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

    /// Appends the record `encode` writes into the reused encoder.
    /// - Throws: as `append(_:)`.
    public mutating func appendRecord(_ encode: (inout CSVLineEncoder) -> Void) throws(VFMError) {
        line.reset()
        encode(&line)
        guard line.cellCount == columnCount else {
            throw VFMError(.cannotCreateOutput, "a row of \(line.cellCount) cells for \(columnCount) columns",
                           file: writer.displayName, hint: "this is a bug in vfm; please report it")
        }
        line.endLine()
        try writer.write(line.bytes)
    }

    /// Flushes and closes the file; returns its SHA-256.
    @discardableResult
    public func close() throws(VFMError) -> String { try writer.close() }
}
