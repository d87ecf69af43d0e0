import StatisticsKernel
import PipelineDefinition

/// `tables/trend_lines.csv`: the least-squares line (`PairStatistics`, as `LeastSquares.line`: exact BLAS moments) of y on x for every
/// group × pair, drawn on the scatter charts. n is the pairwise-complete count; intercept
/// and slope are empty when n < 2 or x is constant.
enum TrendLinesTable {
    /// - Parameter statistics: `statistics[g][p]` for group g and pair p (`StatisticsGroup.pairStatistics`).
    static func rows(groups: [StatisticsGroup], pairs: [CorrelationPair], statistics: [[PairStatistics]]) -> [TrendLineRow] {
        var rows: [TrendLineRow] = []
        for (group, pairStatistics) in zip(groups, statistics) {
            for (pair, statistics) in zip(pairs, pairStatistics) {
                rows.append(TrendLineRow(group: group.name, x: pair.x, y: pair.y, n: statistics.pointCount,
                                         intercept: statistics.line?.intercept, slope: statistics.line?.slope))
            }
        }
        return rows
    }
}
