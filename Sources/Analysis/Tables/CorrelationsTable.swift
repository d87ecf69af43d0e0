import StatisticsKernel
import PipelineDefinition

/// `tables/correlations.csv` (SPEC §6; study Charts 8–12, Table 7): every pipeline pair in
/// every group, x and y as the pipeline writes them, with pairwise-complete n, Pearson r
/// (95% CI by Fisher z, two-sided p from t with n − 2 df), Spearman ρ and a strength word.
/// Each pair over its own complete cases (`Correlation.estimate`), only the pairs listed.
enum CorrelationsTable {
    static func rows(groups: [StatisticsGroup], pairs: [CorrelationPair],
                     scale: [StrengthThreshold]) -> [CorrelationRow] {
        let metrics = distinctMetrics(of: pairs)
        guard !metrics.isEmpty else { return [] }
        var rows: [CorrelationRow] = []
        for group in groups {
            for pair in pairs {
                let estimate = Correlation.estimate(x: group.column(of: pair.x), y: group.column(of: pair.y),
                                                    xOrder: group.sorted(pair.x).positions,
                                                    yOrder: group.sorted(pair.y).positions)
                rows.append(CorrelationRow(group: group.name, x: pair.x, y: pair.y, n: estimate.n,
                                           pearsonR: estimate.pearsonR, spearmanRho: estimate.spearmanRho,
                                           ciLow: estimate.ciLow, ciHigh: estimate.ciHigh, pValue: estimate.pValue,
                                           strength: strength(of: estimate.pearsonR, scale: scale)))
            }
        }
        return rows
    }

    /// The metrics the pairs use, each once, in order of first use.
    static func distinctMetrics(of pairs: [CorrelationPair]) -> [Metric] {
        var metrics: [Metric] = []
        for pair in pairs {
            for metric in [pair.x, pair.y] where !metrics.contains(metric) { metrics.append(metric) }
        }
        return metrics
    }

    /// The word of the first threshold (from the top) whose minimum ≤ |r|.
    static func strength(of r: Double?, scale: [StrengthThreshold]) -> String? {
        guard let r, r.isFinite else { return nil }
        return scale.first { abs(r) >= $0.minimum }?.word
    }
}
