extension OrderStatistics {
    /// The median and the raw median absolute deviation of one sample, with one sort:
    /// the same values as `median(values)` and `medianAbsoluteDeviation(values)`.
    ///
    /// With the sample sorted, the deviations |xᵢ − x̃| fall towards the median on its
    /// left and rise from it on its right, so they are two sorted runs: merged in one pass
    /// they are exactly the sorted deviations (every one is ≥ +0, no −0 or NaN), instead of
    /// a second and third O(n log n) sort (issue 12: the clean stage screens five metrics
    /// of a million services).
    /// - Returns: `nil` if `values` is empty or holds a non-finite value; the MAD is `nil`
    ///   when a deviation overflows, as in `medianAbsoluteDeviation`.
    public static func medianAndMAD(_ values: [Double]) -> (median: Double, mad: Double?)? {
        guard let sorted = sortedFinite(values) else { return nil }
        let centre = sortedMedian(sorted)
        // Left run: deviations of the values below the split, read from the split down.
        let split = sorted.partitioningIndex { $0 >= centre }
        var deviations: [Double] = []
        deviations.reserveCapacity(sorted.count)
        var left = split - 1, right = split
        while left >= 0 || right < sorted.count {
            let fromLeft = left >= 0 ? abs(sorted[left] - centre) : .infinity
            let fromRight = right < sorted.count ? abs(sorted[right] - centre) : .infinity
            if left >= 0, right >= sorted.count || fromLeft <= fromRight {
                deviations.append(fromLeft)
                left -= 1
            } else {
                deviations.append(fromRight)
                right += 1
            }
        }
        let mad = sortedMedian(deviations)
        return (centre, mad.isFinite ? mad : nil)
    }
}

extension Array where Element == Double {
    /// The first index whose element satisfies `belongs`, for a predicate that is false and
    /// then true along the array (binary search).
    fileprivate func partitioningIndex(where belongs: (Double) -> Bool) -> Int {
        var low = 0, high = count
        while low < high {
            let middle = low + (high - low) / 2
            if belongs(self[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
