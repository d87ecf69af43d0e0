import Foundation
@testable import Tabular
import Testing
import VFMCore

/// `CSVFileWriter.appendRecords(count:encodingOn:)` encodes blocks of rows on several
/// cores: the file must be the lines of the rows in order, each as `CSVEncoding.line`
/// gives it (the independent reference: the one-record encoder), whatever the count
/// around the block size, and a row of the wrong width must still stop the write.
@Suite("a run file encoded in blocks on several cores")
struct CSVFileWriterBlocksTests {
    static func row(_ index: Int) -> [CSVField] {
        [.text(index % 5 == 0 ? "Name \(index), \"quoted\"" : "Name \(index)"), .number(Double(index) / 7), .count(index)]
    }

    @Test("the bytes are the rows' lines in order, at every count around the block size",
          arguments: [0, 1, CSVFileWriter.blockRows, CSVFileWriter.blockRows + 1, 3 * CSVFileWriter.blockRows + 5])
    func sameBytes(count: Int) throws {
        let path = NSTemporaryDirectory() + "vfm-blocks-\(count)-\(UUID().uuidString).csv"
        defer { try? FileManager.default.removeItem(atPath: path) }
        var file = try CSVFileWriter(path: path, header: ["name", "value", "count"])
        try file.appendRecords(count: count, encodingOn: 2) { index, line in
            for field in Self.row(index) { line.append(field) }
        }
        try file.close()
        var expected = "name,value,count\n"
        for index in 0 ..< count { expected += CSVEncoding.line(Self.row(index)) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data(expected.utf8))
    }

    @Test("rows in runs that share their leading cells are the rows' lines, runs cut by blocks included",
          arguments: [(1, 5, 1), (3, 3 * CSVFileWriter.blockRows + 4, 2), (3, 100, 2), (7, 2 * CSVFileWriter.blockRows + 1, 1),
                      (7, 2 * CSVFileWriter.blockRows + 1, 2)])
    func runs(runLength: Int, count: Int, cores: Int) throws {
        // Row i is run i / runLength's name, then its own two cells (16,384 is no multiple
        // of 3 or 7: blocks begin inside runs).
        func row(_ index: Int) -> [CSVField] { [Self.row(index / runLength)[0]] + Self.row(index).dropFirst() }
        let path = NSTemporaryDirectory() + "vfm-runs-\(count)-\(UUID().uuidString).csv"
        defer { try? FileManager.default.removeItem(atPath: path) }
        var file = try CSVFileWriter(path: path, header: ["name", "value", "count"])
        try file.appendRecords(count: count, encodingOn: cores, inRunsOf: runLength, leading: { run, line in
            line.append(Self.row(run)[0])
        }) { index, line in
            for field in Self.row(index).dropFirst() { line.append(field) }
        }
        try file.close()
        var expected = "name,value,count\n"
        for index in 0 ..< count { expected += CSVEncoding.line(row(index)) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data(expected.utf8))
    }

    @Test("row by row, a record of the wrong width is an error and none of its cells reach the file")
    func wrongWidthRowByRow() throws {
        let path = NSTemporaryDirectory() + "vfm-rows-wrong-\(UUID().uuidString).csv"
        defer { try? FileManager.default.removeItem(atPath: path) }
        var file = try CSVFileWriter(path: path, header: ["name", "value", "count"])
        for index in 0..<5 { try file.append(Self.row(index)) }
        let error = try #require(throws: VFMError.self) { try file.append(Array(Self.row(5).prefix(2))) }
        #expect(error.message.contains("a row of 2 cells for 3 columns"))
        try file.append(Self.row(6))
        try file.close()
        var expected = "name,value,count\n"
        for index in [0, 1, 2, 3, 4, 6] { expected += CSVEncoding.line(Self.row(index)) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data(expected.utf8))
    }

    @Test("a row of the wrong width in a later block is an error, as row by row")
    func wrongWidth() throws {
        let path = NSTemporaryDirectory() + "vfm-blocks-wrong-\(UUID().uuidString).csv"
        defer { try? FileManager.default.removeItem(atPath: path) }
        var file = try CSVFileWriter(path: path, header: ["name", "value", "count"])
        let error = try #require(throws: VFMError.self) {
            try file.appendRecords(count: 2 * CSVFileWriter.blockRows + 3, encodingOn: 2) { index, line in
                for field in Self.row(index).prefix(index == CSVFileWriter.blockRows + 7 ? 2 : 3) { line.append(field) }
            }
        }
        #expect(error.message.contains("a row of 2 cells for 3 columns"))
    }
}
