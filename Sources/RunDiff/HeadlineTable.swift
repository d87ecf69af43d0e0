import Foundation
import PipelineDefinition
import VFMCore

/// A findings table of the report and its CSV file (SPEC §6, §6.1, §7), in the report's
/// order: Table 4 (support levels), Table 5 (outcome mix), the descriptives behind
/// Table 6, Table 8's bands, trend lines, and what a budget buys. Each figure appears in
/// one table only: Table 8's n, min, max and mean are the descriptives' (the same group
/// and metric), so the bands table contributes only its band edges.
public enum HeadlineTable: String, Sendable, CaseIterable {
    case supportLevels
    case outcomeMix
    case descriptives
    case bands
    case trendLines
    case valueForMoney
    case scenarios

    public struct FigureColumn: Sendable, Equatable {
        public var column: String
        public var label: String
    }

    /// The file name inside the run directory.
    public var relativePath: String {
        switch self {
        case .descriptives: return RunLayout.descriptives
        case .outcomeMix: return RunLayout.outcomeMix
        case .supportLevels: return RunLayout.supportLevels
        case .bands: return RunLayout.bands
        case .trendLines: return RunLayout.trendLines
        // Issue 16 adds these two to RunLayout; named here until it lands.
        case .valueForMoney: return "tables/value_for_money.csv"
        case .scenarios: return "tables/scenarios.csv"
        }
    }

    /// Tables a run may lack (older runs, before SPEC §6.1): compared when both runs
    /// have them, otherwise the diff says which run lacks the table.
    public var isOptional: Bool { self == .valueForMoney || self == .scenarios || self == .trendLines }

    /// The `table` name in JSON: the CSV file's base name.
    public var fileStem: String {
        String(relativePath.split(separator: "/").last ?? "").replacingOccurrences(of: ".csv", with: "")
    }

    public var title: String {
        switch self {
        case .supportLevels: return "Support levels of the people supported (study Table 4)"
        case .outcomeMix: return "Job outcomes (study Table 5)"
        case .descriptives: return "Descriptive statistics by group"
        case .bands: return "Evidence-based services compared with all services (study Table 8)"
        case .trendLines: return "Trend lines"
        case .valueForMoney: return "What a budget buys (value for money)"
        case .scenarios: return "Scenarios"
        }
    }

    /// Columns that identify a row, in the order the diff shows them; the first is the group.
    public var keyColumns: [String] {
        switch self {
        case .descriptives: return ["group", "metric"]
        case .outcomeMix, .supportLevels, .valueForMoney: return ["group"]
        case .bands: return ["group", "metric"]
        case .trendLines: return ["group", "x", "y"]
        case .scenarios: return ["group", "scenario", "kind", "quantity"]
        }
    }

    public var figureColumns: [FigureColumn] {
        func column(_ name: String, _ label: String) -> FigureColumn { FigureColumn(column: name, label: label) }
        switch self {
        case .descriptives:
            return [column("n", "n"), column("mean", "mean"), column("sd", "SD"), column("min", "min"),
                    column("median", "median"), column("max", "max")]
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
            return [column("band_low", "band low (mean − SD)"), column("band_high", "band high (mean + SD)")]
        case .trendLines:
            return [column("n", "n"), column("intercept", "intercept"), column("slope", "slope")]
        case .valueForMoney:
            return [column("n", "n"), column("total_cost", "total cost"), column("job_outcomes", "job outcomes"),
                    column("pooled_cost_per_outcome", "pooled cost per job outcome"),
                    column("mean_cost_per_outcome", "mean cost per job outcome"),
                    column("outcomes_per_100k", "job outcomes per £100,000"),
                    column("ci_low", "95% CI low"), column("ci_high", "95% CI high")]
        case .scenarios:
            return [column("value", "value"), column("ci_low", "95% CI low"), column("ci_high", "95% CI high")]
        }
    }

    /// How the report prints the figure in `column` of the row with `key` (SPEC §7).
    func format(column: String, key: [String]) -> FigureFormat {
        func keyValue(_ name: String) -> String {
            guard let position = keyColumns.firstIndex(of: name), position < key.count else { return "" }
            return key[position]
        }
        if column == "n" { return .whole }
        switch self {
        case .descriptives, .bands:
            return .metric(keyValue("metric"))
        case .outcomeMix:
            return column.hasSuffix("_per_100") ? .whole : .percent
        case .supportLevels:
            return .percent
        case .trendLines:
            // The intercept is in y's units; a slope is y per unit of x, printed to 2 places.
            return column == "intercept" ? .metric(keyValue("y")) : .decimals(2)
        case .valueForMoney:
            switch column {
            case "total_cost", "pooled_cost_per_outcome", "mean_cost_per_outcome": return .money
            case "job_outcomes": return .whole
            default: return .decimals(1)
            }
        case .scenarios:
            let quantity = keyValue("quantity")
            return quantity == "moved_spend" || quantity == "saving_per_outcome" ? .money : .decimals(1)
        }
    }
}

/// One row of a findings table: its key (e.g. group and metric) and its figures, aligned
/// with `HeadlineTable.figureColumns`; `nil` is a missing figure.
public struct FigureRow: Sendable, Equatable {
    public var key: [String]
    public var values: [Double?]
}

extension HeadlineTable {
    /// The table's rows, or `nil` when an optional table is not in the run.
    func read(runDirectory: String) throws(VFMError) -> [FigureRow]? {
        if isOptional, !FileManager.default.fileExists(atPath: RunTable.displayPath(runDirectory, relativePath)) {
            return nil
        }
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
