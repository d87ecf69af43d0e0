extension Parallel {
    /// `(0..<count).sorted(by: precedes)` — Swift's sort is stable, so ties stay in index
    /// order — with the two halves sorted concurrently (`map`) and then merged, a tie taking
    /// the left half's index first. A stable sort's result is fixed by the order and the
    /// indices alone (by `precedes`, then by index), so it is the same indices in the same
    /// order on one core or many. `precedes` must be a strict weak order and safe to call
    /// from two threads at once (it may read shared values, never mutate them).
    public static func sortedIndices(_ count: Int, by precedes: (Int, Int) -> Bool) -> [Int] {
        guard count >= minimumSplitSort else { return (0..<count).sorted(by: precedes) }
        let middle = count / 2
        let halves = map(2) { half in (half == 0 ? 0..<middle : middle..<count).sorted(by: precedes) }
        return merge(halves[0], halves[1], by: precedes)
    }

    /// Below this many positions one sort is quicker than two and a merge.
    static let minimumSplitSort = 4_096

    /// The stable merge of two sorted runs, `left`'s indices all below `right`'s.
    static func merge(_ left: [Int], _ right: [Int], by precedes: (Int, Int) -> Bool) -> [Int] {
        [Int](unsafeUninitializedCapacity: left.count + right.count) { merged, initialized in
            var i = 0, j = 0, k = 0
            while i < left.count, j < right.count {
                if precedes(right[j], left[i]) {
                    merged[k] = right[j]
                    j += 1
                } else {
                    merged[k] = left[i]
                    i += 1
                }
                k += 1
            }
            while i < left.count { merged[k] = left[i]; i += 1; k += 1 }
            while j < right.count { merged[k] = right[j]; j += 1; k += 1 }
            initialized = k
        }
    }
}
