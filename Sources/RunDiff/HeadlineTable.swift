import PipelineDefinition
import VFMCore

/// How a figure is shown to people (SPEC §7: £1,730; 38%; n always shown).
public enum FigureScale: Sendable, Equatable {
    /// Pounds, whole pounds.
    case money
    /// A fraction shown as a percentage; changes in percentage points.
    case rate
    /// A whole number of services or people.
    case count
    /// Anything else (a mean of counts, per-100 figures, the Support Level Index).
    case plain

    /// The scale of a per-metric figure: `n` is a count; a money metric is in pounds, a
    /// rate metric a percentage (the `Metric` classification, so that the diff and the
    /// report agree); other metrics are plain numbers.
    static func of(metric: String, column: String) -> FigureScale {
        if column == "n" { return .count }
        guard let known = Metric(rawValue: metric) else { return .plain }
        if known.isMoney { return .money }
        if known.isRate { return .rate }
        return .plain
    }
}

/// A headline table of the report and its CSV file (SPEC §7, STAGES.md), grouped in the
/// diff in the report's order: the study's Table 4 (support levels), Table 5 (outcome
/// mix), the descriptive statistics behind Table 6 and the appendix, and Table 8
/// (evidence-based vs all bands).
public enum HeadlineTable: String, Sendable, CaseIterable {
    case supportLevels
    case outcomeMix
    case descriptives
    case bands

    public struct FigureColumn: Sendable, Equatable {
        public var column: String
        public var label: String
    }

    var relativePath: String {
        switch self {
        case .descriptives: return RunLayout.descriptives
        case .outcomeMix: return RunLayout.outcomeMix
        case .supportLevels: return RunLayout.supportLevels
        case .bands: return RunLayout.bands
        }
    }

    public var title: String {
        switch self {
        case .supportLevels: return "Support levels of the people supported (study Table 4)"
        case .outcomeMix: return "Job outcomes (study Table 5)"
        case .descriptives: return "Descriptive statistics by group"
        case .bands: return "Evidence-based services compared with all services (study Table 8)"
        }
    }

    /// Columns that identify a row, in the order the diff shows them.
    public var keyColumns: [String] {
        switch self {
        case .descriptives: return ["group", "metric"]
        case .outcomeMix, .supportLevels: return ["group"]
        case .bands: return ["metric", "group"]
        }
    }

    public var figureColumns: [FigureColumn] {
        func column(_ name: String, _ label: String) -> FigureColumn { FigureColumn(column: name, label: label) }
        switch self {
        case .descriptives:
            return [column("n", "n"), column("mean", "mean"), column("sd", "SD"), column("min", "min"),
                    column("median", "median"), column("max", "max"),
                    column("band_low", "band low (mean − SD)"), column("band_high", "band high (mean + SD)")]
        case .outcomeMix:
            return [column("n", "n"), column("outcome_rate_mean", "mean outcome rate"),
                    column("gained_share", "gained share"), column("retained_share", "retained share"),
                    column("self_employed_share", "self-employed share"),
                    column("gained_per_100", "gained per 100 supported"),
                    column("retained_per_100", "retained per 100 supported"),
                    column("self_employed_per_100", "self-employed per 100 supported")]
        case .supportLevels:
            return [column("n", "n"), column("share_lt7", "share <7h"), column("share_7to40", "share 7–40h"),
                    column("share_40plus", "share 40h+")]
        case .bands:
            return [column("n", "n"), column("min", "min"), column("max", "max"),
                    column("band_low", "band low (mean − SD)"), column("mean", "mean"),
                    column("band_high", "band high (mean + SD)")]
        }
    }

    /// How the figure in `column` of the row with `key` is shown.
    func scale(column: String, key: [String]) -> FigureScale {
        switch self {
        case .descriptives, .bands:
            let metricPosition = keyColumns.firstIndex(of: "metric") ?? 0
            let metric = metricPosition < key.count ? key[metricPosition] : ""
            return FigureScale.of(metric: metric, column: column)
        case .outcomeMix:
            if column == "n" { return .count }
            return column.hasSuffix("_per_100") ? .plain : .rate
        case .supportLevels:
            return column == "n" ? .count : .rate
        }
    }
}

/// One row of a headline table: its key (e.g. group and metric) and its figures, aligned
/// with `HeadlineTable.figureColumns`; `nil` is a missing figure.
public struct FigureRow: Sendable, Equatable {
    public var key: [String]
    public var values: [Double?]
}

extension HeadlineTable {
    func read(runDirectory: String) throws(VFMError) -> [FigureRow] {
        let figures = figureColumns.map(\.column)
        let table = try RunTable(runDirectory: runDirectory, relativePath: relativePath,
                                 required: keyColumns + figures)
        var rows: [FigureRow] = []
        for record in table.rows {
            var values: [Double?] = []
            for column in figures { values.append(try table.number(record, column)) }
            rows.append(FigureRow(key: keyColumns.map { table.text(record, $0) }, values: values))
        }
        return rows
    }
}
