import Foundation
import PropertyBased
import Tabular
@testable import Returns
import Testing
import VFMCore

/// Whatever bytes arrive, ingest never traps: it gives rows and rejects that account for
/// every record, or a typed file error naming the file and a line.
@Suite("ingest never traps on arbitrary or damaged input")
struct IngestPropertyTests {
    /// Bytes that matter to CSV, encodings and numbers, mixed with arbitrary ones.
    static let palette: [UInt8] = Array(",,,\"\"\r\n\n  0123456789.£-nN/a'".utf8) + [0xA3, 0x81, 0x00, 0xEF, 0xBB, 0xBF, 0xE2, 0x80, 0x99, 0xC2]
    static let byte = Gen.int(in: 0...511).map { UInt8(truncatingIfNeeded: $0 < 256 ? $0 : Int(palette[$0 % palette.count])) }
    static let words = MissingValueWords(["", "n/a", "-", "don't know", "no info available", "not known"])

    static let validFile: [UInt8] = Array((
        "authority,service,period,evidence_based,total_cost,people_supported,clients_ld,clients_mh,"
            + "outcomes_gained,outcomes_retained,outcomes_self_employed,outcomes_total,region\r\n"
            + "Bristol,Bristol IPS,2012/13,ips-fidelity,\"£310,500\",250,10,230,70,30,5,105,West\r\n"
            + "Bath,\"Bath, Supported\nEmployment\",2012/13,no,263132,120,100,15,30,22,1,53,\r\n"
            + "Wells,Wells Jobs,don't know,,\"1,730.50\",1,1,0,1,0,0,1,n/a\r\n"
            + "\r\n"
            + "Hull,=HYPERLINK(\"x\"),2012/13,,12.0,3.0,,,,,,2,North\r\n").utf8)

    /// Ingests `bytes`; checks the accounting, and that the hand-off files round-trip.
    static func check(_ bytes: [UInt8]) {
        do {
            let file = try FileIngest.ingest(bytes, name: "random.csv", missingWords: words)
            let summary = file.summary
            #expect(summary.rowsRead == summary.rowsAccepted + summary.rowsRejected)
            #expect(summary.rowsAccepted == file.accepted.count)
            #expect(summary.rowsRejected == file.rejected.count)
            var returns: [ServiceReturn] = []
            for (row, values) in file.accepted {
                var copy = row
                copy.extraColumns = zip(file.extraColumns, values).map { ExtraCell(header: $0.name, value: $1) }
                returns.append(copy)
            }
            let rendered = Array(ReturnsCSV.render(returns).utf8)
            let rereadReturns = try ReturnsCSV.parse(rendered, file: "returns.csv")
            #expect(returns.isEmpty || rereadReturns == returns)
            let rejected = try RejectedRowsCSV.parse(Array(RejectedRowsCSV.render(file.rejected).utf8), file: "rejected.csv")
            #expect(rejected == file.rejected)
        } catch {
            #expect(error.status == .dataError)
            #expect(error.file == "random.csv")
            #expect((error.line ?? 0) >= 1)
        }
    }

    @Test("random byte strings give rows, rejects or a file error")
    func randomBytes() async {
        await propertyCheck(count: 400, input: Self.byte.array(of: 0...400)) { bytes in
            Self.check(bytes)
        }
    }

    @Test("random mutations of a valid return give rows, rejects or a file error")
    func mutations() async {
        let edit = Gen.int(in: 0...2)
        let position = Gen.int(in: 0...10_000)
        let mutation = edit.array(of: 1...8).map { $0 }
        await propertyCheck(count: 400, input: mutation, position.array(of: 8), Self.byte.array(of: 8)) { kinds, positions, bytes in
            var file = Self.validFile
            for (index, kind) in kinds.enumerated() {
                let at = positions[index] % (file.count + 1)
                switch kind {
                case 0: file.insert(bytes[index], at: at)
                case 1: if at < file.count { file.remove(at: at) }
                default: if at < file.count { file[at] = bytes[index] }
                }
            }
            Self.check(file)
        }
    }

    @Test("the valid file itself is read completely")
    func validFileBaseline() throws {
        let file = try FileIngest.ingest(Self.validFile, name: "valid.csv", missingWords: Self.words)
        #expect(file.summary.rowsRead == 4)
        #expect(file.accepted.map(\.serviceReturn.source.line) == [2, 3, 5, 7])
        #expect(file.accepted.last?.serviceReturn.peopleSupported == 3)
    }
}

/// SPEC §7: `record` is the whole record as read, lossless, and `rejected.csv` is a table.
@Suite("a rejected record is kept exactly as it was read")
struct RejectedRecordPropertyTests {
    static let palette: [String] = [",", "\"", "\"\"", "\r", "\n", "\r\n", " ", "\u{FEFF}", "ï»¿", "=1+1", "-", "a", "£",
                                    "12", "n/a"]
    static let chunk = Gen.int(in: 0...(palette.count - 1)).map { palette[$0] }
    static let header = "authority,service,total_cost,people_supported,outcomes_total\n"

    @Test("random records: each reject's record is the cells the parser read, and survives rejected.csv")
    func randomRecords() async {
        await propertyCheck(count: 400, input: Self.chunk.array(of: 1...30)) { chunks in
            let text = Self.header + chunks.joined() + "\n"
            let bytes = Array(text.utf8)
            guard let parsed = try? CSVRecordParser.records(utf8: bytes) else { return }  // unterminated quote
            guard let file = try? FileIngest.ingest(bytes, name: "random.csv", missingWords: IngestPropertyTests.words) else {
                return
            }
            let byLine = Dictionary(parsed.map { ($0.line, $0.cells) }, uniquingKeysWith: { first, _ in first })
            for reject in file.rejected {
                #expect(reject.record == byLine[reject.source.line], "line \(reject.source.line)")
            }
            let written = Array(RejectedRowsCSV.render(file.rejected).utf8)
            let records = (try? CSVRecordParser.records(utf8: written)) ?? []
            #expect(records.allSatisfy { $0.cells.count == RejectedRow.header.count })
            #expect((try? RejectedRowsCSV.parse(written, file: "rejected.csv")) == file.rejected)
        }
    }
}
