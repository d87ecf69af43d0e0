import Foundation
@testable import RunFiles
import Tabular
import Testing
import VFMCore

/// A run file read in pieces on several cores gives exactly the records, and lines, of the
/// whole-file parser (`CSVRecordParser`, the independent reference here), whatever falls
/// at the cut: quoted line breaks, doubled quotes, CRLF.
@Suite("run files read in pieces")
struct RunFilePiecesTests {
    /// ~4.5 MB: records with quoted newlines and commas every few lines, so a cut near the
    /// middle lands among them.
    static func text(lineEnd: String) -> [UInt8] {
        var text = "authority,service,value" + lineEnd
        for index in 0 ..< 150_000 {
            let service = index % 7 == 0 ? "\"Service \(index),\nwith a \"\"quoted\"\" line\"" : "Service \(index)"
            text += "A\(index % 13),\(service),\(index)" + lineEnd
        }
        return Array(text.utf8)
    }

    @Test("records and lines equal the whole-file parser's", arguments: ["\n", "\r\n"])
    func sameRecords(lineEnd: String) throws {
        let bytes = Self.text(lineEnd: lineEnd)
        let reader = RunFileCSV(file: "t.csv", hint: "")
        let (_, pieces) = try reader.headerAndPieces(bytes, count: 3, guessing: false)
        #expect(pieces.count == 2 || pieces.count == 3)
        let expected = try CSVRecordParser.records(utf8: bytes)
        let read = try reader.mapRecords(bytes, header: { (header: CSVRecord?) throws(VFMError) -> [String] in header?.cells ?? [] }) {
            (_: [String], cells: RunFileCells) throws(VFMError) -> CSVRecord in
            CSVRecord(line: cells.line, cells: (0 ..< cells.width).map(cells.cell(at:)))
        }
        #expect(read == Array(expected.dropFirst()))
    }

    /// A cut guessed at the first LF past the middle is wrong when that LF is inside a quoted
    /// cell: the piece before it then ends inside the quote, and the file is read again with
    /// every cut tracked. Here a long quoted cell of many lines spans the middle of the file.
    @Test("a cut guessed inside a quoted cell is caught and read again: the whole-file parser's records")
    func wrongGuessReadAgain() throws {
        var text = "authority,service,value\n"
        for index in 0 ..< 40_000 { text += "A\(index % 13),Service \(index),\(index)\n" }
        text += "B,\"" + String(repeating: "a long, quoted\nnote\n", count: 60_000) + "end\",1\n"
        for index in 0 ..< 1_000 { text += "C,Service \(index),\(index)\n" }
        let bytes = Array(text.utf8)
        let reader = RunFileCSV(file: "t.csv", hint: "")
        let (_, guessed) = try reader.headerAndPieces(bytes, count: 2, guessing: true)
        #expect(guessed.count == 2 && guessed[1].startGuessed)
        let (_, tracked) = try reader.headerAndPieces(bytes, count: 2, guessing: false)
        #expect(tracked.count == 2 && !tracked[1].startGuessed && tracked[1].bytes.startIndex != guessed[1].bytes.startIndex)
        let read = try reader.mapRecords(bytes, header: { (header: CSVRecord?) throws(VFMError) -> [String] in header?.cells ?? [] }) {
            (_: [String], cells: RunFileCells) throws(VFMError) -> CSVRecord in
            CSVRecord(line: cells.line, cells: (0 ..< cells.width).map(cells.cell(at:)))
        }
        #expect(read == Array(try CSVRecordParser.records(utf8: bytes).dropFirst()))
    }

    @Test("an error in a later piece names its line in the whole file")
    func errorLine() throws {
        var bytes = Self.text(lineEnd: "\n")
        bytes += Array("B,broken\n".utf8)
        let lines = bytes.reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
        let reader = RunFileCSV(file: "t.csv", hint: "")
        let error = try #require(throws: VFMError.self) {
            _ = try reader.mapRecords(bytes, header: { (_: CSVRecord?) throws(VFMError) in }) { (_: Void, cells: RunFileCells) throws(VFMError) in
                if cells.width != 3 { throw reader.corrupt("ragged", line: cells.line) }
            }
        }
        #expect(error.line == lines)
    }

    /// `RunFileTextReuse` hands back the previous row's `String` when a cell repeats it; the
    /// texts must be exactly those read cell by cell, neutralised cells restored.
    @Test("text repeated down a column reads as the text of each cell, a neutralised one restored")
    func repeatedText() throws {
        let cells = ["Westshire County Council", "Westshire County Council", "'=SUM(A1)", "'=SUM(A1)", "=SUM(A1)",
                     "=SUM(A1)", "Westshire County Council ", "Westshire County Counci", "", "Westshire County Counci",
                     "Eastham", "Eastham"]
        var text = "name,n\n"
        for (index, cell) in cells.enumerated() {
            var line: [UInt8] = []
            CSVEncoding.appendLine([cell, "\(index)"], to: &line)
            text += String(decoding: line, as: UTF8.self)
        }
        let reader = RunFileCSV(file: "t.csv", hint: "")
        let read = try reader.mapRecords(Array(text.utf8), header: { (_: CSVRecord?) throws(VFMError) in }) {
            (_: Void, cells: RunFileCells) throws(VFMError) -> String? in cells.text(at: 0)
        }
        #expect(read == cells.map { $0.isEmpty ? nil : CSVInjection.restore($0) })
    }

    /// Text cells (a name repeated down the column is reused, so equal bytes must give the
    /// equal text and different ones never the previous text) and `source` cells read from
    /// their bytes give what reading them as strings gives: `CSVInjection.restore` of the
    /// cell, and `SourceLocation(parsing:)` of that (the file name may hold colons).
    @Test("text and source cells read from bytes equal the string reading of the same cells")
    func textAndSourceFromBytes() throws {
        let sources = ["returns.csv:2", "returns.csv:3", "a:b.csv:17", "a:b.csv:17", "'=x.csv:4", "no-line", "f.csv:",
                       "", "f.csv:x", "f.csv:-3", "Ünïcode.csv:9", "Ünïcode.csv:10", "ab.csv:5", "ba.csv:5"]
        let names = ["Authority A", "Authority A", "Authority B", "Authority AB", "", "'=SUM(A1)", "Ünïcode", "Ünïcode"]
        var text = "name,source\n"
        for index in 0 ..< max(sources.count, names.count) {
            text += "\(names[index % names.count]),\(sources[index])\n"
        }
        let bytes = Array(text.utf8)
        let reader = RunFileCSV(file: "t.csv", hint: "")
        let read = try reader.mapRecords(bytes, header: { (_: CSVRecord?) throws(VFMError) in }) {
            (_: Void, cells: RunFileCells) throws(VFMError) -> [String] in
            [cells.text(at: 0) ?? "<nil>", cells.sourceLocation(at: 1).map { "\($0.file)|\($0.line)" } ?? "<nil>"]
        }
        let expected = try CSVRecordParser.records(utf8: bytes).dropFirst().map { record -> [String] in
            let name = CSVInjection.restore(record.cells[0]), source = CSVInjection.restore(record.cells[1])
            return [name.isEmpty ? "<nil>" : name,
                    source.isEmpty ? "<nil>" : SourceLocation(parsing: source).map { "\($0.file)|\($0.line)" } ?? "<nil>"]
        }
        #expect(read == expected)
        #expect(read[2][1] == "a:b.csv|17" && read[5][1] == "<nil>" && read[9][1] == "f.csv|-3")
    }
}
