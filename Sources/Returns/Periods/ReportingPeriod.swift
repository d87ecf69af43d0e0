/// The reporting period of a return placed in time (SPEC §11 "Period labels"): a UK
/// financial year (1 April–31 March) or a calendar year.
///
/// Periods are ordered by the year they start in; a calendar year Y comes just before the
/// financial year Y/Y+1, which starts three months later.
public enum ReportingPeriod: Sendable, Hashable, Comparable {
    /// The financial year starting on 1 April of `startYear`, written `2012/13`.
    case financialYear(startYear: Int)
    /// The calendar year, written `2013`.
    case calendarYear(Int)

    /// The canonical label every output writes: `2012/13` or `2013`.
    public var label: String {
        switch self {
        case .financialYear(let start):
            let end = (start + 1) % 100
            return "\(start)/\(end < 10 ? "0" : "")\(end)"
        case .calendarYear(let year):
            return "\(year)"
        }
    }

    /// (start year, 0 for a calendar year and 1 for a financial one): the order of §11.
    private var orderKey: (Int, Int) {
        switch self {
        case .financialYear(let start): return (start, 1)
        case .calendarYear(let year): return (year, 0)
        }
    }

    public static func < (lhs: ReportingPeriod, rhs: ReportingPeriod) -> Bool {
        lhs.orderKey < rhs.orderKey
    }

    /// The period a canonical label names (`2012/13`, `2013`), or `nil` for a label that
    /// has no place in time — what the clean stage and later read back from the run files,
    /// where ingest has already written every label it could read in canonical form.
    public init?(canonical label: String) {
        guard let reading = PeriodLabelReading.period(of: label), reading.label == label else { return nil }
        self = reading
    }

    /// The financial year that contains the day `day` of `month` (1–12) of `year`.
    public static func financialYear(containing year: Int, month: Int) -> ReportingPeriod {
        .financialYear(startYear: month >= 4 ? year : year - 1)
    }
}
