@testable import Cleaning
import Returns
import Testing

/// Near-duplicates and resubmissions (issue 28).
@Suite("possible duplicates and keep-latest")
struct ResubmissionTests {
    @Test("names equal once case, spaces, punctuation and &/and are folded are flagged possible-duplicate, and kept")
    func nearDuplicates() throws {
        let result = clean([
            makeReturn(authority: "Leeds City Council", service: "Work & Skills", line: 2),
            makeReturn(authority: "Leeds  City Council.", service: "Work and Skills", line: 3),
            makeReturn(authority: "Leeds", service: "St Mary's Works", line: 4),
            makeReturn(authority: "LEEDS", service: "St Marys Works", line: 5),
            makeReturn(authority: "Leeds", service: "Step Up", line: 6),
        ], pipeline: makePipeline(duplicatePolicy: .keepLatest))
        #expect(result.services.count == 5)
        #expect(result.rejected.isEmpty)
        let flagged = result.services.filter { $0.flag(.possibleDuplicate) != nil }.map(\.input.source.line).sorted()
        #expect(flagged == [2, 3, 4, 5])
        let first = try #require(result.services.first { $0.input.source.line == 2 })
        #expect(first.flag(.possibleDuplicate)?.message == "names like returns.csv:3 once case, spaces, punctuation and &/and are "
            + "set aside; check with the service whether they are one service")
        #expect(first.flag(.duplicate) == nil)
    }

    @Test("exact duplicates (case and surrounding spaces) are duplicates, not possible duplicates")
    func exactAreNotNear() {
        let result = clean([makeReturn(authority: "Leeds", service: "Job Club", line: 2),
                            makeReturn(authority: " leeds", service: "JOB CLUB ", line: 3)])
        #expect(result.services.allSatisfy { $0.flag(.duplicate) != nil && $0.flag(.possibleDuplicate) == nil })
    }

    @Test("the ASCII fold agrees with the text fold", arguments: [
        "Work & Skills", "work&skills", "& Co", "St Mary's", "  Leeds -- City.  ", "a+b<c", "", "&&", "O`Neil",
        "Café & Co", "& & &", "x&", "  &  ",
    ])
    func foldsAgree(name: String) {
        var bytes: [UInt8] = []
        NearDuplicateScreen.appendFolded(name, to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == NearDuplicateScreen.fold(name))
        // After other bytes (a row's authority before its service): the same bytes follow them.
        var after: [UInt8] = [0x41, 0]
        NearDuplicateScreen.appendFolded(name, to: &after)
        #expect(after == [0x41, 0] + Array(NearDuplicateScreen.fold(name).utf8))
    }

    @Test("keep-latest keeps the resubmission and rejects the earlier copies as superseded", arguments: [
        ("returns.csv", "returns_v2.csv"), ("returns.csv", "returns-v2.csv"), ("returns.csv", "returns (2).csv"),
        ("a.csv", "b.xlsx"),
    ])
    func keepLatest(original: String, resubmission: String) throws {
        let result = clean([
            makeReturn(authority: "Leeds", service: "Job Club", file: original, line: 2, totalCost: 100),
            makeReturn(authority: "leeds", service: "Job Club ", file: resubmission, line: 5, totalCost: 120),
            makeReturn(authority: "Leeds", service: "Step Up", file: original, line: 3, totalCost: 50),
        ], pipeline: makePipeline(duplicatePolicy: .keepLatest))
        #expect(result.services.map(\.input.totalCost).sorted() == [50, 120])
        let reject = try #require(result.rejected.first)
        #expect(result.rejected.count == 1)
        #expect(reject.rule == .superseded && reject.source.file == original)
        #expect(reject.message.hasPrefix("same authority, service and period as \(resubmission):5, a later submission"))
        #expect(result.files.allSatisfy { $0.rowsRead == $0.rowsAccepted + $0.rowsRejected })
    }

    @Test("within one file, keep-latest keeps the later line")
    func sameFile() {
        let result = clean([makeReturn(file: "a.csv", line: 9, totalCost: 2), makeReturn(file: "a.csv", line: 4, totalCost: 1)],
                           pipeline: makePipeline(duplicatePolicy: .keepLatest))
        #expect(result.services.map(\.input.totalCost) == [2])
    }
}
