import Cleaning
import Returns
import Testing

/// SPEC §11: fewer than 5 screened services are not screened, and the run says so.
@Suite("Period edits with too few services")
struct PeriodEditWarningTests {
    @Test("three matched services that changed: no period-change flag, one warning per variable that changed")
    func tooFew() {
        var rows: [ServiceReturn] = []
        for (index, cost) in [100_000.0, 90_000, 80_000].enumerated() {
            rows.append(makeReturn(service: "S\(index)", period: "2011/12", line: 2 * index + 2, totalCost: cost))
            // A ten-fold change would be flagged among five; here it is not screened.
            rows.append(makeReturn(service: "S\(index)", period: "2012/13", line: 2 * index + 3,
                                   totalCost: index == 0 ? cost * 10 : cost * 1.05))
        }
        let result = clean(rows)
        #expect(result.services.allSatisfy { $0.flag(.periodChange) == nil })
        let warnings = result.warnings.filter { $0.hasPrefix("period edits of") }
        // total_cost changed for all three; people_supported (100 each year) did not.
        #expect(warnings == ["period edits of total_cost between 2011/12 and 2012/13: only 3 matched services changed, "
            + "fewer than the 5 the Hidiroglou–Berthelot bounds need; none is screened (see tables/period_edits.csv)"])
    }
}
