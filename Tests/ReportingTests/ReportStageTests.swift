import Foundation
import PipelineDefinition
import RunFiles
import Tabular
import Testing
import VFMCore
@testable import Reporting

@Suite("The report stage on a run directory")
struct ReportStageTests {
    /// Every file of a run directory with its bytes.
    static func snapshot(_ run: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for path in try RunManifest.outputFiles(in: run.path) + ["manifest.json"] {
            files[path] = try Data(contentsOf: run.appendingPathComponent(path))
        }
        return files
    }

    @Test("two runs on the same run directory give the same bytes")
    func deterministic() throws {
        let first = try ReportTestSupport.runReport()
        let second = try ReportTestSupport.runReport()
        defer { ReportTestSupport.remove(first); ReportTestSupport.remove(second) }
        let a = try Self.snapshot(first), b = try Self.snapshot(second)
        #expect(a.keys.sorted() == b.keys.sorted())
        for (path, bytes) in a { #expect(b[path] == bytes, "\(path) differs between runs") }
        // Running again in place gives the same bytes too (the manifest does not list itself).
        try ReportTestSupport.report(first)
        #expect(try Self.snapshot(first) == a)
    }

    @Test("the manifest lists every other file with its SHA-256, sorted, and the inputs with their row accounting")
    func manifestContent() throws {
        let run = try ReportTestSupport.runReport()
        defer { ReportTestSupport.remove(run) }
        let data = try Data(contentsOf: run.appendingPathComponent("manifest.json"))
        let manifest = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let outputs = try #require(manifest["outputs"] as? [[String: String]])
        let paths = outputs.compactMap { $0["path"] }
        #expect(paths == paths.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
        #expect(!paths.contains("manifest.json"))
        for required in ["report.md", "clean/services.csv", "tables/correlations.csv", "ingest/inputs.json",
                         "charts/distribution-cost_per_person.svg"] {
            #expect(paths.contains(required), "\(required) missing from outputs")
        }
        for output in outputs {
            let path = try #require(output["path"])
            let bytes = try [UInt8](Data(contentsOf: run.appendingPathComponent(path)))
            #expect(output["sha256"] == ContentHash.hex(of: bytes), "\(path)")
        }
        let inputs = try #require(manifest["inputs"] as? [[String: Any]])
        #expect(inputs.count == 2)
        // clean/inputs.json's accounting (after cleaning): returns-b lost one more row there.
        #expect(inputs[1]["path"] as? String == "sub/returns-b.csv")
        #expect(inputs[1]["rows_read"] as? Int == 5)
        #expect(inputs[1]["rows_accepted"] as? Int == 4)
        #expect(inputs[1]["rows_rejected"] as? Int == 1)
        #expect(inputs[1]["bytes"] as? Int == 987)
        let pipeline = try #require(manifest["pipeline"] as? [String: String])
        #expect(pipeline["path"] == "Pipelines/ndti-2014.toml")
        let tool = try #require(manifest["tool"] as? [String: String])
        #expect(tool == ["name": "vfm", "version": ToolVersion.current])
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.hasPrefix("{\n  \"inputs\": [\n    {\n      \"bytes\": 1234,"))
        #expect(!text.contains("\r") && !text.contains("/tmp") && text.hasSuffix("}\n"))
    }

    /// `ReportInput.read` needs every file the earlier stages write: a run directory
    /// missing one gets no report, and the error names the file and the stage to run (SPEC §3).
    @Test("a run directory missing a file the report reads is refused (66), naming the file and the stage that writes it",
          arguments: [("tables/correlations.csv", "vfm-analyze"), ("tables/bands.csv", "vfm-analyze"),
                      ("tables/trend_lines.csv", "vfm-analyze"), ("tables/periods.csv", "vfm-analyze"),
                      ("tables/model.csv", "vfm-analyze"), ("tables/benchmark.csv", "vfm-analyze"), ("clean/flags.csv", "vfm-clean"),
                      ("clean/rejected.csv", "vfm-clean"), ("ingest/inputs.json", "vfm-ingest")])
    func missingFile(file: String, stage: String) throws {
        let run = try ReportTestSupport.scratchCopy(of: ReportTestSupport.smallRun)
        defer { ReportTestSupport.remove(run) }
        try FileManager.default.removeItem(at: run.appendingPathComponent(file))
        let error = try #require(throws: VFMError.self) { try ReportTestSupport.report(run) }
        #expect(error.status == .noInput)
        #expect(error.description.contains(file), "\(error)")
        #expect(error.hint?.contains("run \(stage)") == true, "\(error)")
        for output in ["report.md", "report.html", "manifest.json"] {
            #expect(!FileManager.default.fileExists(atPath: run.appendingPathComponent(output).path), "\(output)")
        }
    }

    @Test("a chart left by an earlier report that this run does not draw is removed")
    func staleChartsRemoved() throws {
        let run = try ReportTestSupport.runReport { directory in
            let charts = directory.appendingPathComponent("charts")
            try FileManager.default.createDirectory(at: charts, withIntermediateDirectories: true)
            try Data("<svg/>".utf8).write(to: charts.appendingPathComponent("scatter-old-group-a-vs-b.svg"))
        }
        defer { ReportTestSupport.remove(run) }
        #expect(!FileManager.default.fileExists(atPath: run.appendingPathComponent("charts/scatter-old-group-a-vs-b.svg").path))
        #expect(!(try ReportTestSupport.text("manifest.json", in: run)).contains("scatter-old-group"))
    }

    @Test("the sample fixture is called synthetic in the report")
    func syntheticSampleNote() throws {
        let run = try ReportTestSupport.runReport { directory in
            for summary in ["ingest/inputs.json", "clean/inputs.json"] {
                let url = directory.appendingPathComponent(summary)
                let text = try String(contentsOf: url, encoding: .utf8)
                    .replacingOccurrences(of: "\"returns-a.csv\"", with: "\"sample-70.csv\"")
                try Data(text.utf8).write(to: url)
            }
        }
        defer { ReportTestSupport.remove(run) }
        #expect(try ReportTestSupport.text("report.md", in: run).contains("**Synthetic data.** `sample-70.csv`"))
        let plain = try ReportTestSupport.runReport()
        defer { ReportTestSupport.remove(plain) }
        #expect(!(try ReportTestSupport.text("report.md", in: plain)).contains("Synthetic data"))
    }

    @Test("services the clean stage excluded from statistics are named in the report and left out of charts")
    func excludedOutliers() throws {
        var pipeline = ReportTestSupport.pipeline
        pipeline.definition.excludeOutliers = true
        let run = try ReportTestSupport.runReport(pipeline: pipeline) { directory in
            let url = directory.appendingPathComponent("clean/services.csv")
            let text = try String(contentsOf: url, encoding: .utf8)
            let marked = text.replacingOccurrences(of: ",false,yes,East,returns-a.csv:4,outlier",
                                                   with: ",true,yes,East,returns-a.csv:4,outlier")
            #expect(marked != text)
            try Data(marked.utf8).write(to: url)
        }
        defer { ReportTestSupport.remove(run) }
        let report = try ReportTestSupport.text("report.md", in: run)
        #expect(report.contains("excludes outliers from the statistics (`exclude_outliers = true`): 1 service(s)"))
        #expect(report.contains("- Eastham — \\|pipe\\| & &lt;script>alert(1)&lt;/script> (2012/13)"))
        let chart = try ReportTestSupport.text("charts/distribution-cost_per_person.svg", in: run)
        #expect(!chart.contains("alert(1)"))
        #expect(chart.contains("n = 7"))
    }

    @Test("a scatter chart has one marker per service with both figures, evidence-based ones as diamonds")
    func scatterMarkers() throws {
        let run = try ReportTestSupport.runReport()
        defer { ReportTestSupport.remove(run) }
        // Fixture: 7 services have a cost per job outcome (Westbury +Quiet Outcomes has none);
        // 3 of them are evidence-based.
        let svg = try ReportTestSupport.text("charts/scatter-all-cost_per_outcome-vs-outcome_rate.svg", in: run)
        // 4 others + the legend marker, and a ring round the one flagged as an outlier (Eastham) + its legend ring.
        #expect(svg.components(separatedBy: "<circle").count - 1 == 4 + 1 + 2)
        #expect(svg.components(separatedBy: "fill=\"none\" stroke=\"#000000\"").count - 1 == 2)
        #expect(svg.components(separatedBy: "<polygon").count - 1 == 3 + 1)  // 3 evidence-based + legend
        #expect(svg.contains("n = 7, r = \u{2212}0.69"))
        #expect(svg.contains("clip-path=\"url(#clip-scatter-all-cost_per_outcome-vs-outcome_rate)\""))
    }

    @Test("a figure from fewer than 10 services is marked, and the table carrying it says why, once")
    func smallGroupsMarked() throws {
        let run = try ReportTestSupport.runReport()
        defer { ReportTestSupport.remove(run) }
        let report = try ReportTestSupport.text("report.md", in: run)
        // The small run has 8 services: every group is under 10, so every n carries the mark.
        #expect(report.contains("£1,832 (n=8†)"))
        #expect(!report.contains("(n=8)"))
        let explanation = "*† Fewer than 10 services: one service more or less could move this figure a long way; read it with caution.*"
        #expect(report.contains("| All services | 8† |"))
        let lines = report.split(separator: "\n", omittingEmptySubsequences: false)
        for (index, line) in lines.enumerated() where line == explanation {
            // Right after a table (its last row, then a blank line) or a list that shows the mark.
            #expect(lines[index - 2].contains("†"), "explanation after \(lines[index - 2])")
        }
        #expect(lines.contains { $0 == explanation })
    }
}
