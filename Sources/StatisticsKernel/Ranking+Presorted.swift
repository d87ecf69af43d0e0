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
        guard rowCount <= Int(UInt32.max), rows.allSatisfy({ $0 >= 0 && $0 < rowCount }) else { return [] }
        let sorted = presorted(ascendingOrder, orderedValues)
        return averageRanks(rows: rows.map { UInt32($0) }, rowCount: rowCount, ascendingOrder: sorted.order,
                            runStarts: sorted.runStarts)
    }

    /// An order and its values in the form the 32-bit reader takes: 32-bit rows (a row that
    /// does not fit can be in no `rows`) and where the values' runs of ties begin. Entries
    /// past the shorter of the two are dropped, as the reader never read them.
    static func presorted(_ ascendingOrder: [Int], _ orderedValues: [Double]) -> (order: [UInt32], runStarts: RunStarts) {
        let order = ascendingOrder.prefix(orderedValues.count).map { UInt32(exactly: $0) ?? .max }
        return (order, RunStarts(sorted: Array(orderedValues.prefix(order.count))))
    }

    /// The same, on 32-bit row numbers (what the analysis keeps of a million-row group),
    /// with the sorted values' runs of equal values marked (`RunStarts`) instead of the
    /// values: two selected rows tie exactly when no run begins after the first of them up
    /// to the second, since equal values are adjacent in sorted order. The rows selected in
    /// sorted order are written down once, and each run of ties is a range of that list.
    /// - Parameters:
    ///   - rows: ascending, distinct, each below `rowCount`.
    static func averageRanks(rows: [UInt32], rowCount: Int, ascendingOrder: [UInt32],
                             runStarts: RunStarts) -> [Double] {
        let n = rows.count
        var ranks = [Double](repeating: 0, count: n)
        guard n > 0 else { return ranks }
        // Ascending distinct rows as many as there are rows are every row: no map needed.
        let identity = n == rowCount
        let selection = identity ? SelectedRows(rowCount: 0, rows: []) : SelectedRows(rowCount: rowCount, rows: rows)
        var members = [Int32](repeating: 0, count: n)
        ranks.withUnsafeMutableBufferPointer { ranks in
            members.withUnsafeMutableBufferPointer { members in
                selection.words.withUnsafeBufferPointer { words in
                    selection.before.withUnsafeBufferPointer { before in
                        ascendingOrder.withUnsafeBufferPointer { order in
                            var selected = 0, runStart = 0, newRun = false
                            for k in 0..<min(order.count, runStarts.count) {
                                if runStarts[k] { newRun = true }
                                let row = Int(order[k])
                                guard row < rowCount else { continue }
                                let member = identity ? Int32(truncatingIfNeeded: row)
                                    : SelectedRows.index(of: row, words: words, before: before)
                                guard member >= 0, selected < n else { continue }
                                if selected > runStart, newRun {
                                    assign(runStart..<selected, of: members, into: ranks)
                                    runStart = selected
                                }
                                newRun = false
                                members[selected] = member
                                selected += 1
                            }
                            assign(runStart..<selected, of: members, into: ranks)
                        }
                    }
                }
            }
        }
        return ranks
    }

    /// Which rows are selected, as bits, with the count of selected rows before each word:
    /// a row's index among the selected rows (ascending) is that count plus the selected
    /// bits below it in its word. Read at random once per sorted value, the bits and
    /// counts (1/64 and 1/16 of the four bytes a row a map of indices took) stay in cache
    /// where the map did not: at 10⁶ services that map's misses were half the correlation
    /// pairs' own time (issue 30).
    private struct SelectedRows {
        var words: [UInt64]
        var before: [Int32]

        /// - Parameter rows: ascending, distinct, each below `rowCount`.
        init(rowCount: Int, rows: [UInt32]) {
            words = [UInt64](repeating: 0, count: (rowCount + 63) / 64)
            for row in rows { words[Int(row) >> 6] |= 1 << UInt64(row & 63) }
            before = [Int32](repeating: 0, count: words.count)
            var count: Int32 = 0
            for index in words.indices {
                before[index] = count
                count &+= Int32(truncatingIfNeeded: words[index].nonzeroBitCount)
            }
        }

        /// The index of `row` among the selected rows, or −1 when it is not selected.
        @inline(__always)
        static func index(of row: Int, words: UnsafeBufferPointer<UInt64>, before: UnsafeBufferPointer<Int32>) -> Int32 {
            let word = words[row >> 6], bit = UInt64(1) << UInt64(row & 63)
            guard word & bit != 0 else { return -1 }
            return before[row >> 6] &+ Int32(truncatingIfNeeded: (word & (bit &- 1)).nonzeroBitCount)
        }
    }

    /// Gives the members at `run` of the sorted selection their average rank: positions
    /// lowerBound + 1 … upperBound, averaged.
    @inline(__always)
    private static func assign(_ run: Range<Int>, of members: UnsafeMutableBufferPointer<Int32>,
                               into ranks: UnsafeMutableBufferPointer<Double>) {
        let rank = Double(run.lowerBound + 1 + run.upperBound) / 2
        for m in run { ranks[Int(members[m])] = rank }
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
