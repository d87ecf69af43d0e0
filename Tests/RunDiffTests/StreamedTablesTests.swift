import Foundation
import RunFiles
import Tabular
import Testing
import VFMCore
@testable import RunDiff

/// The per-service tables are merge-joined as streams (`PerServiceTables`); these check
/// the stream against the whole-file parser and the out-of-order fallback against the
/// hand-checked diffs of `Fixtures/diff/expected/`.
@Suite("Streaming the tables with a row per service")
struct StreamedTablesTests {
    /// A run whose per-service tables have their rows in reverse: not SPEC §7 order.
    private static func reversedCopy(of name: String) throws -> (root: URL, run: URL) {
        let scratch = try DiffFixtures.scratchCopy(of: name)
        for table in [RunLayout.cleanServices, RunLayout.cleanFlags, RunLayout.benchmark] {
            let file = scratch.run.appendingPathComponent(table)
            let lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: true)
            // The fixtures have no quoted line breaks, so a line is a row.
            try ((lines.prefix(1) + lines.dropFirst().reversed()).joined(separator: "\n") + "\n")
                .write(to: file, atomically: true, encoding: .utf8)
        }
        return scratch
    }

    @Test("tables out of SPEC §7 order give the same diff as in order (sorted in memory instead)",
          arguments: [("base", "added-service"), ("added-service", "base"), ("base", "new-reject"),
                      ("base", "doubled-cost"), ("base", "swapped-service"), ("base", "became-evidence-based")])
    func outOfOrderTables(old: String, new: String) throws {
        let oldCopy = try Self.reversedCopy(of: old), newCopy = try Self.reversedCopy(of: new)
        defer {
            try? FileManager.default.removeItem(at: oldCopy.root)
            try? FileManager.default.removeItem(at: newCopy.root)
        }
        let comparison = try RunComparison(old: try RunSnapshot.load(runDirectory: oldCopy.run.path, label: old),
                                           new: try RunSnapshot.load(runDirectory: newCopy.run.path, label: new))
        // The golden is read, never recorded, here.
        let expected = try String(contentsOfFile: DiffFixtures.expectedPath(old: old, new: new), encoding: .utf8)
        #expect(comparison.markdown == expected)
    }

    @Test("only one run out of order: still the hand-checked diff")
    func oneRunOutOfOrder() throws {
        let newCopy = try Self.reversedCopy(of: "added-service")
        defer { try? FileManager.default.removeItem(at: newCopy.root) }
        let comparison = try RunComparison(
            old: try RunSnapshot.load(runDirectory: DiffFixtures.run("base"), label: "base"),
            new: try RunSnapshot.load(runDirectory: newCopy.run.path, label: "added-service"))
        let expected = try String(contentsOfFile: DiffFixtures.expectedPath(old: "base", new: "added-service"),
                                  encoding: .utf8)
        #expect(comparison.markdown == expected)
    }

    /// Appends a row `p,xxx…\r\n` that brings `bytes` to exactly `target` bytes.
    private static func pad(_ bytes: inout [UInt8], to target: Int) {
        let room = target - bytes.count - 4
        guard room >= 0 else { Issue.record("fixture layout: \(bytes.count) bytes already, past \(target)"); return }
        bytes += Array("p,".utf8) + [UInt8](repeating: UInt8(ascii: "x"), count: room) + Array("\r\n".utf8)
    }

    @Test("records split across 1 MiB reads (a CRLF, a quoted line break, a doubled quote) read as the whole-file parser reads them")
    func chunkBoundaries() throws {
        let chunk = FileSystem.readChunkSize
        var bytes = Array("name,note\r\n".utf8)
        Self.pad(&bytes, to: chunk + 1)  // its CR is the first chunk's last byte, its LF the next one's first
        Self.pad(&bytes, to: 2 * chunk - 5)
        bytes += Array("q,\"a\r\nb\"\"c\"\r\n".utf8)  // the boundary falls inside the quoted cell
        Self.pad(&bytes, to: 3 * chunk - 4)
        bytes += Array("r,\"\"\"\"\n".utf8)  // inside a doubled quote
        bytes += Array("last,no line end".utf8)
        #expect(bytes[chunk - 1] == UInt8(ascii: "\r") && bytes[chunk] == UInt8(ascii: "\n"))
        #expect(bytes[2 * chunk - 1] == UInt8(ascii: "\r") && bytes[2 * chunk] == UInt8(ascii: "\n"))
        #expect(bytes[3 * chunk - 1] == UInt8(ascii: "\"") && bytes[3 * chunk] == UInt8(ascii: "\""))

        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("vfm-stream-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data(bytes).write(to: directory.appendingPathComponent("table.csv"))

        let whole = try CSVRecordParser.records(utf8: bytes)
        let stream = try RunTableStream(runDirectory: directory.path, relativePath: "table.csv", required: ["note"])
        #expect(stream.header == ["name", "note"])
        var streamed: [CSVRecord] = []
        while let record = try stream.next() {
            streamed.append(CSVRecord(line: record.position.line, cells: record.strings))
        }
        #expect(streamed == Array(whole.dropFirst()))
        #expect(streamed.contains(CSVRecord(line: streamed.first { $0.cells[0] == "q" }?.line ?? 0,
                                            cells: ["q", "a\r\nb\"c"])))
        #expect(streamed.last == CSVRecord(line: streamed.last?.line ?? 0, cells: ["last", "no line end"]))
    }

    @Test("a row of the wrong width is 65, naming file and line; an unterminated quote likewise")
    func damagedRows() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("vfm-stream-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try "a,b\n1,2\n3\n".write(to: directory.appendingPathComponent("short.csv"), atomically: true, encoding: .utf8)
        try "a,b\n1,2\n3,\"open\n".write(to: directory.appendingPathComponent("open.csv"), atomically: true,
                                         encoding: .utf8)
        for (file, line, message) in [("short.csv", 3, "row has 1 cells but the header has 2"),
                                      ("open.csv", 3, "unterminated quoted field")] {
            let stream = try RunTableStream(runDirectory: directory.path, relativePath: file, required: ["a"])
            let error = try #require(throws: VFMError.self) { while try stream.next() != nil {} }
            #expect(error.status == .dataError)
            #expect(error.file == directory.path + "/" + file)
            #expect(error.line == line)
            #expect(error.message == message)
        }
    }
}
