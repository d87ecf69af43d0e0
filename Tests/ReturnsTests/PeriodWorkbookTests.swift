import Returns
import Testing
import VFMCore
import VFMTestSupport

/// SPEC §11: a workbook's date cell in `period` is the financial year that contains it,
/// with a warning naming the cell. `Fixtures/periods/dated-periods.xlsx` is written by
/// `make_dated_workbook.py`, whose docstring lists each cell and the year it must give.
@Suite("Period cells of a workbook")
struct PeriodWorkbookTests {
    @Test("date serials and ISO dates are their financial year; a text label and a year number as written")
    func dates() throws {
        let result = try ingest([FixturePaths.fixture("periods/dated-periods.xlsx").path])
        let periods = Dictionary(uniqueKeysWithValues: result.returns.map { ($0.service, $0.period ?? "") })
        #expect(periods == ["June 2012": "2012/13", "March 2013": "2012/13", "April 2013": "2013/14",
                            "ISO date": "2013/14", "Text label": "2012/13", "Calendar": "2013"])
        let dates = result.warnings.filter { $0.contains("the `period` cell is a date") }
        #expect(dates.map { String($0.prefix(21)) } == ["dated-periods.xlsx:2:", "dated-periods.xlsx:3:",
                                                        "dated-periods.xlsx:4:", "dated-periods.xlsx:5:"])
        #expect(dates.first?.contains("(2012-06-30)") == true)
        #expect(result.warnings.contains { $0.contains("mix calendar years (2013)") })
    }
}
