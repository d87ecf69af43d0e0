extension Parallel {
    /// `(0..<count).sorted(by: precedes)` — Swift's sort is stable, so ties stay in index
    /// order — with the two halves sorted concurrently (`map`) and then merged, a tie taking
    /// the left half's index first. A stable sort's result is fixed by the order and the
    /// indices alone (by `precedes`, then by index), so it is the same indices in the same
    /// order on one core or many. `precedes` must be a strict weak order and safe to call
    /// from two threads at once (it may read shared values, never mutate them).
    public static func sortedIndices(_ count: Int, by precedes: (Int, Int) -> Bool) -> [Int] {
        sorted(Array(0..<count), by: precedes)
    }

    /// `elements.sorted(by: precedes)`, stable as that is, with the two halves sorted
    /// concurrently and then merged, a tie taking the left half's element first: the same
    /// elements in the same order on one core or many. For values small enough to move (a
    /// row number beside its sort key), whose comparisons then read no other memory;
    /// inlinable, so that the sort and the merge are compiled for the caller's type.
    @inlinable
    public static func sorted<Element: Sendable>(_ elements: [Element], by precedes: (Element, Element) -> Bool) -> [Element] {
        let count = elements.count
        guard count >= minimumSplitSort else { return elements.sorted(by: precedes) }
        let middle = count / 2
        let halves = map(2) { half in elements[half == 0 ? 0..<middle : middle..<count].sorted(by: precedes) }
        return merge(halves[0], halves[1], by: precedes)
    }

    /// Below this many elements one sort is quicker than two and a merge.
    @usableFromInline static let minimumSplitSort = 4_096

    /// The stable merge of two sorted runs, `left`'s elements all before `right`'s.
    @inlinable
    static func merge<Element>(_ left: [Element], _ right: [Element], by precedes: (Element, Element) -> Bool) -> [Element] {
        [Element](unsafeUninitializedCapacity: left.count + right.count) { merged, initialized in
            var i = 0, j = 0, k = 0
            while i < left.count, j < right.count {
                if precedes(right[j], left[i]) {
                    merged.initializeElement(at: k, to: right[j])
                    j += 1
                } else {
                    merged.initializeElement(at: k, to: left[i])
                    i += 1
                }
                k += 1
            }
            while i < left.count { merged.initializeElement(at: k, to: left[i]); i += 1; k += 1 }
            while j < right.count { merged.initializeElement(at: k, to: right[j]); j += 1; k += 1 }
            initialized = k
        }
    }
}
