import Analysis
import PipelineDefinition
import VFMCore

/// `tables/benchmark.csv`'s rows placed once: the measures in file order, how many services
/// there are, per measure how many fall in each band, and the services furthest outside
/// the all-services band each way. The file is written one service after another, so
/// services are counted where the key changes, with no set of a million keys; the
/// furthest are chosen during the same pass, keeping only as many as the page shows; the
/// per-service grid is built only for a study-sized run. What it holds is bounded by the
/// page, not by the number of services.
struct BenchmarkPlacement {
    typealias Service = [String?]

    private let rows: BenchmarkTable
    private(set) var metrics: [String] = []
    private(set) var serviceCount = 0
    private(set) var tally: [String: [String: Int]] = [:]
    /// "metric side" → the rows kept as furthest that way.
    private var furthestRows: [SideKey: FurthestSelection] = [:]

    private struct SideKey: Hashable {
        var metric: String
        var side: String
    }

    init(_ rows: BenchmarkTable, keeping count: Int = ReportLimits.furthestEachWay) {
        self.rows = rows
        place(rows, keeping: count)
    }

    /// One pass over the rows: an empty text is missing, and a figure −0 is 0 (as written).
    private mutating func place(_ rows: BenchmarkTable, keeping count: Int) {
        let bands: [BandPosition?] = [.below, .within, .above, nil]
        var counts = Array(repeating: [0, 0, 0, 0], count: Metric.allCases.count)
        var order: [Int] = []
        var selections: [[FurthestSelection]] = Metric.allCases.map { _ in
            [FurthestSelection(below: true, count: count), FurthestSelection(below: false, count: count)]
        }
        let position = Dictionary(uniqueKeysWithValues: Metric.allCases.enumerated().map { ($1, $0) })
        // Service by service, each row's figure and band read without its names (a row
        // built whole copied three names: at 10⁶ services, most of a second on one core).
        let columns = rows.placedMetrics.map { position[$0] }
        serviceCount = Self.countServices(rows)
        for service in 0..<rows.serviceCount {
            for (column, metric) in columns.enumerated() {
                guard let metric else { continue }
                if counts[metric] == [0, 0, 0, 0] { order.append(metric) }
                let placed = rows.placement(service: service, column: column)
                let band = bands.firstIndex(of: placed.allBand) ?? 3
                counts[metric][band] += 1
                guard band == 0 || band == 2, let value = placed.value, value.isFinite else { continue }
                selections[metric][band / 2].offer(value: value == 0 ? 0 : value, offset: service * columns.count + column)
            }
        }
        for metric in order {
            let name = Metric.allCases[metric].rawValue
            metrics.append(name)
            for (band, n) in counts[metric].enumerated() where n > 0 {
                tally[name, default: [:]][bands[band]?.rawValue ?? ""] = n
            }
            furthestRows[SideKey(metric: name, side: "below")] = selections[metric][0]
            furthestRows[SideKey(metric: name, side: "above")] = selections[metric][1]
        }
    }

    /// The services of `rows`, counted where the names (an empty one missing) change from
    /// one service to the next. A large table is counted in two halves on two cores, each
    /// comparing its first service with the one before it, so the sum is the count of one
    /// pass: reading a million services' names took 0.3 s of the report's own thread at 10⁶.
    static func countServices(_ rows: BenchmarkTable) -> Int {
        func key(_ service: Int) -> (String?, String?, String?) {
            let names = rows.names(ofService: service)
            return (present(names.authority), present(names.service), present(names.period))
        }
        return Parallel.mapInHalves(rows.serviceCount) { range in
            var changes = 0
            var previous = range.lowerBound > 0 ? key(range.lowerBound - 1) : nil
            for service in range {
                let current = key(service)
                if previous.map({ $0 != current }) ?? true { changes += 1 }
                previous = current
            }
            return changes
        }.reduce(0, +)
    }

    /// A name as the page counts it: an empty one is missing.
    private static func present(_ text: String?) -> String? { text?.isEmpty == false ? text : nil }

    /// Every service in file order with its row per measure (the first when a service repeats).
    func grid() -> (services: [Service], cells: [Service: [String: BenchmarkRow]]) {
        var services: [Service] = []
        var cells: [Service: [String: BenchmarkRow]] = [:]
        for row in rows {
            let service = [Self.present(row.authority), Self.present(row.service), Self.present(row.period)]
            if cells[service] == nil { services.append(service); cells[service] = [:] }
            if cells[service]?[row.metric.rawValue] == nil { cells[service]?[row.metric.rawValue] = row }
        }
        return (services, cells)
    }

    /// The services of `metric` furthest `below` or `above` the all-services band, as
    /// many as the page shows: within a measure the band's edge is one number, so the
    /// furthest are the lowest (below) or highest (above) figures; ties in file order.
    func furthest(metric: String, side: String) -> [BenchmarkRow] {
        (furthestRows[SideKey(metric: metric, side: side)]?.offsets ?? []).map { rows[$0] }
    }
}

/// The `count` lowest (or highest) values offered, ties by the order offered: a sorted
/// array of at most `count`, so a million offers cost a million comparisons with the last.
struct FurthestSelection {
    let below: Bool
    let count: Int
    private var kept: [(value: Double, offset: Int)] = []

    init(below: Bool, count: Int) {
        self.below = below
        self.count = count
    }

    var offsets: [Int] { kept.map(\.offset) }

    private func before(_ a: (value: Double, offset: Int), _ b: (value: Double, offset: Int)) -> Bool {
        if a.value != b.value { return below ? a.value < b.value : a.value > b.value }
        return a.offset < b.offset
    }

    mutating func offer(value: Double, offset: Int) {
        guard count > 0 else { return }
        let entry = (value: value, offset: offset)
        if kept.count == count, let last = kept.last, !before(entry, last) { return }
        let position = kept.firstIndex { before(entry, $0) } ?? kept.count
        kept.insert(entry, at: position)
        if kept.count > count { kept.removeLast() }
    }
}
