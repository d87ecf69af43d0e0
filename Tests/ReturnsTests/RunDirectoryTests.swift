import Foundation
import Returns
import RunFiles
import Testing
import VFMCore

/// `vfm-clean` starts from `IngestResult.read`, so it must give back exactly what
/// `write` was given — and the files must be the same bytes every time.
@Suite("ingest/ files: write then read gives the same result")
struct RunDirectoryTests {
    @Test("every messy fixture round-trips through ingest/returns.csv, rejected.csv and inputs.json")
    func roundTrip() throws {
        let result = try ingest([messyPath("rows")])
        let directory = try temporaryDirectory()
        try result.write(toRunDirectory: directory)
        let read = try IngestResult.read(fromRunDirectory: directory)
        #expect(read.returns == result.returns)
        #expect(read.rejected == result.rejected)
        #expect(read.files == result.files)
        #expect(read.warnings == result.warnings)
        #expect(read == result)
    }

    @Test("awkward values round-trip: formulas, quotes, newlines, unicode, missing, unrecognised labels")
    func awkwardValues() throws {
        var counts = CountValues()
        counts[.outcomesGained] = 0
        counts[.clientsLD] = -4
        let row = ServiceReturn(
            source: SourceLocation(file: "we:ird,name.csv", line: 12), authority: "=cmd|' /C calc'!A0",
            service: "Line\r\nbreak \"quoted\", comma", period: nil, model: "'-already", evidenceBase: .unrecognised("Yes"),
            totalCost: 0.1, peopleSupported: 0, counts: counts, reportedCostPerPerson: 1e-7,
            reportedCostPerOutcome: 123_456_789.125,
            extraColumns: [ExtraCell(header: "=region", value: "+44"), ExtraCell(header: "notes", value: nil)])
        let rejected = RejectedRow(source: SourceLocation(file: "=x.csv", line: 3), rule: .raggedRow,
                                   message: "-message", record: ["", "@a", "b\nc", ""])
        let file = InputFileSummary(path: "dir/\"odd\"\\name.csv", sha256: String(repeating: "a", count: 64), bytes: 10,
                                    rowsRead: 2, rowsAccepted: 1, rowsRejected: 1, encoding: "windows-1252")
        let result = IngestResult(returns: [row], rejected: [rejected, RejectedRow(
            source: SourceLocation(file: "y.csv", line: 1), rule: .unparsableCount, message: "m",
            column: .clientsLD, value: "=1+1", record: ["=1+1"])],
            files: [file], warnings: ["tab\there, newline\nthere, control \u{1}, “quotes”"])
        let directory = try temporaryDirectory()
        try result.write(toRunDirectory: directory)
        #expect(try IngestResult.read(fromRunDirectory: directory) == result)
    }

    @Test("returns.csv: canonical columns, then extras, then source; text neutralised; bytes stable")
    func returnsLayout() throws {
        let result = try ingest([messyPath("rows")])
        let first = try temporaryDirectory(), second = try temporaryDirectory()
        try result.write(toRunDirectory: first)
        try result.write(toRunDirectory: second)
        for name in [RunLayout.ingestReturns, RunLayout.ingestRejected, RunLayout.ingestInputs] {
            let one = try Data(contentsOf: URL(fileURLWithPath: first + "/" + name))
            let two = try Data(contentsOf: URL(fileURLWithPath: second + "/" + name))
            #expect(one == two, "\(name)")
            #expect(!one.contains(UInt8(ascii: "\r")) || name == RunLayout.ingestRejected, "\(name)")
        }
        let text = try String(contentsOfFile: first + "/" + RunLayout.ingestReturns, encoding: .utf8)
        let header = text.split(separator: "\n").first.map(String.init)
        #expect(header == ReturnColumn.allCases.map(\.rawValue).joined(separator: ",") + ",notes,outcomes_retianed,region,proportions_given,source")
        #expect(text.contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\""))
        #expect(text.contains("\n'+cmd,'@SUM(A1),"))
        #expect(text.contains("\n''=already,'=1+1,"))
        #expect(text.contains("\nCamden,'-2+3,"))  // a spreadsheet would compute -2+3
        #expect(text.contains("Sheffield,Café Works,2012/13,,,263132,198,"))
        let inputs = try String(contentsOfFile: first + "/" + RunLayout.ingestInputs, encoding: .utf8)
        #expect(inputs.hasPrefix("{\n  \"files\": [\n    {\n      \"bytes\": 457,\n      \"encoding\": \"windows-1252\",\n      \"path\": \"01-windows-1252.csv\","))
        let rejected = try String(contentsOfFile: first + "/" + RunLayout.ingestRejected, encoding: .utf8)
        #expect(rejected.hasPrefix("source_file,line,rule,message,column,value,record\n01-windows-1252.csv,4,unparsable-money,"))
    }

    @Test("reading a run directory without ingest files says to run ingest first")
    func missingFiles() throws {
        let directory = try temporaryDirectory()
        let error = try #require(throws: VFMError.self) { try IngestResult.read(fromRunDirectory: directory) }
        #expect(error.status == .noInput)
        #expect(error.file == RunLayout.ingestReturns)
    }
}
