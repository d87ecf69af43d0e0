import Foundation
import PipelineDefinition
import RunFiles
import VFMCore

/// A table `vfm-diff` compares figure by figure: one of the run's files with a schema
/// (SPEC §13), its rows paired by the schema's key columns and compared column by column.
/// The service-returns findings tables of the report (Table 4 support levels, Table 5
/// outcome mix, the descriptives behind Table 6, Table 8's bands, trend lines, what a
/// budget buys) are listed first, in the report's order, with the labels and number
/// formats the report prints; every other file a schema describes — the period tables,
/// the model, the survey's tables — is compared from its schema alone, so a new table is
/// in the diff the day it is declared. Each figure appears in one table only: Table 8's
/// n, min, max and mean are the descriptives' (the same group and metric), so the bands
/// table contributes only its band edges.
public struct HeadlineTable: Sendable, Hashable {
    /// The report's findings tables, whose figures the diff prints as the report does.
    enum Finding: String, Sendable, CaseIterable {
        case supportLevels, outcomeMix, descriptives, bands, trendLines, valueForMoney, scenarios

        var schema: RunFileSchema {
            switch self {
            case .supportLevels: return .supportLevels
            case .outcomeMix: return .outcomeMix
            case .descriptives: return .descriptives
            case .bands: return .bands
            case .trendLines: return .trendLines
            case .valueForMoney: return .valueForMoney
            case .scenarios: return .scenarios
            }
        }
    }

    public struct FigureColumn: Sendable, Equatable {
        public var column: String
        public var label: String
    }

    let schema: RunFileSchema
    let finding: Finding?

    init(_ finding: Finding) {
        schema = finding.schema
        self.finding = finding
    }

    /// A table compared from its schema alone.
    init(schema: RunFileSchema) {
        self.schema = schema
        finding = Finding.allCases.first { $0.schema.path == schema.path }
    }

    public static func == (lhs: HeadlineTable, rhs: HeadlineTable) -> Bool { lhs.schema.path == rhs.schema.path }
    public func hash(into hasher: inout Hasher) { hasher.combine(schema.path) }

    public static let supportLevels = HeadlineTable(.supportLevels)
    public static let outcomeMix = HeadlineTable(.outcomeMix)
    public static let descriptives = HeadlineTable(.descriptives)
    public static let bands = HeadlineTable(.bands)
    public static let trendLines = HeadlineTable(.trendLines)
    public static let valueForMoney = HeadlineTable(.valueForMoney)
    public static let scenarios = HeadlineTable(.scenarios)

    /// The report's findings tables, in the report's order.
    public static let findings: [HeadlineTable] = Finding.allCases.map(HeadlineTable.init)

    /// The file name inside the run directory.
    public var relativePath: String { schema.path }

    /// Tables a service-returns run may lack (older runs, before SPEC §6.1): compared when
    /// both runs have them, otherwise the diff says which run lacks the table. Every table
    /// compared from its schema alone is optional in this sense.
    public var isOptional: Bool {
        guard let finding else { return true }
        return finding == .valueForMoney || finding == .scenarios || finding == .trendLines
    }

    /// A data file (`clean/…`) rather than a finding (`tables/…`): the diff lists what
    /// changed in the data before what it did to the findings.
    public var isData: Bool { !schema.path.hasPrefix("tables/") }

    /// The `table` name in JSON: the CSV file's base name.
    public var fileStem: String {
        String(relativePath.split(separator: "/").last ?? "").replacingOccurrences(of: ".csv", with: "")
    }

    public var title: String {
        switch finding {
        case .supportLevels: return "Support levels of the people supported (study Table 4)"
        case .outcomeMix: return "Job outcomes (study Table 5)"
        case .descriptives: return "Descriptive statistics by group"
        case .bands: return "Evidence-based services compared with all services (study Table 8)"
        case .trendLines: return "Trend lines"
        case .valueForMoney: return "What a budget buys (value for money)"
        case .scenarios: return "Scenarios"
        case nil: return "`\(schema.path)`"
        }
    }

    /// Columns that identify a row, in the order the diff shows them: the schema's key
    /// columns (SPEC §13), `group` first where the table has one.
    public var keyColumns: [String] {
        let keys = schema.keyColumns
        guard let group = keys.firstIndex(of: "group"), group > 0 else { return keys }
        return ["group"] + keys.filter { $0 != "group" }
    }

    /// Text columns that describe a row (role `label`): compared as text.
    public var labelColumns: [String] {
        finding == nil ? schema.columns.filter { $0.role == .label }.map(\.name) : []
    }

    public var figureColumns: [FigureColumn] {
        func column(_ name: String, _ label: String) -> FigureColumn { FigureColumn(column: name, label: label) }
        guard let finding else {
            return schema.columns.filter { $0.role == .figure }.map {
                column($0.name, $0.name.replacingOccurrences(of: "_", with: " "))
            }
        }
        switch finding {
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
        guard let finding else {
            let declared = schema.columns.first { $0.name == column }
            if let measure = declared?.unitFromColumn { return .metric(keyValue(measure)) }
            return Self.format(of: declared)
        }
        switch finding {
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

/// One row of a compared table: its key (e.g. group and metric), its figures aligned with
/// `HeadlineTable.figureColumns` (`nil` is a missing figure) and its labels aligned with
/// `HeadlineTable.labelColumns`.
public struct FigureRow: Sendable, Equatable {
    public var key: [String]
    public var values: [Double?]
    public var labels: [String] = []
}

extension HeadlineTable {
    /// How the diff prints a figure of a table it knows only by its schema: by the
    /// column's unit (pounds whole, fractions as percentages, people and counts whole),
    /// p-values to 3 places, any other number to 2 — the report's formatter throughout.
    static func format(of column: RunFileColumn?) -> FigureFormat {
        guard let column else { return .decimals(2) }
        switch column.unit {
        case .gbp: return .money
        case .fraction: return .percent
        case .people: return .whole
        case nil: break
        }
        if column.type == .integer { return .whole }
        return column.name == "p_value" || column.name.hasSuffix("_p") ? .decimals(3) : .decimals(2)
    }
}

extension HeadlineTable {
    /// The table's rows, or `nil` when an optional table is not in the run.
    func read(runDirectory: String) throws(VFMError) -> [FigureRow]? {
        if isOptional, !FileManager.default.fileExists(atPath: RunTable.displayPath(runDirectory, relativePath)) {
            return nil
        }
        let figures = figureColumns.map(\.column), labels = labelColumns
        let table = try RunTable(runDirectory: runDirectory, relativePath: relativePath,
                                 required: keyColumns + figures + labels)
        var rows: [FigureRow] = []
        for record in table.rows {
            var values: [Double?] = []
            for column in figures { values.append(try table.number(record, column)) }
            rows.append(FigureRow(key: keyColumns.map { table.text(record, $0) }, values: values,
                                  labels: labels.map { table.text(record, $0) }))
        }
        return rows
    }
}
