extension Ranking {
    /// Average ranks of the values at `rows` (ascending row numbers) of a column, read
    /// from `ascendingOrder` — every row of the column with a finite value, in ascending
    /// order of value — instead of sorting again: one pass over the order, skipping rows
    /// not in `rows`. Equal to `averageRanks(rows.map { column[$0] })` exactly (the subset
    /// in sorted order is the order with the other rows left out; ties are equal values).
    /// - Parameters:
    ///   - rowCount: the column's length (rows are `0..<rowCount`).
    /// - Returns: the ranks aligned with `rows`.
    static func averageRanks(of column: [Double?], rows: [Int], ascendingOrder: [Int], rowCount: Int) -> [Double] {
        averageRanks(rows: rows, rowCount: rowCount, ascendingOrder: ascendingOrder,
                     orderedValues: orderedValues(of: column, in: ascendingOrder))
    }

    /// `column`'s values in `order` (NaN for a row outside it or missing: such a row is in
    /// no `rows`, so its value is never compared).
    static func orderedValues(of column: [Double?], in order: [Int]) -> [Double] {
        order.map { $0 < column.count ? column[$0] ?? .nan : .nan }
    }
}

extension Ranking {
    /// `averageRanks(of:rows:ascendingOrder:rowCount:)` with the column's values in that
    /// order beside it (`orderedValues[k]` is the value at row `ascendingOrder[k]`), so that
    /// ties are found by reading the sorted values in sequence instead of the column at
    /// random — at a million rows the random reads were most of the ranking's time. The
    /// same ranks exactly: the same runs of equal values over the same selected rows.
    static func averageRanks(rows: [Int], rowCount: Int, ascendingOrder: [Int], orderedValues: [Double]) -> [Double] {
        var position = [Int32](repeating: -1, count: rowCount)
        for (index, row) in rows.enumerated() { position[row] = Int32(truncatingIfNeeded: index) }
        var ranks = [Double](repeating: 0, count: rows.count)
        var run: [Int32] = []
        var runValue = 0.0, selected = 0
        func close() {
            let rank = Double(selected - run.count + 1 + selected) / 2
            for member in run { ranks[Int(member)] = rank }
            run.removeAll(keepingCapacity: true)
        }
        for (k, row) in ascendingOrder.enumerated() where row < rowCount && k < orderedValues.count {
            let member = position[row]
            guard member >= 0 else { continue }
            let value = orderedValues[k]
            if !run.isEmpty, value != runValue { close() }
            if run.isEmpty { runValue = value }
            run.append(member)
            selected += 1
        }
        if !run.isEmpty { close() }
        return ranks
    }
}

extension Descriptive {
    /// `summarize` of a sample already sorted ascending (as a column sorted once per group
    /// is): the same figures to the bit, since `summarize` itself works on the sorted
    /// values, without sorting again.
    /// - Returns: `nil` if `sorted` is empty or holds a NaN or infinity.
    public static func summarize(sorted: [Double]) -> SampleSummary? {
        guard let first = sorted.first, let last = sorted.last, sorted.allSatisfy(\.isFinite),
              let mean = mean(of: sorted) else { return nil }
        return SampleSummary(n: sorted.count, mean: mean, standardDeviation: standardDeviation(of: sorted, mean: mean),
                             minimum: first, median: OrderStatistics.sortedMedian(sorted), maximum: last)
    }
}

extension OrderStatistics {
    /// `quantile(_:probability:)` of a sample already sorted ascending (a column sorted
    /// once per group), without sorting again: the same bits.
    /// - Returns: `nil` if `sorted` is empty, holds a non-finite value, or `p` is outside [0, 1].
    public static func quantile(sorted: [Double], probability p: Double) -> Double? {
        guard p >= 0, p <= 1, !sorted.isEmpty, sorted.allSatisfy(\.isFinite) else { return nil }
        return sortedQuantile(sorted, probability: p)
    }
}
