import Foundation
import Testing
import VFMTestSupport

/// The report's "Change between periods" (SPEC §11). The change sentence's figures are
/// `Fixtures/periods/make_three_years.py`'s (change 10.476…, CI −0.486… to 21.439…,
/// p 0.0611, n 8), rounded by hand as the report rounds (one decimal, p to three).
@Suite("Change between periods in the report")
struct PeriodReportTests {
    @Test("a run with services of two periods gains the section: headline table, change sentence, edits per variable")
    func section() throws {
        let workspace = try RunWorkspace(copying: "periods/three-years.csv")
        defer { workspace.remove() }
        #expect(try workspace.run().status == 0)
        let report = try String(contentsOf: workspace.output.appendingPathComponent("report.md"), encoding: .utf8)
        #expect(report.contains("## Change between periods"))
        #expect(report.contains("Between 2011/12 and 2012/13, the 8 services that sent both returns went from 9.1 to "
            + "19.5 job outcomes per £100,000: a change of +10.5 (95% CI −0.5 to 21.4, p = 0.061, n = 8)."))
        #expect(report.contains("`total_cost`: 1 of 14 screened changes outside the bounds (1 looking like £ one year "
            + "and £ thousands the other), furthest: Ambleford — Bridge (2011/12 → 2012/13: £152,000 → £152"))
        let html = try String(contentsOf: workspace.output.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(html.contains("Change between periods"))
    }

    @Test("the sample, where no service has two periods, has no such section")
    func noSection() throws {
        let report = try String(contentsOf: FixturePaths.repositoryRoot.appendingPathComponent("Output/sample/report.md"),
                                encoding: .utf8)
        #expect(!report.contains("Change between periods"))
    }
}
