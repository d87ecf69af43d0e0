import Tabular
import VFMCore

/// One of this project's own CSV files read record by record, when the caller asks
/// (`next()`), so that two runs' tables can be merge-joined without holding either: memory
/// is one 1 MiB chunk and the records parsed from it, whatever the file's size. Read by
/// header name like `RunTable` (a later version's extra columns still read); cells stay
/// bytes (`CSVByteRecord`) until a caller asks for one as text, restored with
/// `CSVInjection.restore`.
final class RunTableStream {
    /// File name relative to the run directory (`clean/services.csv`), for messages.
    let name: String
    private(set) var header: [String] = []
    private var columnIndex: [String: Int] = [:]
    private let allowsRaggedRows: Bool
    private var requiredWidth = 0
    private let file: FileChunkReader
    private var parser = CSVByteParser(cellLimit: RunTableStream.cellLimit)
    private var pending: [CSVByteRecord] = []
    private var pendingStart = 0
    /// The chunk last read, fed to the parser `sliceSize` bytes at a time from `chunkOffset`.
    private var chunk: [UInt8] = []
    private var chunkOffset = 0
    private static let sliceSize = 1 << 16
    private var finished = false

    /// 16 MiB: a run's cells are names and numbers, and `clean/rejected.csv`'s `record`
    /// holds a whole input row whose cells ingest has already cut to 64 KiB each. A longer
    /// cell is damage, reported rather than cut.
    static let cellLimit = 1 << 24

    /// Opens `relativePath` inside `runDirectory` and reads its header.
    /// - Parameters:
    ///   - required: columns that must be in the header (else the table is malformed, 65).
    ///   - allowsRaggedRows: rows may be shorter or longer than the header as long as they
    ///     hold the required columns (as `RunTable`).
    /// - Throws: `.noInput` (66) when the file is missing or unreadable, `.dataError` (65)
    ///   when it has no header or lacks a required column.
    init(runDirectory: String, relativePath: String, required: [String],
         allowsRaggedRows: Bool = false) throws(VFMError) {
        let display = RunTable.displayPath(runDirectory, relativePath)
        name = display
        file = try FileChunkReader(path: runDirectory + "/" + relativePath, displayName: display)
        self.allowsRaggedRows = allowsRaggedRows
        guard let first = try nextRecord() else {
            throw VFMError(.dataError, "table has no header", file: display, line: 1,
                           hint: "the run directory is incomplete; re-run `vfm run` to regenerate it")
        }
        let cells = first.strings
        var index: [String: Int] = [:]
        for (position, column) in cells.enumerated() where index[column] == nil { index[column] = position }
        for column in required where index[column] == nil {
            throw VFMError(.dataError, "required column is missing from the header", file: display, line: 1,
                           column: column, hint: "was this run written by another version of vfm? re-run `vfm run`")
        }
        header = cells
        columnIndex = index
        requiredWidth = (required.compactMap { index[$0] }.max() ?? -1) + 1
    }

    /// The position of `column` in the header (its first occurrence), `nil` when absent.
    func position(_ column: String) -> Int? { columnIndex[column] }

    /// The next row, `nil` at the end of the table. The record is valid until the next call.
    /// - Throws: `.dataError` (65) naming file and line for a row whose width does not
    ///   match the header, an over-long cell or an unterminated quote; `.ioError` (74).
    func next() throws(VFMError) -> CSVByteRecord? {
        guard let record = try nextRecord() else { return nil }
        let ragged = allowsRaggedRows ? record.count < requiredWidth : record.count != header.count
        if ragged {
            throw corrupt("row has \(record.count) cells but the header has \(header.count)", line: record.position.line)
        }
        if let cell = record.oversizedCell {
            throw corrupt("cell \(cell + 1) is longer than \(Self.cellLimit) bytes", line: record.position.line)
        }
        return record
    }

    func corrupt(_ message: String, line: Int, column: String? = nil) -> VFMError {
        VFMError(.dataError, message, file: name, line: line, column: column,
                 hint: "the run directory is damaged; re-run `vfm run` to regenerate it")
    }

    /// Cell `position` of `record` as the service wrote it (restored); `""` when absent.
    static func text(_ record: CSVByteRecord, _ position: Int?) -> String {
        guard let position, position < record.count else { return "" }
        return CSVInjection.restore(record.string(position))
    }

    /// Cell `position` of `record` as a finite number; `nil` when empty or absent.
    /// - Throws: `.dataError` naming file, line and column when the cell is not a number.
    func number(_ record: CSVByteRecord, _ position: Int?, column: String) throws(VFMError) -> Double? {
        let value = Self.text(record, position)
        if value.isEmpty { return nil }
        guard let number = Double(value), number.isFinite else {
            throw corrupt("`\(value)` is not a number", line: record.position.line, column: column)
        }
        return number
    }

    private func nextRecord() throws(VFMError) -> CSVByteRecord? {
        while pendingStart == pending.count {
            pending.removeAll(keepingCapacity: true)
            pendingStart = 0
            if finished { return nil }
            if chunkOffset == chunk.count {
                chunk.removeAll(keepingCapacity: true)
                chunkOffset = 0
                let more = try file.next { chunk.append(contentsOf: $0) }
                if !more {
                    finished = true
                    var last: [CSVByteRecord] = []
                    do throws(CSVStructureError) {
                        try parser.finish { last.append($0); return true }
                    } catch {
                        switch error {
                        case .unterminatedQuote(let line): throw corrupt("unterminated quoted field", line: line)
                        }
                    }
                    pending = last
                    continue
                }
            }
            // A slice of the chunk at a time: the records parsed ahead stay few (a 1 MiB chunk
            // of `tables/benchmark.csv` is some 16,000 of them).
            let end = min(chunk.count, chunkOffset + Self.sliceSize)
            var fresh: [CSVByteRecord] = []
            chunk.withUnsafeBufferPointer { buffer in
                parser.feed(UnsafeBufferPointer(rebasing: buffer[chunkOffset..<end])) { fresh.append($0); return true }
            }
            chunkOffset = end
            pending = fresh
        }
        defer { pendingStart += 1 }
        return pending[pendingStart]
    }
}
