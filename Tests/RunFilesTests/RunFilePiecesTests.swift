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
        let (_, pieces) = try reader.headerAndPieces(bytes, count: 3)
        #expect(pieces.count == 2 || pieces.count == 3)
        let expected = try CSVRecordParser.records(utf8: bytes)
        let read = try reader.mapRecords(bytes, header: { (header: CSVRecord?) throws(VFMError) -> [String] in header?.cells ?? [] }) {
            (_: [String], record: CSVByteRecord) throws(VFMError) -> CSVRecord in
            CSVRecord(line: record.position.line, cells: record.strings)
        }
        #expect(read == Array(expected.dropFirst()))
    }

    @Test("an error in a later piece names its line in the whole file")
    func errorLine() throws {
        var bytes = Self.text(lineEnd: "\n")
        bytes += Array("B,broken\n".utf8)
        let lines = bytes.reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
        let reader = RunFileCSV(file: "t.csv", hint: "")
        let error = try #require(throws: VFMError.self) {
            _ = try reader.mapRecords(bytes, header: { (_: CSVRecord?) throws(VFMError) in }) { (_: Void, record: CSVByteRecord) throws(VFMError) in
                if record.count != 3 { throw reader.corrupt("ragged", line: record.position.line) }
            }
        }
        #expect(error.line == lines)
    }
}
