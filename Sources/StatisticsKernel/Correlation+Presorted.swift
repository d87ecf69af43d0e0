extension Correlation {
    /// `estimate(x:y:)` with each column's order given (every row with a finite value, in
    /// ascending order of value: a column sorted once and reused for every pair), so that
    /// Spearman's ranks are read from it instead of sorting the pair's values again. The
    /// same figures to the bit: the pair's complete cases in sorted order are the column's
    /// order with the other rows left out, and ties are equal values either way.
    public static func estimate(x: [Double?], y: [Double?], xOrder: [Int], yOrder: [Int]) -> CorrelationEstimate {
        var rows: [Int] = [], xs: [Double] = [], ys: [Double] = []
        let count = min(x.count, y.count)
        rows.reserveCapacity(count)
        xs.reserveCapacity(count)
        ys.reserveCapacity(count)
        for i in 0..<count {
            guard let a = x[i], let b = y[i], a.isFinite, b.isFinite else { continue }
            rows.append(i)
            xs.append(a)
            ys.append(b)
        }
        let n = xs.count
        guard n >= 3, xs.min() != xs.max(), ys.min() != ys.max() else {
            return CorrelationEstimate(n: n, pearsonR: nil, spearmanRho: nil)
        }
        let r = CentredMoments(columns: [xs, ys])?.correlation(0, 1)
        let xRanks = Ranking.averageRanks(of: x, rows: rows, ascendingOrder: xOrder, rowCount: x.count)
        let yRanks = Ranking.averageRanks(of: y, rows: rows, ascendingOrder: yOrder, rowCount: y.count)
        let rho = CentredMoments(columns: [xRanks, yRanks])?.correlation(0, 1)
        return CorrelationEstimate(n: n, pearsonR: r, spearmanRho: rho)
    }
}
