import Cleaning
import Foundation
import PipelineDefinition
import RunFiles
import Tabular
import Testing
import VFMCore
import VFMTestSupport
@testable import Analysis

@Suite("tables/*.csv read back as the typed rows they were written from")
struct AnalysisRunFileTests {
    static func analysed(_ clean: CleanResult? = nil) throws -> AnalysisResult {
        AnalyzeStage.run(try clean ?? AnalysisFixture.cleanResult(), pipeline: PipelineDefinition.builtIn().definition,
                         log: StageLog(quiet: true))
    }

    /// What the report reads back: the benchmark is the fixture's services placed against
    /// the bands read back.
    static func readBack(_ scratch: ScratchDirectory, services: [CleanedService]? = nil) throws -> AnalysisResult {
        try AnalysisResult.read(fromRunDirectory: scratch.path, placing: services ?? AnalysisFixture.cleanResult().services)
    }

    @Test("every table of a run directory reads back equal to the result that wrote it")
    func roundTrip() throws {
        let result = try Self.analysed()
        #expect(!result.descriptives.isEmpty && !result.correlations.isEmpty && !result.benchmark.isEmpty)
        let scratch = try ScratchDirectory("analysis-round-trip")
        defer { scratch.remove() }
        try result.write(toRunDirectory: scratch.path)
        #expect(try Self.readBack(scratch) == result)
        // The benchmark placed again from the bands read back is the file the analysis wrote.
        let written = try RunFileCSV(file: RunLayout.benchmark, hint: "")
            .rows(ofFile: scratch.appending(RunLayout.benchmark).path, as: BenchmarkRow.self)
        #expect(try written.count == 3 * AnalysisFixture.cleanResult().services.count)
        #expect(written == Array(try Self.readBack(scratch).benchmark))
    }

    @Test("hostile group and service names survive the neutralising of formula-like text")
    func hostileNames() throws {
        var clean = try AnalysisFixture.cleanResult()
        clean.services[0].input.authority = "=HYPERLINK(\"http://x\")"
        clean.services[0].input.service = "'-1+1, \"quoted\"\nnext line"
        var result = try Self.analysed(clean)
        result.descriptives[0].group = "@group"
        let scratch = try ScratchDirectory("analysis-hostile")
        defer { scratch.remove() }
        try result.write(toRunDirectory: scratch.path)
        #expect(try Self.readBack(scratch, services: clean.services) == result)
        let written = try RunFileCSV(file: RunLayout.benchmark, hint: "")
            .rows(ofFile: scratch.appending(RunLayout.benchmark).path, as: BenchmarkRow.self)
        #expect(written[0].authority == "=HYPERLINK(\"http://x\")" && written[0].service == "'-1+1, \"quoted\"\nnext line")
        #expect(written == Array(result.benchmark))
    }

    @Test("tables/benchmark.csv is, byte for byte, the header and each row's own encoding (every place, missing ones too)",
          arguments: [1, 2])
    func benchmarkBytes(cores: Int) throws {
        var clean = try AnalysisFixture.cleanResult()
        clean.services[0].input.service = "'-1+1, \"quoted\"\nnext line"
        let result = try Self.analysed(clean)
        #expect(Set(result.benchmark.map(\.allBand)) == [nil, .below, .within, .above])
        let scratch = try ScratchDirectory("analysis-benchmark-bytes")
        defer { scratch.remove() }
        let path = scratch.appending(RunLayout.benchmark).path
        try result.benchmark.write(to: path, displayName: RunLayout.benchmark, encodingOn: cores)
        var expected: [UInt8] = []
        CSVEncoding.appendLine(BenchmarkRow.header, to: &expected)
        for row in result.benchmark {
            var line = CSVLineEncoder()
            row.encode(into: &line)
            expected += line.bytes + [UInt8(ascii: "\n")]
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data(expected))
    }

    @Test("a row with a cell too many is a data error naming file and line, not a shifted column")
    func shiftedRow() throws {
        let scratch = try ScratchDirectory("analysis-shifted")
        defer { scratch.remove() }
        try Self.analysed().write(toRunDirectory: scratch.path)
        let url = scratch.appending(RunLayout.supportLevels)
        var lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map(String.init)
        lines[1] += ",extra"
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: url)
        #expect(throws: VFMError(.dataError, "row has 6 cells for 5 columns", file: RunLayout.supportLevels, line: 2,
                                 hint: "this file is written by vfm-analyze; run the analyze stage again to rewrite it")) {
            try Self.readBack(scratch)
        }
    }

    @Test("a metric name the analysis does not write is a data error naming the column")
    func unknownMetric() throws {
        let scratch = try ScratchDirectory("analysis-metric")
        defer { scratch.remove() }
        try Self.analysed().write(toRunDirectory: scratch.path)
        let url = scratch.appending(RunLayout.descriptives)
        let text = try String(contentsOf: url, encoding: .utf8)
        let damaged = text.replacingOccurrences(of: "\nall,total_cost,", with: "\nall,totl_cost,")
        #expect(damaged != text)
        try Data(damaged.utf8).write(to: url)
        #expect(throws: VFMError(.dataError, "`metric` holds \"totl_cost\", which vfm does not write there",
                                 file: RunLayout.descriptives, line: 2,
                                 hint: "this file is written by vfm-analyze; run the analyze stage again to rewrite it")) {
            try Self.readBack(scratch)
        }
    }

    @Test("tables/benchmark.csv is placed again, not read, but must be there")
    func missingBenchmark() throws {
        let scratch = try ScratchDirectory("analysis-no-benchmark")
        defer { scratch.remove() }
        try Self.analysed().write(toRunDirectory: scratch.path)
        try FileManager.default.removeItem(at: scratch.appending(RunLayout.benchmark))
        #expect(throws: VFMError(.noInput, "file not found", file: RunLayout.benchmark,
                                 hint: "run vfm-analyze on this run directory first")) {
            try Self.readBack(scratch)
        }
    }

    @Test("a missing table says which stage to run")
    func missingTable() throws {
        let scratch = try ScratchDirectory("analysis-missing")
        defer { scratch.remove() }
        let error = #expect(throws: VFMError.self) { try Self.readBack(scratch) }
        #expect(error?.status == .noInput)
        #expect(error?.hint == "run vfm-analyze on this run directory first")
    }
}
