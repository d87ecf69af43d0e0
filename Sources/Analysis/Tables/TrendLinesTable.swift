import StatisticsKernel
import PipelineDefinition

/// `tables/trend_lines.csv`: the least-squares line (`PairStatistics`, as `LeastSquares.line`: exact BLAS moments) of y on x for every
/// group × pair, drawn on the scatter charts. n is the pairwise-complete count; intercept
/// and slope are empty when n < 2 or x is constant.
enum TrendLinesTable {
    /// - Parameter groups: each group's `pairs`, one per pipeline pair.
    static func rows(groups: [GroupFigures], pairs: [CorrelationPair]) -> [TrendLineRow] {
        var rows: [TrendLineRow] = []
        for group in groups {
            for (pair, statistics) in zip(pairs, group.pairs) {
                rows.append(TrendLineRow(group: group.name, x: pair.x, y: pair.y, n: statistics.pointCount,
                                         intercept: statistics.line?.intercept, slope: statistics.line?.slope))
            }
        }
        return rows
    }
}
