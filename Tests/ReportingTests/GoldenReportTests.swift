import Foundation
import Testing
@testable import Reporting

@Suite("Golden files of the small fixture run")
struct GoldenReportTests {
    @Test("report.md of the small fixture run matches its golden file")
    func reportMatchesGolden() throws {
        let run = try ReportTestSupport.runReport()
        defer { ReportTestSupport.remove(run) }
        try ReportTestSupport.expectMatchesGolden(try ReportTestSupport.text("report.md", in: run), name: "small-run-report.md")
    }

    @Test("a scatter chart of the small fixture run matches its golden file")
    func scatterMatchesGolden() throws {
        let run = try ReportTestSupport.runReport()
        defer { ReportTestSupport.remove(run) }
        let svg = try ReportTestSupport.text("charts/scatter-all-outcome_rate-vs-cost_per_outcome.svg", in: run)
        try ReportTestSupport.expectMatchesGolden(svg, name: "scatter-all-outcome_rate-vs-cost_per_outcome.svg")
    }

    @Test("the cost-per-person distribution chart matches its golden file")
    func distributionMatchesGolden() throws {
        let run = try ReportTestSupport.runReport()
        defer { ReportTestSupport.remove(run) }
        let svg = try ReportTestSupport.text("charts/distribution-cost_per_person.svg", in: run)
        try ReportTestSupport.expectMatchesGolden(svg, name: "distribution-cost_per_person.svg")
    }

    @Test("manifest.json of the small fixture run matches its golden file")
    func manifestMatchesGolden() throws {
        let run = try ReportTestSupport.runReport()
        defer { ReportTestSupport.remove(run) }
        try ReportTestSupport.expectMatchesGolden(try ReportTestSupport.text("manifest.json", in: run), name: "small-run-manifest.json")
    }
}
