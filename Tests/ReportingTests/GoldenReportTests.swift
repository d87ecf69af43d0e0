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

    @Test("report.html of the small fixture run matches its golden file")
    func htmlMatchesGolden() throws {
        let run = try ReportTestSupport.runReport()
        defer { ReportTestSupport.remove(run) }
        try ReportTestSupport.expectMatchesGolden(try ReportTestSupport.text("report.html", in: run), name: "small-run-report.html")
    }

    @Test("a scatter chart of the small fixture run matches its golden file")
    func scatterMatchesGolden() throws {
        let run = try ReportTestSupport.runReport()
        defer { ReportTestSupport.remove(run) }
        let svg = try ReportTestSupport.text("charts/scatter-all-cost_per_outcome-vs-outcome_rate.svg", in: run)
        try ReportTestSupport.expectMatchesGolden(svg, name: "scatter-all-cost_per_outcome-vs-outcome_rate.svg")
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
