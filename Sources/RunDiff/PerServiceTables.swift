import RunFiles
import Tabular
import VFMCore

/// A row of `clean/services.csv` as streamed: its key and source as text, every other
/// cell left as bytes until a field differs or the service is listed whole.
struct StreamedService: ServiceRow {
    var serviceKey: ServiceKey
    var source: String
    var bytes: CSVByteRecord

    func text(_ position: Int?) -> String { RunTableStream.text(bytes, position) }

    func sameBytes(_ position: Int?, as other: StreamedService, _ otherPosition: Int?) -> Bool {
        guard let position, let otherPosition, position < bytes.count, otherPosition < other.bytes.count else {
            return false
        }
        return bytes.bytes[bytes.range(of: position)] == other.bytes.bytes[other.bytes.range(of: otherPosition)]
    }

    var record: ServiceRecord {
        ServiceRecord(key: serviceKey, source: source, cells: (0..<bytes.count).map { text($0) })
    }
}

/// The tables of a run with a row per service (or per service and flag, or per service
/// and metric), which SPEC §7 writes in service order: each is opened as a stream of rows,
/// read one at a time, so comparing two runs holds neither run's table.
enum PerServiceTables {
    typealias Rows<Row> = () throws(VFMError) -> Row?

    static let serviceColumns = ["authority", "service", "period"]
    static let flagColumns = RunFileSchema.cleanFlags.header
    static let benchmarkColumns = RunFileSchema.benchmark.header

    /// Opens each table of `runDirectory` to check it is there with its columns; returns
    /// the header of `clean/services.csv`.
    /// - Throws: as `RunTableStream.init`.
    static func checkHeaders(_ runDirectory: String) throws(VFMError) -> [String] {
        let services = try RunTableStream(runDirectory: runDirectory, relativePath: RunLayout.cleanServices,
                                          required: serviceColumns)
        _ = try RunTableStream(runDirectory: runDirectory, relativePath: RunLayout.cleanFlags, required: flagColumns)
        _ = try RunTableStream(runDirectory: runDirectory, relativePath: RunLayout.benchmark,
                               required: benchmarkColumns)
        return services.header
    }

    private struct KeyPositions {
        var authority: Int?, service: Int?, period: Int?, current: Int?
        /// Two runs whose current periods differ (`PeriodPairing`): only this run's current
        /// returns are compared, each under the pairing's label (`2012/13 → 2013/14`), so a
        /// service is paired with itself a year on.
        var pairing: PeriodPairing.Side?

        init(_ table: RunTableStream, pairing: PeriodPairing.Side?) {
            authority = table.position("authority")
            service = table.position("service")
            period = table.position("period")
            current = table.position("current")
            self.pairing = pairing
        }

        func key(_ record: CSVByteRecord) -> ServiceKey {
            ServiceKey(authority: RunTableStream.text(record, authority), service: RunTableStream.text(record, service),
                       period: pairing?.label ?? RunTableStream.text(record, period))
        }

        /// Whether the row is compared: every row, or with a pairing the current returns —
        /// by the `current` column where the table has one (services), else by the
        /// period (flags and benchmark rows of the current period).
        func isCompared(_ record: CSVByteRecord) -> Bool {
            guard let pairing else { return true }
            if let current { return RunTableStream.text(record, current) != "no" }
            return RunTableStream.text(record, period) == pairing.current
        }

        /// The next row that is compared.
        func next(_ table: RunTableStream) throws(VFMError) -> CSVByteRecord? {
            while let record = try table.next() {
                if isCompared(record) { return record }
            }
            return nil
        }
    }

    /// `clean/services.csv`, row by row.
    static func services(_ runDirectory: String, pairing: PeriodPairing.Side?) throws(VFMError) -> Rows<StreamedService> {
        let table = try RunTableStream(runDirectory: runDirectory, relativePath: RunLayout.cleanServices,
                                       required: serviceColumns)
        let keys = KeyPositions(table, pairing: pairing), source = table.position("source")
        return { () throws(VFMError) -> StreamedService? in
            guard let record = try keys.next(table) else { return nil }
            return StreamedService(serviceKey: keys.key(record), source: RunTableStream.text(record, source),
                                   bytes: record)
        }
    }

    /// `clean/flags.csv`, row by row.
    static func flags(_ runDirectory: String, pairing: PeriodPairing.Side?) throws(VFMError) -> Rows<FlagRecord> {
        let table = try RunTableStream(runDirectory: runDirectory, relativePath: RunLayout.cleanFlags,
                                       required: flagColumns)
        let keys = KeyPositions(table, pairing: pairing)
        let source = table.position("source"), rule = table.position("rule"), metric = table.position("metric"),
            value = table.position("value"), threshold = table.position("threshold"),
            severity = table.position("severity"), message = table.position("message")
        return { () throws(VFMError) -> FlagRecord? in
            guard let record = try keys.next(table) else { return nil }
            return FlagRecord(service: keys.key(record), source: RunTableStream.text(record, source),
                              rule: RunTableStream.text(record, rule), metric: RunTableStream.text(record, metric),
                              value: try table.number(record, value, column: "value"),
                              threshold: try table.number(record, threshold, column: "threshold"),
                              severity: RunTableStream.text(record, severity),
                              message: RunTableStream.text(record, message))
        }
    }

    /// `tables/benchmark.csv`, row by row.
    static func benchmark(_ runDirectory: String, pairing: PeriodPairing.Side?) throws(VFMError) -> Rows<BenchmarkRecord> {
        let table = try RunTableStream(runDirectory: runDirectory, relativePath: RunLayout.benchmark,
                                       required: benchmarkColumns)
        let keys = KeyPositions(table, pairing: pairing)
        let metric = table.position("metric"), value = table.position("value"),
            allBand = table.position("all_band"), evidenceBand = table.position("evidence_band")
        return { () throws(VFMError) -> BenchmarkRecord? in
            guard let record = try keys.next(table) else { return nil }
            return BenchmarkRecord(service: keys.key(record), metric: RunTableStream.text(record, metric),
                                   value: try table.number(record, value, column: "value"),
                                   allBand: RunTableStream.text(record, allBand),
                                   evidenceBand: RunTableStream.text(record, evidenceBand))
        }
    }

    /// Compares one table of two runs key group by key group (`body`, in ascending key
    /// order). Runs written by vfm are in SPEC §7 order, so this holds one group per run; a
    /// table found out of order (edited by hand, or written by something else) is read
    /// again whole and sorted — `start` is called before each attempt so the caller can
    /// discard what the broken one gathered — and a warning says so.
    static func compare<Row: ServiceKeyed>(_ table: String, oldRun: String, newRun: String,
                                           rows: (String) throws(VFMError) -> Rows<Row>,
                                           start: () -> Void, _ body: ([Row], [Row]) -> Void) throws(VFMError) {
        func groups(_ run: String, sorted: Bool) throws(VFMError) -> ServiceKeyGroups<Row> {
            let read = try rows(run)
            guard sorted else { return ServiceKeyGroups(read: read) }
            StageLog().warning("\(RunTable.displayPath(run, table)) is not in SPEC §7 order (authority, service, "
                + "period): compared in memory")
            var all: [Row] = []
            while let row = try read() { all.append(row) }
            return ServiceKeyGroups(sorting: all)
        }
        // Each failed attempt finds one more table out of order, so this ends by the third.
        var sortOld = false, sortNew = false
        while true {
            start()
            var olds = try groups(oldRun, sorted: sortOld), news = try groups(newRun, sorted: sortNew)
            if try mergeServiceGroups(&olds, &news, body) { return }
            sortOld = sortOld || olds.outOfOrder
            sortNew = sortNew || news.outOfOrder
        }
    }
}
