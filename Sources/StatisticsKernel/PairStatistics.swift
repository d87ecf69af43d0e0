/// Everything the analysis computes for one pair of variables in one group: the
/// correlation (`Correlation.estimate`) and the trend line (`LeastSquares.line`), from
/// one set of exact centred moments of the pair's complete cases instead of two (issue 12:
/// the moments are the analysis's main cost at 10⁶ services). The same figures, to the
/// bit, as the two functions called apart: they build the same `CentredMoments` from the
/// same values in the same order.
public struct PairStatistics: Sendable, Equatable {
    public var correlation: CorrelationEstimate
    /// Points with both values present (the trend line's n).
    public var pointCount: Int
    public var line: TrendLine?

    /// - Parameters:
    ///   - x, y: the group's columns, `nil` where missing.
    ///   - xOrder, yOrder: each column's finite rows in ascending order of value (see
    ///     `Correlation.estimate(x:y:xOrder:yOrder:)`).
    public init(x: [Double?], y: [Double?], xOrder: [Int], yOrder: [Int]) {
        self.init(x: x, y: y, xOrder: xOrder, xOrderedValues: Ranking.orderedValues(of: x, in: xOrder), yOrder: yOrder,
                  yOrderedValues: Ranking.orderedValues(of: y, in: yOrder))
    }

    /// The same, with each column's finite values in its ascending order beside the order
    /// (`xOrderedValues[k]` = `x[xOrder[k]]`), from which ties are read in sequence.
    public init(x: [Double?], y: [Double?], xOrder: [Int], xOrderedValues: [Double], yOrder: [Int],
                yOrderedValues: [Double]) {
        let xSorted = Ranking.presorted(xOrder, xOrderedValues), ySorted = Ranking.presorted(yOrder, yOrderedValues)
        self.init(missingAsNaN: x.map { $0 ?? .nan }, y.map { $0 ?? .nan }, xOrder: xSorted.order,
                  xRunStarts: xSorted.runStarts, yOrder: ySorted.order, yRunStarts: ySorted.runStarts)
    }

    /// The same on 8-byte columns with NaN for a missing value (as the analysis stores
    /// them, `MissingAsNaN`), 32-bit row numbers, and each sorted column's runs of equal
    /// values (`RunStarts`) in place of its values: at a million services a pair's columns
    /// and orders are half the size. A NaN is missing here, so it counts in no n.
    public init(missingAsNaN x: consuming [Double], _ y: consuming [Double], xOrder: [UInt32], xRunStarts: RunStarts,
                yOrder: [UInt32], yRunStarts: RunStarts) {
        let count = min(x.count, y.count), rowCount = (x: x.count, y: y.count)
        var rows: [UInt32] = [], xs: [Double] = [], ys: [Double] = []
        rows.reserveCapacity(count)
        xs.reserveCapacity(count)
        ys.reserveCapacity(count)
        var present = 0
        for i in 0..<count {
            let a = x[i], b = y[i]
            guard !a.isNaN, !b.isNaN else { continue }
            present += 1
            guard a.isFinite, b.isFinite else { continue }
            rows.append(UInt32(truncatingIfNeeded: i))
            xs.append(a)
            ys.append(b)
        }
        pointCount = present
        // Only the complete cases are read from here on: the columns' memory goes back now.
        x = []
        y = []
        let n = xs.count
        let xVaries = n >= 2 && xs.min() != xs.max(), yVaries = n >= 2 && ys.min() != ys.max()
        // `LeastSquares.line` needs every present point finite; `Correlation` drops non-finite ones.
        let moments = xVaries && (n >= 3 && yVaries || present == n) ? CentredMoments(columns: [xs, ys]) : nil
        line = present == n && xVaries ? moments.flatMap { LeastSquares.line(from: $0, n: n) } : nil
        guard n >= 3, xVaries, yVaries, count <= Int(UInt32.max) else {
            correlation = CorrelationEstimate(n: n, pearsonR: nil, spearmanRho: nil)
            return
        }
        xs = []
        ys = []
        let xRanks = Ranking.averageRanks(rows: rows, rowCount: rowCount.x, ascendingOrder: xOrder, runStarts: xRunStarts)
        let yRanks = Ranking.averageRanks(rows: rows, rowCount: rowCount.y, ascendingOrder: yOrder, runStarts: yRunStarts)
        let rho = CentredMoments(columns: [xRanks, yRanks])?.correlation(0, 1)
        correlation = CorrelationEstimate(n: n, pearsonR: moments?.correlation(0, 1), spearmanRho: rho)
    }
}
