import Foundation
import Testing
@testable import Reporting

/// The chart fixes of issue 13: legends, the clipped trend line, file names in the
/// title's order, points at 0 off the axis, names and outlier marks on the sorted bars.
@Suite("Charts say what they show")
struct ChartFixTests {
    static func scatter(_ points: [(Double, Double, Bool)], trend: (Double, Double)? = nil,
                        x: String = "outcome_rate", y: String = "cost_per_outcome") -> String {
        ScatterChart(title: "T", groupLabel: "G", xMetric: x, yMetric: y,
                     points: points.enumerated().map { ChartPoint(x: $0.element.0, y: $0.element.1,
                                                                  evidenceBased: $0.element.2, row: $0.offset) },
                     name: { "Service \($0)" }, trend: trend.map { (intercept: $0.0, slope: $0.1) }, summary: "n = 3",
                     id: "clip-test").rendered()
    }

    @Test("a legend lists only the series the chart has")
    func legends() {
        let others = Self.scatter([(0.1, 100, false), (0.2, 200, false), (0.3, 300, false)])
        #expect(others.contains(">Other services</text>"))
        #expect(!others.contains("Evidence-based"))
        let evidence = Self.scatter([(0.1, 100, true), (0.2, 200, true), (0.3, 300, true)])
        #expect(!evidence.contains("Other services"))
        #expect(evidence.contains(">Evidence-based services (highlighted)</text>"))
        #expect(!evidence.contains("Least-squares"), "no line, no line in the legend")
    }

    @Test("a trend line cut off at the axis says so and why")
    func clippedTrend() {
        // y = 30,000 − 40,000·x reaches −£10,000 at x = 1, below the axis' £0.
        let clipped = Self.scatter([(0, 30_000, false), (0.5, 5_000, false), (1, 1_000, false)], trend: (30_000, -40_000))
        #expect(clipped.contains(">Least-squares line, cut off (it passes below £0)</text>"))
        #expect(clipped.contains("The least-squares line is cut off where it leaves the chart (it passes below £0).</desc>"))
        let inside = Self.scatter([(0, 30_000, false), (0.5, 20_000, false), (1, 10_000, false)], trend: (30_000, -20_000))
        #expect(inside.contains(">Least-squares line</text>"))
        #expect(!inside.contains("cut off"))
    }

    @Test("points at 0% and £0 are drawn clear of the axis lines")
    func zeroOffAxis() {
        let svg = Self.scatter([(0, 0, false), (0.5, 5_000, false), (1, 10_000, false)])
        // The plot area starts at x = 90, y = 360; the axes stand 8 px outside it.
        #expect(svg.contains("<circle cx=\"90.00\" cy=\"360.00\""))
        #expect(svg.contains("<line x1=\"82.00\" y1=\"92.00\" x2=\"82.00\" y2=\"368.00\""))
        #expect(svg.contains("<line x1=\"82.00\" y1=\"368.00\" x2=\"560.00\" y2=\"368.00\""))
    }

    @Test("every scatter file is named y-vs-x, in its title's order")
    func fileNamesFollowTitles() throws {
        let run = try ReportTestSupport.runReport()
        defer { ReportTestSupport.remove(run) }
        let names = try FileManager.default.contentsOfDirectory(atPath: run.appendingPathComponent("charts").path)
        var checked = 0
        for name in names where name.hasPrefix("scatter-") {
            let stem = name.dropFirst("scatter-".count).dropLast(".svg".count)
            let measures = stem.drop { $0 != "-" }.dropFirst().components(separatedBy: "-vs-")
            let svg = try ReportTestSupport.text("charts/" + name, in: run)
            let title = Labels.metric(measures[0]) + " against " + Labels.metricInSentence(measures[1])
            #expect(svg.contains("<title>" + SVGDocument.escape(title) + " — "), "\(name)")
            checked += 1
        }
        #expect(checked == 10)
    }

    @Test("sorted bars carry service names where they fit and mark flagged outliers")
    func namedBars() {
        let points = (0..<10).map { ChartPoint(x: 0, y: Double(100 * ($0 + 1)), evidenceBased: $0 == 9, row: $0) }
        let svg = DistributionChart(title: "T", metric: "cost_per_person", points: points, mean: 550,
                                    label: { "Service \($0)" }, name: { "Authority — Service \($0)" },
                                    outliers: [9]).rendered()
        for row in 0..<10 { #expect(svg.contains(">Service \(row)</text>"), "bar \(row) is named") }
        #expect(svg.contains("<title>Authority — Service 9: flagged as an outlier</title>"))
        #expect(svg.contains(">Flagged as an outlier</text>"))
        let unflagged = DistributionChart(title: "T", metric: "cost_per_person", points: points, mean: nil,
                                          label: { "Service \($0)" }, name: { "S\($0)" }, outliers: []).rendered()
        #expect(!unflagged.contains("outlier"))
        #expect(!unflagged.contains(">Mean</text>"))
    }

    @Test("the small run's flagged outlier is marked on its cost-per-job-outcome bars")
    func fixtureOutlierMarked() throws {
        let run = try ReportTestSupport.runReport()
        defer { ReportTestSupport.remove(run) }
        let svg = try ReportTestSupport.text("charts/distribution-cost_per_outcome.svg", in: run)
        // clean/flags.csv: Eastham — |pipe| & <script>… is an outlier on cost_per_outcome.
        #expect(svg.contains("<title>Eastham — |pipe| &amp; &lt;script&gt;alert(1)&lt;/script&gt; (2012/13): flagged as an outlier</title>"))
        #expect(!(try ReportTestSupport.text("charts/distribution-cost_per_person.svg", in: run)).contains("flagged as an outlier"))
    }
}

@Suite("HTML text escaping")
struct HTMLTextTests {
    @Test("markup characters become references, control characters are dropped", arguments: [
        ("<b>x</b>", "&lt;b&gt;x&lt;/b&gt;"), ("a & b", "a &amp; b"), ("\"q\" 'a'", "&quot;q&quot; &#39;a&#39;"),
        ("bell\u{07}", "bell"), ("plain", "plain"), ("line\r\nnext", "line \nnext"),
    ])
    func escapes(input: String, expected: String) {
        #expect(HTMLText.escape(input) == expected)
    }
}
