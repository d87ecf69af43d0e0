import VFMCore

/// Ingest's pass over the `period` cells (SPEC §11 "Period labels"): every label it can
/// place in time is rewritten in canonical form, so that every output — and the clean
/// stage, which reads ingest's files back — sees `2012/13` however the return wrote it.
public enum PeriodLabels {
    /// How many date cells are named one by one before "and N more".
    static let dateCellsNamed = 20

    /// Rewrites each row's period in canonical form and returns the warnings: each date
    /// cell of a workbook (read as its financial year), each label with no place in time
    /// (once per label, kept as written, trimmed), and a run mixing calendar and financial
    /// years.
    public static func normalise(_ returns: inout [ServiceReturn]) -> [String] {
        var known: [String: String] = [:]
        var undatedFirstSeen: [(label: String, source: SourceLocation)] = []
        var undatedSeen: Set<String> = []
        var dateCells: [(source: SourceLocation, date: (year: Int, month: Int, day: Int), label: String)] = []
        var calendar = Set<String>(), financial = Set<String>()
        for index in returns.indices {
            guard let raw = returns[index].period else { continue }
            let source = returns[index].source
            if let label = known[raw] {
                returns[index].period = label
                continue
            }
            if source.file.lowercased().hasSuffix(".xlsx"), let date = WorkbookDatePeriod.date(in: raw) {
                let period = ReportingPeriod.financialYear(containing: date.year, month: date.month)
                returns[index].period = period.label
                financial.insert(period.label)
                dateCells.append((source, date, period.label))
                continue
            }
            let label: String
            if let period = PeriodLabelReading.period(of: raw) {
                label = period.label
                if case .calendarYear = period { calendar.insert(label) } else { financial.insert(label) }
            } else {
                label = trimmed(raw)
                if undatedSeen.insert(label).inserted { undatedFirstSeen.append((label, source)) }
            }
            known[raw] = label
            returns[index].period = label
        }
        // In file and line order, whatever order the rows came in.
        dateCells.sort { $0.source < $1.source }
        var warnings = dateCells.prefix(dateCellsNamed).map { cell in
            "\(cell.source): the `period` cell is a date (\(isoText(cell.date))); it is read as the financial year "
                + "\(cell.label) that contains it (1 April–31 March) — write the period as \(cell.label) if that is not "
                + "the year meant"
        }
        if dateCells.count > dateCellsNamed {
            warnings.append("… and \(dateCells.count - dateCellsNamed) more `period` cells holding dates, each read as its "
                + "financial year")
        }
        for (label, source) in undatedFirstSeen.sorted(by: { $0.source < $1.source }) {
            warnings.append("\(source): the period \"\(label)\" is not a year vfm can place in time; its rows are "
                + "treated as undated — write it as a financial year such as 2012/13 or a calendar year such as 2013")
        }
        if !calendar.isEmpty, !financial.isEmpty {
            warnings.append("the returns mix calendar years (\(calendar.sorted().joined(separator: ", "))) and financial "
                + "years (\(financial.sorted().joined(separator: ", "))); a calendar year Y is taken as just before the "
                + "financial year Y/Y+1 — give every return the same kind of period to compare like with like")
        }
        return warnings
    }

    private static func isoText(_ date: (year: Int, month: Int, day: Int)) -> String {
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(date.year)-\(two(date.month))-\(two(date.day))"
    }

    /// Surrounding white space removed (Unicode's, as the label reading ignores it).
    public static func trimmed(_ text: String) -> String {
        var scalars = Substring(text).unicodeScalars[...]
        while let first = scalars.first, first.properties.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.properties.isWhitespace { scalars.removeLast() }
        return String(String.UnicodeScalarView(scalars))
    }
}
