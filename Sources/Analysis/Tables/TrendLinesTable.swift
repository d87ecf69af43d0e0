import StatisticsKernel
import PipelineDefinition

/// `tables/trend_lines.csv`: the least-squares line (`LeastSquares.line`: exact BLAS moments) of y on x for every
/// group × pair, drawn on the scatter charts. n is the pairwise-complete count; intercept
/// and slope are empty when n < 2 or x is constant.
enum TrendLinesTable {
    static func rows(groups: [StatisticsGroup], pairs: [CorrelationPair]) -> [TrendLineRow] {
        var rows: [TrendLineRow] = []
        for group in groups {
            for pair in pairs {
                var xs: [Double] = [], ys: [Double] = []
                let xColumn = group.store.column(pair.x), yColumn = group.store.column(pair.y)
                for row in group.members {
                    guard let x = xColumn[row], let y = yColumn[row] else { continue }
                    xs.append(x)
                    ys.append(y)
                }
                let line = LeastSquares.line(x: xs, y: ys)
                rows.append(TrendLineRow(group: group.name, x: pair.x, y: pair.y, n: xs.count,
                                         intercept: line?.intercept, slope: line?.slope))
            }
        }
        return rows
    }
}
