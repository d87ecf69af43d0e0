import Cleaning
import Returns
import Testing
import VFMCore

/// SPEC §11 "A previous run": only its rows of periods before every period of this run
/// join, never as current returns; the others are left out with a warning.
@Suite("Earlier returns from a previous run")
struct EarlierReturnTests {
    @Test("rows before this run's first period join as earlier returns; others are left out, warned")
    func before() {
        let this = clean([makeReturn(period: "2012/13", line: 2), makeReturn(service: "Other", period: "2013/14", line: 3)])
        let previous = clean([makeReturn(period: "2011/12", line: 2), makeReturn(period: "2012/13", line: 3),
                              makeReturn(service: "Gone", period: "2011/12", line: 4),
                              makeReturn(service: "Undated", period: nil, line: 5)])
        var warnings: [String] = []
        let joined = EarlierReturns.before(this.services, previous: previous.services, warnings: &warnings)
        #expect(joined.map(\.input.source.line).sorted() == [2, 4])
        #expect(joined.allSatisfy { !$0.isCurrent })
        #expect(warnings.count == 1)
        #expect(warnings.first?.contains("1 of 2012/13") == true && warnings.first?.contains("1 of no period") == true)
    }

    @Test("the previous run's rows are compared with but flagged only on this run's rows")
    func flagsOnThisRunOnly() {
        // Five services grow by about 5%; one ten-fold: flagged on its 2012/13 row here.
        let sizes: [Double] = [100_000, 120_000, 90_000, 80_000, 110_000, 95_000]
        let earlier = clean(sizes.enumerated().map { index, cost in
            makeReturn(service: "S\(index)", period: "2011/12", line: index + 2, totalCost: cost)
        })
        let this = sizes.enumerated().map { index, cost in
            makeReturn(service: "S\(index)", period: "2012/13", line: index + 2,
                       totalCost: index == 5 ? cost * 10 : cost * (1.04 + 0.005 * Double(index)))
        }
        let result = CleanStage.run(makeIngest(this), pipeline: makePipeline(), previous: earlier.services,
                                    log: StageLog(quiet: true))
        #expect(result.earlierReturns.count == 6)
        let flagged = result.services.filter { $0.flag(.periodChange) != nil }.map(\.input.service)
        #expect(flagged == ["S5"])
    }
}
