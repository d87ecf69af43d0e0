import Foundation
import Returns
import Testing
import VFMCore

@Suite("inputs: files and directories, named relative to their --input")
struct InputDiscoveryTests {
    static let header = "authority,service,total_cost,people_supported,outcomes_total\n"

    @Test("a directory gives its *.csv files sorted by name; other files, hidden files and subdirectories are skipped")
    func directoryListing() throws {
        let directory = try temporaryDirectory()
        try writeFile(Self.header + "A,B,1,1,1\n", named: "b.csv", in: directory)
        try writeFile(Self.header + "A,C,1,1,1\n", named: "A.CSV", in: directory)
        try writeFile("not a return", named: "notes.txt", in: directory)
        try writeFile("junk", named: "._b.csv", in: directory)
        try FileManager.default.createDirectory(atPath: directory + "/nested.csv", withIntermediateDirectories: true)
        let result = try ingest([directory])
        #expect(result.files.map(\.path) == ["A.CSV", "b.csv"])
        #expect(result.returns.map(\.source.description) == ["b.csv:2", "A.CSV:2"])
    }

    @Test("a file given directly is named by its base name, and input order does not change the result")
    func fileNamesAndOrder() throws {
        let directory = try temporaryDirectory()
        let first = try writeFile(Self.header + "Z,Y,1,1,1\n", named: "first.csv", in: directory)
        let second = try writeFile(Self.header + "A,B,1,1,1\nA,B,2,2,2\n", named: "second.csv", in: directory)
        let forward = try ingest([first, second])
        let backward = try ingest([second, first])
        #expect(forward == backward)
        #expect(forward.files.map(\.path) == ["first.csv", "second.csv"])
        #expect(forward.returns.map(\.source.description) == ["second.csv:2", "second.csv:3", "first.csv:2"])
        #expect(forward.files.first?.sha256.count == 64)
        #expect(forward.files.first?.bytes == (Self.header + "Z,Y,1,1,1\n").utf8.count)
    }

    @Test("a missing input is noInput; so is a directory without *.csv files")
    func missingInputs() throws {
        let missing = try #require(throws: VFMError.self) { try ingest(["/nonexistent/returns.csv"]) }
        #expect(missing.status == .noInput)
        let empty = try temporaryDirectory()
        let none = try #require(throws: VFMError.self) { try ingest([empty]) }
        #expect(none.status == .noInput)
        #expect(none.message.contains("*.csv"))
        let nothing = try #require(throws: VFMError.self) { try ingest([]) }
        #expect(nothing.status == .noInput)
    }

    @Test("two inputs that would have the same name in the outputs are refused")
    func nameCollision() throws {
        let one = try temporaryDirectory(), two = try temporaryDirectory()
        try writeFile(Self.header, named: "same.csv", in: one)
        try writeFile(Self.header, named: "same.csv", in: two)
        let error = try #require(throws: VFMError.self) { try ingest([one, two]) }
        #expect(error.status == .usage)
    }

    @Test("the missing-value words come from the pipeline")
    func configurableMissingWords() throws {
        let directory = try temporaryDirectory()
        let file = try writeFile(Self.header + "A,B,1,1,unknown\nA,C,1,1,n/a\n", named: "words.csv", in: directory)
        let custom = try ingest([file], words: ["", "unknown"])
        #expect(custom.returns.map(\.service) == ["B"])
        #expect(custom.returns.first?.counts[.outcomesTotal] == nil)
        #expect(custom.rejected.map(\.rule.rawValue) == ["unparsable-count"])
    }
}
