import Foundation
import PipelineDefinition
import RunFiles
import Testing
import VFMCore
@testable import Reporting

/// SPEC §7, "The report summarises at any size": what grows with the services stays in
/// tables/ and clean/; the page shows counts, the extremes and examples.
@Suite("The report is bounded at any number of services")
struct ReportScaleTests {
    static let services = 20_000

    static func largeRun() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("vfm-large-" + UUID().uuidString)
        try LargeRun.write(services: services, to: directory)
        try ReportTestSupport.report(directory)
        return directory
    }

    /// The rows of the Markdown table that follows `heading`, as their first three cells.
    static func tableRows(after heading: String, in report: String) -> [[String]] {
        guard let start = report.range(of: heading + "\n") else { return [] }
        var rows: [[String]] = []
        for line in report[start.upperBound...].split(separator: "\n", omittingEmptySubsequences: false).dropFirst() {
            if line.hasPrefix("#") { break }
            guard line.hasPrefix("| ") else { if rows.isEmpty { continue } else { break } }
            rows.append(line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) })
        }
        return Array(rows.dropFirst(2))
    }

    @Test("20,000 services: report.md and report.html stay small, every chart under 300 KB")
    func sizes() throws {
        let run = try Self.largeRun()
        defer { ReportTestSupport.remove(run) }
        let md = try Data(contentsOf: run.appendingPathComponent("report.md"))
        let html = try Data(contentsOf: run.appendingPathComponent("report.html"))
        #expect(md.count < 512 * 1024, "report.md is \(md.count) bytes")
        #expect(html.count < 8 * 1024 * 1024, "report.html is \(html.count) bytes")
        let charts = run.appendingPathComponent("charts")
        for name in try FileManager.default.contentsOfDirectory(atPath: charts.path) {
            let size = try Data(contentsOf: charts.appendingPathComponent(name)).count
            #expect(size < 300 * 1024, "\(name) is \(size) bytes")
        }
        // A service from the middle of the band is in tables/benchmark.csv, not on the page.
        let report = String(decoding: md, as: UTF8.self)
        #expect(!report.contains("Service 10000 "))
        #expect(report.contains("[`tables/benchmark.csv`](tables/benchmark.csv)"))
        #expect(report.contains("[`clean/flags.csv`](clean/flags.csv)"))
    }

    @Test("the benchmark lists the ten services furthest below and above the band, in order")
    func furthestOutside() throws {
        let run = try Self.largeRun()
        defer { ReportTestSupport.remove(run) }
        let report = try ReportTestSupport.text("report.md", in: run)
        // By construction: the lowest figures are services 0, 1, …; the highest 19,999, 19,998, ….
        let below = Self.tableRows(after: "### Cost per person supported: the services furthest below the band", in: report)
        #expect(below.map { $0[1] } == (0..<10).map { "Service \($0)" })
        #expect(below.first?[3] == "£1,000")
        let above = Self.tableRows(after: "### Cost per person supported: the services furthest above the band", in: report)
        #expect(above.map { $0[1] } == (0..<10).map { "Service \(Self.services - 1 - $0)" })
        let counts = Self.tableRows(after: "## Where each service sits (benchmark)", in: report)
        // 2,000 below, 16,000 within, 2,000 above (a tenth each way).
        #expect(counts.first == ["Cost per person supported", "2,000", "16,000", "2,000", "0"])
    }

    @Test("flags are counted per rule with three examples of each")
    func flagsCounted() throws {
        let run = try Self.largeRun()
        defer { ReportTestSupport.remove(run) }
        let report = try ReportTestSupport.text("report.md", in: run)
        #expect(report.contains("| outlier | warning | 300 |"))
        #expect(report.contains("| zero-outcomes | warning | 300 |"))
        let examples = Self.tableRows(after: "The first 3 flags of each rule; all 600 are in [`clean/flags.csv`](clean/flags.csv).",
                                      in: report)
        // Rules sorted by name; the first three flags of each in file order: 0, 2, 4 and 1, 3, 5.
        #expect(examples.map { $0[0] } == [0, 2, 4, 1, 3, 5].map { "Authority \($0) — Service \($0) (2012/13)" })
    }

    @Test("above the thresholds a scatter is binned and a distribution shows percentiles")
    func binnedCharts() throws {
        let run = try Self.largeRun()
        defer { ReportTestSupport.remove(run) }
        let scatter = try ReportTestSupport.text("charts/scatter-all-cost_per_outcome-vs-outcome_rate.svg", in: run)
        #expect(!scatter.contains("<circle"), "one mark per service")
        #expect(scatter.contains("Other services per cell: 1 to "))
        // 2,000 evidence-based services are more than are drawn one by one: binned separately.
        #expect(scatter.contains("Evidence-based services per cell"))
        #expect(scatter.contains("stroke-dasharray=\"6 4\""), "the trend line is drawn")
        let distribution = try ReportTestSupport.text("charts/distribution-cost_per_person.svg", in: run)
        #expect(distribution.contains("<title>Percentile 100: "))
        #expect(distribution.components(separatedBy: "<rect").count - 1 < 120)
        // Percentile 50 of 1000…20999 (type 7, p = 0.495): 1000 + 0.495 × 19,999 = 10,899.5.
        #expect(distribution.contains("<title>Percentile 50: £10,900</title>"))
    }

    @Test("4,000 groups render in linear time (indexed lookups, no scan per cell)")
    func manyGroups() throws {
        let directory = try ReportTestSupport.scratchCopy(of: ReportTestSupport.smallRun)
        defer { ReportTestSupport.remove(directory) }
        var descriptives = RunFileSchema.descriptives.header.joined(separator: ",") + "\n"
        for group in 0..<4_000 {
            for metric in ["people_supported", "total_cost", "cost_per_person", "cost_per_outcome", "outcome_rate"] {
                descriptives += "g\(group),\(metric),3,\(group),1,1,1,1,1,1,,\n"
            }
        }
        try Data(descriptives.utf8).write(to: directory.appendingPathComponent("tables/descriptives.csv"))
        let clock = ContinuousClock()
        let elapsed = try clock.measure {
            try ReportTestSupport.report(directory)
        }
        let report = try ReportTestSupport.text("report.md", in: directory)
        #expect(report.contains("| g3999 | 3† | 3,999 (n=3†) | £3,999 (n=3†) | £3,999 (n=3†) |"))
        // The row scan per cell took 89 s here; indexed, well under a second of lookups.
        #expect(elapsed < .seconds(60), "took \(elapsed)")
    }
}
