import Analysis
import Foundation
import FoundationXML
@testable import Reporting
import Testing

/// SPEC §11's funnel chart, and SPEC §7's limit: a chart stays under 300 KB however many
/// services it has.
@Suite("Funnel charts")
struct FunnelChartTests {
    /// `count` matched services of one variable, every tenth outside the bounds.
    func tables(_ count: Int) -> PeriodTables {
        var tables = PeriodTables()
        tables.edits = (0..<count).map { index in
            let from = Double(1_000 + index % 977 * 100), ratio = index % 10 == 0 ? 3.0 : 1 + Double(index % 7) / 100
            return PeriodEditRow(authority: "A\(index)", service: "S<\(index)>", from: "2011/12", to: "2012/13",
                                 variable: "total_cost", valueFrom: from, valueTo: from * ratio, ratio: ratio,
                                 effect: 0, effectLow: -2, effectHigh: 2, outcome: index % 10 == 0 ? "above" : "within")
        }
        return tables
    }

    @Test("one chart per screened variable, valid XML with both bounds drawn and names escaped")
    func small() throws {
        let charts = FunnelChart.charts(tables(40), sizeExponent: 0.5)
        #expect(charts.map(\.file) == ["funnel-total_cost.svg"])
        let svg = try #require(charts.first).rendered()
        #expect(svg.components(separatedBy: "<polyline").count - 1 == 2)
        #expect(svg.contains("S&lt;0&gt;") && !svg.contains("S<0>"))
        #expect(XMLParser(data: Data(svg.utf8)).parse())
    }

    @Test("100,000 services: binned, under 300 KB, still valid XML")
    func large() throws {
        let svg = try #require(FunnelChart.charts(tables(100_000), sizeExponent: 0.5).first).rendered()
        #expect(svg.utf8.count < 300_000)
        #expect(svg.contains("the 300 furthest"))
        #expect(XMLParser(data: Data(svg.utf8)).parse())
    }

    @Test("no chart where nothing was screened")
    func none() {
        var unscreened = tables(3)
        for index in unscreened.edits.indices { unscreened.edits[index].effect = nil }
        #expect(FunnelChart.charts(unscreened, sizeExponent: 0.5).isEmpty)
        #expect(FunnelChart.charts(nil, sizeExponent: 0.5).isEmpty)
    }
}
