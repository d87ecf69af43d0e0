import Cleaning
import PipelineDefinition
import Tabular
import VFMCore

/// `tables/benchmark.csv` (SPEC §6 "Benchmark"): where each service sits against the
/// all-services and evidence-based ±1 SD bands of each band metric — for commissioners
/// who want to know whether their service is `below`, `within` or `above` the range.
///
/// Every accepted service is placed, including one excluded from statistics as an outlier
/// (its position is exactly what its commissioner needs); the bands themselves are computed
/// without excluded services. A missing value or an undefined band gives empty cells.
///
/// The table has a row per service and band metric — three million at 10⁶ services, 72
/// bytes each as `BenchmarkRow`s (issue 12) — so the analysis keeps only the services and
/// the bands, and each row is worked out when the writer or the report reads it. The
/// report run by hand places the services and bands it read back the same way, so the
/// file itself is never read back.
public struct BenchmarkTable: RandomAccessCollection, Sendable, Equatable {
    /// Row i is service i / metrics.count against metric i % metrics.count.
    private let services: [CleanedService]
    private let metrics: [Metric]
    private let all: [Band?], evidence: [Band?]
    public let endIndex: Int
    public var startIndex: Int { 0 }

    /// The positions of `services` against `bands` (the rows of `tables/bands.csv`: the
    /// `all` group's band of a metric, and the other group's as the evidence-based band),
    /// for each metric that has an `all` row, in the bands' order — the pipeline's band
    /// metrics, as `BandsTable` writes a pair of rows for each. The analyze stage places
    /// its services so, and the report run by hand places the services and bands it read
    /// back the same way, so both hold the same rows.
    init(services: [CleanedService], bands: [BandRow]) {
        let metrics = bands.filter { $0.group == "all" }.map(\.metric)
        var allBands: [Metric: Band] = [:], evidenceBands: [Metric: Band] = [:]
        for row in bands {
            let band = Band(low: row.bandLow, high: row.bandHigh)
            if row.group == "all" { allBands[row.metric] = band } else { evidenceBands[row.metric] = band }
        }
        self.services = services
        self.metrics = metrics
        all = metrics.map { allBands[$0] }
        evidence = metrics.map { evidenceBands[$0] }
        endIndex = metrics.isEmpty ? 0 : services.count * metrics.count
    }

    public subscript(position: Int) -> BenchmarkRow {
        let (row, column) = position.quotientAndRemainder(dividingBy: metrics.count)
        // Field by field: a copy of the whole service would retain every string in it.
        let value = services.value(of: metrics[column], at: row)
        return BenchmarkRow(authority: services[row].input.authority, service: services[row].input.service,
                            period: services[row].input.period, metric: metrics[column], value: value,
                            allBand: all[column]?.position(of: value), evidenceBand: evidence[column]?.position(of: value))
    }

    public static func == (lhs: BenchmarkTable, rhs: BenchmarkTable) -> Bool { lhs.elementsEqual(rhs) }

    /// The band metrics, in the order of each service's rows.
    public var placedMetrics: [Metric] { metrics }

    /// How many services are placed: row `service × placedMetrics.count + column` is one
    /// of them against one metric.
    public var serviceCount: Int { metrics.isEmpty ? 0 : services.count }

    /// The names of the service of rows `service × placedMetrics.count …`.
    public func names(ofService service: Int) -> (authority: String, service: String, period: String?) {
        (services[service].input.authority, services[service].input.service, services[service].input.period)
    }

    /// Row `service × placedMetrics.count + column`'s figure and its place against the
    /// all-services band: the row without its names, for a reader of every row that needs
    /// no names (the report's counts, three million rows at 10⁶ services).
    public func placement(service: Int, column: Int) -> (value: Double?, allBand: BandPosition?) {
        let value = services.value(of: metrics[column], at: service)
        return (value, all[column]?.position(of: value))
    }

    /// Writes the table to `path`, no row held past its line, the rows encoded on `cores` cores.
    @discardableResult
    func write(to path: String, displayName: String, encodingOn cores: Int = 1) throws(VFMError) -> String? {
        var file = try CSVFileWriter(path: path, header: BenchmarkRow.header, displayName: displayName)
        // The words of three million rows come from a dozen: each metric's cell and each pair
        // of places' two cells are encoded once, as `encodePlacement` encodes them, and copied.
        let metricCells = metrics.map { metric in
            var cells = CSVLineEncoder()
            cells.append(text: metric.rawValue)
            return cells
        }
        let placeCells = Self.places.flatMap { allBand in
            Self.places.map { evidenceBand in
                var cells = CSVLineEncoder()
                cells.append(text: allBand?.rawValue)
                cells.append(text: evidenceBand?.rawValue)
                return cells
            }
        }
        // A service's names once for its rows (one per metric), each read where it lies.
        try services.withUnsafeBufferPointer { (services) throws(VFMError) in
            guard let first = services.baseAddress, !metrics.isEmpty else { return }
            try file.appendRecords(count: count, encodingOn: cores, inRunsOf: metrics.count, leading: { service, line in
                let names = UnsafePointer(first + service)
                BenchmarkRow.encodeNames(authority: names.pointee.input.authority, service: names.pointee.input.service,
                                         period: names.pointee.input.period, into: &line)
            }) { row, line in
                let (service, column) = row.quotientAndRemainder(dividingBy: metrics.count)
                let value = CleanedService.value(of: metrics[column], at: first + service)
                line.append(cellsOf: metricCells[column])
                line.append(number: value)
                line.append(cellsOf: placeCells[Self.placeIndex(all[column]?.position(of: value)) * Self.places.count
                                                + Self.placeIndex(evidence[column]?.position(of: value))])
            }
        }
        return try file.close()
    }

    /// The places a value can have against a band, none (no value or no band) first.
    private static let places: [BandPosition?] = [nil, .below, .within, .above]

    /// `place`'s index in `places`.
    private static func placeIndex(_ place: BandPosition?) -> Int {
        switch place {
        case nil: return 0
        case .below: return 1
        case .within: return 2
        case .above: return 3
        }
    }
}
