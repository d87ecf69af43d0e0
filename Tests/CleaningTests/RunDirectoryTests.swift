import Cleaning
import Foundation
import PipelineDefinition
import Returns
import RunFiles
import Tabular
import Testing
import VFMCore

@Suite("clean/ files in a run directory")
struct RunDirectoryTests {
    /// A mixed bag: formula-like and comma names, a reject from ingest and from clean,
    /// a duplicate, an outlier excluded from statistics, a partial breakdown, extras.
    func sample() -> CleanResult {
        var rows: [ServiceReturn] = [
            makeReturn(authority: "=cmd|' /C calc'!A0", service: "Jobs, \"first\"", file: "b.csv", line: 2,
                       evidence: EvidenceBase(label: "Yes"), totalCost: 263_132.5, people: 198,
                       counts: [.outcomesGained: 10, .outcomesTotal: 12, .clientsLD: 150, .clientsMH: 3],
                       extras: [ExtraCell(header: "region", value: "-North"), ExtraCell(header: "notes", value: nil)]),
            makeReturn(authority: "Eastham", service: "IPS", period: nil, file: "a.csv", line: 5, evidence: .ipsFidelity,
                       totalCost: 1e6, people: 0, counts: [.outcomesTotal: 0],
                       extras: [ExtraCell(header: "region", value: "South"), ExtraCell(header: "notes", value: "line1\nline2")]),
            makeReturn(authority: "Eastham", service: "IPS", period: nil, file: "a.csv", line: 3, people: 10,
                       counts: [.outcomesTotal: 11],
                       extras: [ExtraCell(header: "region", value: nil), ExtraCell(header: "notes", value: nil)]),
        ]
        for index in 0..<8 {
            rows.append(makeReturn(authority: "Westby", service: "S\(index)", file: "a.csv", line: 10 + index,
                                   totalCost: Double(100_000 + 7_919 * index) + (index == 7 ? 900_000 : 0), people: 100,
                                   counts: [.outcomesGained: 20 + index, .outcomesRetained: 9, .outcomesSelfEmployed: 1,
                                            .supportLT7: 50, .support7to40: 40, .support40plus: 10],
                                   extras: [ExtraCell(header: "region", value: "West"), ExtraCell(header: "notes", value: nil)]))
        }
        rows.append(rows[rows.count - 1])
        rows[rows.count - 1].source.line = 40
        let ingestReject = RejectedRow(source: SourceLocation(file: "b.csv", line: 3), rule: .raggedRow,
                                       message: "2 cells for 5 columns", record: ["@SUM(1)", "x,y"])
        let pipeline = makePipeline(outlierRules: [
            OutlierRuleSetting(metric: .costPerPerson, method: .modifiedZScore, threshold: 3.5, logScale: true),
            OutlierRuleSetting(metric: .outcomeRate, method: .tukeyFences, threshold: 1.5, logScale: false),
        ], excludeOutliers: true)
        return CleanStage.run(makeIngest(rows, rejected: [ingestReject]), pipeline: pipeline, log: StageLog(quiet: true))
    }

    func temporaryDirectory() -> String {
        let path = NSTemporaryDirectory() + "vfm-clean-tests-" + UUID().uuidString
        return path
    }

    @Test("read(fromRunDirectory:) gives back exactly what write(toRunDirectory:) wrote")
    func roundTrip() throws {
        let result = sample()
        #expect(result.services.contains { $0.excludedFromStatistics })
        #expect(result.services.contains { !$0.flags.isEmpty })
        #expect(result.rejected.count == 2)
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try result.write(toRunDirectory: dir)
        let back = try CleanResult.read(fromRunDirectory: dir)
        #expect(back.services == result.services)
        #expect(back.rejected == result.rejected)
        #expect(back.files == result.files)
        #expect(back.warnings == result.warnings)
        #expect(back == result)
    }

    @Test("flags listed in another order than the services (a file edited by hand) attach to the same services")
    func flagsInAnyOrder() throws {
        let result = sample()
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try result.write(toRunDirectory: dir)
        let path = dir + "/" + RunLayout.cleanFlags
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
            .map(String.init)
        // One flag a line (no message spans lines), header first, a final newline last.
        let body = lines.dropFirst().dropLast()
        #expect(body.count > 2 && !body.contains { $0.isEmpty })
        let reversed = ([lines[0]] + body.reversed() + [""]).joined(separator: "\n")
        try Data(reversed.utf8).write(to: URL(fileURLWithPath: path))
        let back = try CleanResult.read(fromRunDirectory: dir)
        // Each service's flags in the file's order: reversed within a service.
        #expect(back.services.map { $0.flags.reversed() } == result.services.map(\.flags))

        // The first flag moved to the end: its service's flags come in two runs, apart.
        let rotated = ([lines[0]] + body.dropFirst() + [body[body.startIndex], ""]).joined(separator: "\n")
        try Data(rotated.utf8).write(to: URL(fileURLWithPath: path))
        let first = try #require(result.services.firstIndex { !$0.flags.isEmpty })
        var expected = result.services.map(\.flags)
        expected[first] = Array(expected[first].dropFirst()) + [expected[first][0]]
        #expect(try CleanResult.read(fromRunDirectory: dir).services.map(\.flags) == expected)

        let stranger = ([lines[0], lines[1].replacingOccurrences(of: ",a.csv:", with: ",z.csv:")
                            .replacingOccurrences(of: ",b.csv:", with: ",z.csv:")] + body.dropFirst() + [""])
            .joined(separator: "\n")
        try Data(stranger.utf8).write(to: URL(fileURLWithPath: path))
        let error = #expect(throws: VFMError.self) { try CleanResult.read(fromRunDirectory: dir) }
        #expect(error?.status == .dataError)
        #expect(error?.message.contains("which is not in clean/services.csv") == true)
    }

    @Test("services.csv: canonical columns, derived, extras, source, flags, in (authority, service, period, file, line) order")
    func servicesLayout() throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try sample().write(toRunDirectory: dir)
        let text = try String(contentsOfFile: dir + "/" + RunLayout.cleanServices, encoding: .utf8)
        let header = try #require(text.split(separator: "\n").first).split(separator: ",").map(String.init)
        let expected = ReturnColumn.allCases.map(\.rawValue) + [
            "job_outcomes", "outcome_rate", "cost_per_person", "cost_per_outcome", "gained_share", "retained_share",
            "self_employed_share", "ld_share", "mh_share", "client_focus", "share_lt7", "share_7to40", "share_40plus",
            "support_level_index", "excluded_from_statistics", "current", "region", "notes", "source", "flags",
        ]
        #expect(header == expected)
        let sources = sample().services.map(\.input.source.description)
        // "'=cmd…" sorts by its real name "=cmd…" (0x3D) before "Eastham" (0x45)
        #expect(sources.prefix(3) == ["b.csv:2", "a.csv:5", "a.csv:10"])
        #expect(sources.suffix(2) == ["a.csv:17", "a.csv:40"])  // Westby S7 and its duplicate, by line
        #expect(text.contains("'=cmd|' /C calc'!A0"))
        #expect(text.contains("\"Jobs, \"\"first\"\"\""))
        #expect(!text.contains("\r"))
    }

    @Test("flags.csv and rejected.csv have the SPEC §7 headers")
    func otherHeaders() throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try sample().write(toRunDirectory: dir)
        let flags = try String(contentsOfFile: dir + "/" + RunLayout.cleanFlags, encoding: .utf8)
        #expect(flags.hasPrefix("authority,service,period,source,rule,metric,value,threshold,severity,message\n"))
        let rejected = try String(contentsOfFile: dir + "/" + RunLayout.cleanRejected, encoding: .utf8)
        #expect(rejected.hasPrefix("source_file,line,rule,message,column,value,record\n"))
        #expect(rejected.contains("a.csv,3,outcomes-exceed-people-supported,outcomes (11) exceed people supported (10)"))
    }

    @Test("a missing clean file is .noInput, a damaged one .dataError naming the file")
    func damaged() throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(throws: VFMError.self) { try CleanResult.read(fromRunDirectory: dir) }
        try sample().write(toRunDirectory: dir)
        try FileSystem.write("authority,service\nx,y\n", to: dir + "/" + RunLayout.cleanServices)
        do {
            _ = try CleanResult.read(fromRunDirectory: dir)
            Issue.record("a damaged services.csv was read")
        } catch {
            #expect(error.status == .dataError && error.file == RunLayout.cleanServices)
        }
    }

    /// The derived columns are checked, not read: a service's measures are worked out
    /// from its inputs (`CleanedService.derived`), so an edit to one of them alone is
    /// ignored, where an edit to an input is not.
    @Test("an edited derived cell reads back as the inputs give it; an edited input does not")
    func derivedCellsWorkedOutAgain() throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let written = sample()
        try written.write(toRunDirectory: dir)
        let path = dir + "/" + RunLayout.cleanServices
        let records = try CSVRecordParser.records(utf8: try FileSystem.readBytes(path))
        func edited(_ name: String, to value: String) throws -> CleanResult {
            let column = try #require(records[0].cells.firstIndex(of: name))
            var changed = records
            changed[1].cells[column] = value
            var bytes: [UInt8] = []
            for record in changed { CSVEncoding.appendLine(record.cells, to: &bytes) }
            try FileSystem.write(String(decoding: bytes, as: UTF8.self), to: path)
            return try CleanResult.read(fromRunDirectory: dir)
        }
        let original = try CleanResult.read(fromRunDirectory: dir).services
        #expect(try edited("cost_per_person", to: "1").services == original)
        #expect(try edited("client_focus", to: "mixed").services == original)
        let costs = try edited("total_cost", to: "1").services.map { $0.value(of: .costPerPerson) }
        #expect(costs != original.map { $0.value(of: .costPerPerson) })
    }

    /// The reader of `clean/services.csv` finds each cell by position, straight from its
    /// bytes: every number column the schema declares must be the one a bad cell is
    /// reported under (the declaration and the hand-tuned reader agree).
    @Test("a cell that is not a number is reported with file, line and the column the schema names")
    func damagedCellNamesItsColumn() throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try sample().write(toRunDirectory: dir)
        let path = dir + "/" + RunLayout.cleanServices
        let records = try CSVRecordParser.records(utf8: try FileSystem.readBytes(path))
        let numeric = RunFileSchema.cleanServices(extras: []).columns
            .filter { $0.type == .number || $0.type == .integer }.map(\.name)
        #expect(numeric.count > 40)
        for name in numeric {
            let column = try #require(records[0].cells.firstIndex(of: name))
            var damaged = records
            damaged[2].cells[column] = "12x"
            var bytes: [UInt8] = []
            for record in damaged { CSVEncoding.appendLine(record.cells, to: &bytes) }
            try FileSystem.write(String(decoding: bytes, as: UTF8.self), to: path)
            let error = try #require(throws: VFMError.self) { try CleanResult.read(fromRunDirectory: dir) }
            #expect(error.status == .dataError && error.file == RunLayout.cleanServices && error.line == records[2].line)
            #expect(error.message.contains("`\(name)` holds \"12x\""), "\(name): \(error.message)")
        }
    }

    /// A required cell left empty, or a `source` that is not `file:line`, is reported under
    /// its own column name, with what the cell holds.
    @Test("an empty required cell or a source that is not file:line names its column", arguments: [
        ("authority", "", "`authority` is empty"), ("total_cost", "", "`total_cost` is empty"),
        ("people_supported", "", "`people_supported` is empty"),
        ("source", "returns.csv:x", "`source` holds \"returns.csv:x\", not a file and line such as returns.csv:12"),
        ("source", "", "`source` holds \"\", not a file and line"),
    ])
    func requiredCellsNameTheirColumn(name: String, value: String, expected: String) throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try sample().write(toRunDirectory: dir)
        let path = dir + "/" + RunLayout.cleanServices
        var records = try CSVRecordParser.records(utf8: try FileSystem.readBytes(path))
        let column = try #require(records[0].cells.firstIndex(of: name))
        records[1].cells[column] = value
        var bytes: [UInt8] = []
        for record in records { CSVEncoding.appendLine(record.cells, to: &bytes) }
        try FileSystem.write(String(decoding: bytes, as: UTF8.self), to: path)
        let error = try #require(throws: VFMError.self) { try CleanResult.read(fromRunDirectory: dir) }
        #expect(error.status == .dataError && error.file == RunLayout.cleanServices && error.line == records[1].line)
        #expect(error.message.contains(expected), "\(error.message)")
    }

    @Test("the stage gives the same result whatever the order of its input rows")
    func orderIndependent() {
        var ingest = makeIngest(sample().services.map(\.input))
        let forward = CleanStage.run(ingest, pipeline: makePipeline(), log: StageLog(quiet: true))
        ingest.returns.reverse()
        let backward = CleanStage.run(ingest, pipeline: makePipeline(), log: StageLog(quiet: true))
        #expect(forward == backward)
    }
}
