import Analysis
import Foundation
import PipelineDefinition
import PipelineRunner
import Reporting
import RunFiles
import Testing
import VFMCore
import VFMTestSupport

/// The report of `vfm run` reads its passes over every service (chart columns, group
/// members, outliers, the benchmark's counts and extremes, flags by rule) from the typed
/// results it holds in memory; `vfm-report` on the same run directory
/// (`StageSteps.reportByHand`) reads them back from the files through their schemas, and
/// must write the same bytes (SPEC §3).
@Suite("the report of typed results is the report of their files")
struct TypedReportTests {
    /// `n` generated returns: evidence-based every 9th and 13th, an outlying cost every
    /// 97th, client counts that miss people supported every 7th, two regions (an extra
    /// column a group filters on, with stray spaces and case), ties in cost.
    static func returns(_ n: Int) -> String {
        var text = "authority,service,period,evidence_based,region,total_cost,people_supported,clients_ld,clients_mh,"
            + "outcomes_gained,outcomes_retained,outcomes_self_employed\n"
        for i in 0..<n {
            let evidence = i % 9 == 0 ? "ips-fidelity" : (i % 13 == 0 ? "Observed good practice" : "no")
            let region = i % 3 == 0 ? " North" : "south "
            let people = 10 + (i * 7) % 53
            let cost = i % 97 == 5 ? 9_000_000 : 20_000 + (i * 3_917) % 150_000 + (i % 5 == 0 ? 0 : i)
            let ld = i % 7 == 0 ? people + 4 : (people * ((i % 4) + 1)) / 5
            let gained = (i * 5) % (people / 2 + 1), retained = i % 4, selfEmployed = i % 11 == 0 ? 1 : 0
            text += "Area \(i % 37),Service \(i),2012/13,\(evidence),\(region),\(cost),\(people),\(ld),\(people - min(ld, people)),"
                + "\(gained),\(retained),\(selfEmployed)\n"
        }
        return text
    }

    /// The built-in pipeline with a group filtering the extra column (named as its header:
    /// reading cells by name, the tables' side matches a header exactly, while the
    /// analysis and the typed side ignore case and spaces around it).
    static func pipeline(excludeOutliers: Bool) -> LoadedPipeline {
        var loaded = PipelineDefinition.builtIn()
        loaded.definition.excludeOutliers = excludeOutliers
        loaded.definition.groups.append(GroupDefinition(name: "north", selection: .columnIn(column: "region",
                                                                                             values: ["north "])))
        return loaded
    }

    /// report.md, report.html and every chart, by name.
    static func outputs(_ directory: ScratchDirectory) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in [RunLayout.report, RunLayout.reportHTML] {
            files[name] = try Data(contentsOf: directory.appending("run/" + name))
        }
        let charts = directory.appending("run/" + RunLayout.chartsDirectory)
        for name in try FileManager.default.contentsOfDirectory(atPath: charts.path) {
            files["charts/" + name] = try Data(contentsOf: charts.appendingPathComponent(name))
        }
        return files
    }

    @Test("same report.md, report.html and charts from the typed results as from the files", arguments: [
        (40, false), (2_500, false), (2_500, true),
    ])
    func sameBytes(services: Int, excludeOutliers: Bool) throws {
        let scratch = try ScratchDirectory("typed-report")
        defer { scratch.remove() }
        let input = scratch.appending("returns.csv")
        try Data(Self.returns(services).utf8).write(to: input)
        let pipeline = Self.pipeline(excludeOutliers: excludeOutliers)
        let run = scratch.appending("run").path
        let log = StageLog(quiet: true)
        let ingest = try StageSteps.ingest(inputs: [input.path], pipeline: pipeline, runDirectory: run, log: log)
        let clean = try StageSteps.clean(ingest, pipeline: pipeline, runDirectory: run, log: log)
        let analysis = try StageSteps.analyze(clean, pipeline: pipeline, runDirectory: run, log: log)
        #expect(clean.services.contains { $0.flags.contains { $0.rule == .outlier } })
        #expect(clean.services.reduce(0) { $0 + $1.flags.count } > (services > 100 ? 100 : 0))
        try ReportStage.run(ReportInput(ingest: ingest.summary, clean: clean, analysis: analysis, pipeline: pipeline),
                            runDirectory: run, pipeline: pipeline, log: log)
        let typed = try Self.outputs(scratch)
        try StageSteps.reportByHand(pipeline: pipeline, runDirectory: run, log: log)
        let byHand = try Self.outputs(scratch)
        #expect(typed.keys.sorted() == byHand.keys.sorted())
        #expect(typed.count > 10)
        for (name, bytes) in byHand { #expect(typed[name] == bytes, "\(name) differs") }
        let report = String(decoding: typed[RunLayout.report] ?? Data(), as: UTF8.self)
        #expect(report.contains("North") || report.contains("north"))
    }
}
