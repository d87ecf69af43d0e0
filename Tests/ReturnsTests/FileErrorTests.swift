import Returns
import Testing
import VFMCore

/// Files that cannot be read as a table fail the run with exit 65, naming file and line
/// (SPEC §3). Fixtures: Fixtures/messy/file-errors, written by make_messy.py.
@Suite("file-level errors name the file and line")
struct FileErrorTests {
    @Test("each unusable file is a data error at the right line", arguments: [
        ("unterminated-quote.csv", 3, "never closes"),
        ("nul-byte.csv", 3, "NUL"),
        ("undefined-byte.csv", 3, "0x81"),
        ("missing-columns.csv", 1, "`total_cost`"),
        ("missing-outcomes.csv", 1, "`outcomes_retained`, `outcomes_self_employed` (or `outcomes_total`)"),
        ("duplicate-columns.csv", 1, "both mean `total_cost`"),
        ("empty.csv", 1, "no header"),
        ("bom-invalid-utf8.csv", 2, "byte-order mark"),
        ("utf16.csv", 1, "UTF-16"),
    ])
    func fileError(name: String, line: Int, words: String) throws {
        let error = try #require(throws: VFMError.self) { try ingest([messyPath("file-errors/" + name)]) }
        #expect(error.status == .dataError)
        #expect(error.file == name)
        #expect(error.line == line)
        #expect(error.message.contains(words), "\(error.message)")
        #expect(error.hint != nil)
    }

    @Test("a missing required column names the closest header found")
    func closestHeader() throws {
        let error = try #require(throws: VFMError.self) { try ingest([messyPath("file-errors/missing-columns.csv")]) }
        #expect(error.message.contains("closest header found: `Total costt` (1 edit from `total_cost`)"))
    }

    @Test("one bad file fails the whole run, even among good ones")
    func badFileAmongGood() throws {
        let directory = try temporaryDirectory()
        try writeFile("authority,service,total_cost,people_supported,outcomes_total\nA,B,1,1,1\n", named: "a.csv", in: directory)
        try writeFile("authority,service,total_cost,people_supported,outcomes_total\nA,\"B,1,1,1\n", named: "b.csv", in: directory)
        let error = try #require(throws: VFMError.self) { try ingest([directory]) }
        #expect(error.file == "b.csv")
        #expect(error.line == 2)
    }
}
