import Foundation
import Tabular
import VFMCore

/// The three "what a budget buys" files of a run directory (SPEC §6.1, §7): their headers,
/// writers and typed readers. Reporting and `vfm scenario` read them back through here, so
/// a published run is priced from exactly the numbers the analyze stage wrote.
public enum ValueForMoneyFiles {
    public static let valueForMoneyHeader = ["group", "n", "total_cost", "job_outcomes", "pooled_cost_per_outcome",
                                             "mean_cost_per_outcome", "outcomes_per_100k", "ci_low", "ci_high"]
    public static let scenariosHeader = ["scenario", "kind", "group", "quantity", "value", "ci_low", "ci_high"]
    public static let basisHeader = ["group", "n", "total_cost", "job_outcomes", "outcomes_per_pound", "standard_error"]

    static let hint = "this file is written by the analyze stage; run `vfm run --force` (or vfm-analyze) again"

    // MARK: Writing

    public static func valueForMoneyCSV(_ rows: [ValueForMoneyRow]) -> String {
        var csv = CSVWriter(header: valueForMoneyHeader)
        for row in rows {
            csv.append([.text(row.group), .count(row.n), .number(row.totalCost), .number(row.jobOutcomes),
                        .number(row.pooledCostPerOutcome), .number(row.meanCostPerOutcome),
                        .number(row.outcomesPer100k), .number(row.ciLow), .number(row.ciHigh)])
        }
        return csv.text
    }

    public static func scenariosCSV(_ rows: [ScenarioRow]) -> String {
        var csv = CSVWriter(header: scenariosHeader)
        for row in rows {
            csv.append([.text(row.scenario), .text(row.kind), .text(row.group), .text(row.quantity.rawValue),
                        .number(row.value), .number(row.ciLow), .number(row.ciHigh)])
        }
        return csv.text
    }

    public static func basisCSV(_ rows: [ValueForMoneyBasis]) -> String {
        var csv = CSVWriter(header: basisHeader)
        for row in rows {
            csv.append([.text(row.group), .count(row.n), .number(row.totalCost), .number(row.jobOutcomes),
                        .number(row.outcomesPerPound), .number(row.standardError)])
        }
        return csv.text
    }

    // MARK: Reading

    /// `tables/value_for_money.csv` of a run directory; `nil` when the run has none.
    public static func readValueForMoney(runDirectory: String) throws(VFMError) -> [ValueForMoneyRow]? {
        try read(runDirectory, RunLayout.valueForMoney, header: valueForMoneyHeader) { (cells: Cells) throws(VFMError) in
            ValueForMoneyRow(group: try cells.text(0), n: try cells.count(1), totalCost: try cells.number(2),
                             jobOutcomes: try cells.number(3), pooledCostPerOutcome: try cells.number(4),
                             meanCostPerOutcome: try cells.number(5), outcomesPer100k: try cells.number(6),
                             ciLow: try cells.number(7), ciHigh: try cells.number(8))
        }
    }

    /// `tables/scenarios.csv` of a run directory; `nil` when the run has none.
    public static func readScenarios(runDirectory: String) throws(VFMError) -> [ScenarioRow]? {
        try read(runDirectory, RunLayout.scenarios, header: scenariosHeader) { (cells: Cells) throws(VFMError) in
            let quantityText = try cells.text(3)
            guard let quantity = ScenarioQuantity(rawValue: quantityText) else {
                throw cells.error("unknown quantity `\(quantityText)`", column: 3)
            }
            return ScenarioRow(scenario: try cells.text(0), kind: try cells.text(1), group: try cells.text(2),
                               quantity: quantity, value: try cells.number(4), ciLow: try cells.number(5),
                               ciHigh: try cells.number(6))
        }
    }

    /// `tables/value_for_money_basis.csv` of a run directory; `nil` when the run has none.
    public static func readBasis(runDirectory: String) throws(VFMError) -> [ValueForMoneyBasis]? {
        try read(runDirectory, RunLayout.valueForMoneyBasis, header: basisHeader) { (cells: Cells) throws(VFMError) in
            ValueForMoneyBasis(group: try cells.text(0), n: try cells.count(1), totalCost: try cells.number(2),
                               jobOutcomes: try cells.number(3), outcomesPerPound: try cells.number(4),
                               standardError: try cells.number(5))
        }
    }

    /// One record's cells with typed access; a bad cell names file, line and column.
    struct Cells {
        let file: String
        let line: Int
        let header: [String]
        let cells: [String]

        func error(_ message: String, column: Int) -> VFMError {
            VFMError(.dataError, message, file: file, line: line, column: header[column], hint: hint)
        }

        func text(_ column: Int) throws(VFMError) -> String {
            guard let text = RunFileCSV.text(cells[column]) else { throw error("empty cell", column: column) }
            return text
        }

        func number(_ column: Int) throws(VFMError) -> Double? {
            let cell = cells[column]
            guard !cell.isEmpty else { return nil }
            guard let value = Double(cell), value.isFinite else {
                throw error("`\(cell)` is not a number", column: column)
            }
            return value
        }

        func count(_ column: Int) throws(VFMError) -> Int {
            let cell = cells[column]
            guard let value = Int(cell), value >= 0 else { throw error("`\(cell)` is not a count", column: column) }
            return value
        }
    }

    private static func read<Row>(_ dir: String, _ file: String, header: [String],
                                  _ row: (Cells) throws(VFMError) -> Row) throws(VFMError) -> [Row]? {
        let path = (dir as NSString).appendingPathComponent(file)
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        let reader = RunFileCSV(file: file, hint: hint)
        let records = try reader.records(try FileSystem.readBytes(path, displayName: file))
        guard let first = records.first, first.cells == header else {
            throw reader.corrupt("the header is not `\(header.joined(separator: ","))`", line: 1)
        }
        var rows: [Row] = []
        for record in records.dropFirst() {
            guard record.cells.count == header.count else {
                throw reader.corrupt("\(record.cells.count) cells for \(header.count) columns", line: record.line)
            }
            rows.append(try row(Cells(file: file, line: record.line, header: header, cells: record.cells)))
        }
        return rows
    }
}

/// The three "what a budget buys" tables of a run directory as typed rows, for the report
/// and `vfm scenario`; a table the run did not produce is `nil`.
public struct BudgetTables: Sendable {
    public var valueForMoney: [ValueForMoneyRow]?
    public var scenarios: [ScenarioRow]?
    public var basis: [ValueForMoneyBasis]?

    public init(valueForMoney: [ValueForMoneyRow]? = nil, scenarios: [ScenarioRow]? = nil,
                basis: [ValueForMoneyBasis]? = nil) {
        self.valueForMoney = valueForMoney
        self.scenarios = scenarios
        self.basis = basis
    }

    public static func read(runDirectory dir: String) throws(VFMError) -> BudgetTables {
        BudgetTables(valueForMoney: try ValueForMoneyFiles.readValueForMoney(runDirectory: dir),
                     scenarios: try ValueForMoneyFiles.readScenarios(runDirectory: dir),
                     basis: try ValueForMoneyFiles.readBasis(runDirectory: dir))
    }
}
