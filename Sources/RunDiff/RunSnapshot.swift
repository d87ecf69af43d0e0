import Foundation
import RunFiles
import Tabular
import VFMCore

/// Everything `vfm-diff` compares, from one run directory (SPEC §7): the manifest, the
/// headline tables, correlations and rejected rows are read here; the tables with a row
/// per service (`clean/services.csv`, `clean/flags.csv`, `tables/benchmark.csv`) only have
/// their headers checked, and are streamed when two runs are compared
/// (`PerServiceTables`), so that memory does not grow with the services.
public struct RunSnapshot: Sendable {
    /// How the run is named in the diff (the directory as given on the command line).
    public var label: String
    /// The run directory, for the tables streamed when compared.
    public var runDirectory: String
    public var manifest: RunManifest
    /// The tables compared figure by figure, in the order the diff lists them: the
    /// report's findings tables (a service-returns run), then every other file of the run
    /// that a schema describes (SPEC §13).
    public var tables: [HeadlineTable]
    public var headline: [HeadlineTable: [FigureRow]]
    public var correlations: [CorrelationRecord]
    /// The run has services (`clean/services.csv`): a service-returns run, whose services,
    /// flags, benchmark positions and correlations the diff compares row by row. A
    /// spending-survey run (SPEC §12) has none; its files are compared by their schemas.
    public var hasServices: Bool
    /// The periods the run's returns are for (SPEC §11, `tables/periods.csv`), in file
    /// order; empty for a run from before periods.
    public var periods: [String]

    /// The run's current period: its latest (`tables/periods.csv` lists periods in time
    /// order). `nil` for a run from before periods. A run made with `--period` is taken at
    /// its latest period too.
    public var currentPeriod: String? { periods.last }
    /// Header of `clean/services.csv`, for columns present in one run only.
    public var serviceColumns: [String]
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
        let manifest = try RunManifest.read(runDirectory: path, displayName: RunTable.displayPath(path, RunLayout.manifest))
        let hasServices = FileManager.default.fileExists(atPath: RunTable.displayPath(path, RunLayout.cleanServices))
        let tables = try comparedTables(path, hasServices: hasServices)
        var headline: [HeadlineTable: [FigureRow]] = [:]
        for table in tables {
            headline[table] = try table.read(runDirectory: path)
        }
        let correlations = hasServices ? try readCorrelations(path) : []
        let serviceColumns = hasServices ? try PerServiceTables.checkHeaders(path) : []
        return RunSnapshot(label: label ?? path, runDirectory: path, manifest: manifest, tables: tables,
                           headline: headline, correlations: correlations, hasServices: hasServices,
                           periods: hasServices ? try readPeriods(path) : [],
                           serviceColumns: serviceColumns, rejects: try readRejects(path))
    }

    /// Files the diff compares row by row with a comparison of their own (services,
    /// flags, benchmark positions, correlations, rejected rows), the ingest stage's
    /// intermediate files, and the scenarios' basis (the value-for-money figures again).
    private static let comparedElsewhere: Set<String> = [
        RunLayout.ingestReturns, RunLayout.ingestRejected, RunLayout.cleanServices, RunLayout.cleanRejected,
        RunLayout.correlations, RunLayout.benchmark, RunLayout.valueForMoneyBasis,
    ]

    /// The findings tables of a service-returns run, then every other file of the run that
    /// a schema describes, in the order the stages write them.
    private static func comparedTables(_ path: String, hasServices: Bool) throws(VFMError) -> [HeadlineTable] {
        var tables = hasServices ? HeadlineTable.findings : []
        for schema in try DataPackage.files(inRunDirectory: path).described {
            // The ingest stage's files are the clean stage's input, compared as the clean files.
            if schema.path.hasPrefix("ingest/") || comparedElsewhere.contains(schema.path)
                || tables.contains(where: { $0.relativePath == schema.path }) {
                continue
            }
            // A service-returns run's flags are compared service by service (FlagComparison).
            if schema.path == RunLayout.cleanFlags, hasServices { continue }
            tables.append(HeadlineTable(schema: schema))
        }
        return tables
    }

    private static func readPeriods(_ path: String) throws(VFMError) -> [String] {
        guard FileManager.default.fileExists(atPath: RunTable.displayPath(path, RunLayout.periods)) else { return [] }
        let table = try RunTable(runDirectory: path, relativePath: RunLayout.periods, required: ["period"])
        var periods: [String] = []
        for row in table.rows where !periods.contains(table.text(row, "period")) {
            periods.append(table.text(row, "period"))
        }
        return periods
    }

    private static func readCorrelations(_ path: String) throws(VFMError) -> [CorrelationRecord] {
        let table = try RunTable(runDirectory: path, relativePath: RunLayout.correlations,
                                 required: RunFileSchema.correlations.header)
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

    /// `clean/rejected.csv` as vfm writes it now (`…,column,value,record`: the record's
    /// cells parsed from its one-line RFC 4180 form) or as earlier versions wrote it (the
    /// raw cells after the four fixed columns), so that an old run still diffs.
    private static func readRejects(_ path: String) throws(VFMError) -> [RejectRecord] {
        let fixed = ["source_file", "line", "rule", "message"]
        let table = try RunTable(runDirectory: path, relativePath: RunLayout.cleanRejected, required: fixed,
                                 allowsRaggedRows: true)
        if table.header.contains("record") {
            var records: [RejectRecord] = []
            for row in table.rows {
                guard let cells = CSVEncoding.cells(ofRecordLine: table.text(row, "record")) else {
                    throw VFMError(.dataError, "`record` is not one CSV record", file: table.name, line: row.line,
                                   column: "record", hint: "the run directory is damaged; re-run `vfm run` to regenerate it")
                }
                records.append(RejectRecord(sourceFile: table.text(row, "source_file"), line: table.text(row, "line"),
                                            rule: table.text(row, "rule"), message: table.text(row, "message"),
                                            rawCells: cells))
            }
            return records
        }
        // The raw cells are everything after the fixed columns (the layout before SPEC §7's `record`).
        let rawStart = fixed.compactMap { table.header.firstIndex(of: $0) }.max().map { $0 + 1 } ?? fixed.count
        return table.rows.map { row in
            RejectRecord(sourceFile: table.text(row, "source_file"), line: table.text(row, "line"),
                         rule: table.text(row, "rule"), message: table.text(row, "message"),
                         rawCells: rawStart < row.cells.count ? Array(row.cells[rawStart...]) : [])
        }
    }
}
