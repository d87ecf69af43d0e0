import Cleaning
import PipelineDefinition
import Returns
import Testing

/// SPEC §11 "Current returns": the expectations are read off the SPEC's rules for the
/// rows below, by hand.
@Suite("Current returns")
struct CurrentReturnTests {
    /// Northshire Pathways in 2011/12 and 2012/13; Leeds Bridge only in 2011/12 (its latest);
    /// Kent Way undated only; Northshire Pathways also has an undated row.
    let rows = [
        makeReturn(authority: "Northshire", service: "Pathways", period: "2011/12", line: 2),
        makeReturn(authority: " NORTHSHIRE", service: "pathways ", period: "2012/13", line: 3),
        makeReturn(authority: "Leeds", service: "Bridge", period: "2011/12", line: 4),
        makeReturn(authority: "Kent", service: "Way", period: nil, line: 5),
        makeReturn(authority: "Northshire", service: "Pathways", period: nil, line: 6),
        makeReturn(authority: "Kent", service: "Road", period: "Q3", line: 7),
    ]

    func currentLines(_ result: CleanResult) -> [Int] {
        result.services.filter(\.isCurrent).map(\.input.source.line).sorted()
    }

    @Test("each service's latest period is current; an undated row is current only for a service with no dated row")
    func latest() {
        let result = clean(rows)
        #expect(currentLines(result) == [3, 4, 5, 7])
        #expect(result.services.count == 6)   // earlier and period-missing rows stay
        let missing = result.services.filter { $0.flag(.periodMissing) != nil }.map(\.input.source.line)
        #expect(missing == [6])
    }

    @Test("a chosen period takes that period's rows only, undated rows not")
    func chosen() {
        var pipeline = makePipeline()
        pipeline.periods.current = "2011-12"
        #expect(currentLines(clean(rows, pipeline: pipeline)) == [2, 4])
    }

    @Test("a calendar year is before the financial year that starts in it")
    func calendarBeforeFinancial() {
        let result = clean([makeReturn(period: "2012/13", line: 2), makeReturn(period: "2012", line: 3),
                            makeReturn(period: "2013", line: 4).withService("Other"),
                            makeReturn(period: "2012/13", line: 5).withService("Other")])
        #expect(currentLines(result) == [2, 4])
    }

    @Test("outliers are screened over current returns only")
    func outliersOverCurrent() {
        // Five current services at £100,000 and one at £10,000,000; an earlier return of
        // £1 for the first. With the earlier row screened the median/MAD would move.
        var returns = (0..<6).map { index in
            makeReturn(service: "S\(index)", period: "2012/13", line: index + 2,
                       totalCost: index == 5 ? 10_000_000 : 100_000 + Double(index))
        }
        returns.append(makeReturn(service: "S0", period: "2011/12", line: 20, totalCost: 1))
        let rule = OutlierRuleSetting(metric: .totalCost, method: .modifiedZScore, threshold: 3.5, logScale: false)
        let result = clean(returns, pipeline: makePipeline(outlierRules: [rule]))
        let outliers = result.services.filter { $0.flag(.outlier) != nil }.map(\.input.source.line)
        #expect(outliers == [7])
    }
}

extension ServiceReturn {
    func withService(_ name: String) -> ServiceReturn {
        var copy = self
        copy.service = name
        return copy
    }
}
