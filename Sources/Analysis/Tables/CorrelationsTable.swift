import StatisticsKernel
import PipelineDefinition

/// `tables/correlations.csv` (SPEC §6; study Charts 8–12, Table 7): every pipeline pair in
/// every group, x and y as the pipeline writes them, with pairwise-complete n, Pearson r
/// (95% CI by Fisher z, two-sided p from t with n − 2 df), Spearman ρ and a strength word.
/// Each pair over its own complete cases (`PairStatistics`), only the pairs listed.
enum CorrelationsTable {
    /// - Parameter groups: each group's `pairs`, one per pipeline pair.
    static func rows(groups: [GroupFigures], pairs: [CorrelationPair], scale: [StrengthThreshold]) -> [CorrelationRow] {
        var rows: [CorrelationRow] = []
        for group in groups {
            for (pair, statistics) in zip(pairs, group.pairs) {
                let estimate = statistics.correlation
                rows.append(CorrelationRow(group: group.name, x: pair.x, y: pair.y, n: estimate.n,
                                           pearsonR: estimate.pearsonR, spearmanRho: estimate.spearmanRho,
                                           ciLow: estimate.ciLow, ciHigh: estimate.ciHigh, pValue: estimate.pValue,
                                           strength: strength(of: estimate.pearsonR, scale: scale)))
            }
        }
        return rows
    }

    /// The word of the first threshold (from the top) whose minimum ≤ |r|.
    static func strength(of r: Double?, scale: [StrengthThreshold]) -> String? {
        guard let r, r.isFinite else { return nil }
        return scale.first { abs(r) >= $0.minimum }?.word
    }
}
