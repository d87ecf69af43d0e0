import PipelineDefinition
import Tabular
import VFMCore

extension ReportContent {
    /// Where each service sits against the all-services and evidence-based bands: every
    /// service for a run of up to `ReportLimits.fullList` services; above that, per
    /// measure, how many fall below, within and above the band and the services furthest
    /// outside it each way, with the whole list left to `tables/benchmark.csv`.
    var benchmark: [ReportBlock] {
        var blocks: [ReportBlock] = [.heading(level: 2, [.text("Where each service sits (benchmark)")])]
        guard let benchmark = data.benchmark else { return blocks + [Self.notProduced(RunLayout.benchmark)] }
        let placed = BenchmarkPlacement(benchmark)
        guard placed.serviceCount > ReportLimits.fullList else { return blocks + fullBenchmark(placed) }
        blocks.append(.paragraph([.text("Each figure is placed against the bands of the table above (mean ± 1 SD) of "
            + "all services. Lower is better for costs, higher for the job outcome rate. With "
            + "\(HumanNumbers.count(placed.serviceCount)) services the page shows the counts and the "
            + "\(ReportLimits.furthestEachWay) services furthest outside the band each way; every service is in "),
            .link([.code(RunLayout.benchmark)], .runFile(RunLayout.benchmark)), .text(".")]))
        var counts = ReportTable(caption: [.text("Services below, within and above the all-services band, by measure")],
                                 [("Measure", .left), ("Below", .right), ("Within", .right), ("Above", .right),
                                  ("No band", .right)])
        for metric in placed.metrics {
            let tally = placed.tally[metric] ?? [:]
            counts.append([[.name(Labels.metric(metric))]] + ["below", "within", "above", ""].map {
                [.text(HumanNumbers.count(tally[$0] ?? 0))]
            })
        }
        blocks.append(.table(counts))
        for metric in placed.metrics {
            for side in ["below", "above"] {
                let rows = placed.furthest(metric: metric, side: side, count: ReportLimits.furthestEachWay)
                guard !rows.isEmpty else { continue }
                let caption: [Inline] = [.name(Labels.metric(metric)),
                    .text(side == "below" ? ": the services furthest below the band" : ": the services furthest above the band")]
                blocks.append(.heading(level: 3, caption))
                var table = ReportTable(caption: caption, [("Authority", .left), ("Service", .left), ("Period", .left),
                                                           ("Figure", .right), ("Evidence-based band", .left)])
                for row in rows {
                    table.append([[.name(row.text("authority") ?? HumanNumbers.missing)],
                                  [.name(row.text("service") ?? HumanNumbers.missing)],
                                  [.name(row.text("period") ?? HumanNumbers.missing)],
                                  [.text(HumanNumbers.figure(row.number("value"), metric: metric))],
                                  row.text("evidence_band").map { [.name($0)] } ?? []])
                }
                blocks.append(.table(table))
            }
        }
        return blocks
    }

    /// The study-sized benchmark: one row per service, one column per measure.
    private func fullBenchmark(_ placed: BenchmarkPlacement) -> [ReportBlock] {
        var blocks: [ReportBlock] = [.paragraph([.text("Each figure is placed against the bands of the table above "
            + "(mean ± 1 SD): of all services and of evidence-based services. Lower is better for costs, higher for "
            + "the job outcome rate.")])]
        var table = ReportTable(caption: [.text("Each service against the bands")],
                                inlineColumns: [([.text("Authority")], .left), ([.text("Service")], .left),
                                                ([.text("Period")], .left)]
                                    + placed.metrics.map { ([.name(Labels.metric($0))], .right) })
        let grid = placed.grid()
        for service in grid.services {
            let cells = grid.cells[service] ?? [:]
            table.append(service.map { [.name($0 ?? HumanNumbers.missing)] } + placed.metrics.map { metric in
                guard let row = cells[metric] else { return [.text(HumanNumbers.missing)] }
                return Self.benchmarkCell(figure: HumanNumbers.figure(row.number("value"), metric: metric),
                                          all: row.text("all_band"), evidence: row.text("evidence_band"))
            })
        }
        if table.isEmpty { return [.paragraph([.text("No service had a figure to place.")])] }
        return blocks + [.table(table)]
    }
}

/// `tables/benchmark.csv` read once: the measures in file order, how many services
/// there are, and per measure how many fall in each band. The file is written one
/// service after another, so services are counted where the key changes, with no set of
/// a million keys; the per-service grid is built only for a study-sized run.
struct BenchmarkPlacement {
    typealias Service = [String?]

    private let table: RunTable
    private(set) var metrics: [String] = []
    private(set) var serviceCount = 0
    private(set) var tally: [String: [String: Int]] = [:]
    /// Per row, read once: its metric and all-services band as positions in `words`
    /// (−1 when the cell is empty), and its value — so finding the furthest services
    /// does not read every row's cells again for each measure and side.
    private var rowMetric: [Int32] = []
    private var rowBand: [Int32] = []
    private var rowValue: [Double?] = []
    private var words: [String: Int32] = [:]

    init(_ table: RunTable) {
        self.table = table
        var seenMetrics: Set<String> = []
        var previous: Service?
        rowMetric.reserveCapacity(table.rows.count)
        rowBand.reserveCapacity(table.rows.count)
        rowValue.reserveCapacity(table.rows.count)
        for row in table.rows {
            let metricText = row.text("metric"), band = row.text("all_band")
            let metric = metricText ?? ""
            if !metric.isEmpty, seenMetrics.insert(metric).inserted { metrics.append(metric) }
            let service = [row.text("authority"), row.text("service"), row.text("period")]
            if service != previous { serviceCount += 1; previous = service }
            tally[metric, default: [:]][band ?? "", default: 0] += 1
            rowMetric.append(word(metricText))
            rowBand.append(word(band))
            rowValue.append(row.number("value"))
        }
    }

    private mutating func word(_ text: String?) -> Int32 {
        guard let text else { return -1 }
        if let known = words[text] { return known }
        let next = Int32(clamping: words.count)
        words[text] = next
        return next
    }

    /// Every service in file order with its row per measure (the first when a service repeats).
    func grid() -> (services: [Service], cells: [Service: [String: RunTable.Row]]) {
        var services: [Service] = []
        var cells: [Service: [String: RunTable.Row]] = [:]
        for row in table.rows {
            let service = [row.text("authority"), row.text("service"), row.text("period")]
            if cells[service] == nil { services.append(service); cells[service] = [:] }
            let metric = row.text("metric") ?? ""
            if cells[service]?[metric] == nil { cells[service]?[metric] = row }
        }
        return (services, cells)
    }

    /// The `count` services of `metric` furthest `below` or `above` the all-services band:
    /// within a measure the band's edge is one number, so the furthest are the lowest
    /// (below) or highest (above) figures; ties in file order. One pass, keeping `count`.
    func furthest(metric: String, side: String, count: Int) -> [RunTable.Row] {
        var kept: [(value: Double, offset: Int, row: RunTable.Row)] = []
        func before(_ a: (value: Double, offset: Int, row: RunTable.Row),
                    _ b: (value: Double, offset: Int, row: RunTable.Row)) -> Bool {
            if a.value != b.value { return side == "below" ? a.value < b.value : a.value > b.value }
            return a.offset < b.offset
        }
        guard let metricWord = words[metric], let sideWord = words[side] else { return [] }
        for offset in table.rows.indices where rowMetric[offset] == metricWord && rowBand[offset] == sideWord {
            guard let value = rowValue[offset] else { continue }
            let entry = (value: value, offset: offset, row: table.rows[offset])
            if kept.count == count, let last = kept.last, !before(entry, last) { continue }
            let position = kept.firstIndex { before(entry, $0) } ?? kept.count
            kept.insert(entry, at: position)
            if kept.count > count { kept.removeLast() }
        }
        return kept.map(\.row)
    }
}
