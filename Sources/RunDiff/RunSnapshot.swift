import Foundation
import Tabular
import VFMCore

/// Everything `vfm-diff` compares, read from one run directory (SPEC §7): the manifest,
/// the headline tables, correlations, benchmark positions, services, flags and rejects.
public struct RunSnapshot: Sendable {
    /// How the run is named in the diff (the directory as given on the command line).
    public var label: String
    public var manifest: RunManifest
    public var headline: [HeadlineTable: [FigureRow]]
    public var correlations: [CorrelationRecord]
    public var benchmark: [BenchmarkRecord]
    /// Header of `clean/services.csv`, for columns present in one run only.
    public var serviceColumns: [String]
    public var services: [ServiceRecord]
    public var flags: [FlagRecord]
    public var rejects: [RejectRecord]

    /// Reads the run directory `path`.
    /// - Parameter label: how the run is named in messages and in the diff (default `path`).
    /// - Throws: `.noInput` (66) when the directory or one of its files is missing or
    ///   unreadable; `.dataError` (65) when a table is malformed.
    public static func load(runDirectory path: String, label: String? = nil) throws(VFMError) -> RunSnapshot {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw VFMError(.noInput, "run directory not found", file: path,
                           hint: "pass a directory written by `vfm run` (it holds manifest.json and tables/)")
        }
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw VFMError(.noInput, "run directory is not readable", file: path, hint: "check its permissions")
        }
        let manifest = try RunManifest.read(runDirectory: path,
                                            displayName: RunTable.displayPath(path, RunLayout.manifest))
        var headline: [HeadlineTable: [FigureRow]] = [:]
        for table in HeadlineTable.allCases {
            headline[table] = try table.read(runDirectory: path)
        }
        let services = try readServices(path)
        return RunSnapshot(label: label ?? path, manifest: manifest, headline: headline,
                           correlations: try readCorrelations(path), benchmark: try readBenchmark(path),
                           serviceColumns: services.columns, services: services.rows,
                           flags: try readFlags(path), rejects: try readRejects(path))
    }

    private static func serviceKey(_ table: RunTable, _ row: CSVRecord) -> ServiceKey {
        ServiceKey(authority: table.text(row, "authority"), service: table.text(row, "service"),
                   period: table.text(row, "period"))
    }

    private static func readCorrelations(_ path: String) throws(VFMError) -> [CorrelationRecord] {
        let table = try RunTable(runDirectory: path, relativePath: RunLayout.correlations,
                                 required: ["group", "x", "y", "n", "pearson_r", "spearman_rho", "ci_low", "ci_high",
                                            "p_value", "strength"])
        var records: [CorrelationRecord] = []
        for row in table.rows {
            records.append(CorrelationRecord(
                group: table.text(row, "group"), x: table.text(row, "x"), y: table.text(row, "y"),
                n: try table.count(row, "n"), pearsonR: try table.number(row, "pearson_r"),
                spearmanRho: try table.number(row, "spearman_rho"), ciLow: try table.number(row, "ci_low"),
                ciHigh: try table.number(row, "ci_high"), pValue: try table.number(row, "p_value"),
                strength: table.optionalText(row, "strength")))
        }
        return records
    }

    private static func readBenchmark(_ path: String) throws(VFMError) -> [BenchmarkRecord] {
        let table = try RunTable(runDirectory: path, relativePath: RunLayout.benchmark,
                                 required: ["authority", "service", "period", "metric", "value", "all_band",
                                            "evidence_band"])
        var records: [BenchmarkRecord] = []
        for row in table.rows {
            records.append(BenchmarkRecord(service: serviceKey(table, row), metric: table.text(row, "metric"),
                                           value: try table.number(row, "value"),
                                           allBand: table.text(row, "all_band"),
                                           evidenceBand: table.text(row, "evidence_band")))
        }
        return records
    }

    private static func readServices(_ path: String) throws(VFMError) -> (columns: [String], rows: [ServiceRecord]) {
        let table = try RunTable(runDirectory: path, relativePath: RunLayout.cleanServices,
                                 required: ["authority", "service", "period"])
        var records: [ServiceRecord] = []
        for row in table.rows {
            var cells: [String: String] = [:]
            for (position, column) in table.header.enumerated() where cells[column] == nil {
                cells[column] = position < row.cells.count ? row.cells[position] : ""
            }
            records.append(ServiceRecord(key: serviceKey(table, row), source: table.text(row, "source"), cells: cells))
        }
        return (table.header, records)
    }

    private static func readFlags(_ path: String) throws(VFMError) -> [FlagRecord] {
        let table = try RunTable(runDirectory: path, relativePath: RunLayout.cleanFlags,
                                 required: ["authority", "service", "period", "source", "rule", "metric", "value",
                                            "threshold", "severity", "message"])
        var records: [FlagRecord] = []
        for row in table.rows {
            records.append(FlagRecord(service: serviceKey(table, row), source: table.text(row, "source"),
                                      rule: table.text(row, "rule"), metric: table.text(row, "metric"),
                                      value: try table.number(row, "value"),
                                      threshold: try table.number(row, "threshold"),
                                      severity: table.text(row, "severity"), message: table.text(row, "message")))
        }
        return records
    }

    private static func readRejects(_ path: String) throws(VFMError) -> [RejectRecord] {
        let fixed = ["source_file", "line", "rule", "message"]
        let table = try RunTable(runDirectory: path, relativePath: RunLayout.cleanRejected, required: fixed,
                                 allowsRaggedRows: true)
        // The raw cells are everything after the fixed columns (SPEC §7: "then the row's raw cells").
        let rawStart = fixed.compactMap { table.header.firstIndex(of: $0) }.max().map { $0 + 1 } ?? fixed.count
        return table.rows.map { row in
            RejectRecord(sourceFile: table.text(row, "source_file"), line: table.text(row, "line"),
                         rule: table.text(row, "rule"), message: table.text(row, "message"),
                         rawCells: rawStart < row.cells.count ? Array(row.cells[rawStart...]) : [])
        }
    }
}
