import StatisticsKernel
import PipelineDefinition
import VFMCore

/// What the tables need of one group — each metric's summary and robust band, and each
/// correlation pair's moments — worked out in one go (issue 12).
///
/// A group's sorts cost 16 bytes per member and metric (a million services, fourteen
/// metrics: 220 MB), so they are held for one group at a time, and past its summary
/// only for the metrics a pair ranks. The pieces that do not depend on each other — each metric's sort, then each
/// pair's moments — run on all cores (`Parallel.map`); each depends only on its own inputs
/// (and BLAS sums exactly), so the figures are the same to the bit on one core or many.
struct GroupFigures {
    let name: String
    /// The group's rows of the run's columns (`StatisticsGroup.members`).
    let members: [Int]
    private let summaries: [Metric: SampleSummary]
    private let robustBands: [Metric: RobustBand]
    /// One per pipeline pair, in pipeline order.
    let pairs: [PairStatistics]

    /// - Parameters:
    ///   - metrics: the metrics whose summaries and bands are asked for.
    ///   - pairs: the correlation pairs, whose metrics are sorted too (for Spearman's ranks).
    init(_ group: StatisticsGroup, metrics: [Metric], pairs: [CorrelationPair]) {
        var needed: [Metric] = []
        for metric in metrics + pairs.flatMap({ [$0.x, $0.y] }) where !needed.contains(metric) {
            needed.append(metric)
        }
        let ranked = Set(pairs.flatMap { [$0.x, $0.y] })
        // Each sort is dropped as soon as its summary and band are read from it, except the
        // orders (and where their ties begin) that Spearman's ranks need, kept until the
        // pairs are done: 4 bytes and a bit a member. Metrics go two to a task, their
        // summaries' sums side by side (`Descriptive.summarize(sorted:_:)`, the same bits).
        let sorts = Parallel.map((needed.count + 1) / 2) { task in
            let metrics = needed[(2 * task)..<min(needed.count, 2 * task + 2)]
            let sorted = metrics.map { group.sorted($0) }
            // A metric with a value that is not finite has no summary: as an empty sample.
            let finite = sorted.map { $0.hasNonFinite ? [] : $0.values }
            let summaries: [SampleSummary?]
            if finite.count == 2 {
                let both = Descriptive.summarize(sorted: finite[0], finite[1])
                summaries = [both.0, both.1]
            } else {
                summaries = finite.map(Descriptive.summarize(sorted:))
            }
            return zip(metrics, zip(sorted, summaries)).map { metric, sortedAndSummary in
                let (sorted, summary) = sortedAndSummary
                return (summary: summary,
                        robustBand: sorted.hasNonFinite ? RobustBand(sorted: []) : RobustBand(sorted: sorted.values),
                        positions: ranked.contains(metric) ? sorted.positions : [],
                        runStarts: RunStarts(sorted: ranked.contains(metric) ? sorted.values : []))
            }
        }.flatMap { $0 }
        var summaries: [Metric: SampleSummary] = [:], robustBands: [Metric: RobustBand] = [:]
        for (metric, sorted) in zip(needed, sorts) {
            summaries[metric] = sorted.summary
            robustBands[metric] = sorted.robustBand
        }
        func order(_ metric: Metric) -> (positions: [UInt32], runStarts: RunStarts) {
            needed.firstIndex(of: metric).map { (sorts[$0].positions, sorts[$0].runStarts) }
                ?? ([], RunStarts(sorted: []))
        }
        self.pairs = Parallel.map(pairs.count) { index in
            let pair = pairs[index]
            let x = order(pair.x), y = order(pair.y)
            return PairStatistics(missingAsNaN: group.column(of: pair.x), group.column(of: pair.y),
                                  xOrder: x.positions, xRunStarts: x.runStarts, yOrder: y.positions,
                                  yRunStarts: y.runStarts)
        }
        self.name = group.name
        self.members = group.members
        self.summaries = summaries
        self.robustBands = robustBands
    }

    /// n, mean, SD, min, median, max of `metric` over the members that have it (`nil` when
    /// none, or when a value is not finite, or when `metric` was not asked for).
    func summary(of metric: Metric) -> SampleSummary? { summaries[metric] }

    /// The robust band of `metric` (SPEC §6).
    func robustBand(of metric: Metric) -> RobustBand { robustBands[metric] ?? RobustBand(sorted: []) }

    /// The same figures under another name (Table 8 calls the pipeline's groups
    /// `evidence_based` and `all`, whatever the pipeline names them).
    func renamed(_ name: String) -> GroupFigures {
        GroupFigures(name: name, members: members, summaries: summaries, robustBands: robustBands, pairs: pairs)
    }

    private init(name: String, members: [Int], summaries: [Metric: SampleSummary],
                 robustBands: [Metric: RobustBand], pairs: [PairStatistics]) {
        self.name = name
        self.members = members
        self.summaries = summaries
        self.robustBands = robustBands
        self.pairs = pairs
    }
}
