import Foundation
import Testing
@testable import Reporting

/// Issue 29's chart items: a log scale for cost axes spanning more than two orders of
/// magnitude, flagged outliers named on the scatters, bar names cut only when they do not
/// fit, and no text under 11 px at the width the page shows a chart.
@Suite("Charts readable at the page's width")
struct ChartReadabilityTests {
    // MARK: log axes — expected ticks and positions worked out by hand

    @Test("a money axis goes to a log scale iff its values span more than 100×", arguments: [
        ([208.0, 57_640], true),       // 277× (the sample's cost per job outcome)
        ([11_876.0, 1_299_929], true), // 109.5× (the sample's total cost)
        ([165.0, 10_000], false),      // 60.6× (the sample's cost per person)
        ([100.0, 10_000], false),      // exactly 100×: not more than two orders
        ([100.0, 10_000.5], true),
    ])
    func logIffSpanAbove100(values: [Double], log: Bool) {
        let axis = ChartAxis(metric: "cost_per_outcome", values: values, allowLog: true)
        #expect((axis.log != nil) == log)
        #expect(axis.title == (log ? "Cost per job outcome (£, log scale)" : "Cost per job outcome (£)"))
    }

    @Test("the log axis ticks at powers of ten with readable money labels")
    func logTicks() {
        // log10 208 = 2.32 → 2, log10 57,640 = 4.76 → 5: decades 10² … 10⁵.
        let axis = ChartAxis(metric: "cost_per_outcome", values: [208, 57_640], allowLog: true)
        #expect(axis.ticks == [100, 1_000, 10_000, 100_000])
        #expect(axis.ticks.map(axis.label) == ["£100", "£1,000", "£10,000", "£100,000"])
        #expect(!axis.zeroStrip)
        // £1,000 is one decade of three above the bottom: a third of the way along 300 px.
        #expect(abs(axis.position(1_000, from: 0, to: 300) - 100) < 1e-9)
        #expect(abs(axis.position(100_000, from: 0, to: 300) - 300) < 1e-9)
    }

    @Test("a £0 cost goes in a strip below the log scale's lowest decade")
    func zeroStrip() {
        let axis = ChartAxis(metric: "total_cost", values: [0, 500, 2_000_000], allowLog: true)
        #expect(axis.zeroStrip)
        #expect(axis.ticks == [0, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000])
        #expect(axis.label(0) == "£0")
        // The strip takes 8% of 500 px (40 px); 10² … 10⁷ share the other 460 px, 92 px a decade.
        #expect(axis.position(0, from: 0, to: 500) == 0)
        #expect(abs(axis.position(100, from: 0, to: 500) - 40) < 1e-9)
        #expect(abs(axis.position(1_000, from: 0, to: 500) - 132) < 1e-9)
    }

    @Test("no log scale for rates, for bar charts, or with a negative value")
    func linearWhereLogDoesNotApply() {
        #expect(ChartAxis(metric: "people_supported", values: [1, 5_000], allowLog: true).log == nil)
        #expect(ChartAxis(metric: "cost_per_outcome", values: [208, 57_640]).log == nil)
        #expect(ChartAxis.logScale([-1, 10, 5_000]) == nil)
    }

    @Test("a scatter of a widely spread cost says 'log scale' on its axis and in its description")
    func scatterOnLogScale() {
        let svg = ChartFixTests.scatter([(0.1, 208, false), (0.3, 2_000, false), (0.5, 57_640, false)],
                                        trend: (30_000, -40_000))
        #expect(svg.contains(">Cost per job outcome (£, log scale)</text>"))
        #expect(svg.contains(">£1,000</text>") && svg.contains(">£100,000</text>"))
        #expect(svg.contains("Cost per job outcome (£) is on a log scale"))
        // The straight line of the data is a curve on the log scale: drawn as a polyline.
        #expect(svg.contains("<polyline points="))
    }

    // MARK: outliers named on scatters

    static func flaggedScatter(count: Int, flagged: Set<Int>, name: @escaping (Int) -> String) -> String {
        let points = (0..<count).map {
            ChartPoint(x: 0.1 + 0.8 * Double($0) / Double(count), y: Double(1_000 + 37 * ($0 * 7 % count)),
                       evidenceBased: false, row: $0)
        }
        return ScatterChart(title: "T", groupLabel: "G", xMetric: "outcome_rate", yMetric: "cost_per_outcome",
                            points: points, name: { "Authority — " + name($0) }, trend: nil, summary: "n",
                            id: "clip-test", outliers: FlaggedRows(flagged), label: name).rendered()
    }

    @Test("a flagged service is ringed and named on the scatter, its name escaped as SVG text")
    func outlierNamed() {
        let svg = Self.flaggedScatter(count: 10, flagged: [3]) { $0 == 3 ? "<b>Wick & \"Co\"</b>" : "Service \($0)" }
        #expect(svg.contains(">&lt;b&gt;Wick &amp; &quot;Co&quot;&lt;/b&gt;</text>"))
        #expect(svg.contains("<title>Authority — &lt;b&gt;Wick &amp; &quot;Co&quot;&lt;/b&gt;: flagged as an outlier</title>"))
        #expect(svg.contains(">Flagged as an outlier</text>"))
        #expect(svg.contains("1 service is flagged as an outlier (ringed); it is named."))
        #expect(!svg.contains(">Service 4</text>"), "unflagged services are not named")
    }

    @Test("at most eight names on a scatter, none overlapping, and the note says so")
    func outlierNamesCapped() throws {
        let svg = Self.flaggedScatter(count: 40, flagged: Set(0..<20)) { "Flagged service \($0)" }
        let named = svg.components(separatedBy: ">Flagged service ").count - 1
        #expect(named >= 1 && named <= OutlierNames.cap)
        #expect(svg.contains("20 services are flagged as an outlier (ringed); \(named) named (at most 8"))
        // The white boxes behind the names do not overlap.
        let pattern = ##"<rect x="([0-9.]+)" y="([0-9.]+)" width="([0-9.]+)" height="([0-9.]+)" fill="#ffffff" fill-opacity="0.85""##
        let boxes: [[Double]] = try Self.matches(pattern, in: svg).map { $0.map { Double($0)! } }
        #expect(boxes.count == named)
        for (i, a) in boxes.enumerated() {
            for b in boxes[(i + 1)...] {
                let apartX: Bool = a[0] + a[2] <= b[0] || b[0] + b[2] <= a[0]
                let apartY: Bool = a[1] + a[3] <= b[1] || b[1] + b[3] <= a[1]
                #expect(apartX || apartY, "boxes \(a) and \(b) overlap")
            }
        }
    }

    @Test("a binned scatter with every legend item keeps its legend to two rows above the plot")
    func legendInTwoRows() {
        // 2,500 services (binned), 500 of them evidence-based (binned too), 3 flagged, a line cut off below.
        let points = (0..<2_500).map {
            ChartPoint(x: Double($0 % 100) / 100, y: 200 + Double($0 * 37 % 2_500) * 24, evidenceBased: $0 % 5 == 0,
                       row: $0)
        }
        let svg = ScatterChart(title: "T", groupLabel: "G", xMetric: "outcome_rate", yMetric: "cost_per_outcome",
                               points: points, name: { "S\($0)" }, trend: (intercept: 30_000, slope: -40_000),
                               summary: "n", id: "clip-test", outliers: [1, 2, 3], label: nil).rendered()
        #expect(svg.contains(">Least-squares line, cut off (it passes below £100)</text>"))
        #expect(svg.contains(">Flagged as an outlier</text>"))
        // Rows at y = 66 and 80; a third would be at 94, in the plot (which starts at 92).
        #expect(svg.contains("<text x=\"16.00\" y=\"80.00\"") || svg.contains(" y=\"80.00\" font-size=\"11.00\">"))
        #expect(!svg.contains(" y=\"94.00\" font-size=\"11.00\">"))
    }

    // MARK: bar names cut only when they do not fit

    @Test("Helvetica widths: 'Hello' at 10 px is 7.22 + 5.56 + 2.22 + 2.22 + 5.56 = 22.78 px")
    func textWidth() {
        #expect(abs(ChartText.width("Hello", size: 10) - 22.78) < 1e-9)
        let whole = ChartText.fitted("Hello", room: 23, preferred: 10)
        #expect(whole?.text == "Hello" && whole?.size == 10)
        // "Hello world" is 49.46 em/100 wide: 59.35 px at 12, 54.41 at 11, too wide for 40 px. Cut so that
        // the "…" (11 px) still fits: "Hello" is 25.06 px at 11 (+ 11 ≤ 40), "Hello w" would be 36.06 (+ 11 > 40).
        let cut = ChartText.fitted("Hello world", room: 40, preferred: 12)
        #expect(cut?.text == "Hello…" && cut?.size == 11)
    }

    @Test("a bar's name is drawn whole where it fits, and cut with … only where it does not")
    func barNamesWhole() {
        let long = "Brackenmoor Supported Employment and Vocational Rehabilitation Service"
        let points = (0..<10).map { ChartPoint(x: 0, y: Double(100 * ($0 + 1)), evidenceBased: false, row: $0) }
        let svg = DistributionChart(title: "T", metric: "cost_per_person", points: points, mean: nil,
                                    label: { $0 == 0 ? "Brackenmoor Employment Team" : long }, name: { "S\($0)" },
                                    outliers: []).rendered()
        // The shortest bar has 238 px above it: its 27-character name (about 150 px at 11 px) fits whole.
        #expect(svg.contains(">Brackenmoor Employment Team</text>"))
        // 70 characters (about 370 px) fit nowhere in a 268 px tall plot: cut, never overflowing.
        #expect(!svg.contains(">" + long + "</text>"))
        #expect(svg.contains("…</text>"))
        for size in try! Self.matches(#"font-size="([0-9.]+)""#, in: svg) { #expect(Double(size[0])! >= 11) }
    }

    @Test("bars too narrow for names: the flagged ones are named beside their triangles")
    func narrowBarsNameOutliers() {
        let points = (0..<70).map { ChartPoint(x: 0, y: Double(100 * ($0 + 1)), evidenceBased: false, row: $0) }
        let svg = DistributionChart(title: "T", metric: "cost_per_outcome", points: points, mean: nil,
                                    label: { "Service \($0)" }, name: { "S\($0)" }, outliers: [69]).rendered()
        #expect(svg.contains(">Service 69</text>"))
        #expect(!svg.contains(">Service 68</text>"))
    }

    // MARK: no text under 11 px on the page

    /// The smallest text of the page's inline charts in CSS pixels: each `font-size` times
    /// the narrowest width the page's CSS lets a chart take (its `figure` rule's
    /// `min-width`, the SVG filling it: `figure svg { width: 100% }`) over the SVG's
    /// viewBox width.
    static func smallestEffectiveFontSize(page: String) throws -> (size: Double, text: String) {
        let rule = try #require(try matches(#"\n\s*figure \{([^}]*)\}"#, in: page).first?[0])
        let minimum = try #require(try matches(#"min-width:\s*([0-9.]+)(px|rem)"#, in: rule).first)
        let narrowest = Double(minimum[0])! * (minimum[1] == "rem" ? 16 : 1)
        #expect(page.contains("figure svg { width: 100%;"))
        var smallest = (size: Double.infinity, text: "")
        for svg in page.components(separatedBy: "<svg ").dropFirst() {
            let viewBox = try #require(try matches(#"viewBox="0 0 ([0-9.]+) "#, in: svg).first?[0])
            let scale = narrowest / Double(viewBox)!
            let body = svg.components(separatedBy: "</svg>")[0]
            for text in try matches(#"<text [^>]*font-size="([0-9.]+)"[^>]*>([^<]*)</text>"#, in: body) {
                let size = Double(text[0])! * scale
                if size < smallest.size { smallest = (size, text[1]) }
            }
        }
        return smallest
    }

    @Test("no chart text on report.html is under 11 px at the narrowest width the page shows a chart")
    func minimumEffectiveFontSize() throws {
        let run = try ReportTestSupport.runReport()
        defer { ReportTestSupport.remove(run) }
        let page = try ReportTestSupport.text("report.html", in: run)
        #expect(page.contains("<svg "))
        let smallest = try Self.smallestEffectiveFontSize(page: page)
        #expect(smallest.size >= 11, "\(smallest.text) is \(smallest.size) px")
    }

    @Test("the check catches small text: 11 units in a 720-unit chart shown 600 px wide is 9.17 px")
    func checkCatchesSmallText() throws {
        let page = "<style>\n  figure { margin: 0; min-width: 600px; }\n  figure svg { width: 100%; }\n</style>"
            + "<svg viewBox=\"0 0 720.00 460.00\"><text x=\"1\" y=\"2\" font-size=\"11.00\">£0</text></svg>"
        let smallest = try Self.smallestEffectiveFontSize(page: page)
        #expect(abs(smallest.size - 11 * 600 / 720) < 1e-9)
    }

    static func matches(_ pattern: String, in text: String) throws -> [[String]] {
        let regex = try NSRegularExpression(pattern: pattern)
        let range = NSRange(text.startIndex..., in: text)
        return regex.matches(in: text, range: range).map { match in
            (1..<match.numberOfRanges).map { Range(match.range(at: $0), in: text).map { String(text[$0]) } ?? "" }
        }
    }
}
