import Analysis
import PipelineDefinition
import RunFiles
import Tabular
import VFMCore

extension ReportContent {
    /// Where each service sits against the all-services and evidence-based bands: every
    /// service for a run of up to `ReportLimits.fullList` services; above that, per
    /// measure, how many fall below, within and above the band and the services furthest
    /// outside it each way, with the whole list left to `tables/benchmark.csv`.
    var benchmark: [ReportBlock] {
        var blocks: [ReportBlock] = [.heading(level: 2, [.text("Where each service sits (benchmark)")])]
        let benchmark = data.benchmark
        let placed = placement ?? BenchmarkPlacement(benchmark)
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
                let rows = placed.furthest(metric: metric, side: side)
                guard !rows.isEmpty else { continue }
                let caption: [Inline] = [.name(Labels.metric(metric)),
                    .text(side == "below" ? ": the services furthest below the band" : ": the services furthest above the band")]
                blocks.append(.heading(level: 3, caption))
                var table = ReportTable(caption: caption, [("Authority", .left), ("Service", .left), ("Period", .left),
                                                           ("Figure", .right), ("Evidence-based band", .left)])
                for row in rows {
                    table.append([[.displayName(row.authority.isEmpty ? HumanNumbers.missing : row.authority)],
                                  [.displayName(row.service.isEmpty ? HumanNumbers.missing : row.service)],
                                  [.name(row.period.flatMap { $0.isEmpty ? nil : $0 } ?? HumanNumbers.missing)],
                                  [.text(HumanNumbers.figure(Self.benchmarkValue(row), metric: metric))],
                                  row.evidenceBand.map { [.name($0.rawValue)] } ?? []])
                }
                blocks.append(.table(table))
            }
        }
        return blocks
    }

    /// The study-sized benchmark: one row per service; per measure three columns, the
    /// figure and its place against the all-services and evidence-based bands, so each
    /// cell holds one fact and the page's columns sort by it.
    private func fullBenchmark(_ placed: BenchmarkPlacement) -> [ReportBlock] {
        let blocks: [ReportBlock] = [.paragraph([.text("Each figure is placed against the bands of the table above "
            + "(mean ± 1 SD): of all services (vs all) and of evidence-based services (vs EB). Lower is better for "
            + "costs, higher for the job outcome rate.")])]
        var table = ReportTable(caption: [.text("Each service against the bands")],
                                inlineColumns: [([.text("Authority")], .left), ([.text("Service")], .left),
                                                ([.text("Period")], .left)]
                                    + placed.metrics.flatMap { metric -> [([Inline], ReportTable.Alignment)] in
                                        [([.name(Labels.metric(metric))], .right), ([.text("vs all")], .left),
                                         ([.text("vs EB")], .left)]
                                    })
        let grid = placed.grid()
        for service in grid.services {
            let cells = grid.cells[service] ?? [:]
            table.append(service.map { [.displayName($0 ?? HumanNumbers.missing)] } + placed.metrics.flatMap { metric in
                guard let row = cells[metric] else { return [[Inline]](repeating: [.text(HumanNumbers.missing)], count: 3) }
                let figure = HumanNumbers.figure(Self.benchmarkValue(row), metric: metric)
                guard figure != HumanNumbers.missing else { return [[.text(figure)], [], []] }
                return [[.text(figure)], row.allBand.map { [.name($0.rawValue)] } ?? [],
                        row.evidenceBand.map { [.name($0.rawValue)] } ?? []]
            })
        }
        if table.isEmpty { return [.paragraph([.text("No service had a figure to place.")])] }
        return blocks + [.table(table)]
    }

    /// A benchmark figure as the page prints it: finite, −0 as 0.
    private static func benchmarkValue(_ row: BenchmarkRow) -> Double? {
        guard let value = row.value, value.isFinite else { return nil }
        return value == 0 ? 0 : value
    }
}
