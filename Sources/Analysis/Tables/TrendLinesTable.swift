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
                for service in group.services {
                    guard let x = service.value(of: pair.x), let y = service.value(of: pair.y) else { continue }
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
