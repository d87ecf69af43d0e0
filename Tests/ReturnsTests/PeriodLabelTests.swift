import Foundation
import Returns
import Testing
import VFMCore

/// SPEC §11 "Period labels": expected labels are the SPEC's own examples; date serials
/// were converted by Python's `datetime.date(1899, 12, 30) + timedelta(n)` (the 1900 date
/// system), not by this code.
@Suite("Period labels")
struct PeriodLabelTests {
    @Test("financial-year forms read as the canonical 2012/13", arguments: [
        "2012/13", "2012-13", "2012–13", "2012/2013", "2012-2013", "FY2012/13", "fy 2012-13", "  2012/13 ",
    ])
    func financialYearForms(_ label: String) {
        #expect(PeriodLabelReading.period(of: label) == .financialYear(startYear: 2012))
        #expect(PeriodLabelReading.period(of: label)?.label == "2012/13")
    }

    @Test("a four-digit year is a calendar year")
    func calendarYear() {
        #expect(PeriodLabelReading.period(of: "2013") == .calendarYear(2013))
        #expect(PeriodLabelReading.period(of: "2013")?.label == "2013")
    }

    @Test("the century turns in the short form: 1999/00 and 2009/10")
    func centuryTurn() {
        #expect(PeriodLabelReading.period(of: "1999/00")?.label == "1999/00")
        #expect(PeriodLabelReading.period(of: "1999-2000") == .financialYear(startYear: 1999))
        #expect(PeriodLabelReading.period(of: "2009/10")?.label == "2009/10")
    }

    @Test("labels that are not a year are not placed in time", arguments: [
        "2012/14", "2012/2014", "Q3 2012", "2012/13/14", "20123", "13/14", "FY2013", "", "2012 /13", "year 2",
    ])
    func undated(_ label: String) {
        #expect(PeriodLabelReading.period(of: label) == nil)
    }

    @Test("a calendar year Y comes just before the financial year Y/Y+1, after (Y-1)/Y")
    func order() {
        let periods: [ReportingPeriod] = [.financialYear(startYear: 2013), .calendarYear(2013),
                                          .financialYear(startYear: 2012), .calendarYear(2012)]
        #expect(periods.sorted().map(\.label) == ["2012", "2012/13", "2013", "2013/14"])
    }

    @Test("a canonical label reads back; another form of it does not")
    func canonical() {
        #expect(ReportingPeriod(canonical: "2012/13") == .financialYear(startYear: 2012))
        #expect(ReportingPeriod(canonical: "2013") == .calendarYear(2013))
        #expect(ReportingPeriod(canonical: "2012-13") == nil)
        #expect(ReportingPeriod(canonical: "Q3") == nil)
    }

    @Test("rows are written with the canonical label; dates in a workbook are their financial year, warned")
    func normalise() {
        func row(_ period: String?, file: String = "a.csv", line: Int) -> ServiceReturn {
            ServiceReturn(source: SourceLocation(file: file, line: line), authority: "A", service: "S", period: period,
                          model: nil, evidenceBase: EvidenceBase(label: nil), totalCost: 1, peopleSupported: 1,
                          counts: CountValues(), reportedCostPerPerson: nil, reportedCostPerOutcome: nil,
                          extraColumns: [])
        }
        // 41090 = 2012-06-30, 41364 = 2013-03-31, 41365 = 2013-04-01 (Python datetime, above).
        var rows = [row("2012-13", line: 2), row("FY2012/13", line: 3), row(" Q3 ", line: 4), row("Q3", line: 5),
                    row("41090", file: "b.xlsx", line: 2), row("41364", file: "b.xlsx", line: 3),
                    row("41365", file: "b.xlsx", line: 4), row("41090", line: 6), row(nil, line: 7),
                    row("2012-06-30", file: "b.xlsx", line: 5)]
        let warnings = PeriodLabels.normalise(&rows)
        #expect(rows.map(\.period) == ["2012/13", "2012/13", "Q3", "Q3", "2012/13", "2012/13", "2013/14", "41090", nil,
                                      "2012/13"])
        #expect(warnings.filter { $0.contains("is a date") }.count == 4)
        #expect(warnings.contains { $0.hasPrefix("b.xlsx:2: the `period` cell is a date (2012-06-30)") })
        // One warning per label: `Q3` twice and a CSV's `41090` (not a workbook date cell).
        #expect(warnings.filter { $0.contains("not a year vfm can place in time") }.count == 2)
        #expect(warnings.contains { $0.hasPrefix("a.csv:4: the period \"Q3\"") })
        #expect(!warnings.contains { $0.contains("mix calendar years") })
    }

    @Test("a run mixing calendar and financial years is warned about")
    func mixing() {
        var rows = ["2013", "2012/13"].enumerated().map { index, period in
            ServiceReturn(source: SourceLocation(file: "a.csv", line: index + 2), authority: "A", service: "S",
                          period: period, model: nil, evidenceBase: EvidenceBase(label: nil), totalCost: 1,
                          peopleSupported: 1, counts: CountValues(), reportedCostPerPerson: nil,
                          reportedCostPerOutcome: nil, extraColumns: [])
        }
        let warnings = PeriodLabels.normalise(&rows)
        #expect(warnings.count == 1)
        #expect(warnings.first?.contains("mix calendar years (2013) and financial years (2012/13)") == true)
    }
}
