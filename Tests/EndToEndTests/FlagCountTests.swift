import Testing
import Tabular
@testable import PipelineRunner

/// The up-to-date check counts `clean/flags.csv` while it hashes it; the count must be
/// what the CSV parser finds, whatever the chunking and whatever the messages hold.
struct FlagCountTests {
    static let document = "authority,service,message\n"
        + "Leeds,\"Smith, \"\"Jones\"\"\",\"two\nlines\"\n"
        + "York,A,plain\n"
        + "\"multi\n\n\nline\",B,\"\"\"\"\n"
        + "Hull,C,last without LF"

    @Test("records are counted as the parser counts them, fed in chunks of any size", arguments: [1, 2, 3, 7, 64, 4096])
    func countsRecords(chunk: Int) throws {
        let bytes = Array(Self.document.utf8)
        var counter = OwnCSVRecordCounter()
        var start = 0
        while start < bytes.count {
            let end = min(start + chunk, bytes.count)
            bytes[start..<end].withUnsafeBytes { counter.feed($0) }
            start = end
        }
        let parsed = try CSVRecordParser.records(utf8: bytes)
        #expect(parsed.count == 5)  // header + 4 records, by hand
        #expect(counter.records == parsed.count)
    }
}
