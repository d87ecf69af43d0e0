extension Array {
    /// Rearranges the array in place so that position k holds what was at `order[k]`
    /// (`order` a permutation of the indices), moving each element once by following the
    /// permutation's cycles with swaps: a million rows sorted by index are put in order
    /// without a second array of them (issue 12).
    package mutating func permute(to order: [Int]) {
        var order = order
        for start in order.indices where order[start] != start {
            var current = start
            while order[current] != start {
                let next = order[current]
                swapAt(current, next)
                order[current] = current
                current = next
            }
            order[current] = current
        }
    }
}
